package org.tdsl.syntax;

/** The binary arithmetic and bitwise operators, with their source symbols; the parser makes them once. */
public enum BinOp {
  ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOORDIV("//"), MOD("%"), POW("**"), MATMUL("@"),
  LSHIFT("<<"), RSHIFT(">>"), AND("&"), OR("|"), XOR("^");

  public final String symbol;

  BinOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator spelled symbol (parse time only: evaluation switches on the enum). */
  static BinOp of(String symbol) {
    for (BinOp op : values()) if (op.symbol.equals(symbol)) return op;
    throw new IllegalArgumentException(symbol);
  }
}
