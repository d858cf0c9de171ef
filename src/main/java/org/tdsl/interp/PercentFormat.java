package org.tdsl.interp;

import java.util.List;

/** printf-style formatting: "loss %.4f at %d" % (x, i), with Python's rules and errors. */
final class PercentFormat {
  private PercentFormat() {}

  static String format(String template, Object args, Interpreter ip) {
    List<Object> values = args instanceof PyTuple t ? t.items() : List.of(args == null ? "None" : args);
    boolean single = !(args instanceof PyTuple);
    StringBuilder out = new StringBuilder();
    int next = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i++);
      if (c != '%') {
        out.append(c);
        continue;
      }
      int start = i;
      while (i < template.length() && "-+ 0#".indexOf(template.charAt(i)) >= 0) i++;
      String flags = template.substring(start, i);
      int w = i;
      while (i < template.length() && Character.isDigit(template.charAt(i))) i++;
      String width = template.substring(w, i);
      String precision = "";
      if (i < template.length() && template.charAt(i) == '.') {
        int p = ++i;
        while (i < template.length() && Character.isDigit(template.charAt(i))) i++;
        precision = "." + (i == p ? "0" : template.substring(p, i));
      }
      if (i >= template.length()) throw new TdslError("incomplete format");
      char type = template.charAt(i++);
      if (type == '%') {
        out.append('%');
        continue;
      }
      if (next >= values.size()) throw new TdslError("not enough arguments for format string");
      Object v = single && args == null ? null : values.get(next++);
      String align = width.isEmpty() ? "" : flags.contains("-") ? "<" : ">";
      String sign = flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
      String zero = flags.contains("0") && !flags.contains("-") ? "0" : "";
      switch (type) {
        case 's', 'r', 'a' -> {
          String s = type == 's' ? Values.str(v, ip) : Values.repr(v, ip);
          out.append(Values.format(s, align + width + precision, ip));
        }
        case 'd', 'i', 'u' -> {
          if (!Values.isNumber(v)) throw new TdslError("%" + type + " format: a real number is required, not " + Values.typeName(v, ip));
          long n = v instanceof Double d ? (long) (double) d : Values.toIndex(v);
          out.append(Values.format(n, (zero.isEmpty() ? align : "") + sign + zero + width + "d", ip));
        }
        case 'f', 'F', 'e', 'E', 'g', 'G' -> {
          if (!Values.isNumber(v)) throw new TdslError("must be real number, not " + Values.typeName(v, ip));
          String p = precision.isEmpty() ? ".6" : precision;
          out.append(Values.format(Values.toDouble(v), (zero.isEmpty() ? align : "") + sign + zero + width + p + type, ip));
        }
        case 'x', 'X', 'o' -> out.append(Values.format(Values.toIndex(v), align + sign + width + type, ip));
        default -> throw new TdslError("unsupported format character '" + type + "' (0x" + Integer.toHexString(type) + ") at index " + (i - 1));
      }
    }
    if (next < values.size()) throw new TdslError("not all arguments converted during string formatting");
    return out.toString();
  }
}
