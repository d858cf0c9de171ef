package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.testing.ChildJvm;

/**
 * examples/embed/EmbedDemo.java as a Java developer builds it: compiled against tdsl's classes
 * and the ANTLR runtime only (no JLine: the library's dependencies), run in its own JVM.
 */
class EmbedExampleTest {
  @TempDir Path tmp;

  /** The directory or jar a class was loaded from. */
  private static String home(Class<?> c) throws Exception {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  private static String libraryClassPath() throws Exception {
    return home(Session.class) + java.io.File.pathSeparator + home(org.antlr.v4.runtime.Lexer.class);
  }

  @Test
  void theDemoCompilesAndRunsWithoutTheReplsDependencies() throws Exception {
    String cp = libraryClassPath();
    assertFalse(cp.contains("jline"), cp);
    Path classes = Files.createDirectory(tmp.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = javac.getTask(diagnostics, null, null,
        List.of("-cp", cp, "-d", classes.toString(), "--add-modules", "jdk.incubator.vector", "-Xlint:-options"), null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)
            .getJavaFileObjects(Path.of("examples/embed/EmbedDemo.java"))).call();
    assertTrue(compiled, diagnostics.toString());

    ChildJvm.Run run = ChildJvm.run(tmp, 120, cp + java.io.File.pathSeparator + classes, List.of(), "EmbedDemo", List.of());
    String out = run.out(), err = run.err();
    assertEquals(0, run.status(), out + err);
    assertEquals("", err);
    assertEquals("""
        java: loss 2.0, grad [-2.0, 2.0, -2.0, 2.0]
        tdsl: loss after training 0.000000
        java: y = 3.000 x + 1.000
        java: predict(2) = 7.00
        java: saved true
        java: RUNTIME at peek.tdsl:1:8: PermissionError: '../../etc/passwd' is outside the session's file roots
        """, out);
  }

  /**
   * No class outside the REPL and the command line refers to JLine, so the library jar works
   * without it (the JVM resolves references lazily, but a reference would be a trap).
   */
  @Test
  void onlyTheReplAndTheCommandLineReferToJline() throws Exception {
    Path root = Path.of(home(Session.class));
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = root.relativize(f).toString().replace('\\', '/');
        if (name.startsWith("org/tdsl/repl/") || name.startsWith("org/tdsl/cli/")) continue;
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        if (bytes.contains("org/jline/") || bytes.contains("org/tdsl/repl/")) offenders.add(name);
      }
    }
    assertEquals(List.of(), offenders);
    assertTrue(Files.exists(root.resolve("org/tdsl/api/Session.class")), "scanned the real classes");
  }
}
