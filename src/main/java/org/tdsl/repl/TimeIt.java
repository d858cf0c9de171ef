package org.tdsl.repl;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * {@code :timeit} as IPython's {@code %timeit}: the loop count grows 1, 2, 5, 10, 20, 50, ...
 * until one timing takes at least 0.2 s, then 7 runs of that many loops give the mean and
 * the (population) standard deviation of one loop, printed in IPython's words and units.
 */
final class TimeIt {
  static final int RUNS = 7;
  static final double ENOUGH_SECONDS = 0.2;

  /** Per-loop seconds of each run, and the loops per run. */
  record Result(List<Double> perLoop, long loops) {
    double mean() {
      return perLoop.stream().mapToDouble(Double::doubleValue).sum() / perLoop.size();
    }

    double std() {
      double mean = mean();
      return Math.sqrt(perLoop.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / perLoop.size());
    }

    /** {@code 1.23 µs ± 4.5 ns per loop (mean ± std. dev. of 7 runs, 100000 loops each)}. */
    String format() {
      return time(mean()) + " ± " + time(std()) + " per loop (mean ± std. dev. of " + perLoop.size()
          + " run" + (perLoop.size() == 1 ? "" : "s") + ", " + loops + " loop" + (loops == 1 ? "" : "s") + " each)";
    }
  }

  /** The timings, or the outcome of the run that failed (an error, Ctrl-C, exit()). */
  record Measured(Result result, ReplBackend.Outcome failure) {}

  private TimeIt() {}

  /** {@code again.apply(n)} runs the statement n times. */
  static Measured measure(LongFunction<ReplBackend.Outcome> again) {
    long loops = 0;
    search:
    for (long scale = 1; ; scale *= 10) {
      for (long step : new long[] {1, 2, 5}) {
        loops = step * scale;
        long start = System.nanoTime();
        ReplBackend.Outcome o = again.apply(loops);
        if (o.error() != null || o.exitStatus() != null) return new Measured(null, o);
        if ((System.nanoTime() - start) / 1e9 >= ENOUGH_SECONDS) break search;
      }
    }
    List<Double> perLoop = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      ReplBackend.Outcome o = again.apply(loops);
      if (o.error() != null || o.exitStatus() != null) return new Measured(null, o);
      perLoop.add((System.nanoTime() - start) / 1e9 / loops);
    }
    return new Measured(new Result(perLoop, loops), null);
  }

  /** IPython's _format_time: three significant digits in s, ms, µs or ns; a minute and more as 1min 5s. */
  static String time(double seconds) {
    if (seconds >= 60) {
      StringBuilder sb = new StringBuilder();
      double left = seconds;
      String[] suffixes = {"d", "h", "min", "s"};
      long[] lengths = {86400, 3600, 60, 1};
      for (int i = 0; i < suffixes.length; i++) {
        long value = (long) (left / lengths[i]);
        if (value > 0) {
          left = left % lengths[i];
          sb.append(sb.isEmpty() ? "" : " ").append(value).append(suffixes[i]);
        }
        if (left < 1) break;
      }
      return sb.toString();
    }
    String[] units = {"s", "ms", "µs", "ns"};
    int order = seconds > 0 ? Math.min(-(int) Math.floorDiv((long) Math.floor(Math.log10(seconds)), 3), 3) : 3;
    return significant(seconds * Math.pow(1000, order), 3) + " " + units[order];
  }

  /** Python's {@code "%.3g"}: rounded to digits significant digits, trailing zeros dropped. */
  static String significant(double x, int digits) {
    if (x == 0) return "0";
    BigDecimal d = new BigDecimal(x).round(new MathContext(digits, RoundingMode.HALF_EVEN));
    int exponent = d.precision() - d.scale() - 1;
    if (exponent < -4 || exponent >= digits) {
      BigDecimal mantissa = d.movePointLeft(exponent).stripTrailingZeros();
      return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    return d.stripTrailingZeros().toPlainString();
  }
}
