package org.tdsl.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A program run as a user runs it: a separate JVM of the same Java, with the Vector API module,
 * in a directory of the test's choosing. Its stdout and stderr land in files there; stderr comes
 * back without the JVM's own "Using incubator modules" line, which tdsl's launcher hides too.
 */
public final class ChildJvm {
  public record Run(int status, String out, String err) {}

  private ChildJvm() {}

  public static Run run(Path dir, int timeoutSeconds, String classPath, List<String> jvmOptions, String mainClass,
      List<String> args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", classPath, mainClass));
    cmd.addAll(args);
    Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(timeoutSeconds, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
    String errText = Files.readString(err, StandardCharsets.UTF_8)
        .replace("WARNING: Using incubator modules: jdk.incubator.vector\n", "");
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), errText);
  }
}
