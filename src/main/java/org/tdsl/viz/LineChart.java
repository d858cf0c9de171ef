package org.tdsl.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.tdsl.io.AtomicFiles;

/**
 * {@code plot}: line charts drawn with Java2D, one line per series against its index
 * (0, 1, 2, ...), as matplotlib's {@code plt.plot(values)}: axes with ticks at round numbers,
 * a title, a legend when there is more than one series. Non-finite values break the line.
 */
final class LineChart {
  static final int WIDTH = 800, HEIGHT = 500;
  static final int LEFT = 72, RIGHT = 24, TOP = 44, BOTTOM = 44;
  /** matplotlib's default colour cycle (tab10). */
  static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  private LineChart() {}

  static void save(List<double[]> series, Path path, String title, List<String> labels) throws IOException {
    String format = ImageFile.formatOf(path, "plot");
    BufferedImage image = draw(series, title, labels);
    AtomicFiles.write(path, out -> {
      if (!ImageIO.write(image, format, out)) throw new IOException("no " + format + " writer for this image");
    });
  }

  static BufferedImage draw(List<double[]> series, String title, List<String> labels) {
    if (series == null || series.isEmpty()) throw new IllegalArgumentException("plot: nothing to plot (no series)");
    if (labels != null && !labels.isEmpty() && labels.size() != series.size()) {
      throw new IllegalArgumentException("plot: " + series.size() + " series but " + labels.size() + " labels");
    }
    int longest = 0;
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double[] s : series) {
      if (s == null) throw new IllegalArgumentException("plot: a series is None");
      longest = Math.max(longest, s.length);
      for (double v : s) {
        if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      }
    }
    if (longest == 0) throw new IllegalArgumentException("plot: nothing to plot (every series is empty)");
    Ticks ys = Ticks.over(lo, hi, 6, false);
    Ticks xs = Ticks.over(0, longest - 1, 8, true);

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      PlotArea f = new PlotArea(xs, ys);
      axes(g, f);
      for (int k = 0; k < series.size(); k++) line(g, f, series.get(k), PALETTE[k % PALETTE.length]);
      if (title != null && !title.isEmpty()) title(g, title);
      if (series.size() > 1) legend(g, f, legendLabels(series.size(), labels));
    } finally {
      g.dispose();
    }
    return image;
  }

  /** Data coordinates to pixels inside the plot area. */
  private record PlotArea(Ticks xs, Ticks ys) {
    double px(double x) { return LEFT + (x - xs.lo()) / (xs.hi() - xs.lo()) * (WIDTH - LEFT - RIGHT); }
    double py(double y) { return HEIGHT - BOTTOM - (y - ys.lo()) / (ys.hi() - ys.lo()) * (HEIGHT - TOP - BOTTOM); }
  }

  private static void axes(Graphics2D g, PlotArea f) {
    int right = WIDTH - RIGHT, bottom = HEIGHT - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    for (double y : f.ys().at()) {
      double py = f.py(y);
      g.setColor(new Color(0xe6e6e6));
      g.draw(new Line2D.Double(LEFT, py, right, py));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Double(LEFT - 5, py, LEFT, py));
      String s = f.ys().label(y);
      g.drawString(s, LEFT - 8 - m.stringWidth(s), (float) (py + m.getAscent() / 2.0 - 1));
    }
    for (double x : f.xs().at()) {
      double px = f.px(x);
      g.setColor(new Color(0xe6e6e6));
      g.draw(new Line2D.Double(px, TOP, px, bottom));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Double(px, bottom, px, bottom + 5));
      String s = f.xs().label(x);
      g.drawString(s, (float) (px - m.stringWidth(s) / 2.0), bottom + 8 + m.getAscent());
    }
    g.setColor(Color.BLACK);
    g.drawRect(LEFT, TOP, right - LEFT, bottom - TOP);
  }

  private static void line(Graphics2D g, PlotArea f, double[] values, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Double path = new Path2D.Double();
    boolean pen = false;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) { pen = false; continue; }
      double px = f.px(i), py = f.py(values[i]);
      boolean alone = (i == 0 || !Double.isFinite(values[i - 1])) && (i + 1 >= values.length || !Double.isFinite(values[i + 1]));
      if (alone) g.fill(new Ellipse2D.Double(px - 2.5, py - 2.5, 5, 5));  // a point with no neighbour to join
      if (pen) path.lineTo(px, py);
      else path.moveTo(px, py);
      pen = true;
    }
    g.draw(path);
  }

  private static void title(Graphics2D g, String title) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    FontMetrics m = g.getFontMetrics();
    int plotMiddle = LEFT + (WIDTH - LEFT - RIGHT) / 2;
    g.drawString(title, plotMiddle - m.stringWidth(title) / 2, TOP - 14);
  }

  static List<String> legendLabels(int n, List<String> labels) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String l = labels == null || labels.isEmpty() ? null : labels.get(k);
      out.add(l == null ? "series " + (k + 1) : l);
    }
    return out;
  }

  /** A boxed key in the top-right corner of the plot area. */
  private static void legend(Graphics2D g, PlotArea f, List<String> labels) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    int swatch = 24, gap = 6, pad = 8, rowHeight = m.getHeight() + 2;
    int textWidth = 0;
    for (String l : labels) textWidth = Math.max(textWidth, m.stringWidth(l));
    int w = pad + swatch + gap + textWidth + pad, h = pad + rowHeight * labels.size() + pad - 2;
    int x = WIDTH - RIGHT - 10 - w, y = TOP + 10;
    g.setColor(new Color(255, 255, 255, 230));
    g.fillRect(x, y, w, h);
    g.setColor(new Color(0xcccccc));
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x, y, w, h);
    for (int k = 0; k < labels.size(); k++) {
      int mid = y + pad + k * rowHeight + rowHeight / 2;
      g.setColor(PALETTE[k % PALETTE.length]);
      g.setStroke(new BasicStroke(2.5f));
      g.drawLine(x + pad, mid, x + pad + swatch, mid);
      g.setColor(Color.BLACK);
      g.drawString(labels.get(k), x + pad + swatch + gap, mid + m.getAscent() / 2 - 1);
    }
  }
}
