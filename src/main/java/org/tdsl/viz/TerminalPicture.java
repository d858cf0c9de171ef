package org.tdsl.viz;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.Tensor;

/**
 * A tensor drawn in the terminal. With color, each text cell shows two pixels: the upper-half
 * block {@code ▀} in the top pixel's colour over a background of the bottom pixel's, in 24-bit
 * ANSI colour. Without color (output redirected to a file or pipe), one character per cell
 * from a ten-step ramp, two characters per pixel across since a cell is about twice as tall as
 * it is wide. The picture shrinks (averaging pixels) to fit the given number of columns.
 *
 * <p>A batch in ASCII is not one shrunken grid (eight 28×28 digits in 80 columns would be five
 * rows of mush) but its images one by one, each at most {@link #TILE_LINES} lines tall (a
 * digit is halved to 14×14, which still reads), side by side as many as fit in the columns,
 * at most eight to a row as make_grid puts them, with a blank line between rows of images.
 */
final class TerminalPicture {
  static final String RAMP = " .:-=+*#%@";
  /** The tallest an image of a batch is drawn in ASCII, in lines: a 28-pixel digit is halved. */
  static final int TILE_LINES = 16;
  /** Blanks between images of a batch side by side. */
  static final int TILE_GAP = 2;
  private static final char UPPER_HALF = '\u2580';
  private static final String RESET = "\033[0m";

  private TerminalPicture() {}

  static void show(Tensor t, PrintStream out, boolean color, int columns) {
    if (columns < 1) throw new IllegalArgumentException("show: columns must be at least 1, got " + columns);
    Images.Batch batch = Images.toBatch(t, "show", true);
    StringBuilder sb = new StringBuilder();
    if (color) colour(batch.grid(Viz.NROW, Viz.PADDING, "show"), columns, sb);
    else if (batch.n() == 1) ascii(batch.tile(0), columns, sb);
    else asciiTiles(batch, columns, sb);
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
        char ch = ramp(r.gray(y, x));
        sb.append(ch);
        if (ch != ' ') end = sb.length();
      }
      sb.setLength(end);  // no trailing blanks
      sb.append('\n');
    }
  }

  /** A batch image by image, reflowed to fit the columns (see the class comment). */
  static void asciiTiles(Images.Batch batch, int columns, StringBuilder sb) {
    int h = batch.height(), w = batch.width();
    int shrink = Math.max((h + TILE_LINES - 1) / TILE_LINES, (2 * w + columns - 1) / columns);
    int lines = Math.max(1, h / shrink), width = Math.max(1, w / shrink);
    int across = Math.max(1, Math.min(Viz.NROW, (columns + TILE_GAP) / (2 * width + TILE_GAP)));
    for (int first = 0; first < batch.n(); first += across) {
      if (first > 0) sb.append('\n');
      int last = Math.min(batch.n(), first + across);
      List<Raster> row = new ArrayList<>();
      for (int k = first; k < last; k++) row.add(batch.tile(k).resize(lines, width));
      for (int y = 0; y < lines; y++) {
        int end = sb.length();
        for (int k = 0; k < row.size(); k++) {
          if (k > 0) sb.append(" ".repeat(TILE_GAP));
          for (int x = 0; x < width; x++) {
            char ch = ramp(row.get(k).gray(y, x));
            sb.append(ch).append(ch);
            if (ch != ' ') end = sb.length();
          }
        }
        sb.setLength(end);  // no trailing blanks
        sb.append('\n');
      }
    }
  }

  private static char ramp(float v) {
    return RAMP.charAt(Math.min(RAMP.length() - 1, (int) (v * RAMP.length())));
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
