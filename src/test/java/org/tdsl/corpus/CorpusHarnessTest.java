package org.tdsl.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The harness itself, before any corpus program runs: brace-form twins of three corpus programs
 * (src/test/resources/corpus_twins) replay the PyTorch run's draws and print exactly what
 * PyTorch printed; a twin that draws in another order stops at the first draw out of place.
 */
class CorpusHarnessTest {
  @TempDir Path work;

  /** A program folder holding the twin as main.tdsl beside the corpus program's expected.txt and draws. */
  private CorpusProgram twin(String name, String source) throws IOException {
    return twin(name, source, null);
  }

  private CorpusProgram twin(String name, String source, String mnist) throws IOException {
    Path dir = Files.createDirectories(work.resolve("programs").resolve(name));
    Files.writeString(dir.resolve("main.tdsl"), source);
    Path corpus = CorpusProgram.IN_REPO.resolve(name);
    Files.copy(corpus.resolve("expected.txt"), dir.resolve("expected.txt"));
    Files.copy(corpus.resolve("draws.safetensors"), dir.resolve("draws.safetensors"));
    return new CorpusProgram(name, dir, "main.tdsl", List.of(), mnist, 1e-4, 1e-5);
  }

  private static String twinSource(String name) throws IOException {
    return Files.readString(Path.of("src/test/resources/corpus_twins", name + ".tdsl"));
  }

  @Test
  void replayedDrawsReproducePyTorchsOutput() throws IOException {
    for (String name : List.of("xor_mlp", "linreg_concise", "mnist_cnn")) {
      String data = name.equals("mnist_cnn") ? "data/MNIST/raw" : null;
      CorpusRun.Outcome o = CorpusRun.run(twin(name, twinSource(name), data), work.resolve("runs"));
      assertTrue(o.matches(), name + ": " + o.status() + " " + o.firstProblem() + "\n" + o.output());
      assertEquals(Files.readString(CorpusProgram.IN_REPO.resolve(name).resolve("expected.txt")), o.output(), name);
    }
  }

  @Test
  void aDrawOutOfOrderIsReportedWhereItHappens() throws IOException {
    String swapped = twinSource("linreg_concise").replace("X = randn(120, 3)\n", "").replace(
        "true_b = -1.0\n", "true_b = -1.0\nnet0 = Linear(3, 1)\nX = randn(120, 3)\n");
    CorpusRun.Outcome o = CorpusRun.run(twin("linreg_concise", swapped), work.resolve("runs"));
    assertEquals("runtime error", o.status());
    assertTrue(o.firstProblem().startsWith("5:"), o.firstProblem());
    assertTrue(o.firstProblem().contains("random draw 1 of 9 does not match the recording: this program draws kaiming_uniform_"
        + " of shape [1, 3] here, the recorded program drew randn of shape [120, 3]"), o.firstProblem());
  }

  @Test
  void aProgramThatStopsEarlyLeavesDrawsAndIsNoMatch() throws IOException {
    String first = "manual_seed(0)\nX = randn(120, 3)\n";
    CorpusRun.Outcome o = CorpusRun.run(twin("linreg_concise", first), work.resolve("runs"));
    assertNull(o.error());
    assertFalse(o.matches());
    assertEquals(8, o.drawsLeft());
  }
}
