package org.tdsl.interp;

import org.tdsl.tensor.format.PyFloatText;

/**
 * Python 3.11's {@code format(value, spec)} for float, int and str, its {@code repr} of floats
 * and strings: what f-strings, {@code str.format} and {@code print} show. The layout of
 * numbers (sign, prefix, padding, digit grouping) follows CPython's formatter_unicode.c.
 */
public final class PyFormat {
  private PyFormat() {}

  /** Python's float repr: 1.0, 0.1, 0.30000000000000004, 1e-05, 1e+16, inf, nan, -0.0. */
  public static String repr(double v) {
    return PyFloatText.repr(v);
  }

  /** {@code format(v, spec)} for a Python float. */
  public static String format(double v, String spec) {
    if (spec.isEmpty()) return repr(v);
    FormatSpec f = FormatSpec.parse(spec, "float", 0, '>');
    return formatFloat(v, f);
  }

  /** {@code format(v, spec)} for a Python int. */
  public static String format(long v, String spec) {
    if (spec.isEmpty()) return Long.toString(v);
    FormatSpec f = FormatSpec.parse(spec, "int", 'd', '>');
    return switch (f.type()) {
      case 'b', 'c', 'd', 'o', 'x', 'X', 'n' -> formatInt(v, f);
      case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> formatFloat((double) v, f);
      default -> throw FormatSpec.unknownCode(f.type(), "int");
    };
  }

  /** {@code format(v, spec)} for a Python str. */
  public static String format(String v, String spec) {
    if (spec.isEmpty()) return v;
    FormatSpec f = FormatSpec.parse(spec, "str", 's', '<');
    if (f.type() != 's') throw FormatSpec.unknownCode(f.type(), "str");
    if (f.sign() != 0) {
      throw new IllegalArgumentException(f.sign() == ' '
          ? "Space not allowed in string format specifier"
          : "Sign not allowed in string format specifier");
    }
    if (f.noNeg0()) {
      throw new IllegalArgumentException(
          "Negative zero coercion (z) not allowed in string format specifier");
    }
    if (f.alternate()) {
      throw new IllegalArgumentException("Alternate form (#) not allowed in string format specifier");
    }
    if (f.align() == '=') {
      throw new IllegalArgumentException("'=' alignment not allowed in string format specifier");
    }
    String s = v;
    int len = v.codePointCount(0, v.length());
    if (f.precision() >= 0 && len > f.precision()) {
      s = v.substring(0, v.offsetByCodePoints(0, f.precision()));
      len = f.precision();
    }
    int padding = Math.max(0, f.width() - len);
    int left = switch (f.align()) {
      case '>' -> padding;
      case '^' -> padding / 2;
      default -> 0;
    };
    StringBuilder b = new StringBuilder();
    b.repeat(f.fill(), left).append(s).repeat(f.fill(), padding - left);
    return b.toString();
  }

  /** Python's repr of a str: 'abc', "it's", 'a\nb', '\x00'; printable non-ASCII kept. */
  public static String reprString(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder b = new StringBuilder().append(quote);
    s.codePoints().forEach(c -> {
      if (c == quote || c == '\\') b.append('\\').appendCodePoint(c);
      else if (c == '\t') b.append("\\t");
      else if (c == '\n') b.append("\\n");
      else if (c == '\r') b.append("\\r");
      else if (c < ' ' || c == 0x7f) b.append("\\x").append(hex(c, 2));
      else if (c < 0x7f || isPrintable(c)) b.appendCodePoint(c);
      else if (c <= 0xff) b.append("\\x").append(hex(c, 2));
      else if (c <= 0xffff) b.append("\\u").append(hex(c, 4));
      else b.append("\\U").append(hex(c, 8));
    });
    return b.append(quote).toString();
  }

  private static String formatFloat(double v, FormatSpec f) {
    int type = f.type();
    switch (type) {
      case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%' -> { }
      default -> throw FormatSpec.unknownCode(type, "float");
    }
    boolean addDot0 = false, percent = false;
    int defaultPrecision = 6;
    if (type == 0) { addDot0 = true; type = 'r'; defaultPrecision = 0; }
    if (type == 'n') type = 'g';
    if (type == '%') { type = 'f'; v *= 100; percent = true; }
    int precision = f.precision();
    if (precision < 0) precision = defaultPrecision;
    else if (type == 'r') type = 'g';
    String text = PyFloatText.format(v, Character.toLowerCase((char) type), precision,
        f.alternate(), addDot0, Character.isUpperCase(type), f.noNeg0());
    if (percent) text += "%";
    boolean negative = text.startsWith("-");
    if (negative) text = text.substring(1);
    int digitsEnd = 0;
    while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd))) digitsEnd++;
    return layoutNumber(negative, "", text.substring(0, digitsEnd), text.substring(digitsEnd), f);
  }

  private static String formatInt(long v, FormatSpec f) {
    if (f.precision() != -1) {
      throw new IllegalArgumentException("Precision not allowed in integer format specifier");
    }
    if (f.noNeg0()) {
      throw new IllegalArgumentException(
          "Negative zero coercion (z) not allowed in integer format specifier");
    }
    if (f.type() == 'c') {
      if (f.sign() != 0) {
        throw new IllegalArgumentException("Sign not allowed with integer format specifier 'c'");
      }
      if (f.alternate()) {
        throw new IllegalArgumentException(
            "Alternate form (#) not allowed with integer format specifier 'c'");
      }
      if (v < 0 || v > 0x10ffff) throw new IllegalArgumentException("%c arg not in range(0x110000)");
      return layoutNumber(false, "", "", Character.toString((int) v), f);
    }
    int base = switch (f.type()) {
      case 'b' -> 2;
      case 'o' -> 8;
      case 'x', 'X' -> 16;
      default -> 10;
    };
    String prefix = !f.alternate() ? "" : switch (base) {
      case 2 -> "0b";
      case 8 -> "0o";
      case 16 -> "0x";
      default -> "";
    };
    String digits = Long.toString(v, base);
    boolean negative = digits.startsWith("-");
    if (negative) digits = digits.substring(1);
    if (f.type() == 'X') { digits = digits.toUpperCase(); prefix = prefix.toUpperCase(); }
    return layoutNumber(negative, prefix, digits, "", f);
  }

  /**
   * calc_number_widths + fill_number:
   * {@code <lpad><sign><prefix><spad><grouped digits><rest><rpad>}, where {@code rest} is the
   * decimal point and whatever follows the integer digits. Zero padding ('0' with '=')
   * counts as digits, so it is grouped too: {@code 0,001,234.50}.
   */
  private static String layoutNumber(boolean negative, String prefix, String digits, String rest,
                                     FormatSpec f) {
    String sign = switch (f.sign()) {
      case '+' -> negative ? "-" : "+";
      case ' ' -> negative ? "-" : " ";
      default -> negative ? "-" : "";
    };
    int restLen = rest.codePointCount(0, rest.length());
    int nonDigits = sign.length() + prefix.length() + restLen;
    int minWidth = f.fill() == '0' && f.align() == '=' ? f.width() - nonDigits : 0;
    String grouped = digits.isEmpty() ? "" : group(digits, minWidth, f.groupSize(), f.grouping());
    int padding = Math.max(0, f.width() - (nonDigits + grouped.length()));
    int left = 0, inner = 0, right = 0;
    switch (f.align()) {
      case '<' -> right = padding;
      case '^' -> { left = padding / 2; right = padding - left; }
      case '=' -> inner = padding;
      default -> left = padding;
    }
    StringBuilder b = new StringBuilder();
    b.repeat(f.fill(), left).append(sign).append(prefix).repeat(f.fill(), inner)
        .append(grouped).append(rest).repeat(f.fill(), right);
    return b.toString();
  }

  /** _PyUnicode_InsertThousandsGrouping: separators every {@code size} digits, zero-filled to minWidth. */
  private static String group(String digits, int minWidth, int size, char sep) {
    StringBuilder out = new StringBuilder(); // built backwards
    int remaining = digits.length();
    if (size > 0) {
      boolean useSep = false;
      while (true) {
        int l = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
        appendGroup(out, digits, remaining, l, useSep, sep);
        useSep = true;
        remaining -= Math.min(remaining, l);
        minWidth -= l;
        if (remaining <= 0 && minWidth <= 0) return out.reverse().toString();
        minWidth -= 1;
      }
    }
    int l = Math.max(Math.max(remaining, minWidth), 1);
    appendGroup(out, digits, remaining, l, false, sep);
    return out.reverse().toString();
  }

  private static void appendGroup(StringBuilder out, String digits, int remaining, int l,
                                  boolean useSep, char sep) {
    if (useSep) out.append(sep);
    int chars = Math.max(0, Math.min(remaining, l));
    for (int i = 0; i < chars; i++) out.append(digits.charAt(remaining - 1 - i));
    out.repeat('0', Math.max(0, l - remaining));
  }

  /** Python's str.isprintable for one code point: not a control, format, surrogate,
   *  private-use, unassigned or separator character (the space excepted). */
  private static boolean isPrintable(int c) {
    if (c == ' ') return true;
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
           Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
           Character.SPACE_SEPARATOR -> false;
      default -> true;
    };
  }

  private static String hex(int c, int width) {
    String h = Integer.toHexString(c);
    return "0".repeat(Math.max(0, width - h.length())) + h;
  }
}
