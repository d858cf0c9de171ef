package org.tdsl.nn;

/**
 * A 2-d size argument as the user gave it: one int for both dims ({@code kernel_size=2}) or a
 * pair ({@code kernel_size=(3, 2)}). Pooling layers print it back the way it was given.
 */
public record Size2(int h, int w, boolean scalar) {
  public static Size2 of(int both) { return new Size2(both, both, true); }

  public static Size2 of(int h, int w) { return new Size2(h, w, false); }

  /** From an int array of one or two elements. */
  public static Size2 of(int[] hw) {
    if (hw.length == 1) return new Size2(hw[0], hw[0], false);
    if (hw.length != 2) throw new IllegalArgumentException("expected one or two sizes, got " + hw.length);
    return new Size2(hw[0], hw[1], false);
  }

  public int[] pair() { return new int[] {h, w}; }

  public Size2 asPair() { return new Size2(h, w, false); }

  @Override
  public String toString() { return scalar ? Integer.toString(h) : "(" + h + ", " + w + ")"; }
}
