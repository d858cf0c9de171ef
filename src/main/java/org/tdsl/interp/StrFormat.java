package org.tdsl.interp;

import java.util.List;

/** str.format: "{} {name} {0:.2f} {{literal}}". */
final class StrFormat {
  private StrFormat() {}

  static String format(String template, List<Object> args, PyDict kwargs, Interpreter ip) {
    StringBuilder out = new StringBuilder();
    int auto = 0;
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '}') {
        throw new TdslError("Single '}' encountered in format string");
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) throw new TdslError("Single '{' encountered in format string");
        String field = template.substring(i + 1, close);
        String spec = "";
        char conversion = 0;
        int colon = field.indexOf(':');
        if (colon >= 0) {
          spec = field.substring(colon + 1);
          field = field.substring(0, colon);
        }
        int bang = field.indexOf('!');
        if (bang >= 0) {
          conversion = bang + 1 < field.length() ? field.charAt(bang + 1) : 0;
          field = field.substring(0, bang);
        }
        Object value;
        if (field.isEmpty()) {
          if (auto >= args.size()) throw new TdslError("Replacement index " + auto + " out of range for positional args tuple");
          value = args.get(auto++);
        } else if (field.chars().allMatch(Character::isDigit)) {
          int n = Integer.parseInt(field);
          if (n >= args.size()) throw new TdslError("Replacement index " + n + " out of range for positional args tuple");
          value = args.get(n);
        } else {
          if (!kwargs.containsKey(field)) throw new TdslError("KeyError: " + Values.repr(field));
          value = kwargs.get(field);
        }
        if (conversion == 'r') value = Values.repr(value, ip);
        else if (conversion == 's') value = Values.str(value, ip);
        out.append(Values.format(value, spec, ip));
        i = close + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
