package org.tdsl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * torchvision.datasets.MNIST over examples/data/mnist laid out as torchvision lays it out
 * (ROOT/MNIST/raw), checked against what torchvision 0.14 printed for the same program
 * (src/test/golden/vision: mnist_vision.py, its twin mnist_vision.tdsl, generate.py).
 */
class TorchvisionMnistTest {
  private static final Path GOLDEN = Path.of("src/test/golden/vision");
  private static final Path SAMPLE = Path.of("examples/data/mnist");

  @TempDir Path root;

  private String run(String source, Path dataRoot) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Interpreter interpreter = new Interpreter(org.tdsl.interp.bind.TdslLibrary.standard(),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    interpreter.host().setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    interpreter.host().setArgv(List.of("mnist_vision.tdsl", dataRoot.toString()));
    interpreter.run(source, "mnist_vision.tdsl", GOLDEN.toAbsolutePath());
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** torchvision's layout with the files unzipped, as torchvision 0.14 itself reads them. */
  @Test void unzippedFilesPrintWhatTorchvisionPrinted() throws IOException {
    Path raw = Files.createDirectories(root.resolve("MNIST/raw"));
    try (var files = Files.list(SAMPLE)) {
      for (Path gz : files.filter(p -> p.toString().endsWith(".gz")).toList()) {
        String name = gz.getFileName().toString();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          Files.copy(in, raw.resolve(name.substring(0, name.length() - 3)));
        }
      }
    }
    assertEquals(Files.readString(GOLDEN.resolve("mnist_vision.out")),
        run(Files.readString(GOLDEN.resolve("mnist_vision.tdsl")), root));
  }

  /** The same files gzipped (as torchvision's download leaves them beside the unzipped ones) read the same. */
  @Test void gzippedFilesReadTheSame() throws IOException {
    Path raw = Files.createDirectories(root.resolve("MNIST/raw"));
    try (var files = Files.list(SAMPLE)) {
      for (Path gz : files.filter(p -> p.toString().endsWith(".gz")).toList()) Files.copy(gz, raw.resolve(gz.getFileName()));
    }
    assertEquals(Files.readString(GOLDEN.resolve("mnist_vision.out")),
        run(Files.readString(GOLDEN.resolve("mnist_vision.tdsl")), root));
  }

  /** FashionMNIST reads root/FashionMNIST/raw, in the same format (here: the MNIST sample's files). */
  @Test void fashionMnistReadsItsOwnFolder() throws IOException {
    Path raw = Files.createDirectories(root.resolve("FashionMNIST/raw"));
    try (var files = Files.list(SAMPLE)) {
      for (Path gz : files.filter(p -> p.toString().endsWith(".gz")).toList()) Files.copy(gz, raw.resolve(gz.getFileName()));
    }
    String out = run("ds = torchvision.datasets.FashionMNIST(argv[1], train=False, download=True)\n"
        + "print(type(ds), len(ds), ds.classes[9], ds[0][1], str(ds).replace(argv[1], 'ROOT'))", root);
    assertEquals("<class 'torchvision.datasets.mnist.FashionMNIST'> 200 Ankle boot 0 Dataset FashionMNIST\n"
        + "    Number of datapoints: 200\n    Root location: ROOT\n    Split: Test\n", out);
  }

  @Test void absentFilesSayWhereToPutThem() {
    TdslError e = assertThrows(TdslError.class,
        () -> run("torchvision.datasets.FashionMNIST(argv[1], download=True)", root));
    assertTrue(e.getMessage().contains("tdsl does not download"), e.getMessage());
    assertTrue(e.getMessage().contains(root.resolve("FashionMNIST").resolve("raw").toString()), e.getMessage());
    assertTrue(e.getMessage().contains("train-images-idx3-ubyte"), e.getMessage());
  }
}
