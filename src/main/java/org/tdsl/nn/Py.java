package org.tdsl.nn;

import java.math.BigDecimal;

/** Python's text for the few values that appear in PyTorch's messages and reprs. */
final class Py {
  private Py() {}

  /** {@code repr(float)}: {@code 1.0}, {@code 0.25}, {@code 0.0001}, {@code 1e-08}. */
  static String repr(double v) {
    if (Double.isNaN(v)) return "nan";
    if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
    String s = Double.toString(v); // shortest round-trip digits, like Python's repr
    double a = Math.abs(v);
    if (a == 0 || (a >= 1e-4 && a < 1e16)) {
      String plain = new BigDecimal(s).stripTrailingZeros().toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    int e = s.indexOf('E');
    String mantissa = s.substring(0, e);
    if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
    int x = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + (x < 0 ? "-" : "+") + String.format("%02d", Math.abs(x));
  }

  static String repr(boolean b) { return b ? "True" : "False"; }
}
