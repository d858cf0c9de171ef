package org.tdsl.nn;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

/**
 * {@code AdaptiveAvgPool2d(output_size)}: the mean over windows chosen so that the output is
 * output_size; cell i of n over a length L covers [floor(i·L/n), ceil((i+1)·L/n)), as PyTorch.
 * A None in output_size keeps that dim's input size.
 */
public final class AdaptiveAvgPool2d extends Module {
  /** The size as given, for printing: an int or an (h, w) pair whose entries may be null. */
  private final Integer[] outputSize;
  private final boolean pair;

  public AdaptiveAvgPool2d(Integer[] outputSize, boolean pair) {
    this.outputSize = outputSize.clone();
    this.pair = pair;
  }

  @Override
  public Tensor forward(Tensor input) {
    return pool(input, outputSize[0], outputSize[pair ? 1 : 0]);
  }

  /** {@code F.adaptive_avg_pool2d}: input N×C×H×W or C×H×W; a null size keeps the input's. */
  public static Tensor pool(Tensor input, Integer outH, Integer outW) {
    if (input.dim() != 3 && input.dim() != 4) {
      throw new IllegalArgumentException("adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got " + org.tdsl.tensor.Shapes.str(input.shape()));
    }
    int hDim = input.dim() - 2, wDim = input.dim() - 1;
    int h = input.size(hDim), w = input.size(wDim);
    int oh = outH == null ? h : outH, ow = outW == null ? w : outW;
    if (oh <= 0 || ow <= 0) throw new IllegalArgumentException("adaptive_avg_pool2d: output_size must be positive");
    if (h % oh == 0 && w % ow == 0) {
      int[] k = {h / oh, w / ow};
      return Functional.avg_pool2d(input, k, k, new int[] {0, 0});
    }
    List<Tensor> rows = new ArrayList<>();
    for (int i = 0; i < oh; i++) {
      int h0 = Math.floorDiv(i * h, oh), h1 = -Math.floorDiv(-(i + 1) * h, oh);
      List<Tensor> cells = new ArrayList<>();
      for (int j = 0; j < ow; j++) {
        int w0 = Math.floorDiv(j * w, ow), w1 = -Math.floorDiv(-(j + 1) * w, ow);
        Tensor window = Torch.narrow(Torch.narrow(input, hDim, h0, h1 - h0), wDim, w0, w1 - w0);
        cells.add(Torch.mean(window, new int[] {hDim, wDim}, false));
      }
      rows.add(Torch.stack(cells, -1));
    }
    return Torch.stack(rows, -2);
  }

  @Override
  protected String extraRepr() {
    if (!pair) return "output_size=" + outputSize[0];
    return "output_size=(" + str(outputSize[0]) + ", " + str(outputSize[1]) + ")";
  }

  private static String str(Integer v) { return v == null ? "None" : v.toString(); }
}
