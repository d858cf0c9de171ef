package org.tdsl.interp;

/** range(start, stop, step). */
public record PyRange(long start, long stop, long step) {
  long length() {
    if (step > 0) return stop > start ? (stop - start + step - 1) / step : 0;
    return start > stop ? (start - stop - step - 1) / -step : 0;
  }

  long get(long i) {
    return start + i * step;
  }

  @Override
  public String toString() {
    return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
  }
}
