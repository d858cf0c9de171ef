package org.tdsl.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TensorFormatter against PyTorch's own str(t) (src/test/golden/printer/cases.txt). */
class TensorFormatterTest {
  private static final Path CASES = Path.of("src/test/golden/printer/cases.txt");

  /** One golden case: the tensor's data and what PyTorch printed for it. */
  private record Case(String name, int[] shape, DType dtype, String grad, String[] values, String expected) {
    String print() {
      ElementSource src = new ElementSource() {
        public double floatAt(int i) { return parseFloat32(values[i]); }
        public long longAt(int i) { return Long.parseLong(values[i]); }
        public boolean boolAt(int i) { return values[i].equals("1"); }
      };
      boolean requires = !grad.equals("none");
      String gradFn = requires && !grad.equals("requires") ? grad : null;
      return TensorFormatter.format(shape, dtype, src, requires, gradFn);
    }
  }

  @Test void everyGoldenCaseMatchesPyTorch() throws IOException {
    List<Case> cases = readCases();
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      String actual = c.print();
      if (!actual.equals(c.expected)) {
        failures.add("case " + c.name + "\n--- PyTorch:\n" + c.expected + "\n--- tdsl:\n" + actual);
      }
    }
    assertTrue(cases.size() >= 400, "only " + cases.size() + " cases read");
    assertTrue(failures.isEmpty(), failures.size() + " of " + cases.size() + " differ:\n"
        + String.join("\n", failures.subList(0, Math.min(5, failures.size()))));
  }

  @Test void referenceTranscriptLines() {
    assertEquals("tensor(200., grad_fn=<MulBackward0>)",
        TensorFormatter.format(new int[0], DType.FLOAT32, floats(200), false, "MulBackward0"));
    assertEquals("tensor([[2000., 1700.],\n        [4800., 4100.]], grad_fn=<MmBackward0>)",
        TensorFormatter.format(new int[] {2, 2}, DType.FLOAT32, floats(2000, 1700, 4800, 4100), true,
            "MmBackward0"));
    assertEquals("tensor(10., requires_grad=True)",
        TensorFormatter.format(new int[0], DType.FLOAT32, floats(10), true, null));
  }

  @Test void summarisedPrintReadsOnlyTheEdges() {
    int[] reads = {0};
    ElementSource big = new ElementSource() {
      public double floatAt(int i) { reads[0]++; return i % 784; }
      public long longAt(int i) { throw new AssertionError("not an int64 tensor"); }
      public boolean boolAt(int i) { throw new AssertionError("not a bool tensor"); }
    };
    String row = "[  0.,   1.,   2.,  ..., 781., 782., 783.]";
    String gap = ",\n        ";
    assertEquals("tensor([" + String.join(gap, row, row, row, "...", row, row, row) + "])",
        TensorFormatter.format(new int[] {60000, 784}, DType.FLOAT32, big, false, null));
    assertTrue(reads[0] <= 2 * 36, "read " + reads[0] + " elements to print 36");
  }

  private static ElementSource floats(double... v) {
    return new ElementSource() {
      public double floatAt(int i) { return v[i]; }
      public long longAt(int i) { throw new AssertionError("not an int64 tensor"); }
      public boolean boolAt(int i) { throw new AssertionError("not a bool tensor"); }
    };
  }

  private static double parseFloat32(String s) {
    return switch (s) {
      case "nan" -> Double.NaN;
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> (double) Float.parseFloat(s);
    };
  }

  private static List<Case> readCases() throws IOException {
    List<String> lines = Files.readAllLines(CASES);
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < lines.size(); ) {
      String name = after(lines.get(i++), "case");
      int[] shape = Arrays.stream(words(after(lines.get(i++), "shape")))
          .mapToInt(Integer::parseInt).toArray();
      DType dtype = DType.valueOf(after(lines.get(i++), "dtype").toUpperCase());
      String grad = after(lines.get(i++), "grad");
      String[] values = words(after(lines.get(i++), "values"));
      int n = Integer.parseInt(after(lines.get(i++), "expect"));
      String expected = String.join("\n", lines.subList(i, i + n));
      i += n;
      cases.add(new Case(name, shape, dtype, grad, values, expected));
    }
    return cases;
  }

  private static String after(String line, String key) {
    if (!line.equals(key) && !line.startsWith(key + " ")) {
      throw new IllegalStateException("expected '" + key + "' but read: " + line);
    }
    return line.substring(key.length()).trim();
  }

  private static String[] words(String s) { return s.isEmpty() ? new String[0] : s.split(" "); }
}
