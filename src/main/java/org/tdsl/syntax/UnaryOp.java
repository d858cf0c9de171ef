package org.tdsl.syntax;

/** The prefix operators, with their source symbols; the parser makes them once. */
public enum UnaryOp {
  NEG("-"), POS("+"), INVERT("~"), NOT("not");

  public final String symbol;

  UnaryOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator spelled symbol (parse time only: evaluation switches on the enum). */
  static UnaryOp of(String symbol) {
    for (UnaryOp op : values()) if (op.symbol.equals(symbol)) return op;
    throw new IllegalArgumentException(symbol);
  }
}
