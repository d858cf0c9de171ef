package org.tdsl.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PyTorch's printed output against tdsl's: the text between numbers must be equal; integers
 * must be equal; a number with a fraction or exponent may differ by rtol relative plus atol
 * absolute, or by one unit in its last printed digit (float32 sums in another order round
 * the other way), because the two libraries add in different orders. README.md beside the
 * corpus says why this is the tolerance.
 */
final class OutputComparison {
  private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.\\d*|\\.\\d+|\\d+)(?:[eE][-+]?\\d+)?");

  private OutputComparison() {}

  /** null when the outputs agree, else where and how they first differ. */
  static String difference(String expected, String actual, double rtol, double atol) {
    String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
    for (int i = 0; i < Math.max(e.length, a.length); i++) {
      String el = i < e.length ? e[i] : "<no line>", al = i < a.length ? a[i] : "<no line>";
      if (!lineMatches(el, al, rtol, atol)) {
        return "line " + (i + 1) + " differs:\n  PyTorch: " + el + "\n  tdsl:    " + al;
      }
    }
    return null;
  }

  static boolean lineMatches(String expected, String actual, double rtol, double atol) {
    if (expected.equals(actual)) return true;
    List<String> en = new ArrayList<>(), an = new ArrayList<>();
    if (!skeleton(expected, en).equals(skeleton(actual, an)) || en.size() != an.size()) return false;
    for (int i = 0; i < en.size(); i++) {
      if (!numberMatches(en.get(i), an.get(i), rtol, atol)) return false;
    }
    return true;
  }

  /** The line with each number replaced by '#'; the numbers go to {@code numbers}. */
  private static String skeleton(String line, List<String> numbers) {
    Matcher m = NUMBER.matcher(line);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      numbers.add(m.group());
      m.appendReplacement(sb, "#");
    }
    m.appendTail(sb);
    return sb.toString();
  }

  static boolean numberMatches(String expected, String actual, double rtol, double atol) {
    if (expected.equals(actual)) return true;
    boolean integer = !expected.matches(".*[.eE].*") && !actual.matches(".*[.eE].*");
    if (integer) return false;
    double e = Double.parseDouble(expected), a = Double.parseDouble(actual);
    double slack = Math.max(atol + rtol * Math.abs(e), lastDigit(expected) * 1.0001);
    return Math.abs(e - a) <= slack;
  }

  /** One unit in the last printed digit of a decimal: 0.001 for "1.234", 1e-6 for "1.5e-05"'s "1.5" times 1e-05. */
  private static double lastDigit(String number) {
    String mantissa = number.split("[eE]")[0];
    int exponent = number.matches(".*[eE].*") ? Integer.parseInt(number.split("[eE]")[1]) : 0;
    int dot = mantissa.indexOf('.');
    int decimals = dot < 0 ? 0 : mantissa.length() - dot - 1;
    return Math.pow(10, exponent - decimals);
  }
}
