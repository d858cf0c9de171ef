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
    // the legend's frame holds a swatch of each colour
    int[] box = legendBox(image);
    assertTrue(box != null, "a legend");
    assertFalse(rowsOf(image, ORANGE, box[0], box[1], box[2], box[3]).isEmpty(), "orange swatch");
    assertFalse(rowsOf(image, BLUE, box[0], box[1], box[2], box[3]).isEmpty(), "blue swatch");
  }

  /**
   * The legend's frame as {x0, y0, x1, y1}: the first and last rows holding a run of at least
   * 40 pixels in the frame's colour, and that run's ends; null when there is none.
   */
  static int[] legendBox(BufferedImage image) {
    int frame = LineChart.LEGEND_FRAME.getRGB() & 0xffffff;
    int[] box = null;
    for (int y = 0; y < image.getHeight(); y++) {
      int run = 0;
      for (int x = 0; x < image.getWidth(); x++) {
        run = (image.getRGB(x, y) & 0xffffff) == frame ? run + 1 : 0;
        if (run == 40) {
          int start = x - 39, end = x;
          while (end + 1 < image.getWidth() && (image.getRGB(end + 1, y) & 0xffffff) == frame) end++;
          if (box == null) box = new int[] {start, y, end + 1, y + 1};
          else box[3] = y + 1;
          break;
        }
      }
    }
    return box;
  }

  @Test
  void aLegendForOneLabelledLineAndNoneWhenAskedNot() throws IOException {
    Path p = dir.resolve("one.png");
    double[] loss = {2, 1.5, 1.2, 1, 0.9};
    Viz.plot(loss, p, "loss");
    assertEquals(null, legendBox(SaveImageTest.read(p)), "no labels, one line: no legend");
    Viz.plot(List.of(loss), p, PlotOptions.NONE.withLabels(List.of("train")));
    int[] box = legendBox(SaveImageTest.read(p));
    assertTrue(box != null, "a labelled line has a legend, as after plt.legend()");
    Viz.plot(List.of(loss, loss), p, PlotOptions.NONE.withLegend(false));
    assertEquals(null, legendBox(SaveImageTest.read(p)), "legend=False");
  }

  @Test
  void theLegendGoesWhereItHidesNoLine() throws IOException {
    Path p = dir.resolve("rising.png");
    double[] up = new double[20], up2 = new double[20];
    for (int i = 0; i < 20; i++) { up[i] = i; up2[i] = i * 0.9; }
    Viz.plot(List.of(up, up2), p, PlotOptions.NONE.withLabels(List.of("a", "b")));
    int[] box = legendBox(SaveImageTest.read(p));
    // lines from bottom left to top right leave the upper left (and lower right) free; upper left comes first
    assertTrue(box[0] < LineChart.WIDTH / 2 && box[1] < LineChart.HEIGHT / 2, java.util.Arrays.toString(box));
  }

  @Test
  void axisLabelsAreDrawnBelowAndLeftOfTheAxes() throws IOException {
    Path p = dir.resolve("labels.png");
    double[] v = {1, 2, 3};
    Viz.plot(List.of(v), p, PlotOptions.NONE);
    BufferedImage bare = SaveImageTest.read(p);
    Viz.plot(List.of(v), p, PlotOptions.NONE.withAxisLabels("batch", "loss"));
    BufferedImage labelled = SaveImageTest.read(p);
    int bottomStrip = LineChart.HEIGHT - LineChart.AXIS_LABEL;
    assertEquals(0, darkPixelsIn(bare, 0, bottomStrip, LineChart.WIDTH, LineChart.HEIGHT));
    assertTrue(darkPixelsIn(labelled, 0, bottomStrip, LineChart.WIDTH, LineChart.HEIGHT) > 20, "xlabel");
    // left of the plot area: the tick labels and marks, and with a ylabel that too
    int ylabel = darkPixelsIn(labelled, 0, 0, LineChart.LEFT + LineChart.AXIS_LABEL, LineChart.HEIGHT)
        - darkPixelsIn(bare, 0, 0, LineChart.LEFT, LineChart.HEIGHT);
    assertTrue(ylabel > 20, "ylabel: " + ylabel);
  }

  static int darkPixelsIn(BufferedImage image, int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if ((image.getRGB(x, y) & 0xff) < 100) n++;
    return n;
  }

  /** The mean row of the blue line in the column at x (a vertical band 3 pixels wide). */
  static double lineRowAt(BufferedImage image, int x) {
    List<Integer> rows = rowsOf(image, BLUE, x - 1, LineChart.TOP, x + 2, LineChart.HEIGHT - LineChart.BOTTOM);
    assertFalse(rows.isEmpty(), "line at x=" + x);
    return rows.stream().mapToInt(Integer::intValue).average().orElseThrow();
  }

  /** Where 1, 10, 100, 1000 at x = 0..3 put the second point, as a fraction of the way from the first to the last. */
  static double secondPointFraction(BufferedImage image) {
    Ticks xs = Ticks.over(0, 3, 8, true);
    int[] px = new int[4];
    for (int i = 0; i < 4; i++) {
      px[i] = (int) Math.round(LineChart.LEFT + (i - xs.lo()) / (xs.hi() - xs.lo()) * (LineChart.WIDTH - LineChart.LEFT - LineChart.RIGHT));
    }
    double y0 = lineRowAt(image, px[0] + 3), y1 = lineRowAt(image, px[1]), y3 = lineRowAt(image, px[3] - 3);
    return (y0 - y1) / (y0 - y3);
  }

  @Test
  void logScaleSpacesPowersOfTenEvenly() throws IOException {
    Path p = dir.resolve("log.png");
    List<double[]> decades = List.of(new double[] {1, 10, 100, 1000});
    Viz.plot(decades, p, PlotOptions.NONE);
    assertTrue(secondPointFraction(SaveImageTest.read(p)) < 0.05, "linear: 10 sits near 1");
    Viz.plot(decades, p, PlotOptions.NONE.withLogY(true));
    assertEquals(1 / 3.0, secondPointFraction(SaveImageTest.read(p)), 0.03, "log: 10 is a third of the way up");
  }

  @Test
  void logTicksAreRoundAndNonPositiveValuesBreakTheLine() throws IOException {
    Ticks wide = Ticks.log(1e-6, 1);
    assertEquals(List.of("1e-06", "1e-05", "0.0001", "0.001", "0.01", "0.1", "1"), wide.at().stream().map(wide::label).toList());
    Ticks loss = Ticks.log(0.05, 2.3);  // a training loss: 1, 2 and 5 times the powers of ten
    assertEquals(List.of("0.05", "0.1", "0.2", "0.5", "1", "2"), loss.at().stream().map(loss::label).toList());
    assertTrue(loss.minor().contains(0.3) && loss.minor().contains(0.06) && loss.minor().contains(2.0), loss.minor().toString());
    Ticks narrow = Ticks.log(0.70, 0.75);
    assertTrue(narrow.at().size() >= 2, narrow.at().toString());

    Path p = dir.resolve("gaps.png");
    Viz.plot(List.of(new double[] {1, 0, -1, 10, 100}), p, PlotOptions.NONE.withLogY(true));
    assertFalse(rowsOf(SaveImageTest.read(p), BLUE).isEmpty());
    var none = assertThrows(IllegalArgumentException.class,
        () -> Viz.plot(List.of(new double[] {0, -1}), p, PlotOptions.NONE.withLogY(true)));
    assertEquals("plot: no positive value to draw on a log y axis", none.getMessage());
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
