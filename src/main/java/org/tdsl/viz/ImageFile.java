package org.tdsl.viz;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tdsl.io.AtomicFiles;
import org.tdsl.tensor.Tensor;

/** {@code save_image}: a tensor (or a grid of a batch) as a PNG, JPEG or BMP file. */
final class ImageFile {
  private ImageFile() {}

  static void save(Tensor t, Path path, boolean normalize, int nrow, int padding) throws IOException {
    String format = formatOf(path, "save_image");
    BufferedImage image = toImage(Images.toRaster(t, "save_image", normalize, nrow, padding));
    AtomicFiles.write(path, out -> {
      if (!ImageIO.write(image, format, out)) throw new IOException("no " + format + " writer for this image");
    });
  }

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

  /** Gray rasters become 8-bit gray images, RGB ones 8-bit-per-channel RGB; samples are set directly (no colour management). */
  static BufferedImage toImage(Raster r) {
    if (r.channels() == 1) {
      BufferedImage image = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_BYTE_GRAY);
      WritableRaster pixels = image.getRaster();
      for (int y = 0; y < r.height(); y++) {
        for (int x = 0; x < r.width(); x++) pixels.setSample(x, y, 0, Raster.toByte(r.at(0, y, x)));
      }
      return image;
    }
    BufferedImage image = new BufferedImage(r.width(), r.height(), BufferedImage.TYPE_INT_RGB);
    WritableRaster pixels = image.getRaster();
    for (int y = 0; y < r.height(); y++) {
      for (int x = 0; x < r.width(); x++) {
        for (int c = 0; c < 3; c++) pixels.setSample(x, y, c, Raster.toByte(r.at(c, y, x)));
      }
    }
    return image;
  }
}
