package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule of docs/KERNELS.md, *Repeatable results*, checked on the kernels' sources: no
 * Vector API operation whose result depends on the JIT tier that runs it. RepeatableRunsTest
 * catches such an operation only in the kernels its training step reaches; this catches it
 * in any kernel, including one not written yet.
 */
class KernelRulesTest {
  /** reduceLanes(ADD or MUL): the order is left to the implementation (use Lanes.sum). */
  private static final Pattern UNORDERED_REDUCTION = Pattern.compile("reduceLanes\\(\\s*VectorOperators\\.(ADD|MUL|FIRST_NONZERO)\\b");
  /** The transcendentals: Math per lane in the fallback, SVML under C2 (use Exp, Log, Tanh or Math). */
  private static final Pattern TRANSCENDENTAL = Pattern.compile("VectorOperators\\.(EXP|EXPM1|LOG|LOG1P|LOG10|SIN|COS|TAN"
      + "|SINH|COSH|TANH|ASIN|ACOS|ATAN|ATAN2|POW|HYPOT|CBRT)\\b");

  @Test
  void noKernelUsesAVectorOperationThatRoundsDifferentlyPerJitTier() throws Exception {
    Path dir = Path.of("src/main/java/org/tdsl/tensor/kernels");
    List<String> offences = new ArrayList<>();
    int files = 0;
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        files++;
        String code = withoutComments(Files.readString(f));
        for (Pattern p : List.of(UNORDERED_REDUCTION, TRANSCENDENTAL)) {
          Matcher m = p.matcher(code);
          while (m.find()) offences.add(f.getFileName() + ": " + m.group());
        }
      }
    }
    assertTrue(files > 10, "read the kernels in " + dir.toAbsolutePath());
    assertEquals(List.of(), offences);
  }

  @Test
  void theCheckSeesTheOperationsItForbids() {
    String code = withoutComments("float s = v.reduceLanes(VectorOperators.ADD); // reduceLanes(VectorOperators.MUL)\n"
        + "/* v.lanewise(VectorOperators.TANH) */ w = v.lanewise(VectorOperators.EXP);");
    Matcher reduction = UNORDERED_REDUCTION.matcher(code), transcendental = TRANSCENDENTAL.matcher(code);
    assertTrue(reduction.find());
    assertEquals("reduceLanes(VectorOperators.ADD", reduction.group());
    assertTrue(transcendental.find());
    assertEquals("VectorOperators.EXP", transcendental.group());
    assertTrue(!reduction.find() && !transcendental.find(), "comments are not code");
  }

  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
  }
}
