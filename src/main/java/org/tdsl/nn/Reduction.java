package org.tdsl.nn;

/** How a loss reduces its per-element values: PyTorch's {@code reduction=} argument. */
public enum Reduction {
  NONE, MEAN, SUM;

  /** From PyTorch's spelling: {@code "none"}, {@code "mean"}, {@code "sum"}. */
  public static Reduction of(String name) {
    return switch (name) {
      case "none" -> NONE;
      case "mean" -> MEAN;
      case "sum" -> SUM;
      default -> throw new IllegalArgumentException(name + " is not a valid value for reduction");
    };
  }
}
