package org.tdsl.syntax;

import java.util.List;

/** Statement nodes. */
public sealed interface Stmt {
  Pos pos();

  record ExprStmt(Pos pos, Expr expr) implements Stmt {}

  /** targets = value; a = b = 1 has two targets. Targets are Name, Index, Member or Tuple/List of them. */
  record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

  /** op is the operator of x op= y: any BinOp. */
  record AugAssign(Pos pos, Expr target, BinOp op, Expr value) implements Stmt {}

  /** if / else if chains: conditions.size() == blocks.size(); otherwise may be null. */
  record If(Pos pos, List<Expr> conditions, List<List<Stmt>> blocks, List<Stmt> otherwise)
      implements Stmt {}

  /** otherwise (the `else` block, run when the loop ends without break) may be null. */
  record While(Pos pos, Expr condition, List<Stmt> body, List<Stmt> otherwise) implements Stmt {}

  /** otherwise (the `else` block, run when the loop ends without break) may be null. */
  record For(Pos pos, Expr target, Expr iterable, List<Stmt> body, List<Stmt> otherwise)
      implements Stmt {}

  enum ParamKind { NORMAL, KEYWORD_ONLY, VAR_POSITIONAL, VAR_KEYWORD }

  /** defaultValue is null when the parameter has none. */
  record Param(Pos pos, String name, ParamKind kind, Expr defaultValue) {}

  /**
   * def name(params): body. decorators apply bottom-up to the function before name is bound;
   * generator is true when the body (not a nested def or lambda) contains yield.
   */
  record Def(Pos pos, String name, List<Param> params, List<Stmt> body, List<Expr> decorators,
      boolean generator) implements Stmt {
    public Def(Pos pos, String name, List<Param> params, List<Stmt> body) {
      this(pos, name, params, body, List.of(), false);
    }
  }

  /**
   * class name(bases) { body }: bases are the call-style arguments between the parentheses
   * (a keyword such as metaclass= is refused when the class is made); decorators, applied
   * bottom-up to the new class, come from the indentation form's @ lines.
   */
  record ClassDef(Pos pos, String name, List<Expr.Arg> bases, List<Stmt> body, List<Expr> decorators)
      implements Stmt {}

  /** target may be null. `with a as x, b as y:` is two nested With. */
  record With(Pos pos, Expr context, Expr target, List<Stmt> body) implements Stmt {}

  /** The file form, import "lib/helpers.tdsl": runs the file in the importer's globals. */
  record Import(Pos pos, String path) implements Stmt {}

  /** One imported name: module path (or a name inside a module) and the alias, which may be null. */
  record ImportName(Pos pos, String name, String alias) {}

  /** import a.b.c [as x], ...: binds x (or a) to the module. */
  record ImportModule(Pos pos, List<ImportName> modules) implements Stmt {}

  /** from module import name [as x], ... or *; level counts the leading dots. */
  record FromImport(Pos pos, String module, int level, List<ImportName> names, boolean star)
      implements Stmt {}

  /** except [type [as name]]: body; type and name may be null. */
  record Handler(Pos pos, Expr type, String name, List<Stmt> body) {}

  /** try / except / else / finally; otherwise and finallyBody may be null. */
  record Try(Pos pos, List<Stmt> body, List<Handler> handlers, List<Stmt> otherwise,
      List<Stmt> finallyBody) implements Stmt {}

  /** raise [exception [from cause]]: both may be null (a bare raise re-raises). */
  record Raise(Pos pos, Expr exception, Expr cause) implements Stmt {}

  /** del a, b[i], c.x: targets are Name, Index, Member or Tuple/List of them. */
  record Del(Pos pos, List<Expr> targets) implements Stmt {}

  /** global a, b: assignments in this function go to the module's globals. */
  record Global(Pos pos, List<String> names) implements Stmt {}

  /** nonlocal a, b: assignments in this function go to the enclosing function's variables. */
  record Nonlocal(Pos pos, List<String> names) implements Stmt {}

  /** value may be null. */
  record Return(Pos pos, Expr value) implements Stmt {}

  record Break(Pos pos) implements Stmt {}

  record Continue(Pos pos) implements Stmt {}

  record Pass(Pos pos) implements Stmt {}

  /** assert condition, message; message may be null. */
  record Assert(Pos pos, Expr condition, Expr message) implements Stmt {}
}
