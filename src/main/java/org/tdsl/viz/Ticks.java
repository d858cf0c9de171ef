package org.tdsl.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An axis's range and its ticks at round numbers (1, 2 or 5 times a power of ten). */
record Ticks(double lo, double hi, double step, List<Double> at) {

  /** An axis over the data range lo..hi, widened by 5% each side as matplotlib does. */
  static Ticks over(double lo, double hi, int wanted, boolean integers) {
    if (!(hi > lo)) {  // one value (or none): centre it in a unit-wide window
      double mid = Double.isFinite(lo) ? lo : 0;
      double half = Math.max(Math.abs(mid) * 0.1, integers ? 1 : 0.5);
      lo = mid - half;
      hi = mid + half;
    } else {
      double margin = (hi - lo) * 0.05;
      lo -= margin;
      hi += margin;
    }
    double step = roundStep((hi - lo) / wanted);
    if (integers) step = Math.max(1, step);
    List<Double> at = new ArrayList<>();
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) at.add(k * step);
    return new Ticks(lo, hi, step, at);
  }

  static double roundStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / power;
    double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    return nice * power;
  }

  /** A tick's label with as many decimals as the step needs (0.1 → "0.3", 0.25 → "0.25"). */
  String label(double v) {
    if (Math.abs(v) < step * 1e-6) v = 0;  // no "-0.0" from rounding
    double biggest = Math.max(Math.abs(lo), Math.abs(hi));
    if (biggest >= 1e6 || step < 1e-4) return String.format(Locale.ROOT, "%.3g", v);
    int decimals = 0;
    while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) decimals++;
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
