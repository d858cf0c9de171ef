package org.tdsl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tdsl.viz.SaveImageTest.gray;
import static org.tdsl.viz.SaveImageTest.read;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.tensor.Tensor;

/** save_image's scale= (and its automatic enlarging of small pictures) and labels=. */
class ImageScaleAndLabelsTest {
  @TempDir Path dir;

  /** 32 kernels of 3×3, as conv1 of the MNIST example: a 42×22 grid at 8 per row. */
  static Tensor kernels() {
    float[] v = new float[32 * 9];
    for (int i = 0; i < v.length; i++) v[i] = (i * 37 % 101) / 100f;
    return Tensor.of(v, 32, 1, 3, 3);
  }

  BufferedImage save(Tensor t, int scale, List<String> labels) throws IOException {
    Path p = dir.resolve("x.png");
    Viz.saveImage(t, p, true, Viz.NROW, Viz.PADDING, scale, labels);
    return read(p);
  }

  @Test
  void smallPicturesAreEnlargedUntilTheShorterSideIs200Pixels() throws IOException {
    BufferedImage image = save(kernels(), Viz.AUTO_SCALE, null);
    // 42×22: 200 / 22 rounds up to 10
    assertEquals(420, image.getWidth());
    assertEquals(220, image.getHeight());
    // nearest neighbour: each pixel of the grid is a sharp 10×10 square
    BufferedImage raw = save(kernels(), 1, null);
    for (int y = 0; y < 220; y++) {
      for (int x = 0; x < 420; x++) assertEquals(gray(raw, x / 10, y / 10), gray(image, x, y), "at " + x + "," + y);
    }
  }

  @Test
  void scaleOneIsTorchvisionsSizeAndOtherScalesMultiplyIt() throws IOException {
    BufferedImage raw = save(kernels(), 1, null);
    assertEquals(42, raw.getWidth());
    assertEquals(22, raw.getHeight());
    BufferedImage three = save(kernels(), 3, null);
    assertEquals(126, three.getWidth());
    assertEquals(66, three.getHeight());
  }

  @Test
  void bigPicturesKeepTheirSizeAndLongOnesAreNotBlownUp() throws IOException {
    BufferedImage big = save(Tensor.rand(250, 300), Viz.AUTO_SCALE, null);
    assertEquals(300, big.getWidth());
    assertEquals(250, big.getHeight());
    // 4×1000: 50 times would be 50,000 pixels wide; the longer side stops at 2048
    BufferedImage strip = save(Tensor.rand(4, 1000), Viz.AUTO_SCALE, null);
    assertEquals(2000, strip.getWidth());
    assertEquals(8, strip.getHeight());
  }

  @Test
  void rgbIsEnlargedToo() throws IOException {
    BufferedImage image = save(Tensor.of(new float[] {1, 0, 0, 1, 0, 1}, 3, 1, 2), 4, null);
    assertEquals(8, image.getWidth());
    assertEquals(4, image.getHeight());
    assertEquals(0xff0000, image.getRGB(3, 3) & 0xffffff);
    assertEquals(0x00ffff, image.getRGB(4, 0) & 0xffffff);
  }

  /** Four 2×2 images in a row, values 1..4, at scale 10: tiles of 20×20 with 20 pixels of padding. */
  static Tensor fourTiles() {
    float[] v = new float[16];
    for (int k = 0; k < 4; k++) Arrays.fill(v, 4 * k, 4 * k + 4, k + 1);
    return Tensor.of(v, 4, 1, 2, 2);
  }

  @Test
  void labelsAreDrawnUnderEachTileOnABandOfTheirOwn() throws IOException {
    BufferedImage plain = save(fourTiles(), 10, null);
    BufferedImage labelled = save(fourTiles(), 10, List.of("7", "seven", "(9)", ""));
    int band = TileCaptions.bandHeight();
    assertEquals(plain.getWidth(), labelled.getWidth());
    assertEquals(plain.getHeight() + band, labelled.getHeight());
    // the tiles themselves are where they were, the padding below them moved down by the band
    for (int y = 0; y < 60; y++) {
      int moved = y < 40 ? y : y + band;
      for (int x = 0; x < plain.getWidth(); x++) assertEquals(gray(plain, x, y), gray(labelled, x, moved), "at " + x + "," + y);
    }
    // under each tile (rows 40.. of the band) text where there is a label, black where it is empty
    for (int k = 0; k < 4; k++) {
      int left = 20 + k * 40, bright = 0;
      for (int y = 40; y < 40 + band; y++) for (int x = left - 10; x < left + 30; x++) if (gray(labelled, x, y) > 128) bright++;
      if (k < 3) assertTrue(bright > 5, "label of tile " + k + ": " + bright + " bright pixels");
      else assertEquals(0, bright, "tile 3 has an empty label");
    }
    // the bottom padding follows the band
    for (int x = 0; x < labelled.getWidth(); x++) assertEquals(0, gray(labelled, x, labelled.getHeight() - 1));
  }

  @Test
  void labelsOnSeveralRowsAndOnASingleImage() throws IOException {
    Path p = dir.resolve("rows.png");
    Viz.saveImage(fourTiles(), p, true, 2, 2, 10, List.of("a", "b", "c", "d"));
    BufferedImage image = read(p);
    int band = TileCaptions.bandHeight();
    assertEquals(2 * (20 + 20) + 20 + 2 * band, image.getHeight());
    // second row of tiles starts after the first row, its padding and one band: value 3 → 2/3 gray
    assertEquals(170, gray(image, 25, 20 + 20 + 20 + band + 5));

    BufferedImage one = save(Tensor.rand(28, 28), Viz.AUTO_SCALE, List.of("label 5"));
    assertEquals(224, one.getWidth());
    assertEquals(224 + band, one.getHeight());
  }

  @Test
  void autoScaleMakesTilesWideEnoughForTheirLabels() throws IOException {
    // two 28×4 tiles: a 14×32 grid, which 15 times would make 210 wide, but the caption needs more
    BufferedImage image = save(Tensor.rand(2, 1, 28, 4), Viz.AUTO_SCALE, List.of("a rather long caption", "b"));
    int factor = image.getWidth() / 14;
    assertEquals(14 * factor, image.getWidth());
    assertTrue(factor > 15, "factor " + factor);
    assertTrue(4 * factor >= TileCaptions.widestLabel(List.of("a rather long caption")), "factor " + factor);
  }

  @Test
  void badScalesAndLabelCountsAreErrors() {
    var count = assertThrows(IllegalArgumentException.class, () -> save(fourTiles(), 1, List.of("a", "b")));
    assertEquals("save_image: labels must have one entry per image: got 2 labels for 4 images", count.getMessage());
    assertThrows(IllegalArgumentException.class, () -> save(fourTiles(), -2, null));
  }
}
