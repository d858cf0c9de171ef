package org.tdsl.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.nn.Golden;

class IdxTest {
  static final Path SAMPLE = Path.of("examples/data/mnist");

  @TempDir Path tmp;

  @Test
  void readsTheSampleSplits() {
    MnistFiles.Split train = MnistFiles.load(SAMPLE, true);
    MnistFiles.Split test = MnistFiles.load(SAMPLE, false);
    assertEquals(1000, train.count());
    assertEquals(200, test.count());
    assertEquals(28, train.rows());
    assertEquals(28, train.cols());
    assertEquals(1000 * 784, train.images().length);
    for (long y : train.labels()) assertTrue(y >= 0 && y <= 9);
    // every class appears in a thousand real digits
    assertEquals(10, Arrays.stream(train.labels()).distinct().count());
  }

  @Test
  void normalisesLikeToTensorThenNormalize() {
    float[] expected = Golden.arrays("mnist_normalise.txt").get("pixels").floats();
    for (int b = 0; b < 256; b++) {
      assertEquals(expected[b], MnistFiles.normalise((byte) b), 0f, "byte " + b);
    }
  }

  @Test
  void gzipIsDetectedByContentNotName() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("plain"));
    for (String name : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte"}) {
      byte[] raw = gunzip(SAMPLE.resolve(name + ".gz"));
      // images stored uncompressed without .gz, labels stored uncompressed under a .gz name
      Path target = name.contains("labels") ? dir.resolve(name + ".gz") : dir.resolve(name);
      Files.write(target, raw);
    }
    MnistFiles.Split plain = MnistFiles.load(dir, true);
    MnistFiles.Split gz = MnistFiles.load(SAMPLE, true);
    assertArrayEquals(gz.images(), plain.images());
    assertArrayEquals(gz.labels(), plain.labels());
  }

  @Test
  void missingFileIsNamed() {
    DataException e = assertThrows(DataException.class, () -> MnistFiles.load(tmp, true));
    assertEquals("mnist: train-images-idx3-ubyte(.gz) not found in " + tmp, e.getMessage());
  }

  @Test
  void truncatedImagesAreReportedWithSizes() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("cut"));
    byte[] raw = gunzip(SAMPLE.resolve("train-images-idx3-ubyte.gz"));
    Files.write(dir.resolve("train-images-idx3-ubyte"), Arrays.copyOf(raw, 1000));
    Files.copy(SAMPLE.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
    DataException e = assertThrows(DataException.class, () -> MnistFiles.load(dir, true));
    assertEquals(dir.resolve("train-images-idx3-ubyte")
        + " is truncated: expected 784016 bytes of images, found 1000", e.getMessage());
  }

  @Test
  void truncatedGzipIsReportedAsTruncated() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("cutgz"));
    byte[] gz = Files.readAllBytes(SAMPLE.resolve("train-labels-idx1-ubyte.gz"));
    Files.copy(SAMPLE.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-images-idx3-ubyte.gz"));
    Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), Arrays.copyOf(gz, gz.length / 2));
    DataException e = assertThrows(DataException.class, () -> MnistFiles.load(dir, true));
    assertTrue(e.getMessage().startsWith(dir.resolve("train-labels-idx1-ubyte.gz")
        + " is truncated: expected 1008 bytes of labels, found "), e.getMessage());
  }

  @Test
  void wrongMagicIsCorrupt() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("bad"));
    // a labels file where images belong
    Files.copy(SAMPLE.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("train-images-idx3-ubyte.gz"));
    Files.copy(SAMPLE.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
    DataException e = assertThrows(DataException.class, () -> MnistFiles.load(dir, true));
    assertEquals(dir.resolve("train-images-idx3-ubyte.gz")
        + " is not an IDX file of images: magic number 0x00000801, expected 0x00000803", e.getMessage());
  }

  @Test
  void countsMustAgree() throws IOException {
    Path dir = Files.createDirectory(tmp.resolve("counts"));
    Files.copy(SAMPLE.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-images-idx3-ubyte.gz"));
    Files.write(dir.resolve("train-labels-idx1-ubyte"), idx1(new byte[] {1, 2, 3}));
    DataException e = assertThrows(DataException.class, () -> MnistFiles.load(dir, true));
    assertTrue(e.getMessage().contains("holds 1000 images but"), e.getMessage());
    assertTrue(e.getMessage().endsWith("holds 3 labels"), e.getMessage());
  }

  @Test
  void garbageGzipIsCorrupt() throws IOException {
    Path file = tmp.resolve("junk.gz");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7});
    }
    DataException e = assertThrows(DataException.class, () -> Idx.read(file, 1, "labels"));
    assertTrue(e.getMessage().startsWith(file + " is "), e.getMessage());
  }

  static byte[] idx1(byte[] labels) {
    ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
    b.putInt(0x801).putInt(labels.length).put(labels);
    return b.array();
  }

  static byte[] gunzip(Path file) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return in.readAllBytes();
    }
  }

  static void gzip(Path file, byte[] bytes) throws IOException {
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
  }
}
