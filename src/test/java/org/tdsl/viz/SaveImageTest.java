package org.tdsl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.data.Mnist;
import org.tdsl.tensor.Tensor;

class SaveImageTest {
  @TempDir Path dir;

  static BufferedImage read(Path p) throws IOException {
    BufferedImage image = ImageIO.read(p.toFile());
    assertTrue(image != null, "not an image: " + p);
    return image;
  }

  static int gray(BufferedImage image, int x, int y) {
    assertEquals(1, image.getRaster().getNumBands(), "a gray image has one band");
    return image.getRaster().getSample(x, y, 0);
  }

  @Test
  void grayImageNormalisedOverMinMax() throws IOException {
    Path p = dir.resolve("g.png");
    Viz.saveImage(Tensor.of(new float[] {-1, 0, 1, 2, 3, 5}, 2, 3), p);
    BufferedImage image = read(p);
    assertEquals(3, image.getWidth());
    assertEquals(2, image.getHeight());
    // (v + 1) / 6 * 255 + 0.5, truncated, as torchvision rounds
    int[] expected = {0, 43, 85, 128, 170, 255};
    for (int k = 0; k < 6; k++) assertEquals(expected[k], gray(image, k % 3, k / 3), "pixel " + k);
  }

  @Test
  void oneByHByWIsGrayAndIntegerTensorsWork() throws IOException {
    Path p = dir.resolve("i.png");
    Viz.saveImage(Tensor.of(new long[] {0, 10, 20, 30}, 1, 2, 2), p);
    BufferedImage image = read(p);
    assertEquals(2, image.getWidth());
    assertEquals(List.of(0, 85, 170, 255), List.of(gray(image, 0, 0), gray(image, 1, 0), gray(image, 0, 1), gray(image, 1, 1)));
  }

  @Test
  void withoutNormalizeValuesAreClampedToZeroOne() throws IOException {
    Path p = dir.resolve("c.png");
    Viz.saveImage(Tensor.of(new float[] {-1, 0.5f, 2, 0.25f}, 2, 2), p, false, 8, 2);
    BufferedImage image = read(p);
    assertEquals(List.of(0, 128, 255, 64), List.of(gray(image, 0, 0), gray(image, 1, 0), gray(image, 0, 1), gray(image, 1, 1)));
  }

  @Test
  void threeChannelsAreRgb() throws IOException {
    Path p = dir.resolve("rgb.png");
    // 3×1×2: left pixel pure red, right pixel (0, 1, 1) cyan
    Viz.saveImage(Tensor.of(new float[] {1, 0, 0, 1, 0, 1}, 3, 1, 2), p, false, 8, 2);
    BufferedImage image = read(p);
    assertEquals(2, image.getWidth());
    assertEquals(1, image.getHeight());
    assertEquals(0xff0000, image.getRGB(0, 0) & 0xffffff);
    assertEquals(0x00ffff, image.getRGB(1, 0) & 0xffffff);
  }

  @Test
  void batchIsAGridOfNrowImagesPerRow() throws IOException {
    Path p = dir.resolve("grid.png");
    float[] v = new float[5 * 4];
    for (int k = 0; k < 5; k++) for (int i = 0; i < 4; i++) v[k * 4 + i] = k + 1;
    Viz.saveImage(Tensor.of(v, 5, 1, 2, 2), p, true, 2, 2);
    BufferedImage image = read(p);
    // 2 across, 3 down, 2 px padding: 2*(2+2)+2 wide, 3*(2+2)+2 high
    assertEquals(10, image.getWidth());
    assertEquals(14, image.getHeight());
    for (int k = 0; k < 5; k++) {
      int top = (k / 2) * 4 + 2, left = (k % 2) * 4 + 2;
      int expected = (int) (k / 4.0 * 255 + 0.5);
      assertEquals(expected, gray(image, left + 1, top + 1), "image " + k);
      assertEquals(0, gray(image, left - 1, top), "padding left of image " + k);
    }
    assertEquals(0, gray(image, 7, 11), "the empty sixth cell");
  }

  @Test
  void mnistDigitRoundTrips() throws IOException {
    Tensor digit = new Mnist("examples/data/mnist", false).get(0)[0];
    Path p = dir.resolve("digit.png");
    Viz.saveImage(digit, p);
    BufferedImage image = read(p);
    assertEquals(28, image.getWidth());
    assertEquals(28, image.getHeight());
    // MNIST bytes were normalised with mean/std; min..max normalisation gives them back
    float[] v = digit.toFloatArray();
    int differences = 0;
    for (int i = 0; i < v.length; i++) {
      int original = Math.round((v[i] * 0.3081f + 0.1307f) * 255);
      if (Math.abs(original - gray(image, i % 28, i / 28)) > 1) differences++;
    }
    assertEquals(0, differences);
  }

  @Test
  void overwritesAtomicallyLeavingNoTemporaryFiles() throws IOException {
    Path p = dir.resolve("same.png");
    Viz.saveImage(Tensor.zeros(4, 4), p);
    Viz.saveImage(Tensor.zeros(3, 5), p);
    assertEquals(5, read(p).getWidth());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(p), files.toList());
    }
  }

  @Test
  void jpegByExtension() throws IOException {
    Path p = dir.resolve("d.jpg");
    Viz.saveImage(Tensor.rand(1, 6, 7), p);
    BufferedImage image = read(p);
    assertEquals(7, image.getWidth());
    assertEquals(6, image.getHeight());
  }

  @Test
  void errorsNameThePath() {
    Path missing = dir.resolve("no/such/dir/x.png");
    var io = assertThrows(IOException.class, () -> Viz.saveImage(Tensor.zeros(2, 2), missing));
    assertTrue(io.getMessage().contains(missing.toString()) && io.getMessage().contains("does not exist"), io.getMessage());

    Path folder = dir.resolve("folder.png");
    var isDir = assertThrows(IOException.class, () -> {
      Files.createDirectory(folder);
      Viz.saveImage(Tensor.zeros(2, 2), folder);
    });
    assertTrue(isDir.getMessage().contains(folder + ": it is a directory"), isDir.getMessage());

    var ext = assertThrows(IllegalArgumentException.class, () -> Viz.saveImage(Tensor.zeros(2, 2), dir.resolve("x.tiff")));
    assertTrue(ext.getMessage().contains("unknown file extension: '.tiff'"), ext.getMessage());

    var shape = assertThrows(IllegalArgumentException.class, () -> Viz.saveImage(Tensor.zeros(1, 1, 1, 2, 2), dir.resolve("x.png")));
    assertTrue(shape.getMessage().startsWith("save_image expects an image of shape H×W, C×H×W or N×C×H×W, got a 5-D"),
        shape.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Viz.saveImage(Tensor.zeros(2, 4, 2, 2), dir.resolve("x.png")));
    assertThrows(IllegalArgumentException.class, () -> Viz.saveImage(Tensor.zeros(2, 2), dir.resolve("x.png"), true, 0, 2));
    assertTrue(Files.notExists(dir.resolve("x.png")));
  }
}
