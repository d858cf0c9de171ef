package org.tdsl.nn;

import java.util.List;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;

/**
 * 2-d transposed convolution (the gradient of Conv2d with respect to its input), weight
 * in_channels × out_channels/groups × kh × kw as PyTorch keeps it. It is composed: the input
 * dilated by stride, padded by dilation·(k−1) − padding (plus output_padding at the bottom and
 * right), then a stride-1 convolution with the flipped, regrouped weight.
 */
public final class ConvTranspose2d extends Module {
  public final int inChannels, outChannels, groups;
  public final Size2 kernelSize, stride, padding, outputPadding, dilation;

  public ConvTranspose2d(int inChannels, int outChannels, Size2 kernelSize, Size2 stride, Size2 padding,
                         Size2 outputPadding, int groups, boolean bias, Size2 dilation) {
    if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
    if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
    if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.groups = groups;
    this.kernelSize = kernelSize.asPair();
    this.stride = stride.asPair();
    this.padding = padding.asPair();
    this.outputPadding = outputPadding.asPair();
    this.dilation = dilation.asPair();
    Tensor w = registerParameter("weight", Tensor.zeros(inChannels, outChannels / groups, kernelSize.h(), kernelSize.w()));
    Tensor b = registerParameter("bias", bias ? Tensor.zeros(outChannels) : null);
    Init.defaultLayerInit(w, b);
  }

  @Override
  public Tensor forward(Tensor input) {
    return convTranspose2d(input, parameter("weight"), parameter("bias"), stride.pair(), padding.pair(),
        outputPadding.pair(), groups, dilation.pair());
  }

  /** {@code F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)}. */
  public static Tensor convTranspose2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                       int[] outputPadding, int groups, int[] dilation) {
    boolean unbatched = input.dim() == 3;
    Tensor x = unbatched ? Torch.unsqueeze(input, 0) : input;
    if (x.dim() != 4) {
      throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv_transpose2d, but got input of size: ["
          + String.join(", ", java.util.Arrays.stream(input.shape()).mapToObj(Integer::toString).toList()) + "]");
    }
    if (x.size(1) != weight.size(0)) {
      throw new IllegalArgumentException("Given transposed=1, weight of size " + org.tdsl.tensor.Shapes.str(weight.shape())
          + ", expected input" + org.tdsl.tensor.Shapes.str(x.shape()) + " to have " + weight.size(0)
          + " channels, but got " + x.size(1) + " channels instead");
    }
    for (int d = 0; d < 2; d++) {
      if (outputPadding[d] >= stride[d] && outputPadding[d] >= dilation[d]) {
        throw new IllegalArgumentException("output padding must be smaller than either stride or dilation, but got output_padding_height: "
            + outputPadding[0] + " output_padding_width: " + outputPadding[1] + " stride_height: " + stride[0]
            + " stride_width: " + stride[1] + " dilation_height: " + dilation[0] + " dilation_width: " + dilation[1]);
      }
    }
    int kh = weight.size(2), kw = weight.size(3);
    x = dilate(dilate(x, 2, stride[0]), 3, stride[1]);
    if (outputPadding[0] > 0 || outputPadding[1] > 0) x = PadOp.padBottomRight(x, outputPadding[0], outputPadding[1]);
    int[] pad = {dilation[0] * (kh - 1) - padding[0], dilation[1] * (kw - 1) - padding[1]};
    for (int d = 0; d < 2; d++) {
      if (pad[d] < 0) {  // more padding than the kernel reaches: crop instead
        x = Torch.narrow(x, 2 + d, -pad[d], x.size(2 + d) + 2 * pad[d]);
        pad[d] = 0;
      }
    }
    int inPerGroup = weight.size(0) / groups, outPerGroup = weight.size(1);
    Tensor w = Torch.reshape(weight, groups, inPerGroup, outPerGroup, kh, kw);
    w = Torch.reshape(Torch.transpose(w, 1, 2), groups * outPerGroup, inPerGroup, kh, kw);
    w = Torch.flip(w, new int[] {2, 3});
    Tensor out = Functional.conv2d(x, w, bias, new int[] {1, 1}, pad, dilation, groups);
    return unbatched ? Torch.squeeze(out, 0) : out;
  }

  /** Inserts stride − 1 zeros between neighbours along dim: length L becomes (L − 1)·stride + 1. */
  private static Tensor dilate(Tensor x, int dim, int stride) {
    if (stride == 1) return x;
    int[] shape = x.shape();
    int length = shape[dim];
    Tensor spread = Torch.unsqueeze(x, dim + 1);
    int[] zerosShape = spread.shape();
    zerosShape[dim + 1] = stride - 1;
    spread = Torch.cat(List.of(spread, Tensor.zeros(zerosShape)), dim + 1);
    int[] merged = shape.clone();
    merged[dim] = length * stride;
    return Torch.narrow(Torch.reshape(spread, merged), dim, 0, (length - 1) * stride + 1);
  }

  /** PyTorch's {@code _ConvNd.extra_repr}, with output_padding after dilation. */
  @Override
  protected String extraRepr() {
    StringBuilder s = new StringBuilder();
    s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(kernelSize)
        .append(", stride=").append(stride);
    if (padding.h() != 0 || padding.w() != 0) s.append(", padding=").append(padding);
    if (dilation.h() != 1 || dilation.w() != 1) s.append(", dilation=").append(dilation);
    if (outputPadding.h() != 0 || outputPadding.w() != 0) s.append(", output_padding=").append(outputPadding);
    if (groups != 1) s.append(", groups=").append(groups);
    if (parameter("bias") == null) s.append(", bias=False");
    return s.toString();
  }
}
