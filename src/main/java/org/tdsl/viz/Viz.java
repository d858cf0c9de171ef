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
   * Writes t as an image file, format from the extension ({@code .png}; also {@code .jpg},
   * {@code .jpeg}, {@code .bmp}): 8-bit gray for a gray image or grid, 8-bit RGB for 3
   * channels. With normalize, values map min..max to 0..255 (torchvision's
   * {@code save_image(normalize=True)}); without, values are clamped to 0..1 first. Bytes are
   * {@code floor(v * 255 + 0.5)}, as torchvision rounds. A single image is written at its own
   * size, without padding.
   *
   * @throws IOException naming the path when it cannot be written (missing directory, no
   *     permission, a directory in the way)
   */
  public static void saveImage(Tensor t, Path path, boolean normalize, int nrow, int padding) throws IOException {
    ImageFile.save(t, path, normalize, nrow, padding);
  }

  /** One line: {@link #plot(List, Path, String, List)} with a single unlabelled series. */
  public static void plot(double[] values, Path path, String title) throws IOException {
    LineChart.save(List.of(values), path, title, null);
  }

  /**
   * A line chart (800×500, PNG unless the extension says otherwise): each series against its
   * index 0, 1, 2, ... (as matplotlib's {@code plt.plot(values)}), axes with ticks at round
   * numbers, the title on top (none when null or empty), and a legend in the top-right corner
   * when there is more than one series (labels may be null: "series 1", "series 2", ...).
   * NaN and infinite values break the line. Colours follow matplotlib's default cycle.
   */
  public static void plot(List<double[]> series, Path path, String title, List<String> labels) throws IOException {
    LineChart.save(series, path, title, labels);
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
