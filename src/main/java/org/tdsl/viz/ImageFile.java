package org.tdsl.viz;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tdsl.io.AtomicFiles;
import org.tdsl.tensor.Tensor;

/**
 * {@code save_image}: a tensor (or a grid of a batch) as a PNG, JPEG or BMP file, enlarged by
 * a whole factor with every pixel repeated (so the pixels stay sharp squares), with optional
 * captions under the tiles.
 */
final class ImageFile {
  /** The automatic enlargement makes the shorter side at least this many pixels ... */
  static final int MIN_SIDE = 200;
  /** ... unless that would make the longer side more than this. */
  static final int MAX_SIDE = 2048;

  private ImageFile() {}

  /** scale: a factor of 1 or more, or {@link Viz#AUTO_SCALE}; labels: one per image, or null. */
  static void save(Tensor t, Path path, boolean normalize, int nrow, int padding, int scale, List<String> labels)
      throws IOException {
    String format = formatOf(path, "save_image");
    if (scale < 0) throw new IllegalArgumentException("save_image: scale must be a positive integer, got " + scale);
    Images.Batch batch = Images.toBatch(t, "save_image", normalize);
    GridLayout layout = batch.layout(nrow, padding, "save_image");
    if (labels != null && labels.size() != batch.n()) {
      throw new IllegalArgumentException("save_image: labels must have one entry per image: got " + labels.size()
          + " labels for " + batch.n() + (batch.n() == 1 ? " image" : " images"));
    }
    Raster raster = batch.grid(nrow, padding, "save_image");
    int factor = scale == Viz.AUTO_SCALE ? autoScale(raster, layout, labels) : scale;
    BufferedImage image = toImage(raster, factor);
    if (labels != null) image = TileCaptions.under(image, layout.times(factor), labels);
    BufferedImage finished = image;
    AtomicFiles.write(path, out -> {
      if (!ImageIO.write(finished, format, out)) throw new IOException("no " + format + " writer for this image");
    });
  }

  /**
   * The smallest whole factor that makes the shorter side at least {@link #MIN_SIDE} pixels
   * and each tile at least as wide as its caption, without making the longer side more than
   * {@link #MAX_SIDE} pixels; 1 for a picture already that big.
   */
  static int autoScale(Raster r, GridLayout layout, List<String> labels) {
    int shorter = Math.min(r.height(), r.width()), longer = Math.max(r.height(), r.width());
    int wanted = ceilDiv(MIN_SIDE, shorter);
    if (labels != null) wanted = Math.max(wanted, ceilDiv(TileCaptions.widestLabel(labels), layout.tileWidth()));
    return Math.max(1, Math.min(wanted, MAX_SIDE / longer));
  }

  private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }

  /** The format from the file's extension, as PIL chooses it. */
  static String formatOf(Path path, String caller) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case ".png" -> "png";
      case ".jpg", ".jpeg" -> "jpg";
      case ".bmp" -> "bmp";
      default -> throw new IllegalArgumentException(caller + ": unknown file extension: '" + ext + "' in " + path
          + " (use .png, .jpg or .bmp)");
    };
  }

  /**
   * Gray rasters become 8-bit gray images, RGB ones 8-bit-per-channel RGB, each pixel a
   * factor×factor square; samples are set directly (no colour management).
   */
  static BufferedImage toImage(Raster r, int factor) {
    int channels = r.channels();
    BufferedImage image = new BufferedImage(r.width() * factor, r.height() * factor,
        channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
    WritableRaster pixels = image.getRaster();
    int[] square = new int[factor * factor];
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < r.height(); y++) {
        for (int x = 0; x < r.width(); x++) {
          java.util.Arrays.fill(square, Raster.toByte(r.at(c, y, x)));
          pixels.setSamples(x * factor, y * factor, factor, factor, c, square);
        }
      }
    }
    return image;
  }
}
