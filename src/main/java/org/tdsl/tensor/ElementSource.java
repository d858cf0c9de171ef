package org.tdsl.tensor;

/**
 * Read access to a tensor's elements by their position in row-major logical order (so a
 * view with any strides can be printed without copying). Only the accessor matching the
 * tensor's dtype is called: {@code floatAt} for float32 (the float32 value widened to double),
 * {@code longAt} for int64, {@code boolAt} for bool.
 */
public interface ElementSource {
  double floatAt(int i);
  long longAt(int i);
  boolean boolAt(int i);
}
