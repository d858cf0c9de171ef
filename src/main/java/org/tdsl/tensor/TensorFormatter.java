package org.tdsl.tensor;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.tensor.format.PrintOptions;
import org.tdsl.tensor.format.ElementFormatter;

/**
 * Prints a tensor exactly as PyTorch's {@code torch/_tensor_str.py} does with the default
 * print options (torch.set_printoptions; by default precision 4, summarised with {@code ...} past 1000 elements keeping 3 edge
 * items per dimension, lines wrapped at 80 columns).
 */
public final class TensorFormatter {
  private static final String PREFIX = "tensor(";

  private final int[] shape;
  private final int[] strides;
  private final boolean summarize;
  private final ElementFormatter formatter;
  private final int edgeItems, lineWidth;  // of torch.set_printoptions, read once per tensor printed

  private TensorFormatter(int[] shape, DType dtype, ElementSource values) {
    this.shape = shape;
    this.strides = new int[shape.length];
    int stride = 1;
    for (int d = shape.length - 1; d >= 0; d--) { strides[d] = stride; stride *= shape[d]; }
    PrintOptions options = PrintOptions.current();
    this.edgeItems = options.edgeItems();
    this.lineWidth = options.lineWidth();
    this.summarize = stride > options.threshold();
    List<Integer> shown = new ArrayList<>();
    collectShown(0, 0, shown);
    this.formatter = new ElementFormatter(dtype, values, shown);
  }

  /**
   * What str(t)/repr(t) print in PyTorch. requiresGrad: print ", requires_grad=True";
   * gradFnName: e.g. "MulBackward0" → ", grad_fn=&lt;MulBackward0&gt;", or null. A grad_fn
   * takes the place of requires_grad, as in PyTorch.
   */
  public static String format(int[] shape, DType dtype, ElementSource values, boolean requiresGrad,
                              String gradFnName) {
    int numel = 1;
    for (int d : shape) numel *= d;
    List<String> suffixes = new ArrayList<>();
    String body;
    if (numel == 0) {
      // No elements to tell the dtype by, and no shape to see unless it is shown.
      if (shape.length != 1) suffixes.add("size=" + tuple(shape));
      if (dtype != DType.FLOAT32) suffixes.add("dtype=" + dtype);
      body = "[]";
    } else {
      body = new TensorFormatter(shape, dtype, values).block(0, 0, PREFIX.length());
    }
    if (gradFnName != null) suffixes.add("grad_fn=<" + gradFnName + ">");
    else if (requiresGrad) suffixes.add("requires_grad=True");
    return withSuffixes(PREFIX + body, suffixes, PREFIX.length());
  }

  /** get_summarized_data: the elements the formatter measures are the ones printed. */
  private void collectShown(int dim, int offset, List<Integer> out) {
    if (dim == shape.length) { out.add(offset); return; }
    for (int i : indices(dim)) collectShown(dim + 1, offset + i * strides[dim], out);
  }

  /** The indices printed along {@code dim}; -1 marks the "..." between the edges. */
  private int[] indices(int dim) {
    int n = shape[dim];
    if (summarize && n > 2 * edgeItems) {
      int[] r = new int[2 * edgeItems];
      for (int k = 0; k < edgeItems; k++) { r[k] = k; r[edgeItems + k] = n - edgeItems + k; }
      return r;
    }
    int[] r = new int[n];
    for (int k = 0; k < n; k++) r[k] = k;
    return r;
  }

  private boolean elided(int dim) { return summarize && shape[dim] > 2 * edgeItems; }

  /** _tensor_str_with_formatter for the sub-tensor starting at {@code dim}, {@code offset}. */
  private String block(int dim, int offset, int indent) {
    int rank = shape.length - dim;
    if (rank == 0) return formatter.format(offset);
    if (rank == 1) return row(dim, offset, indent);
    List<String> slices = new ArrayList<>();
    int[] idx = indices(dim);
    for (int k = 0; k < idx.length; k++) {
      if (elided(dim) && k == edgeItems) slices.add("...");
      slices.add(block(dim + 1, offset + idx[k] * strides[dim], indent + 1));
    }
    String sep = "," + "\n".repeat(rank - 1) + " ".repeat(indent + 1);
    return "[" + String.join(sep, slices) + "]";
  }

  /** _vector_str: as many elements per line as fit in the line width. */
  private String row(int dim, int offset, int indent) {
    int perLine = Math.max(1, Math.floorDiv(lineWidth - indent, formatter.width() + 2));
    List<String> items = new ArrayList<>();
    int[] idx = indices(dim);
    for (int k = 0; k < idx.length; k++) {
      if (elided(dim) && k == edgeItems) items.add(" ...");
      items.add(formatter.format(offset + idx[k] * strides[dim]));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < items.size(); i += perLine) {
      lines.add(String.join(", ", items.subList(i, Math.min(items.size(), i + perLine))));
    }
    return "[" + String.join(",\n" + " ".repeat(indent + 1), lines) + "]";
  }

  /** _add_suffixes, including its reckoning of the last line's length (two more than it is). */
  private static String withSuffixes(String text, List<String> suffixes, int indent) {
    StringBuilder b = new StringBuilder(text);
    int lastLineLen = text.length() - text.lastIndexOf('\n') + 1;
    for (String suffix : suffixes) {
      if (lastLineLen + suffix.length() + 2 > PrintOptions.current().lineWidth()) {
        b.append(",\n").repeat(' ', indent).append(suffix);
        lastLineLen = indent + suffix.length();
      } else {
        b.append(", ").append(suffix);
        lastLineLen += suffix.length() + 2;
      }
    }
    return b.append(')').toString();
  }

  /** Python's str of a tuple of ints: (0, 3), (0,). */
  private static String tuple(int[] shape) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) b.append(i == 0 ? "" : ", ").append(shape[i]);
    return b.append(shape.length == 1 ? ",)" : ")").toString();
  }
}
