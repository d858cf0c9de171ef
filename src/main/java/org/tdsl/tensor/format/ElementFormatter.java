package org.tdsl.tensor.format;

import java.util.List;
import org.tdsl.tensor.DType;
import org.tdsl.tensor.ElementSource;

/**
 * PyTorch's {@code _Formatter}: looks at the elements that will be shown once, decides
 * integer mode, scientific notation and the common width, then formats each element
 * right-aligned to that width.
 */
public final class ElementFormatter {
  private final int precision = PrintOptions.current().precision();

  private final DType dtype;
  private final ElementSource values;
  private boolean intMode = true;
  private boolean sciMode = false;
  private int maxWidth = 1;

  /** @param shown the flat indices of the elements that will be printed */
  public ElementFormatter(DType dtype, ElementSource values, List<Integer> shown) {
    this.dtype = dtype;
    this.values = values;
    if (dtype.isFloatingPoint()) measureFloats(shown);
    else for (int i : shown) maxWidth = Math.max(maxWidth, plain(i).length());
    // as PyTorch's _Formatter: a forced sci_mode replaces the measured one, the width stays
    if (PrintOptions.current().sciMode() != null) sciMode = PrintOptions.current().sciMode();
  }

  public int width() { return maxWidth; }

  /** The element at flat index {@code i}, padded on the left to {@link #width()}. */
  public String format(int i) {
    String s;
    if (!dtype.isFloatingPoint()) {
      s = plain(i);
    } else {
      double v = values.floatAt(i);
      if (sciMode) {
        s = PyFloatText.scientific(v, precision);
      } else if (intMode) {
        s = PyFloatText.fixed(v, 0);
        if (!Double.isNaN(v) && !Double.isInfinite(v)) s += ".";
      } else {
        s = PyFloatText.fixed(v, precision);
      }
    }
    return s.length() >= maxWidth ? s : " ".repeat(maxWidth - s.length()) + s;
  }

  private String plain(int i) {
    return dtype == DType.BOOL ? (values.boolAt(i) ? "True" : "False") : Long.toString(values.longAt(i));
  }

  /** Only nonzero finite values decide the mode and width; nan, inf and zeros just follow. */
  private void measureFloats(List<Integer> shown) {
    double[] vals = shown.stream().mapToDouble(values::floatAt)
        .filter(v -> Double.isFinite(v) && v != 0).toArray();
    if (vals.length == 0) return;
    double min = Double.POSITIVE_INFINITY, max = 0;
    for (double v : vals) {
      min = Math.min(min, Math.abs(v));
      max = Math.max(max, Math.abs(v));
      if (v != Math.ceil(v)) intMode = false;
    }
    boolean wide = max / min > 1000.0 || max > 1.0e8;
    if (intMode) {
      sciMode = wide;
      for (double v : vals) {
        maxWidth = Math.max(maxWidth,
            sciMode ? PyFloatText.scientific(v, precision).length() : PyFloatText.fixed(v, 0).length() + 1);
      }
    } else {
      sciMode = wide || min < 1.0e-4;
      for (double v : vals) {
        maxWidth = Math.max(maxWidth, (sciMode ? PyFloatText.scientific(v, precision)
            : PyFloatText.fixed(v, precision)).length());
      }
    }
  }
}
