package org.tdsl.syntax;

/**
 * The comparison operators of a chain a < b in c. The six rich comparisons come first; a
 * value's Protocol.compare only ever sees those, membership and identity are the language's.
 */
public enum CmpOp {
  EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), IN("in"), NOT_IN("not in"), IS("is"), IS_NOT("is not");

  public final String symbol;

  CmpOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator to try on the right operand: a < b is b > a. */
  public CmpOp reflected() {
    return switch (this) {
      case LT -> GT;
      case LE -> GE;
      case GT -> LT;
      case GE -> LE;
      default -> this;
    };
  }

  /** The operator spelled symbol (parse time only: evaluation switches on the enum). */
  static CmpOp of(String symbol) {
    for (CmpOp op : values()) if (op.symbol.equals(symbol)) return op;
    throw new IllegalArgumentException(symbol);
  }
}
