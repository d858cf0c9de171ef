package org.tdsl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.testing.ChildJvm;
import org.tdsl.testing.ChildJvm.Run;

/**
 * The scripts in examples/ run as a user runs them: a separate JVM started in a fresh
 * directory (they read examples/data/mnist relative to it and write their pictures and
 * checkpoints into it), exit 0 and print what the README promises.
 */
class ExamplesTest {
  @TempDir Path dir;

  /** The link into the repository goes before JUnit cleans the directory (it warns about links). */
  @AfterEach
  void unlinkExamples() throws IOException {
    Files.deleteIfExists(dir.resolve("examples"));
  }

  private Run run(String... args) throws IOException, InterruptedException {
    Path link = dir.resolve("examples");
    if (!Files.exists(link)) Files.createSymbolicLink(link, Path.of("examples").toAbsolutePath());
    return ChildJvm.run(dir, 300, System.getProperty("java.class.path"),
        List.of("--enable-native-access=ALL-UNNAMED", "-Xss16m"), Main.class.getName(), List.of(args));
  }

  private Run ok(String... args) throws Exception {
    Run r = run(args);
    assertEquals(0, r.status(), () -> "exit status of " + String.join(" ", args) + "\n" + r.err() + r.out());
    assertEquals("", r.err(), "stderr of " + String.join(" ", args));
    return r;
  }

  @Test
  void autogradPrintsTheReferenceTranscript() throws Exception {
    String transcript = Files.readString(Path.of("src/test/resources/autograd.out"));
    assertEquals(transcript, ok("examples/autograd.tdsl").out());
  }

  @Test
  void loadingShowsTheSampleAndADigit() throws Exception {
    String out = ok("examples/01_load.tdsl").out();
    assertTrue(out.contains("training digits: 1000  test digits: 200"), out);
    assertTrue(out.contains("image torch.Size([1, 28, 28]) torch.float32  label 3"), out);
    assertTrue(out.contains("@@@@"), "the digit drawn in ASCII:\n" + out);
    assertTrue(out.contains("digits 0..9: tensor([102, 107,  96, 120, 100,  87,  98, 100,  86, 104])"), out);
  }

  @Test
  void theModelAndBackpropWalkThrough() throws Exception {
    assertTrue(ok("examples/02_model.tdsl").out().contains("parameters: 1199882"));
    assertTrue(ok("examples/03_backprop.tdsl").out().contains("grad_fn=<"));
  }

  @Test
  void trainingLearnsAndLookingWritesItsPictures() throws Exception {
    String train = ok("examples/mnist.tdsl", "examples/data/mnist", "1", "1").out();
    assertTrue(train.contains("Train Epoch: 1 [0/1000 (0%)]"), train);
    String accuracy = train.substring(train.indexOf("Accuracy: ") + 10, train.indexOf("/200"));
    assertTrue(Integer.parseInt(accuracy) >= 120, "one epoch on the sample gets at least 60%:\n" + train);
    assertTrue(Files.size(dir.resolve("mnist_cnn.safetensors")) > 4_000_000);

    String look = ok("examples/05_look.tdsl", "mnist_cnn.safetensors").out();
    assertTrue(look.contains("loaded mnist_cnn.safetensors"), look);
    assertTrue(look.contains("conv1 kernels torch.Size([32, 1, 3, 3])"), look);
    for (String f : List.of("conv1.png", "mistakes.png", "graph.dot")) {
      assertTrue(Files.size(dir.resolve(f)) > 100, f);
    }
    assertTrue(Files.readString(dir.resolve("graph.dot")).contains("ConvolutionBackward0"));
  }

  @Test
  void theExamplesFindTheirDataFromAnotherDirectory() throws Exception {
    // no link to examples/ here: the scripts are named by their absolute paths
    Path examples = Path.of("examples").toAbsolutePath();
    Run load = ChildJvm.run(dir, 300, System.getProperty("java.class.path"), List.of("-Xss16m"), Main.class.getName(),
        List.of(examples.resolve("01_load.tdsl").toString()));
    assertEquals(0, load.status(), load.err());
    assertTrue(load.out().contains("training digits: 1000  test digits: 200"), load.out());

    // a data directory without a checkpoint: 05_look trains one epoch on it first
    Run look = ChildJvm.run(dir, 300, System.getProperty("java.class.path"), List.of("-Xss16m"), Main.class.getName(),
        List.of(examples.resolve("05_look.tdsl").toString(), "--data", examples.resolve("data/mnist").toString()));
    assertEquals(0, look.status(), look.err());
    assertTrue(look.out().contains("trained one epoch"), look.out());
    assertTrue(Files.size(dir.resolve("conv1.png")) > 100);
  }
}
