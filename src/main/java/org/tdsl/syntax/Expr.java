package org.tdsl.syntax;

import java.util.List;

/** Expression nodes. Every node knows where it came from. */
public sealed interface Expr {
  Pos pos();

  record Name(Pos pos, String name) implements Expr {}

  /** A constant: Long, Double, String, Boolean or null (None). */
  record Literal(Pos pos, Object value) implements Expr {}

  record EllipsisLiteral(Pos pos) implements Expr {}

  /** An f-string: the parts are either String text or {@link Field}. */
  record FString(Pos pos, List<Object> parts) implements Expr {}

  /** One replacement field of an f-string: {expr!conversion:spec}; conversion is 0 when absent. */
  record Field(Expr expr, char conversion, String spec) {}

  record Unary(Pos pos, UnaryOp op, Expr operand) implements Expr {}

  /** pos is the operator's. */
  record Binary(Pos pos, BinOp op, Expr left, Expr right) implements Expr {}

  /** A comparison chain a < b <= c: ops.size() == operands.size() - 1. */
  record Compare(Pos pos, List<Expr> operands, List<CmpOp> ops) implements Expr {}

  record Logical(Pos pos, boolean and, Expr left, Expr right) implements Expr {}

  record Conditional(Pos pos, Expr condition, Expr then, Expr otherwise) implements Expr {}

  record Call(Pos pos, Expr callee, List<Arg> args) implements Expr {}

  enum ArgKind { POSITIONAL, KEYWORD, STAR, DOUBLE_STAR }

  /** name is set only for KEYWORD arguments. */
  record Arg(ArgKind kind, String name, Expr value) {}

  record Member(Pos pos, Expr object, String name) implements Expr {}

  /** x[items]; tuple is true when the subscript is a tuple (x[a, b] or x[a,]). */
  record Index(Pos pos, Expr object, List<Expr> items, boolean tuple) implements Expr {}

  /** lower:upper:step inside a subscript; any part may be null. */
  record Slice(Pos pos, Expr lower, Expr upper, Expr step) implements Expr {}

  record Tuple(Pos pos, List<Expr> items) implements Expr {}

  record ListDisplay(Pos pos, List<Expr> items) implements Expr {}

  /** {k: v, **m}: a null key means the value is a mapping to unpack. */
  record DictDisplay(Pos pos, List<Expr> keys, List<Expr> values) implements Expr {}

  record SetDisplay(Pos pos, List<Expr> items) implements Expr {}

  /** *value inside a display, a call's arguments or an assignment target. */
  record Starred(Pos pos, Expr value) implements Expr {}

  enum ComprehensionKind { LIST, SET, DICT, GENERATOR }

  /** for target in iterable if c1 if c2 ...: one clause of a comprehension. */
  record CompFor(Expr target, Expr iterable, List<Expr> conditions) {}

  /**
   * [element for ... if ...], {element ...}, {key: value ...} (key is element) or a generator
   * expression (element ...); value is null except for DICT.
   */
  record Comprehension(Pos pos, ComprehensionKind kind, Expr element, Expr value,
      List<CompFor> clauses) implements Expr {}

  /** name := value: binds name in the enclosing scope, and is the value. */
  record NamedExpr(Pos pos, String name, Expr value) implements Expr {}

  /** lambda params: body. */
  record Lambda(Pos pos, List<Stmt.Param> params, Expr body) implements Expr {}

  /** yield value, or yield from value (from is true); value may be null. */
  record Yield(Pos pos, Expr value, boolean from) implements Expr {}
}
