package org.tdsl.tensor.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The decimal digits of a non-negative finite double, as David Gay's dtoa hands them to
 * CPython: value = 0.{@code digits} x 10^{@code decpt}, no trailing zeros, zero as ("0", 1).
 * Rounding is half-even on the exact binary value, which is what Python's format does.
 */
record DecimalDigits(String digits, int decpt) {

  private static final DecimalDigits ZERO = new DecimalDigits("0", 1);

  /** The shortest digits that read back as {@code abs} (repr's digits). */
  static DecimalDigits shortest(double abs) {
    if (abs == 0) return ZERO;
    DecimalDigits java = parseJava(Double.toString(abs));
    // Since JDK 19 Double.toString is shortest, except that where one digit would do it may
    // prefer a closer two-digit decimal (4.9E-324); Python keeps the single digit.
    if (java.digits.length() == 2) {
      DecimalDigits one = closestSingleDigit(abs, java);
      if (one != null) return one;
    }
    return java;
  }

  /** {@code abs} rounded to {@code n} significant digits (dtoa mode 2). */
  static DecimalDigits significant(double abs, int n) {
    if (abs == 0) return ZERO;
    return of(new BigDecimal(abs).round(new MathContext(n, RoundingMode.HALF_EVEN)));
  }

  /** {@code abs} rounded to {@code n} digits after the point (dtoa mode 3). */
  static DecimalDigits fixed(double abs, int n) {
    BigDecimal rounded = new BigDecimal(abs).setScale(n, RoundingMode.HALF_EVEN);
    return rounded.signum() == 0 ? ZERO : of(rounded);
  }

  boolean isZero() { return digits.equals("0"); }

  private static DecimalDigits of(BigDecimal d) {
    String unscaled = d.unscaledValue().toString();
    int decpt = unscaled.length() - d.scale();
    return new DecimalDigits(stripTrailingZeros(unscaled), decpt);
  }

  /** Reads "123.456", "1.0E-5" or "4.9E-324" into digits and decimal-point position. */
  private static DecimalDigits parseJava(String s) {
    int e = s.indexOf('E');
    int exp = e < 0 ? 0 : Integer.parseInt(s.substring(e + 1));
    String mantissa = e < 0 ? s : s.substring(0, e);
    int dot = mantissa.indexOf('.');
    String all = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
    int decpt = dot + exp;
    int lead = 0;
    while (lead < all.length() - 1 && all.charAt(lead) == '0') lead++;
    return new DecimalDigits(stripTrailingZeros(all.substring(lead)), decpt - lead);
  }

  private static DecimalDigits closestSingleDigit(double abs, DecimalDigits two) {
    int first = two.digits.charAt(0) - '0';
    DecimalDigits down = new DecimalDigits(String.valueOf(first), two.decpt);
    DecimalDigits up = first == 9
        ? new DecimalDigits("1", two.decpt + 1)
        : new DecimalDigits(String.valueOf(first + 1), two.decpt);
    boolean downOk = readsBack(down, abs), upOk = readsBack(up, abs);
    if (downOk && upOk) {
      BigDecimal exact = new BigDecimal(abs);
      int cmp = exact.subtract(down.toBigDecimal()).abs()
          .compareTo(up.toBigDecimal().subtract(exact).abs());
      return cmp <= 0 ? down : up;
    }
    return downOk ? down : upOk ? up : null;
  }

  private BigDecimal toBigDecimal() {
    return new BigDecimal(new java.math.BigInteger(digits), digits.length() - decpt);
  }

  private static boolean readsBack(DecimalDigits d, double abs) {
    return Double.parseDouble("0." + d.digits + "E" + d.decpt) == abs;
  }

  private static String stripTrailingZeros(String s) {
    int end = s.length();
    while (end > 1 && s.charAt(end - 1) == '0') end--;
    return s.substring(0, end);
  }
}
