package org.tdsl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** PyFormat against what Python 3.11 printed (src/test/golden/printer/pyformat_cases.txt). */
class PyFormatTest {
  private static final Path CASES = Path.of("src/test/golden/printer/pyformat_cases.txt");

  @Test void floatReprMatchesPython() throws IOException { check("R", 700); }
  @Test void floatFormatSpecsMatchPython() throws IOException { check("F", 2000); }
  @Test void intFormatSpecsMatchPython() throws IOException { check("I", 1400); }
  @Test void strFormatSpecsMatchPython() throws IOException { check("S", 500); }
  @Test void stringReprMatchesPython() throws IOException { check("Q", 100); }

  @Test void examplesFromTheLanguageDocs() {
    assertEquals("0.30000000000000004", PyFormat.repr(0.1 + 0.2));
    assertEquals("1e-05", PyFormat.repr(1e-5));
    assertEquals("1e+16", PyFormat.repr(1e16));
    assertEquals("5e-324", PyFormat.repr(Double.MIN_VALUE));
    assertEquals("3.1416", PyFormat.format(Math.PI, ".4f"));
    assertEquals("1,234,567", PyFormat.format(1234567L, ","));
    assertEquals("\"it's\"", PyFormat.reprString("it's"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PyFormat.format(1.5, "d"));
    assertEquals("Unknown format code 'd' for object of type 'float'", e.getMessage());
  }

  /** Runs every golden line of one kind (and its error variant); all must match. */
  private static void check(String kind, int atLeast) throws IOException {
    List<String> failures = new ArrayList<>();
    int count = 0;
    for (String line : Files.readAllLines(CASES)) {
      String[] f = line.split("\t", -1);
      if (!f[0].equals(kind) && !f[0].equals(kind + "E")) continue;
      count++;
      boolean error = f[0].endsWith("E") && f[0].length() == 2;
      String expected = unescape(f[f.length - 1]);
      String actual = run(() -> switch (kind) {
        case "R" -> PyFormat.repr(parseDouble(f[1]));
        case "F" -> PyFormat.format(parseDouble(f[1]), unescape(f[2]));
        case "I" -> PyFormat.format(Long.parseLong(f[1]), unescape(f[2]));
        case "S" -> PyFormat.format(unescape(f[1]), unescape(f[2]));
        case "Q" -> PyFormat.reprString(unescape(f[1]));
        default -> throw new IllegalStateException(kind);
      }, error);
      if (!expected.equals(actual)) failures.add(line + "   ->   got: " + actual);
    }
    assertTrue(count >= atLeast, "only " + count + " cases of kind " + kind);
    assertTrue(failures.isEmpty(), failures.size() + " of " + count + " differ from Python:\n"
        + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
  }

  /** The result, or the exception's message where Python raised (a result there is a miss). */
  private static String run(Supplier<String> call, boolean error) {
    try {
      String out = call.get();
      return error ? "<no error> " + out : out;
    } catch (IllegalArgumentException e) {
      return error ? e.getMessage() : "<error> " + e.getMessage();
    }
  }

  static double parseDouble(String s) {
    return switch (s) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /** Undoes the generator's escaping: \\ \t \n \\uXXXX. */
  static String unescape(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') { b.append(c); continue; }
      char n = s.charAt(++i);
      switch (n) {
        case 't' -> b.append('\t');
        case 'n' -> b.append('\n');
        case 'u' -> { b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16)); i += 4; }
        default -> b.append(n);
      }
    }
    return b.toString();
  }
}
