package org.tdsl.syntax;

import java.util.List;

/** Statement nodes. */
public sealed interface Stmt {
  Pos pos();

  record ExprStmt(Pos pos, Expr expr) implements Stmt {}

  /** targets = value; a = b = 1 has two targets. Targets are Name, Index, Member or Tuple/List of them. */
  record Assign(Pos pos, List<Expr> targets, Expr value) implements Stmt {}

  /** op is "+", "-", "*" or "/". */
  record AugAssign(Pos pos, Expr target, BinOp op, Expr value) implements Stmt {}

  /** if / else if chains: conditions.size() == blocks.size(); otherwise may be null. */
  record If(Pos pos, List<Expr> conditions, List<List<Stmt>> blocks, List<Stmt> otherwise)
      implements Stmt {}

  record While(Pos pos, Expr condition, List<Stmt> body) implements Stmt {}

  record For(Pos pos, Expr target, Expr iterable, List<Stmt> body) implements Stmt {}

  enum ParamKind { NORMAL, KEYWORD_ONLY, VAR_POSITIONAL, VAR_KEYWORD }

  /** defaultValue is null when the parameter has none. */
  record Param(Pos pos, String name, ParamKind kind, Expr defaultValue) {}

  record Def(Pos pos, String name, List<Param> params, List<Stmt> body) implements Stmt {}

  /**
   * class name(bases) { body }: bases are the call-style arguments between the parentheses
   * (a keyword such as metaclass= is refused when the class is made); decorators, applied
   * bottom-up to the new class, come from the indentation form's @ lines.
   */
  record ClassDef(Pos pos, String name, List<Expr.Arg> bases, List<Stmt> body, List<Expr> decorators)
      implements Stmt {}

  /** target may be null. */
  record With(Pos pos, Expr context, Expr target, List<Stmt> body) implements Stmt {}

  record Import(Pos pos, String path) implements Stmt {}

  /** value may be null. */
  record Return(Pos pos, Expr value) implements Stmt {}

  record Break(Pos pos) implements Stmt {}

  record Continue(Pos pos) implements Stmt {}

  record Pass(Pos pos) implements Stmt {}

  /** assert condition, message; message may be null. */
  record Assert(Pos pos, Expr condition, Expr message) implements Stmt {}
}
