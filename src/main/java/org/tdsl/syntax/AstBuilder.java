package org.tdsl.syntax;

import java.util.ArrayList;
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

  AstBuilder(String file, int lineOffset, int colOffset) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
  }

  List<Stmt> program(ProgramContext c) {
    return statements(c.statement());
  }

  private List<Stmt> statements(List<StatementContext> list) {
    List<Stmt> out = new ArrayList<>();
    for (StatementContext s : list) out.add(statement(s));
    return out;
  }

  private List<Stmt> block(BlockContext c) {
    return statements(c.statement());
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
      case WhileStmtContext s -> new Stmt.While(pos, expr(s.expr()), block(s.block()));
      case ForStmtContext s ->
          new Stmt.For(pos, forTarget(s.forTarget()), exprList(s.exprList()), block(s.block()));
      case DefStmtContext s -> new Stmt.Def(pos(s.NAME().getSymbol()), s.NAME().getText(),
          params(s.params()), block(s.block()));
      case ClassStmtContext s -> new Stmt.ClassDef(pos(s.NAME().getSymbol()), s.NAME().getText(),
          args(s.args()), block(s.block()), List.of());
      case WithStmtContext s -> new Stmt.With(pos, expr(s.expr()),
          s.forTarget() == null ? null : forTarget(s.forTarget()), block(s.block()));
      case ImportStmtContext s -> new Stmt.Import(pos, unquote(s.STRING().getSymbol()));
      case ReturnStmtContext s ->
          new Stmt.Return(pos, s.exprList() == null ? null : exprList(s.exprList()));
      case BreakStmtContext s -> new Stmt.Break(pos);
      case ContinueStmtContext s -> new Stmt.Continue(pos);
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
        yield new Stmt.AugAssign(pos(s.augOp().getStart()), target, op, exprList(s.exprList(1)));
      }
      case ExprOrAssignStmtContext s -> {
        List<ExprListContext> lists = s.exprList();
        if (lists.size() == 1) yield new Stmt.ExprStmt(pos, exprList(lists.getFirst()));
        List<Expr> targets = new ArrayList<>();
        for (int i = 0; i < lists.size() - 1; i++) {
          Expr t = exprList(lists.get(i));
          checkTarget(t);
          targets.add(t);
        }
        yield new Stmt.Assign(pos(s.ASSIGN(0).getSymbol()), targets, exprList(lists.getLast()));
      }
      default -> throw new IllegalStateException("unknown statement " + c.getClass());
    };
  }

  private void checkTarget(Expr t) {
    switch (t) {
      case Expr.Name n -> {}
      case Expr.Index i -> {}
      case Expr.Member m -> {}
      case Expr.Tuple tu -> tu.items().forEach(this::checkTarget);
      case Expr.ListDisplay l -> l.items().forEach(this::checkTarget);
      default -> throw new SyntaxError("cannot assign to " + describe(t), t.pos());
    }
  }

  private static String describe(Expr e) {
    return switch (e) {
      case Expr.Literal l -> "literal";
      case Expr.Call c -> "function call";
      case Expr.Binary b -> "expression";
      case Expr.Compare c -> "comparison";
      default -> "expression";
    };
  }

  private Expr forTarget(ForTargetContext c) {
    List<Expr> items = new ArrayList<>();
    for (ForAtomContext a : c.forAtom()) {
      if (a.NAME() != null) items.add(new Expr.Name(pos(a.NAME().getSymbol()), a.NAME().getText()));
      else items.add(forTarget(a.forTarget()));
    }
    if (items.size() == 1 && c.COMMA().isEmpty()) return items.getFirst();
    return new Expr.Tuple(pos(c.getStart()), items);
  }

  private List<Param> params(ParamsContext c) {
    List<Param> out = new ArrayList<>();
    if (c == null) return out;
    boolean keywordOnly = false;
    boolean seenDefault = false;
    for (ParamContext p : c.param()) {
      Pos pos = pos(p.getStart());
      switch (p) {
        case PlainParamContext pp -> {
          Expr def = pp.expr() == null ? null : expr(pp.expr());
          if (!keywordOnly) {
            if (def == null && seenDefault) {
              throw new SyntaxError("parameter without a default follows parameter with a default", pos);
            }
            seenDefault |= def != null;
          }
          out.add(new Param(pos, pp.NAME().getText(),
              keywordOnly ? ParamKind.KEYWORD_ONLY : ParamKind.NORMAL, def));
        }
        case StarParamContext sp -> {
          if (keywordOnly) throw new SyntaxError("* argument may appear only once", pos);
          keywordOnly = true;
          if (sp.NAME() != null) out.add(new Param(pos, sp.NAME().getText(), ParamKind.VAR_POSITIONAL, null));
        }
        case KwargsParamContext kp ->
            out.add(new Param(pos, kp.NAME().getText(), ParamKind.VAR_KEYWORD, null));
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

  Expr expr(ExprContext c) {
    Pos pos = pos(c.getStart());
    return switch (c) {
      case CallExprContext e -> {
        List<Arg> args = args(e.args());
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
      case NameExprContext e -> new Expr.Name(pos, e.NAME().getText());
      case IntExprContext e -> {
        try {
          yield new Expr.Literal(pos, Long.parseLong(e.getText().replace("_", "")));
        } catch (NumberFormatException x) {
          throw new SyntaxError("integer literal too large", pos);
        }
      }
      case FloatExprContext e -> new Expr.Literal(pos, Double.parseDouble(e.getText().replace("_", "")));
      case StringExprContext e -> {
        StringBuilder sb = new StringBuilder();
        for (TerminalNode s : e.STRING()) sb.append(unquote(s.getSymbol()));
        yield new Expr.Literal(pos, sb.toString());
      }
      case FstringExprContext e -> fstring(e.FSTRING().getSymbol());
      case TrueExprContext e -> new Expr.Literal(pos, Boolean.TRUE);
      case FalseExprContext e -> new Expr.Literal(pos, Boolean.FALSE);
      case NoneExprContext e -> new Expr.Literal(pos, null);
      case EllipsisExprContext e -> new Expr.EllipsisLiteral(pos);
      case EmptyTupleExprContext e -> new Expr.Tuple(pos, List.of());
      case ParenExprContext e -> expr(e.expr());
      case TupleExprContext e -> new Expr.Tuple(pos, exprs(e.expr()));
      case ListExprContext e -> new Expr.ListDisplay(pos, exprs(e.expr()));
      case ListCompExprContext e -> new Expr.ListComprehension(pos, expr(e.expr(0)),
          forTarget(e.forTarget()), expr(e.expr(1)), e.expr().size() > 2 ? expr(e.expr(2)) : null);
      case DictExprContext e -> {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        for (DictEntryContext d : e.dictEntry()) {
          keys.add(expr(d.expr(0)));
          values.add(expr(d.expr(1)));
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

  // ------------------------------------------------------------------ strings

  private String unquote(Token t) {
    String text = t.getText();
    int q = text.length() >= 6 && (text.startsWith("\"\"\"") || text.startsWith("'''")) ? 3 : 1;
    return Strings.unescape(text.substring(q, text.length() - q), pos(t));
  }

  private Expr fstring(Token t) {
    String text = t.getText();
    String body = text.substring(2, text.length() - 1);
    Pos pos = pos(t);
    int bodyCol = pos.col() + 2; // column of body's first char
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char ch = body.charAt(i);
      if (ch == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (ch == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (ch == '}') {
        throw new SyntaxError("f-string: single '}' is not allowed", at(pos, bodyCol + i));
      } else if (ch == '{') {
        if (!literal.isEmpty()) parts.add(Strings.unescape(literal.toString(), pos));
        literal.setLength(0);
        i = field(body, i, bodyCol, pos, parts);
      } else {
        literal.append(ch);
        i++;
      }
    }
    if (!literal.isEmpty()) parts.add(Strings.unescape(literal.toString(), pos));
    return new Expr.FString(pos, parts);
  }

  /** Parses the field starting at body[open] == '{'; returns the index after its '}'. */
  private int field(String body, int open, int bodyCol, Pos pos, List<Object> parts) {
    int depth = 0;
    char quote = 0;
    int exprEnd = -1;
    int specStart = -1;
    char conversion = 0;
    int i = open + 1;
    for (; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (quote != 0) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '\'' || ch == '"') quote = ch;
      else if (ch == '(' || ch == '[' || ch == '{') depth++;
      else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0) depth--;
      else if (depth == 0 && specStart < 0 && ch == '!' && i + 1 < body.length() && body.charAt(i + 1) != '=') {
        if (exprEnd < 0) exprEnd = i;
        conversion = i + 1 < body.length() ? body.charAt(i + 1) : 0;
        if ("rsa".indexOf(conversion) < 0) {
          throw new SyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at(pos, bodyCol + i + 1));
        }
        i++;
      } else if (depth == 0 && ch == ':' && specStart < 0) {
        if (exprEnd < 0) exprEnd = i;
        specStart = i + 1;
      } else if (depth == 0 && ch == '}') {
        break;
      }
    }
    if (i >= body.length()) throw new SyntaxError("f-string: expecting '}'", at(pos, bodyCol + open));
    if (exprEnd < 0) exprEnd = i;
    String exprText = body.substring(open + 1, exprEnd);
    String spec = specStart < 0 ? "" : body.substring(specStart, i);
    String trimmed = exprText.stripTrailing();
    boolean selfDocumenting = trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=")
        && !trimmed.endsWith("<=") && !trimmed.endsWith(">=");
    if (selfDocumenting) {
      // f"{x=}" prints the expression's text, then its repr (or its format with a spec).
      parts.add(exprText);
      exprText = trimmed.substring(0, trimmed.length() - 1);
      if (conversion == 0 && spec.isEmpty()) conversion = 'r';
    }
    if (exprText.isBlank()) throw new SyntaxError("f-string: valid expression required before '}'", at(pos, bodyCol + open));
    Expr e = SourceParser.parseExpression(exprText, file, pos.line(), bodyCol + open + 1);
    parts.add(new Expr.Field(e, conversion, spec));
    return i + 1;
  }

  // ------------------------------------------------------------------ positions

  private static Pos at(Pos p, int col) {
    return new Pos(p.file(), p.line(), col, 1);
  }

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
