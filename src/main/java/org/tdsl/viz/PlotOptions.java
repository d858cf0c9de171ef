package org.tdsl.viz;

import java.util.List;

/**
 * What a chart says besides its lines, named as matplotlib names it: {@code title},
 * {@code xlabel}, {@code ylabel}, one label per series, whether to draw the legend
 * ({@code null}: when there are labels or more than one series) and a log y axis
 * ({@code yscale("log")}). Null or empty texts are not drawn.
 */
public record PlotOptions(String title, String xlabel, String ylabel, List<String> labels, Boolean legend, boolean logY) {
  public static final PlotOptions NONE = new PlotOptions(null, null, null, null, null, false);

  public static PlotOptions titled(String title) {
    return NONE.withTitle(title);
  }

  public PlotOptions withTitle(String t) { return new PlotOptions(t, xlabel, ylabel, labels, legend, logY); }

  public PlotOptions withAxisLabels(String x, String y) { return new PlotOptions(title, x, y, labels, legend, logY); }

  public PlotOptions withLabels(List<String> l) { return new PlotOptions(title, xlabel, ylabel, l, legend, logY); }

  public PlotOptions withLegend(Boolean l) { return new PlotOptions(title, xlabel, ylabel, labels, l, logY); }

  public PlotOptions withLogY(boolean log) { return new PlotOptions(title, xlabel, ylabel, labels, legend, log); }

  /** Whether a chart of n series draws its legend. */
  boolean showsLegend(int n) {
    if (legend != null) return legend;
    return n > 1 || (labels != null && !labels.isEmpty());
  }
}
