package org.tdsl.interp;

/** start:stop:step as an index item; any part may be null (absent). Parts are interpreter values. */
public record Slice(Object start, Object stop, Object step) {
  /** Python's slice.indices(length): {start, stop, step, count}. */
  long[] indices(long length) {
    long st = step == null ? 1 : Values.toIndex(step);
    if (st == 0) throw new TdslError("slice step cannot be zero");
    long lower = st < 0 ? -1 : 0;
    long upper = st < 0 ? length - 1 : length;
    long s = start == null ? (st < 0 ? upper : lower) : clamp(Values.toIndex(start), length, lower, upper);
    long e = stop == null ? (st < 0 ? lower : upper) : clamp(Values.toIndex(stop), length, lower, upper);
    long count = st > 0 ? (e > s ? (e - s + st - 1) / st : 0) : (s > e ? (s - e - st - 1) / -st : 0);
    return new long[] {s, e, st, count};
  }

  private static long clamp(long i, long length, long lower, long upper) {
    if (i < 0) i += length;
    return Math.max(lower, Math.min(upper, i));
  }
}
