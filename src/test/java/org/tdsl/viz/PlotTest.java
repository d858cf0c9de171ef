package org.tdsl.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotTest {
  @TempDir Path dir;

  static final int BLUE = LineChart.PALETTE[0].getRGB() & 0xffffff, ORANGE = LineChart.PALETTE[1].getRGB() & 0xffffff;

  /**
   * Rows (y) of the pixels inside the box x0..x1, y0..y1 drawn in the given colour, at least
   * half covered (antialiasing blends a line's edges with the white behind it).
   */
  static List<Integer> rowsOf(BufferedImage image, int rgb, int x0, int y0, int x1, int y1) {
    List<Integer> rows = new ArrayList<>();
    for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if (drawnIn(image.getRGB(x, y), rgb)) rows.add(y);
    return rows;
  }

  static boolean drawnIn(int pixel, int colour) {
    int[] p = channels(pixel), c = channels(colour);
    int strongest = 0;
    for (int k = 1; k < 3; k++) if (255 - c[k] > 255 - c[strongest]) strongest = k;
    double alpha = (255.0 - p[strongest]) / (255.0 - c[strongest]);
    if (alpha < 0.5 || alpha > 1.05) return false;
    for (int k = 0; k < 3; k++) if (Math.abs(p[k] - (alpha * c[k] + (1 - alpha) * 255)) > 12) return false;
    return true;
  }

  static int[] channels(int rgb) { return new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff}; }

  static List<Integer> rowsOf(BufferedImage image, int rgb) {
    return rowsOf(image, rgb, 0, 0, image.getWidth(), image.getHeight());
  }

  @Test
  void oneSeriesIsALineWithoutLegend() throws IOException {
    Path p = dir.resolve("loss.png");
    double[] loss = new double[50];
    for (int i = 0; i < loss.length; i++) loss[i] = 2.0 / (1 + i);
    Viz.plot(loss, p, "training loss");
    BufferedImage image = SaveImageTest.read(p);
    assertEquals(LineChart.WIDTH, image.getWidth());
    assertEquals(LineChart.HEIGHT, image.getHeight());
    List<Integer> blue = rowsOf(image, BLUE);
    assertTrue(blue.size() > 100, "the line is drawn: " + blue.size());
    assertTrue(rowsOf(image, ORANGE).isEmpty(), "no second colour, no legend");
    // a falling curve: its first points are high (small y), its last low
    List<Integer> left = rowsOf(image, BLUE, LineChart.LEFT, 0, LineChart.LEFT + 40, image.getHeight());
    List<Integer> right = rowsOf(image, BLUE, image.getWidth() - LineChart.RIGHT - 40, 0, image.getWidth(), image.getHeight());
    assertTrue(left.stream().mapToInt(Integer::intValue).min().orElseThrow()
        < right.stream().mapToInt(Integer::intValue).min().orElseThrow() - 200);
    // the title is drawn (dark pixels) above the plot area
    assertTrue(darkPixels(image, LineChart.TOP - 4) > 20, "title text");
  }

  static int darkPixels(BufferedImage image, int belowY) {
    int n = 0;
    for (int y = 0; y < belowY; y++) for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xff) < 100) n++;
    return n;
  }

  @Test
  void constantSeriesSitsInTheMiddle() throws IOException {
    Path p = dir.resolve("flat.png");
    Viz.plot(new double[] {3, 3, 3, 3}, p, null);
    BufferedImage image = SaveImageTest.read(p);
    int middle = (LineChart.TOP + LineChart.HEIGHT - LineChart.BOTTOM) / 2;
    List<Integer> blue = rowsOf(image, BLUE);
    assertFalse(blue.isEmpty());
    for (int y : blue) assertTrue(Math.abs(y - middle) <= 2, "row " + y + " vs middle " + middle);
    assertEquals(0, darkPixels(image, LineChart.TOP - 4), "no title");
  }

  @Test
  void twoSeriesGetTwoColoursAndALegend() throws IOException {
    Path p = dir.resolve("two.png");
    Viz.plot(List.of(new double[] {0, 1, 2, 3}, new double[] {3, 2, Double.NaN, 0}), p, "two", List.of("up", "down"));
    BufferedImage image = SaveImageTest.read(p);
    assertFalse(rowsOf(image, BLUE).isEmpty());
    assertFalse(rowsOf(image, ORANGE).isEmpty());
    // the legend's swatches sit in the top-right corner, where neither line passes
    int x0 = LineChart.WIDTH - LineChart.RIGHT - 200, y0 = LineChart.TOP + 2, y1 = y0 + 80;
    assertFalse(rowsOf(image, ORANGE, x0, y0, LineChart.WIDTH - LineChart.RIGHT, y1).isEmpty(), "orange swatch");
    assertFalse(rowsOf(image, BLUE, x0, y0, LineChart.WIDTH - LineChart.RIGHT, y1).isEmpty(), "blue swatch");
  }

  @Test
  void ticksAtRoundNumbersWithFittingDecimals() {
    Ticks t = Ticks.over(0, 2.5, 6, false);
    assertEquals(0.5, t.step(), 1e-12);
    assertEquals(List.of("0.0", "0.5", "1.0", "1.5", "2.0", "2.5"), t.at().stream().map(t::label).toList());
    Ticks x = Ticks.over(0, 199, 8, true);
    assertEquals(20, x.step(), 1e-12);
    assertEquals("0", x.label(x.at().get(0)));
    assertEquals("200", x.label(x.at().get(x.at().size() - 1)));
    Ticks small = Ticks.over(0.01, 0.035, 6, false);
    assertEquals("0.025", small.label(0.025));
    Ticks one = Ticks.over(0, 0, 8, true);  // a single point: still a sensible axis
    assertTrue(one.hi() > one.lo());
  }

  @Test
  void errors() {
    var none = assertThrows(IllegalArgumentException.class, () -> Viz.plot(List.of(), dir.resolve("a.png"), "t", null));
    assertTrue(none.getMessage().contains("nothing to plot"), none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Viz.plot(new double[0], dir.resolve("a.png"), "t"));
    var labels = assertThrows(IllegalArgumentException.class,
        () -> Viz.plot(List.of(new double[] {1}, new double[] {2}), dir.resolve("a.png"), "t", List.of("only one")));
    assertEquals("plot: 2 series but 1 labels", labels.getMessage());
    Path missing = dir.resolve("nowhere/loss.png");
    var io = assertThrows(IOException.class, () -> Viz.plot(new double[] {1, 2}, missing, "t"));
    assertTrue(io.getMessage().contains(missing.toString()), io.getMessage());
  }

  @Test
  void paletteIsMatplotlibs() {
    assertEquals(new Color(31, 119, 180), LineChart.PALETTE[0]);
  }
}
