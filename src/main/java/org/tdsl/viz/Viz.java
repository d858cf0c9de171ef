package org.tdsl.viz;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.tdsl.tensor.Tensor;

/**
 * Pictures of tensors and training: the Java side of the language's {@code show},
 * {@code save_image}, {@code plot} and {@code save_graph}. Every file is written atomically (a
 * temporary file beside the target, then renamed), so a reader never sees half a picture.
 *
 * <p>Image shapes are read as torchvision's {@code make_grid} reads them: H×W is one gray
 * image; a 3-D tensor is C×H×W when C is 1 (gray) or 3 (RGB), and otherwise N gray images of
 * H×W; N×C×H×W with C 1 or 3 is a batch, drawn as a grid of {@code nrow} images per row with
 * {@code padding} black pixels around each. Integer and bool tensors are drawn as their values.
 * Bad shapes, empty tensors and unknown file extensions are {@link IllegalArgumentException}s.
 */
public final class Viz {
  /** torchvision's {@code make_grid} defaults. */
  public static final int NROW = 8, PADDING = 2;
  /** save_image's {@code scale=None}: enlarge small pictures until the shorter side is about 200 pixels. */
  public static final int AUTO_SCALE = 0;

  private Viz() {}

  /**
   * Draws an image (or a grid of a batch) in the terminal, normalised over the tensor's
   * min..max, shrunk to fit {@code columns} characters. With color: two pixel rows per line,
   * the upper-half block {@code ▀} with 24-bit ANSI foreground (top pixel) and background
   * (bottom pixel) colours, one column per pixel. Without (output redirected): the ASCII ramp
   * {@code " .:-=+*#%@"} from dark to bright, two characters per pixel across, one line per
   * pixel row, trailing blanks dropped.
   */
  public static void show(Tensor t, PrintStream out, boolean color, int columns) {
    TerminalPicture.show(t, out, color, columns);
  }

  /** {@link #saveImage(Tensor, Path, boolean, int, int)} normalising, with make_grid's layout. */
  public static void saveImage(Tensor t, Path path) throws IOException {
    saveImage(t, path, true, NROW, PADDING);
  }

  /**
   * Writes t as torchvision's {@code save_image} does, at the picture's own size (no
   * enlarging, no captions): {@link #saveImage(Tensor, Path, boolean, int, int, int, List)}
   * with scale 1.
   */
  public static void saveImage(Tensor t, Path path, boolean normalize, int nrow, int padding) throws IOException {
    saveImage(t, path, normalize, nrow, padding, 1, null);
  }

  /**
   * Writes t as an image file, format from the extension ({@code .png}; also {@code .jpg},
   * {@code .jpeg}, {@code .bmp}): 8-bit gray for a gray image or grid, 8-bit RGB for 3
   * channels. With normalize, values map min..max to 0..255 (torchvision's
   * {@code save_image(normalize=True)}); without, values are clamped to 0..1 first. Bytes are
   * {@code floor(v * 255 + 0.5)}, as torchvision rounds. A single image has no padding.
   *
   * <p>Every pixel becomes a scale×scale square (nearest neighbour, so pixels stay sharp).
   * {@link #AUTO_SCALE} picks the smallest whole factor that makes the shorter side at least
   * 200 pixels (and each tile as wide as its caption), as long as the longer side stays within
   * 2048 pixels; a picture already that big keeps its size. Labels (one per image, or null)
   * are drawn in white under each tile, on a black band added below each row of tiles.
   *
   * @throws IOException naming the path when it cannot be written (missing directory, no
   *     permission, a directory in the way)
   */
  public static void saveImage(Tensor t, Path path, boolean normalize, int nrow, int padding, int scale,
      List<String> labels) throws IOException {
    ImageFile.save(t, path, normalize, nrow, padding, scale, labels);
  }

  /** One line: {@link #plot(List, Path, PlotOptions)} with a single series and only a title. */
  public static void plot(double[] values, Path path, String title) throws IOException {
    LineChart.save(List.of(values), path, PlotOptions.titled(title));
  }

  /** {@link #plot(List, Path, PlotOptions)} with a title and labels (a legend when there are labels). */
  public static void plot(List<double[]> series, Path path, String title, List<String> labels) throws IOException {
    LineChart.save(series, path, PlotOptions.titled(title).withLabels(labels));
  }

  /**
   * A line chart (800×500, PNG unless the extension says otherwise): each series against its
   * index 0, 1, 2, ... (as matplotlib's {@code plt.plot(values)}), axes with ticks at round
   * numbers (powers of ten on a log axis), and what the options ask for: a title on top, axis
   * labels, a legend (by default when there are labels or more than one series; unlabelled
   * lines are "series 1", "series 2", ...) in the corner that hides the fewest points, and a
   * log y axis. NaN and infinite values break the line, and so do values ≤ 0 on a log axis.
   * Colours follow matplotlib's default cycle.
   */
  public static void plot(List<double[]> series, Path path, PlotOptions options) throws IOException {
    LineChart.save(series, path, options);
  }

  /** Writes {@link #toDot(Tensor)} to path (any extension; {@code dot -Tpng} renders it). */
  public static void saveGraph(Tensor t, Path path) throws IOException {
    DotGraph.save(t, path);
  }

  /**
   * The tape that leads to t as Graphviz DOT, drawn as torchviz draws it: edges point from
   * the node of an input to the node that used it (the forward direction; gradients flow
   * against the arrows), and the last node points to a box for t itself. Nodes are the
   * backward nodes, labelled with name and output shape; AccumulateGrad boxes (leaves) show
   * the leaf's shape. A tensor with nothing recorded gives a graph of its box alone.
   */
  public static String toDot(Tensor t) {
    return DotGraph.toDot(t);
  }
}
