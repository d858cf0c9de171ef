package org.tdsl.viz;

import java.io.PrintStream;
import org.tdsl.tensor.Tensor;

/**
 * A tensor drawn in the terminal. With color, each text cell shows two pixels: the upper-half
 * block {@code ▀} in the top pixel's colour over a background of the bottom pixel's, in 24-bit
 * ANSI colour. Without color (output redirected to a file or pipe), one character per cell
 * from a ten-step ramp, two characters per pixel across since a cell is about twice as tall as
 * it is wide. The picture shrinks (averaging pixels) to fit the given number of columns.
 */
final class TerminalPicture {
  static final String RAMP = " .:-=+*#%@";
  private static final char UPPER_HALF = '\u2580';
  private static final String RESET = "\033[0m";

  private TerminalPicture() {}

  static void show(Tensor t, PrintStream out, boolean color, int columns) {
    if (columns < 1) throw new IllegalArgumentException("show: columns must be at least 1, got " + columns);
    Raster picture = Images.toRaster(t, "show", true, 8, 2);
    StringBuilder sb = new StringBuilder();
    if (color) colour(picture, columns, sb);
    else ascii(picture, columns, sb);
    out.print(sb);
    out.flush();
  }

  static void ascii(Raster p, int columns, StringBuilder sb) {
    int width = Math.min(2 * p.width(), columns);
    int height = Math.max(1, (int) Math.round(p.height() * (double) width / (2.0 * p.width())));
    Raster r = p.resize(height, width);
    for (int y = 0; y < height; y++) {
      int end = sb.length();
      for (int x = 0; x < width; x++) {
        char ch = RAMP.charAt(Math.min(RAMP.length() - 1, (int) (r.gray(y, x) * RAMP.length())));
        sb.append(ch);
        if (ch != ' ') end = sb.length();
      }
      sb.setLength(end);  // no trailing blanks
      sb.append('\n');
    }
  }

  static void colour(Raster p, int columns, StringBuilder sb) {
    int width = Math.min(p.width(), columns);
    int height = Math.max(1, (int) Math.round(p.height() * (double) width / p.width()));
    Raster r = p.resize(height, width);
    for (int y = 0; y < height; y += 2) {
      String lastFg = null, lastBg = null;
      for (int x = 0; x < width; x++) {
        String fg = "\033[38;2;" + rgb(r, y, x) + "m";
        String bg = y + 1 < height ? "\033[48;2;" + rgb(r, y + 1, x) + "m" : "\033[49m";
        if (!fg.equals(lastFg)) sb.append(fg);
        if (!bg.equals(lastBg)) sb.append(bg);
        sb.append(UPPER_HALF);
        lastFg = fg;
        lastBg = bg;
      }
      sb.append(RESET).append('\n');
    }
  }

  private static String rgb(Raster r, int y, int x) {
    if (r.channels() == 1) {
      int g = Raster.toByte(r.at(0, y, x));
      return g + ";" + g + ";" + g;
    }
    return Raster.toByte(r.at(0, y, x)) + ";" + Raster.toByte(r.at(1, y, x)) + ";" + Raster.toByte(r.at(2, y, x));
  }
}
