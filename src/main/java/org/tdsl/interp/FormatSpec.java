package org.tdsl.interp;

/**
 * One parsed format spec, {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]},
 * read exactly as CPython 3.11's parse_internal_render_format_spec reads it. Characters are
 * code points; {@code type} is 0 when absent.
 */
record FormatSpec(int fill, int align, int sign, boolean noNeg0, boolean alternate, int width,
                  char grouping, int precision, int type) {

  /** Parses {@code spec} for a value of Python type {@code typeName}, whose defaults are given. */
  static FormatSpec parse(String spec, String typeName, int defaultType, int defaultAlign) {
    int[] s = spec.codePoints().toArray();
    int pos = 0, end = s.length;
    int fill = ' ', align = defaultAlign, sign = 0, width = -1, precision = -1, type = defaultType;
    boolean fillGiven = false, alignGiven = false, noNeg0 = false, alternate = false;
    char grouping = 0;

    if (end - pos >= 2 && isAlign(s[pos + 1])) {
      fill = s[pos]; align = s[pos + 1]; fillGiven = alignGiven = true; pos += 2;
    } else if (end - pos >= 1 && isAlign(s[pos])) {
      align = s[pos]; alignGiven = true; pos++;
    }
    if (end - pos >= 1 && (s[pos] == ' ' || s[pos] == '+' || s[pos] == '-')) sign = s[pos++];
    if (end - pos >= 1 && s[pos] == 'z') { noNeg0 = true; pos++; }
    if (end - pos >= 1 && s[pos] == '#') { alternate = true; pos++; }
    if (!fillGiven && end - pos >= 1 && s[pos] == '0') {
      fill = '0';
      if (!alignGiven && defaultAlign == '>') align = '=';
      pos++;
    }
    int start = pos;
    while (pos < end && Character.isDigit(s[pos])) pos++;
    if (pos > start) width = number(s, start, pos);

    if (pos < end && s[pos] == ',') { grouping = ','; pos++; }
    if (pos < end && s[pos] == '_') {
      if (grouping != 0) throw bothSeparators();
      grouping = '_'; pos++;
    }
    if (pos < end && s[pos] == ',' && grouping == '_') throw bothSeparators();

    if (pos < end && s[pos] == '.') {
      pos++;
      start = pos;
      while (pos < end && Character.isDigit(s[pos])) pos++;
      if (pos == start) throw new IllegalArgumentException("Format specifier missing precision");
      precision = number(s, start, pos);
    }
    if (end - pos > 1) {
      throw new IllegalArgumentException(
          "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
    }
    if (end - pos == 1) type = s[pos];

    if (grouping != 0) {
      switch (type) {
        case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0 -> { }
        case 'b', 'o', 'x', 'X' -> { if (grouping != '_') throw badSeparator(grouping, type); }
        default -> throw badSeparator(grouping, type);
      }
    }
    return new FormatSpec(fill, align, sign, noNeg0, alternate, width, grouping, precision, type);
  }

  /** Digits between separators: 4 for '_' in binary, octal and hex, else 3; 0 for none. */
  int groupSize() {
    if (grouping == 0 || type == 'n') return 0;
    return grouping == '_' && (type == 'b' || type == 'o' || type == 'x' || type == 'X') ? 4 : 3;
  }

  static String codeName(int c) {
    return c > 32 && c < 128 ? String.valueOf((char) c) : "\\x" + Integer.toHexString(c);
  }

  static IllegalArgumentException unknownCode(int type, String typeName) {
    return new IllegalArgumentException(
        "Unknown format code '" + codeName(type) + "' for object of type '" + typeName + "'");
  }

  private static boolean isAlign(int c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

  private static int number(int[] s, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + Character.digit(s[i], 10);
      if (n > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("Too many decimal digits in format string");
      }
    }
    return (int) n;
  }

  private static IllegalArgumentException bothSeparators() {
    return new IllegalArgumentException("Cannot specify both ',' and '_'.");
  }

  private static IllegalArgumentException badSeparator(char grouping, int type) {
    return new IllegalArgumentException(
        "Cannot specify '" + grouping + "' with '" + codeName(type) + "'.");
  }
}
