package org.tdsl.tensor;

/** The element types a tensor can hold, ordered by PyTorch's promotion category. */
public enum DType {
  BOOL("bool"), INT64("int64"), FLOAT32("float32");

  private final String shortName;

  DType(String shortName) { this.shortName = shortName; }

  /** The name without the {@code torch.} prefix: {@code float32}. */
  public String shortName() { return shortName; }

  public boolean isFloatingPoint() { return this == FLOAT32; }

  /** PyTorch's promotion between two tensors of equal standing: the higher category wins. */
  public static DType promote(DType a, DType b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }

  @Override public String toString() { return "torch." + shortName; }
}
