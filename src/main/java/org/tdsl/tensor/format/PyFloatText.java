package org.tdsl.tensor.format;

/**
 * CPython's {@code PyOS_double_to_string}: one double as text in the 'e', 'f', 'g' or 'r'
 * (repr) style, digit for digit. Both the tensor printer ('{:.4f}', '{:.4e}') and the
 * interpreter's format specs are built on it.
 */
public final class PyFloatText {
  private PyFloatText() {}

  /** Python's {@code repr(v)}: 1.0, 0.1, 1e-05, 1e+16, inf, nan, -0.0. */
  public static String repr(double v) {
    return format(v, 'r', 0, false, true, false, false);
  }

  /** Python's {@code "{:.<precision>f}".format(v)}. */
  public static String fixed(double v, int precision) {
    return format(v, 'f', precision, false, false, false, false);
  }

  /** Python's {@code "{:.<precision>e}".format(v)}. */
  public static String scientific(double v, int precision) {
    return format(v, 'e', precision, false, false, false, false);
  }

  /**
   * @param type 'e', 'f', 'g' or 'r' (lower case; {@code upper} gives E, F, G)
   * @param alt the '#' flag: keep the decimal point and, for 'g', trailing zeros
   * @param addDot0 print integers as "1.0" (repr, and format specs without a type)
   * @param noNeg0 the 'z' flag: a result that rounds to zero loses its minus sign
   */
  public static String format(double v, char type, int precision, boolean alt, boolean addDot0,
                              boolean upper, boolean noNeg0) {
    boolean negative = (Double.doubleToRawLongBits(v) < 0);
    if (Double.isNaN(v)) return upper ? "NAN" : "nan";
    if (Double.isInfinite(v)) return (negative ? "-" : "") + (upper ? "INF" : "inf");
    double abs = Math.abs(v);
    DecimalDigits d = switch (type) {
      case 'e' -> DecimalDigits.significant(abs, precision + 1);
      case 'f' -> DecimalDigits.fixed(abs, precision);
      case 'g' -> DecimalDigits.significant(abs, precision == 0 ? 1 : precision);
      case 'r' -> DecimalDigits.shortest(abs);
      default -> throw new IllegalArgumentException("format type " + type);
    };
    if (noNeg0 && d.isZero()) negative = false;
    return layout(d, negative, type, precision, alt, addDot0, upper);
  }

  /** format_float_short's second half: place the point, pad with zeros, add the exponent. */
  private static String layout(DecimalDigits d, boolean negative, char type, int precision,
                               boolean alt, boolean addDot0, boolean upper) {
    String digits = d.digits();
    int digitsLen = digits.length();
    int decpt = d.decpt();
    boolean useExp = false;
    int vdigitsEnd = digitsLen;
    switch (type) {
      case 'e' -> { useExp = true; vdigitsEnd = precision + 1; }
      case 'f' -> vdigitsEnd = decpt + precision;
      case 'g' -> {
        int p = precision == 0 ? 1 : precision;
        if (decpt <= -4 || decpt > (addDot0 ? p - 1 : p)) useExp = true;
        if (alt) vdigitsEnd = p;
      }
      default -> { if (decpt <= -4 || decpt > 16) useExp = true; }
    }
    int exp = 0;
    if (useExp) { exp = decpt - 1; decpt = 1; }
    int vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
    if (!useExp && addDot0) vdigitsEnd = Math.max(vdigitsEnd, decpt + 1);
    else vdigitsEnd = Math.max(vdigitsEnd, decpt);

    StringBuilder b = new StringBuilder();
    if (negative) b.append('-');
    if (decpt <= 0) {
      b.repeat('0', decpt - vdigitsStart).append('.').repeat('0', -decpt);
    } else {
      b.repeat('0', -vdigitsStart);
    }
    if (0 < decpt && decpt <= digitsLen) {
      b.append(digits, 0, decpt).append('.').append(digits, decpt, digitsLen);
    } else {
      b.append(digits);
    }
    if (digitsLen < decpt) {
      b.repeat('0', decpt - digitsLen).append('.').repeat('0', vdigitsEnd - decpt);
    } else {
      b.repeat('0', vdigitsEnd - digitsLen);
    }
    if (b.charAt(b.length() - 1) == '.' && !alt) b.setLength(b.length() - 1);
    if (useExp) {
      b.append(upper ? 'E' : 'e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) b.append('0');
      b.append(a);
    }
    return b.toString();
  }
}
