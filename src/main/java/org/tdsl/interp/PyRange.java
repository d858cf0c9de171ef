package org.tdsl.interp;

import java.math.BigInteger;

/** range(start, stop, step). */
public record PyRange(long start, long stop, long step) {
  /**
   * The number of items, as len() gives it. Computed without overflow: a range wider than a
   * long counts (range(-2**63, 2**62) has 3 * 2**62 items) is refused as CPython refuses it.
   */
  long length() {
    if (isEmpty()) return 0;
    BigInteger span = BigInteger.valueOf(stop).subtract(BigInteger.valueOf(start)).abs();
    BigInteger by = BigInteger.valueOf(step).abs();
    BigInteger n = span.add(by).subtract(BigInteger.ONE).divide(by);
    if (n.bitLength() >= 64) throw new TdslError("Python int too large to convert to C ssize_t");
    return n.longValue();
  }

  boolean isEmpty() {
    return step > 0 ? stop <= start : start <= stop;
  }

  long get(long i) {
    return start + i * step;
  }

  @Override
  public String toString() {
    return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
  }
}
