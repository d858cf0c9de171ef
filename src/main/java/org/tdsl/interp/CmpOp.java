package org.tdsl.interp;

/** The rich comparisons. */
public enum CmpOp {
  EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

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

  static CmpOp of(String symbol) {
    for (CmpOp op : values()) if (op.symbol.equals(symbol)) return op;
    throw new IllegalArgumentException(symbol);
  }
}
