package org.tdsl.syntax;

/** Python's backslash escapes. */
final class Strings {
  private Strings() {}

  static String unescape(String s, Pos pos) {
    if (s.indexOf('\\') < 0) return s;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char n = s.charAt(++i);
      switch (n) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case 'r' -> out.append('\r');
        case '0' -> out.append('\0');
        case 'a' -> out.append('\u0007');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'v' -> out.append('\u000b');
        case '\\', '\'', '"' -> out.append(n);
        case '\n' -> {}
        case 'x' -> i = hex(s, i, 2, out, pos);
        case 'u' -> i = hex(s, i, 4, out, pos);
        default -> out.append('\\').append(n);
      }
    }
    return out.toString();
  }

  private static int hex(String s, int i, int digits, StringBuilder out, Pos pos) {
    if (i + digits >= s.length() + 0 && i + digits > s.length() - 1 + 1) {
      throw new SyntaxError("truncated \\" + s.charAt(i) + " escape", pos);
    }
    try {
      out.append((char) Integer.parseInt(s.substring(i + 1, i + 1 + digits), 16));
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new SyntaxError("truncated \\" + s.charAt(i) + " escape", pos);
    }
    return i + digits;
  }
}
