package org.tdsl.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Captions under the tiles of a grid (save_image's {@code labels=}): below each row of tiles
 * a black band as tall as a line of text, and in it each tile's label in white, centred under
 * the tile. Text is drawn after enlarging, so it stays the same size whatever the scale.
 */
final class TileCaptions {
  static final int FONT_SIZE = 12, SMALLEST_FONT_SIZE = 8, MARGIN = 2;

  private TileCaptions() {}

  /** image (laid out as g says) with a caption band added under each row of tiles. */
  static BufferedImage under(BufferedImage image, GridLayout g, List<String> labels) {
    int band = bandHeight();
    BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight() + g.down() * band, image.getType());
    int[] row = new int[image.getWidth() * image.getRaster().getNumBands()];
    for (int y = 0, shift = 0; y < image.getHeight(); y++) {
      while (shift < g.down() && y >= bottom(g, shift)) shift++;  // rows of tiles already ended above y
      image.getRaster().getPixels(0, y, image.getWidth(), 1, row);
      out.getRaster().setPixels(0, y + shift * band, image.getWidth(), 1, row);
    }
    Graphics2D gr = out.createGraphics();
    try {
      gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      gr.setColor(Color.BLACK);
      for (int r = 0; r < g.down(); r++) gr.fillRect(0, bottom(g, r) + r * band, out.getWidth(), band);
      gr.setColor(Color.WHITE);
      int cell = g.tileWidth() + g.padding();
      for (int k = 0; k < labels.size(); k++) {
        int r = k / g.across();
        int middle = g.left(k) + g.tileWidth() / 2;
        drawCentred(gr, labels.get(k), middle, cell, bottom(g, r) + r * band);
      }
    } finally {
      gr.dispose();
    }
    return out;
  }

  /** The first pixel row below tile row r, before any band is added. */
  private static int bottom(GridLayout g, int r) {
    return g.top(r * g.across()) + g.tileHeight();
  }

  /** In the largest font from 12 down to 8 px that fits the cell; clipped to the cell if none does. */
  private static void drawCentred(Graphics2D gr, String label, int middle, int cell, int bandTop) {
    Font font = font(FONT_SIZE);
    FontMetrics m = gr.getFontMetrics(font);
    for (int size = FONT_SIZE - 1; size >= SMALLEST_FONT_SIZE && m.stringWidth(label) > cell; size--) {
      font = font(size);
      m = gr.getFontMetrics(font);
    }
    gr.setFont(font);
    Graphics2D clipped = (Graphics2D) gr.create(middle - cell / 2, bandTop, cell, bandHeight());
    try {
      int x = cell / 2 - m.stringWidth(label) / 2;
      clipped.drawString(label, Math.max(0, x), MARGIN + m.getAscent());
    } finally {
      clipped.dispose();
    }
  }

  static int bandHeight() {
    return fontMetrics(FONT_SIZE).getHeight() + 2 * MARGIN;
  }

  /** The width in pixels of the widest label in the full-size font. */
  static int widestLabel(List<String> labels) {
    FontMetrics m = fontMetrics(FONT_SIZE);
    int widest = 0;
    for (String l : labels) widest = Math.max(widest, m.stringWidth(l));
    return widest + 2 * MARGIN;
  }

  private static Font font(int size) {
    return new Font(Font.SANS_SERIF, Font.PLAIN, size);
  }

  private static FontMetrics fontMetrics(int size) {
    BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = scratch.createGraphics();
    try {
      return g.getFontMetrics(font(size));
    } finally {
      g.dispose();
    }
  }
}
