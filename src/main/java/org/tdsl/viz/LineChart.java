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
import java.awt.geom.Rectangle2D;
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
 * a title and axis labels, a legend, a linear or log y axis. Values that cannot be drawn
 * (NaN, infinite, or ≤ 0 on a log axis) break the line.
 */
final class LineChart {
  static final int WIDTH = 800, HEIGHT = 500;
  /** Margins around the plot area without axis labels; each axis label adds {@link #AXIS_LABEL} pixels. */
  static final int LEFT = 72, RIGHT = 24, TOP = 44, BOTTOM = 44, AXIS_LABEL = 22;
  /** matplotlib's default colour cycle (tab10). */
  static final Color[] PALETTE = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
      new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
  static final Color LEGEND_FRAME = new Color(0xcccccc);

  private LineChart() {}

  static void save(List<double[]> series, Path path, PlotOptions options) throws IOException {
    String format = ImageFile.formatOf(path, "plot");
    BufferedImage image = draw(series, options);
    AtomicFiles.write(path, out -> {
      if (!ImageIO.write(image, format, out)) throw new IOException("no " + format + " writer for this image");
    });
  }

  static BufferedImage draw(List<double[]> series, PlotOptions options) {
    if (series == null || series.isEmpty()) throw new IllegalArgumentException("plot: nothing to plot (no series)");
    List<String> labels = options.labels();
    if (labels != null && !labels.isEmpty() && labels.size() != series.size()) {
      throw new IllegalArgumentException("plot: " + series.size() + " series but " + labels.size() + " labels");
    }
    int longest = 0;
    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
    for (double[] s : series) {
      if (s == null) throw new IllegalArgumentException("plot: a series is None");
      longest = Math.max(longest, s.length);
      for (double v : s) {
        if (Double.isFinite(v) && (v > 0 || !options.logY())) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      }
    }
    if (longest == 0) throw new IllegalArgumentException("plot: nothing to plot (every series is empty)");
    if (options.logY() && lo > hi) throw new IllegalArgumentException("plot: no positive value to draw on a log y axis");
    Ticks ys = options.logY() ? Ticks.log(lo, hi) : Ticks.over(lo, hi, 6, false);
    Ticks xs = Ticks.over(0, longest - 1, 8, true);
    PlotArea f = new PlotArea(xs, ys, LEFT + (has(options.ylabel()) ? AXIS_LABEL : 0),
        HEIGHT - BOTTOM - (has(options.xlabel()) ? AXIS_LABEL : 0));

    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      axes(g, f);
      for (int k = 0; k < series.size(); k++) line(g, f, series.get(k), PALETTE[k % PALETTE.length]);
      if (has(options.title())) title(g, f, options.title());
      axisLabels(g, f, options.xlabel(), options.ylabel());
      if (options.showsLegend(series.size())) legend(g, f, series, legendLabels(series.size(), labels));
    } finally {
      g.dispose();
    }
    return image;
  }

  private static boolean has(String text) { return text != null && !text.isEmpty(); }

  /** Data coordinates to pixels inside the plot area, which spans left..WIDTH-RIGHT and TOP..bottom. */
  private record PlotArea(Ticks xs, Ticks ys, int left, int bottom) {
    int right() { return WIDTH - RIGHT; }

    double px(double x) { return left + (x - xs.lo()) / (xs.hi() - xs.lo()) * (right() - left); }

    /** NaN where the value has no place on the axis (≤ 0 on a log axis). */
    double py(double y) { return bottom - (ys.position(y) - ys.lo()) / (ys.hi() - ys.lo()) * (bottom - TOP); }
  }

  private static void axes(Graphics2D g, PlotArea f) {
    int left = f.left(), right = f.right(), bottom = f.bottom();
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    for (double y : f.ys().minor()) {
      double py = f.py(y);
      g.setColor(new Color(0xf2f2f2));
      g.draw(new Line2D.Double(left, py, right, py));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Double(left - 3, py, left, py));
    }
    for (double y : f.ys().at()) {
      double py = f.py(y);
      g.setColor(new Color(0xe6e6e6));
      g.draw(new Line2D.Double(left, py, right, py));
      g.setColor(Color.BLACK);
      g.draw(new Line2D.Double(left - 5, py, left, py));
      String s = f.ys().label(y);
      g.drawString(s, left - 8 - m.stringWidth(s), (float) (py + m.getAscent() / 2.0 - 1));
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
    g.drawRect(left, TOP, right - left, bottom - TOP);
  }

  private static void line(Graphics2D g, PlotArea f, double[] values, Color color) {
    g.setColor(color);
    g.setStroke(new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Double path = new Path2D.Double();
    boolean pen = false;
    for (int i = 0; i < values.length; i++) {
      if (!drawable(f, values, i)) { pen = false; continue; }
      double px = f.px(i), py = f.py(values[i]);
      boolean alone = !drawable(f, values, i - 1) && !drawable(f, values, i + 1);
      if (alone) g.fill(new Ellipse2D.Double(px - 2.5, py - 2.5, 5, 5));  // a point with no neighbour to join
      if (pen) path.lineTo(px, py);
      else path.moveTo(px, py);
      pen = true;
    }
    g.draw(path);
  }

  private static boolean drawable(PlotArea f, double[] values, int i) {
    return i >= 0 && i < values.length && Double.isFinite(values[i]) && Double.isFinite(f.py(values[i]));
  }

  private static void title(Graphics2D g, PlotArea f, String title) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
    FontMetrics m = g.getFontMetrics();
    int plotMiddle = (f.left() + f.right()) / 2;
    g.drawString(title, plotMiddle - m.stringWidth(title) / 2, TOP - 14);
  }

  /**
   * xlabel centred under the x tick labels; ylabel turned a quarter left, centred beside the
   * widest y tick label (as matplotlib places it) but never off the picture.
   */
  private static void axisLabels(Graphics2D g, PlotArea f, String xlabel, String ylabel) {
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    FontMetrics m = g.getFontMetrics();
    if (has(xlabel)) {
      g.drawString(xlabel, (f.left() + f.right()) / 2 - m.stringWidth(xlabel) / 2, HEIGHT - 10);
    }
    if (has(ylabel)) {
      Graphics2D turned = (Graphics2D) g.create();
      try {
        int beside = f.left() - 8 - widestTickLabel(g, f.ys()) - 8;
        turned.translate(Math.max(4 + m.getAscent(), beside), (TOP + f.bottom()) / 2.0);
        turned.rotate(-Math.PI / 2);
        turned.drawString(ylabel, -m.stringWidth(ylabel) / 2, 0);
      } finally {
        turned.dispose();
      }
    }
  }

  private static int widestTickLabel(Graphics2D g, Ticks ticks) {
    FontMetrics m = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    int widest = 0;
    for (double v : ticks.at()) widest = Math.max(widest, m.stringWidth(ticks.label(v)));
    return widest;
  }

  static List<String> legendLabels(int n, List<String> labels) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      String l = labels == null || labels.isEmpty() ? null : labels.get(k);
      out.add(l == null ? "series " + (k + 1) : l);
    }
    return out;
  }

  /**
   * A boxed key in the corner of the plot area that covers the fewest points of the lines
   * (matplotlib's {@code loc="best"}), trying upper right, upper left, lower left, lower right.
   */
  private static void legend(Graphics2D g, PlotArea f, List<double[]> series, List<String> labels) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    FontMetrics m = g.getFontMetrics();
    int swatch = 24, gap = 6, pad = 8, inset = 10, rowHeight = m.getHeight() + 2;
    int textWidth = 0;
    for (String l : labels) textWidth = Math.max(textWidth, m.stringWidth(l));
    int w = pad + swatch + gap + textWidth + pad, h = pad + rowHeight * labels.size() + pad - 2;
    int[][] corners = {
        {f.right() - inset - w, TOP + inset}, {f.left() + inset, TOP + inset},
        {f.left() + inset, f.bottom() - inset - h}, {f.right() - inset - w, f.bottom() - inset - h}};
    int x = corners[0][0], y = corners[0][1];
    long fewest = Long.MAX_VALUE;
    for (int[] c : corners) {
      long covered = pointsInside(f, series, c[0], c[1], w, h);
      if (covered < fewest) { fewest = covered; x = c[0]; y = c[1]; }
    }
    g.setColor(new Color(255, 255, 255, 230));
    g.fillRect(x, y, w, h);
    g.setColor(LEGEND_FRAME);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Rectangle2D.Double(x + 0.5, y + 0.5, w, h));  // on pixel centres: a crisp one-pixel frame
    for (int k = 0; k < labels.size(); k++) {
      int mid = y + pad + k * rowHeight + rowHeight / 2;
      g.setColor(PALETTE[k % PALETTE.length]);
      g.setStroke(new BasicStroke(2.5f));
      g.drawLine(x + pad, mid, x + pad + swatch, mid);
      g.setColor(Color.BLACK);
      g.drawString(labels.get(k), x + pad + swatch + gap, mid + m.getAscent() / 2 - 1);
    }
  }

  /** How many points of the lines, sampled ten times between neighbours, fall inside the box. */
  private static long pointsInside(PlotArea f, List<double[]> series, int x, int y, int w, int h) {
    long n = 0;
    for (double[] s : series) {
      for (int i = 0; i < s.length; i++) {
        if (!drawable(f, s, i)) continue;
        double x0 = f.px(i), y0 = f.py(s[i]);
        boolean joined = drawable(f, s, i + 1);
        double x1 = joined ? f.px(i + 1) : x0, y1 = joined ? f.py(s[i + 1]) : y0;
        for (int t = 0; t < 10; t++) {
          double px = x0 + (x1 - x0) * t / 10, py = y0 + (y1 - y0) * t / 10;
          if (px >= x && px <= x + w && py >= y && py <= y + h) n++;
        }
      }
    }
    return n;
  }
}
