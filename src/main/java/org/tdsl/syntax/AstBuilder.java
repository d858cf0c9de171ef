package org.tdsl.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tdsl.syntax.Expr.Arg;
import org.tdsl.syntax.Expr.ArgKind;
import org.tdsl.syntax.Stmt.Param;
import org.tdsl.syntax.Stmt.ParamKind;
import org.tdsl.syntax.generated.TdslParser.*;

/** Builds the AST once from ANTLR's parse tree, checking what the grammar leaves loose. */
final class AstBuilder {
  private final String file;
  private final int lineOffset;
  private final int colOffset;
  private final StringLiterals strings;

  AstBuilder(String file, int lineOffset, int colOffset) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
    this.strings = new StringLiterals(file, this::pos);
  }

  /** What a statement sits in, for Python's static checks: break outside a loop, return outside a function. */
  private static final class Context {
    final boolean function;
    int loops;
    boolean yields;

    Context(boolean function) {
      this.function = function;
    }
  }

  private final Deque<Context> contexts = new ArrayDeque<>(List.of(new Context(false)));

  List<Stmt> program(ProgramContext c) {
    return statements(c.statement());
  }

  private List<Stmt> statements(List<StatementContext> list) {
    List<Stmt> out = new ArrayList<>();
    for (StatementContext s : list) out.add(statement(s));
    return out;
  }

  private List<Stmt> block(BlockContext c) {
    return switch (c) {
      case BraceBlockContext b -> statements(b.statement());
      case IndentBlockContext b -> statements(b.statement());
      default -> throw new IllegalStateException();
    };
  }

  private List<Stmt> loopBody(BlockContext c) {
    contexts.peek().loops++;
    try {
      return block(c);
    } finally {
      contexts.peek().loops--;
    }
  }

  private Stmt statement(StatementContext c) {
    Pos pos = pos(c.getStart());
    return switch (c) {
      case IfStmtContext s -> {
        List<Expr> conditions = new ArrayList<>();
        for (ExprContext e : s.expr()) conditions.add(expr(e));
        List<List<Stmt>> blocks = new ArrayList<>();
        for (BlockContext b : s.block()) blocks.add(block(b));
        List<Stmt> otherwise = blocks.size() > conditions.size() ? blocks.removeLast() : null;
        yield new Stmt.If(pos, conditions, blocks, otherwise);
      }
      case WhileStmtContext s -> new Stmt.While(pos, expr(s.expr()), loopBody(s.block(0)),
          s.block().size() > 1 ? block(s.block(1)) : null);
      case ForStmtContext s -> new Stmt.For(pos, forTarget(s.forTarget()), exprList(s.exprList()),
          loopBody(s.block(0)), s.block().size() > 1 ? block(s.block(1)) : null);
      case DefStmtContext s -> {
        List<Expr> decorators = decorators(s.decorator());
        List<Param> params = params(s.params());
        Context inner = new Context(true);
        contexts.push(inner);
        try {
          List<Stmt> body = block(s.block());
          yield new Stmt.Def(pos(s.NAME().getSymbol()), s.NAME().getText(), params, body, decorators, inner.yields);
        } finally {
          contexts.pop();
        }
      }
      case ClassDefStmtContext s -> classDef(s.classStmt(), decorators(s.decorator()));
      case WithStmtContext s -> {
        List<Stmt> body = block(s.block());
        List<WithItemContext> items = s.withItem();
        for (int i = items.size() - 1; i >= 0; i--) {
          WithItemContext item = items.get(i);
          Expr target = item.forTarget() == null ? null : forTarget(item.forTarget());
          if (target != null) checkTarget(target);
          body = List.of(new Stmt.With(i == 0 ? pos : pos(item.getStart()), expr(item.expr()), target, body));
        }
        yield body.getFirst();
      }
      case TryStmtContext s -> tryStmt(s, pos);
      case ImportStmtContext s -> new Stmt.Import(pos, strings.unquote(s.STRING().getSymbol()));
      case ImportModuleStmtContext s -> {
        List<Stmt.ImportName> modules = new ArrayList<>();
        for (DottedAsContext d : s.dottedAs()) {
          modules.add(new Stmt.ImportName(pos(d.getStart()), d.dotted().getText(), d.NAME() == null ? null : d.NAME().getText()));
        }
        yield new Stmt.ImportModule(pos, modules);
      }
      case FromImportStmtContext s -> {
        List<Stmt.ImportName> names = new ArrayList<>();
        ImportTargetsContext t = s.importTargets();
        for (ImportNameContext n : t.importName()) {
          names.add(new Stmt.ImportName(pos(n.getStart()), n.NAME(0).getText(),
              n.NAME().size() > 1 ? n.NAME(1).getText() : null));
        }
        String module = s.dotted() == null ? "" : s.dotted().getText();
        yield new Stmt.FromImport(pos, module, s.DOT().size(), names, t.STAR() != null);
      }
      case ReturnStmtContext s -> {
        if (!contexts.peek().function) throw new SyntaxError("'return' outside function", pos);
        yield new Stmt.Return(pos, s.exprList() == null ? null : exprList(s.exprList()));
      }
      case RaiseStmtContext s -> new Stmt.Raise(pos, s.expr().isEmpty() ? null : expr(s.expr(0)),
          s.expr().size() > 1 ? expr(s.expr(1)) : null);
      case DelStmtContext s -> {
        Expr targets = exprList(s.exprList());
        List<Expr> list = targets instanceof Expr.Tuple t && s.exprList().COMMA().size() > 0 ? t.items() : List.of(targets);
        for (Expr t : list) checkDelTarget(t);
        yield new Stmt.Del(pos, list);
      }
      case GlobalStmtContext s -> new Stmt.Global(pos, names(s.NAME()));
      case NonlocalStmtContext s -> {
        if (contexts.size() == 1) throw new SyntaxError("nonlocal declaration not allowed at module level", pos);
        yield new Stmt.Nonlocal(pos, names(s.NAME()));
      }
      case BreakStmtContext s -> {
        if (contexts.peek().loops == 0) throw new SyntaxError("'break' outside loop", pos);
        yield new Stmt.Break(pos);
      }
      case ContinueStmtContext s -> {
        if (contexts.peek().loops == 0) throw new SyntaxError("'continue' not properly in loop", pos);
        yield new Stmt.Continue(pos);
      }
      case PassStmtContext s -> new Stmt.Pass(pos);
      case AssertStmtContext s ->
          new Stmt.Assert(pos, expr(s.expr(0)), s.expr().size() > 1 ? expr(s.expr(1)) : null);
      case AugAssignStmtContext s -> {
        Expr target = exprList(s.exprList(0));
        if (!(target instanceof Expr.Name || target instanceof Expr.Index
            || target instanceof Expr.Member)) {
          throw new SyntaxError("'" + describe(target) + "' is an illegal expression for augmented assignment", target.pos());
        }
        String symbol = s.augOp().getText();
        BinOp op = BinOp.of(symbol.substring(0, symbol.length() - 1));
        Expr value = s.yieldExpr() != null ? yieldExpr(s.yieldExpr()) : exprList(s.exprList(1));
        yield new Stmt.AugAssign(pos(s.augOp().getStart()), target, op, value);
      }
      case AnnAssignStmtContext s -> {
        // An annotation is documentation here: x: int = 1 assigns, x: int alone does nothing.
        Expr target = exprList(s.exprList(0));
        if (!(target instanceof Expr.Name || target instanceof Expr.Index || target instanceof Expr.Member)) {
          throw new SyntaxError("only single target (not tuple) can be annotated", target.pos());
        }
        expr(s.expr());
        if (s.ASSIGN() == null) yield new Stmt.Pass(pos);
        Expr value = s.yieldExpr() != null ? yieldExpr(s.yieldExpr()) : exprList(s.exprList(1));
        yield new Stmt.Assign(pos(s.ASSIGN().getSymbol()), List.of(target), value);
      }
      case YieldStmtContext s -> new Stmt.ExprStmt(pos, yieldExpr(s.yieldExpr()));
      case ExprOrAssignStmtContext s -> {
        List<Expr> parts = new ArrayList<>();
        for (var child : s.children) {
          if (child instanceof ExprListContext e) parts.add(exprList(e));
          else if (child instanceof YieldExprContext y) parts.add(yieldExpr(y));
        }
        if (parts.size() == 1) yield new Stmt.ExprStmt(pos, parts.getFirst());
        List<Expr> targets = new ArrayList<>(parts.subList(0, parts.size() - 1));
        for (Expr t : targets) checkTarget(t);
        yield new Stmt.Assign(pos(s.ASSIGN(0).getSymbol()), targets, parts.getLast());
      }
      default -> throw new IllegalStateException("unknown statement " + c.getClass());
    };
  }

  private List<Expr> decorators(List<DecoratorContext> list) {
    List<Expr> out = new ArrayList<>();
    for (DecoratorContext d : list) out.add(expr(d.expr()));
    return out;
  }

  private Stmt classDef(ClassStmtContext c, List<Expr> decorators) {
    List<Arg> bases = c.args() == null ? List.of() : args(c.args());
    for (Arg a : bases) {
      if (a.kind() == ArgKind.KEYWORD && a.name().equals("metaclass")) {
        throw new SyntaxError("tdsl does not support metaclasses", a.value().pos());
      }
    }
    contexts.push(new Context(false));
    try {
      return new Stmt.ClassDef(pos(c.NAME().getSymbol()), c.NAME().getText(), bases, block(c.block()), decorators);
    } finally {
      contexts.pop();
    }
  }

  private Stmt tryStmt(TryStmtContext s, Pos pos) {
    List<Stmt> body = block(s.block(0));
    List<Stmt.Handler> handlers = new ArrayList<>();
    List<ExceptClauseContext> clauses = s.exceptClause();
    for (int i = 0; i < clauses.size(); i++) {
      ExceptClauseContext e = clauses.get(i);
      Pos at = pos(e.getStart());
      if (e.expr() == null && i < clauses.size() - 1) throw new SyntaxError("default 'except:' must be last", at);
      handlers.add(new Stmt.Handler(at, e.expr() == null ? null : expr(e.expr()),
          e.NAME() == null ? null : e.NAME().getText(), block(e.block())));
    }
    int next = 1;
    List<Stmt> otherwise = s.ELSE() != null ? block(s.block(next++)) : null;
    List<Stmt> finallyBody = s.FINALLY() != null ? block(s.block(next)) : null;
    if (handlers.isEmpty() && finallyBody == null) {
      throw new SyntaxError("expected 'except' or 'finally' block", pos(s.getStop()));
    }
    if (handlers.isEmpty() && otherwise != null) {
      throw new SyntaxError("expected 'except' or 'finally' block", pos(s.ELSE().getSymbol()));
    }
    return new Stmt.Try(pos, body, handlers, otherwise, finallyBody);
  }

  private static List<String> names(List<TerminalNode> nodes) {
    List<String> out = new ArrayList<>();
    for (TerminalNode n : nodes) out.add(n.getText());
    return out;
  }

  private Expr yieldExpr(YieldExprContext y) {
    Pos pos = pos(y.getStart());
    Context here = contexts.peek();
    if (!here.function) throw new SyntaxError("'yield' outside function", pos);
    here.yields = true;
    if (y.FROM() != null) return new Expr.Yield(pos, expr(y.expr()), true);
    return new Expr.Yield(pos, y.exprList() == null ? null : exprList(y.exprList()), false);
  }

  private void checkTarget(Expr t) {
    switch (t) {
      case Expr.Name n -> {}
      case Expr.Index i -> {}
      case Expr.Member m -> {}
      case Expr.Tuple tu -> checkTargets(tu.items());
      case Expr.ListDisplay l -> checkTargets(l.items());
      case Expr.Starred s -> throw new SyntaxError("starred assignment target must be in a list or tuple", t.pos());
      default -> throw new SyntaxError("cannot assign to " + describe(t), t.pos());
    }
  }

  private void checkTargets(List<Expr> items) {
    boolean starred = false;
    for (Expr e : items) {
      if (e instanceof Expr.Starred s) {
        if (starred) throw new SyntaxError("multiple starred expressions in assignment", s.pos());
        starred = true;
        checkTarget(s.value());
      } else {
        checkTarget(e);
      }
    }
  }

  private void checkDelTarget(Expr t) {
    switch (t) {
      case Expr.Name n -> {}
      case Expr.Index i -> {}
      case Expr.Member m -> {}
      case Expr.Tuple tu -> tu.items().forEach(this::checkDelTarget);
      case Expr.ListDisplay l -> l.items().forEach(this::checkDelTarget);
      default -> throw new SyntaxError("cannot delete " + describe(t), t.pos());
    }
  }

  private static String describe(Expr e) {
    return switch (e) {
      case Expr.Literal l -> "literal";
      case Expr.Call c -> "function call";
      case Expr.Binary b -> "expression";
      case Expr.Compare c -> "comparison";
      case Expr.Lambda l -> "lambda";
      case Expr.Comprehension c -> c.kind() == Expr.ComprehensionKind.GENERATOR ? "generator expression"
          : c.kind().name().toLowerCase() + " comprehension";
      default -> "expression";
    };
  }

  private Expr forTarget(ForTargetContext c) {
    List<Expr> items = new ArrayList<>();
    for (ForAtomContext a : c.forAtom()) {
      if (a.NAME() != null) {
        Expr name = new Expr.Name(pos(a.NAME().getSymbol()), a.NAME().getText());
        items.add(a.STAR() != null ? new Expr.Starred(pos(a.STAR().getSymbol()), name) : name);
      } else {
        items.add(forTarget(a.forTarget()));
      }
    }
    if (items.size() == 1 && c.COMMA().isEmpty()) {
      if (items.getFirst() instanceof Expr.Starred s) {
        throw new SyntaxError("starred assignment target must be in a list or tuple", s.pos());
      }
      return items.getFirst();
    }
    Expr tuple = new Expr.Tuple(pos(c.getStart()), items);
    checkTarget(tuple);
    return tuple;
  }

  /** One parameter as written, before Python's ordering rules are checked. */
  private record RawParam(Pos pos, ParamKind kind, String name, ExprContext defaultValue) {}

  private List<Param> params(ParamsContext c) {
    List<RawParam> raw = new ArrayList<>();
    if (c != null) {
      for (ParamContext p : c.param()) {
        Pos pos = pos(p.getStart());
        switch (p) {
          case PlainParamContext pp -> {
            if (pp.annotation != null) expr(pp.annotation);
            raw.add(new RawParam(pos, ParamKind.NORMAL, pp.NAME().getText(), pp.ASSIGN() == null ? null : pp.expr().getLast()));
          }
          case StarParamContext sp -> raw.add(new RawParam(pos, ParamKind.VAR_POSITIONAL, sp.NAME() == null ? null : sp.NAME().getText(), null));
          case KwargsParamContext kp -> raw.add(new RawParam(pos, ParamKind.VAR_KEYWORD, kp.NAME().getText(), null));
          case PositionalOnlyMarkerContext m -> {}
          default -> throw new IllegalStateException();
        }
      }
    }
    return params(raw);
  }

  private List<Param> lambdaParams(LambdaParamsContext c) {
    List<RawParam> raw = new ArrayList<>();
    if (c != null) {
      for (LambdaParamContext p : c.lambdaParam()) {
        Pos pos = pos(p.getStart());
        switch (p) {
          case PlainLambdaParamContext pp -> raw.add(new RawParam(pos, ParamKind.NORMAL, pp.NAME().getText(), pp.expr()));
          case StarLambdaParamContext sp -> raw.add(new RawParam(pos, ParamKind.VAR_POSITIONAL, sp.NAME() == null ? null : sp.NAME().getText(), null));
          case KwargsLambdaParamContext kp -> raw.add(new RawParam(pos, ParamKind.VAR_KEYWORD, kp.NAME().getText(), null));
          default -> throw new IllegalStateException();
        }
      }
    }
    return params(raw);
  }

  private List<Param> params(List<RawParam> raw) {
    List<Param> out = new ArrayList<>();
    boolean keywordOnly = false;
    boolean seenDefault = false;
    boolean seenKwargs = false;
    for (RawParam p : raw) {
      if (seenKwargs) throw new SyntaxError("arguments cannot follow var-keyword argument", p.pos());
      switch (p.kind()) {
        case NORMAL -> {
          Expr def = p.defaultValue() == null ? null : expr(p.defaultValue());
          if (!keywordOnly) {
            if (def == null && seenDefault) {
              throw new SyntaxError("parameter without a default follows parameter with a default", p.pos());
            }
            seenDefault |= def != null;
          }
          out.add(new Param(p.pos(), p.name(), keywordOnly ? ParamKind.KEYWORD_ONLY : ParamKind.NORMAL, def));
        }
        case VAR_POSITIONAL -> {
          if (keywordOnly) throw new SyntaxError("* argument may appear only once", p.pos());
          keywordOnly = true;
          if (p.name() != null) out.add(new Param(p.pos(), p.name(), ParamKind.VAR_POSITIONAL, null));
        }
        case VAR_KEYWORD -> {
          seenKwargs = true;
          out.add(new Param(p.pos(), p.name(), ParamKind.VAR_KEYWORD, null));
        }
        default -> throw new IllegalStateException();
      }
    }
    for (int i = 0; i < out.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (out.get(i).name().equals(out.get(j).name())) {
          throw new SyntaxError("duplicate argument '" + out.get(i).name() + "' in function definition", out.get(i).pos());
        }
      }
    }
    return out;
  }

  private Expr exprList(ExprListContext c) {
    List<Expr> items = new ArrayList<>();
    for (ExprContext e : c.expr()) items.add(expr(e));
    if (items.size() == 1 && c.COMMA().isEmpty()) return items.getFirst();
    return new Expr.Tuple(items.getFirst().pos(), items);
  }

  private List<Expr> exprs(List<ExprContext> list) {
    List<Expr> out = new ArrayList<>();
    for (ExprContext e : list) out.add(expr(e));
    return out;
  }

  /** A call's (or a class's bases') arguments, positional before keyword as Python requires. */
  private List<Arg> args(ArgsContext c) {
    List<Arg> args = new ArrayList<>();
    if (c == null) return args;
    boolean seenKeyword = false;
    for (ArgContext a : c.arg()) {
      switch (a) {
        case KeywordArgContext k -> {
          seenKeyword = true;
          args.add(new Arg(ArgKind.KEYWORD, k.NAME().getText(), expr(k.expr())));
        }
        case StarArgContext s -> args.add(new Arg(ArgKind.STAR, null, expr(s.expr())));
        case KwargsArgContext k -> {
          seenKeyword = true;
          args.add(new Arg(ArgKind.DOUBLE_STAR, null, expr(k.expr())));
        }
        case GeneratorArgContext g -> {
          if (c.arg().size() > 1) throw new SyntaxError("Generator expression must be parenthesized", pos(g.getStart()));
          args.add(new Arg(ArgKind.POSITIONAL, null, comprehension(pos(g.getStart()),
              Expr.ComprehensionKind.GENERATOR, g.expr(), null, g.comprehension())));
        }
        case PositionalArgContext p -> {
          if (seenKeyword) {
            throw new SyntaxError("positional argument follows keyword argument", pos(p.getStart()));
          }
          args.add(new Arg(ArgKind.POSITIONAL, null, expr(p.expr())));
        }
        default -> throw new IllegalStateException();
      }
    }
    return args;
  }

  /** A comprehension's clauses are built first: its element sees their targets. */
  private Expr comprehension(Pos pos, Expr.ComprehensionKind kind, ExprContext element, ExprContext value,
      ComprehensionContext c) {
    List<Expr.CompFor> clauses = new ArrayList<>();
    for (CompForContext f : c.compFor()) {
      List<Expr> conditions = new ArrayList<>();
      for (int i = 1; i < f.expr().size(); i++) conditions.add(expr(f.expr(i)));
      clauses.add(new Expr.CompFor(forTarget(f.forTarget()), expr(f.expr(0)), conditions));
    }
    return new Expr.Comprehension(pos, kind, expr(element), value == null ? null : expr(value), clauses);
  }

  Expr expr(ExprContext c) {
    Pos pos = pos(c.getStart());
    return switch (c) {
      case CallExprContext e -> {
        List<Arg> args = e.args() == null ? new ArrayList<>() : args(e.args());
        Expr callee = expr(e.expr());
        Pos at = callee instanceof Expr.Member m ? m.pos() : callee.pos();
        yield new Expr.Call(span(at, e.getStop()), callee, args);
      }
      case MemberExprContext e -> new Expr.Member(pos(e.NAME().getSymbol()), expr(e.expr()), e.NAME().getText());
      case IndexExprContext e -> {
        List<Expr> items = new ArrayList<>();
        for (SubscriptContext s : e.subscript()) items.add(subscript(s));
        Expr object = expr(e.expr());
        yield new Expr.Index(span(object.pos(), e.getStop()), object, items,
            items.size() > 1 || !e.COMMA().isEmpty());
      }
      case PowerExprContext e -> new Expr.Binary(pos(e.POW().getSymbol()), BinOp.POW, expr(e.expr(0)), expr(e.expr(1)));
      case UnaryExprContext e -> new Expr.Unary(pos(e.op), UnaryOp.of(e.op.getText()), expr(e.expr()));
      case MulExprContext e -> new Expr.Binary(pos(e.op), BinOp.of(e.op.getText()), expr(e.expr(0)), expr(e.expr(1)));
      case AddExprContext e -> new Expr.Binary(pos(e.op), BinOp.of(e.op.getText()), expr(e.expr(0)), expr(e.expr(1)));
      case ShiftExprContext e -> new Expr.Binary(pos(e.op), BinOp.of(e.op.getText()), expr(e.expr(0)), expr(e.expr(1)));
      case BitAndExprContext e -> new Expr.Binary(pos(e.AMP().getSymbol()), BinOp.AND, expr(e.expr(0)), expr(e.expr(1)));
      case BitXorExprContext e -> new Expr.Binary(pos(e.CARET().getSymbol()), BinOp.XOR, expr(e.expr(0)), expr(e.expr(1)));
      case BitOrExprContext e -> new Expr.Binary(pos(e.PIPE().getSymbol()), BinOp.OR, expr(e.expr(0)), expr(e.expr(1)));
      case CompareExprContext e -> {
        Expr left = expr(e.expr(0));
        List<Expr> operands = new ArrayList<>();
        List<CmpOp> ops = new ArrayList<>();
        if (left instanceof Expr.Compare chain && e.expr(0) instanceof CompareExprContext) {
          operands.addAll(chain.operands());
          ops.addAll(chain.ops());
        } else {
          operands.add(left);
        }
        ops.add(compOp(e.compOp()));
        operands.add(expr(e.expr(1)));
        yield new Expr.Compare(pos(e.compOp().getStart()), operands, ops);
      }
      case NotExprContext e -> new Expr.Unary(pos, UnaryOp.NOT, expr(e.expr()));
      case AndExprContext e -> new Expr.Logical(pos(e.AND().getSymbol()), true, expr(e.expr(0)), expr(e.expr(1)));
      case OrExprContext e -> new Expr.Logical(pos(e.OR().getSymbol()), false, expr(e.expr(0)), expr(e.expr(1)));
      case ConditionalExprContext e ->
          new Expr.Conditional(pos(e.IF().getSymbol()), expr(e.expr(1)), expr(e.expr(0)), expr(e.expr(2)));
      case LambdaExprContext e -> {
        List<Param> params = lambdaParams(e.lambdaParams());
        contexts.push(new Context(true));
        try {
          yield new Expr.Lambda(pos, params, expr(e.expr()));
        } finally {
          contexts.pop();
        }
      }
      case StarredExprContext e -> new Expr.Starred(pos, expr(e.expr()));
      case WalrusExprContext e -> new Expr.NamedExpr(pos(e.WALRUS().getSymbol()), e.NAME().getText(), expr(e.expr()));
      case NameExprContext e -> new Expr.Name(pos, e.NAME().getText());
      case IntExprContext e -> {
        try {
          String digits = e.getText().replace("_", "").toLowerCase();
          int radix = digits.startsWith("0x") ? 16 : digits.startsWith("0o") ? 8 : digits.startsWith("0b") ? 2 : 10;
          yield new Expr.Literal(pos, Long.parseLong(radix == 10 ? digits : digits.substring(2), radix));
        } catch (NumberFormatException x) {
          throw new SyntaxError("integer literal too large", pos);
        }
      }
      case FloatExprContext e -> new Expr.Literal(pos, Double.parseDouble(e.getText().replace("_", "")));
      case StringExprContext e -> strings.join(e, pos);
      case TrueExprContext e -> new Expr.Literal(pos, Boolean.TRUE);
      case FalseExprContext e -> new Expr.Literal(pos, Boolean.FALSE);
      case NoneExprContext e -> new Expr.Literal(pos, null);
      case EllipsisExprContext e -> new Expr.EllipsisLiteral(pos);
      case EmptyTupleExprContext e -> new Expr.Tuple(pos, List.of());
      case ParenYieldExprContext e -> yieldExpr(e.yieldExpr());
      case GeneratorExprContext e -> comprehension(pos, Expr.ComprehensionKind.GENERATOR, e.expr(), null, e.comprehension());
      case ParenExprContext e -> expr(e.expr());
      case TupleExprContext e -> new Expr.Tuple(pos, exprs(e.expr()));
      case ListExprContext e -> new Expr.ListDisplay(pos, exprs(e.expr()));
      case ListCompExprContext e -> comprehension(pos, Expr.ComprehensionKind.LIST, e.expr(), null, e.comprehension());
      case SetCompExprContext e -> comprehension(pos, Expr.ComprehensionKind.SET, e.expr(), null, e.comprehension());
      case DictCompExprContext e -> {
        if (!(e.dictEntry() instanceof KeyValueEntryContext kv)) {
          throw new SyntaxError("dict unpacking cannot be used in dict comprehension", pos(e.dictEntry().getStart()));
        }
        yield comprehension(pos, Expr.ComprehensionKind.DICT, kv.expr(0), kv.expr(1), e.comprehension());
      }
      case SetExprContext e -> new Expr.SetDisplay(pos, exprs(e.expr()));
      case DictExprContext e -> {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (DictEntryContext d : e.dictEntry()) {
          switch (d) {
            case KeyValueEntryContext kv -> {
              keys.add(expr(kv.expr(0)));
              values.add(expr(kv.expr(1)));
            }
            case UnpackEntryContext u -> {
              keys.add(null);
              values.add(expr(u.expr()));
            }
            default -> throw new IllegalStateException();
          }
        }
        yield new Expr.DictDisplay(pos, keys, values);
      }
      default -> throw new IllegalStateException("unknown expression " + c.getClass());
    };
  }

  private Expr subscript(SubscriptContext c) {
    return switch (c) {
      case PlainSubscriptContext p -> expr(p.expr());
      case SliceSubscriptContext s -> new Expr.Slice(pos(s.getStart()),
          s.lower == null ? null : expr(s.lower), s.upper == null ? null : expr(s.upper),
          s.step == null ? null : expr(s.step));
      default -> throw new IllegalStateException();
    };
  }

  private static CmpOp compOp(CompOpContext c) {
    if (c.NOT() != null && c.IN() != null) return CmpOp.NOT_IN;
    if (c.IS() != null && c.NOT() != null) return CmpOp.IS_NOT;
    return CmpOp.of(c.getText());
  }

  // ------------------------------------------------------------------ positions

  private Pos pos(Token t) {
    int line = t.getLine();
    int col = t.getCharPositionInLine() + 1 + (line == 1 ? colOffset : 0);
    return new Pos(file, line + lineOffset, col, Math.max(1, t.getText() == null ? 1 : t.getText().length()));
  }

  /** From start to the end of the stop token when both sit on one line. */
  private Pos span(Pos start, Token stop) {
    Pos end = pos(stop);
    int length = end.line() == start.line() ? end.col() + end.length() - start.col() : start.length();
    return new Pos(start.file(), start.line(), start.col(), Math.max(1, length));
  }
}
