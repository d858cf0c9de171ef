package org.tdsl.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An axis: its range and its labelled ticks at round numbers (1, 2 or 5 times a power of
 * ten), and for a log axis also unlabelled minor ticks at 2..9 times each power of ten.
 * {@code lo} and {@code hi} are positions along the axis: the values themselves on a linear
 * axis, their base-10 logarithms on a log axis ({@link #position}).
 */
record Ticks(double lo, double hi, double step, List<Double> at, List<Double> minor, boolean log) {

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
    return new Ticks(lo, hi, step, roundTicks(lo, hi, step), List.of(), false);
  }

  /**
   * A log axis over the positive data range lo..hi, widened by 5% each side in log space:
   * ticks at the powers of ten inside it (every second or fifth one when there are many),
   * with 2 and 5 times them added when fewer than three fit, and round linear ticks when the
   * range is narrower still.
   */
  static Ticks log(double lo, double hi) {
    double a = Math.log10(lo), b = Math.log10(hi);
    if (!(b > a)) {  // one value: half a decade either side
      a -= 0.5;
      b += 0.5;
    } else {
      double margin = (b - a) * 0.05;
      a -= margin;
      b += margin;
    }
    List<Double> at = new ArrayList<>();
    int first = (int) Math.ceil(a - 1e-9), last = (int) Math.floor(b + 1e-9);
    int every = last - first > 16 ? 5 : last - first > 8 ? 2 : 1;
    for (int k = first; k <= last; k++) if (Math.floorMod(k, every) == 0) at.add(times10(1, k));
    if (at.size() < 3) {
      at.clear();
      for (int k = first - 1; k <= last; k++) {
        for (int m : new int[] {1, 2, 5}) {
          double v = times10(m, k);
          if (Math.log10(v) >= a - 1e-9 && Math.log10(v) <= b + 1e-9) at.add(v);
        }
      }
    }
    if (at.size() < 3) {
      double vlo = Math.pow(10, a), vhi = Math.pow(10, b);
      at = new ArrayList<>(roundTicks(vlo, vhi, roundStep((vhi - vlo) / 4)));
      at.removeIf(v -> v <= 0);
    }
    List<Double> minor = new ArrayList<>();
    if (b - a <= 8) {
      for (int k = first - 1; k <= last; k++) {
        for (int m = 2; m <= 9; m++) {
          double v = times10(m, k), p = Math.log10(v);
          if (p >= a && p <= b) minor.add(v);
        }
      }
    }
    return new Ticks(a, b, Double.NaN, at, minor, true);
  }

  /** m·10^k as the double nearest to it (0.3, not 3 × 0.1 = 0.30000000000000004). */
  private static double times10(int m, int k) {
    return k < 0 ? m / Math.pow(10, -k) : m * Math.pow(10, k);
  }

  private static List<Double> roundTicks(double lo, double hi, double step) {
    List<Double> at = new ArrayList<>();
    for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) at.add(k * step);
    return at;
  }

  static double roundStep(double raw) {
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / power;
    double nice = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    return nice * power;
  }

  /** Where a value sits along the axis (its logarithm on a log axis; NaN for v ≤ 0 there). */
  double position(double v) {
    return log ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
  }

  /** A tick's label with as many decimals as the step needs (0.1 → "0.3", 0.25 → "0.25"). */
  String label(double v) {
    if (log) return shortest(v);
    if (Math.abs(v) < step * 1e-6) v = 0;  // no "-0.0" from rounding
    double biggest = Math.max(Math.abs(lo), Math.abs(hi));
    if (biggest >= 1e6 || step < 1e-4) return String.format(Locale.ROOT, "%.3g", v);
    int decimals = 0;
    while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) decimals++;
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  /** A log tick's value in the fewest digits: "0.01", "200", "1e-05" (Python's exponent style). */
  private static String shortest(double v) {
    BigDecimal d = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
    if (v >= 1e-4 && v < 1e6) return d.toPlainString();
    int exponent = d.precision() - d.scale() - 1;
    String mantissa = d.movePointLeft(exponent).stripTrailingZeros().toPlainString();
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }
}
