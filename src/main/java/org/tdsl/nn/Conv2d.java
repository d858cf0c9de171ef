package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** 2-d convolution over N×C×H×W input (cross-correlation, as PyTorch). */
public final class Conv2d extends Module {
  public final int inChannels, outChannels, groups;
  public final Size2 kernelSize, stride, padding, dilation;
  /** "same" or "valid" when padding was given as a string, else null. */
  public final String paddingMode;

  public Conv2d(int inChannels, int outChannels, int kernelSize) {
    this(inChannels, outChannels, Size2.of(kernelSize), Size2.of(1), Size2.of(0), Size2.of(1), 1, true);
  }

  /** All options; each size may be given as one int ({@code Size2.of(3)}) or a pair. */
  public Conv2d(int inChannels, int outChannels, Size2 kernelSize, Size2 stride, Size2 padding, Size2 dilation,
                int groups, boolean bias) {
    this(inChannels, outChannels, kernelSize, stride, padding, null, dilation, groups, bias);
  }

  /** {@code padding="same"} or {@code "valid"}, as PyTorch accepts. */
  public Conv2d(int inChannels, int outChannels, Size2 kernelSize, Size2 stride, String padding, Size2 dilation,
                int groups, boolean bias) {
    this(inChannels, outChannels, kernelSize, stride, Size2.of(0), padding, dilation, groups, bias);
  }

  private Conv2d(int inChannels, int outChannels, Size2 kernelSize, Size2 stride, Size2 padding, String paddingMode,
                 Size2 dilation, int groups, boolean bias) {
    if (paddingMode != null && !paddingMode.equals("same") && !paddingMode.equals("valid")) {
      throw new IllegalArgumentException("Invalid padding string '" + paddingMode + "', should be one of {'valid', 'same'}");
    }
    if ("same".equals(paddingMode) && (stride.h() != 1 || stride.w() != 1)) {
      throw new IllegalArgumentException("padding='same' is not supported for strided convolutions");
    }
    this.paddingMode = paddingMode;
    if (groups <= 0) throw new IllegalArgumentException("groups must be a positive integer");
    if (inChannels % groups != 0) throw new IllegalArgumentException("in_channels must be divisible by groups");
    if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
    this.inChannels = inChannels;
    this.outChannels = outChannels;
    this.groups = groups;
    this.kernelSize = kernelSize.asPair();
    this.stride = stride.asPair();
    this.padding = padding.asPair();
    this.dilation = dilation.asPair();
    Tensor w = registerParameter("weight",
        Tensor.zeros(outChannels, inChannels / groups, kernelSize.h(), kernelSize.w()));
    Tensor b = registerParameter("bias", bias ? Tensor.zeros(outChannels) : null);
    Init.defaultLayerInit(w, b);
  }

  public Tensor weight() { return parameter("weight"); }

  public Tensor bias() { return parameter("bias"); }

  @Override
  public Tensor forward(Tensor input) {
    if (paddingMode != null) return Functional.conv2d(input, weight(), bias(), stride.pair(), paddingMode, dilation.pair(), groups);
    return Functional.conv2d(input, weight(), bias(), stride.pair(), padding.pair(), dilation.pair(), groups);
  }

  /** PyTorch's {@code _ConvNd.extra_repr}: options printed only when not at their defaults. */
  @Override
  protected String extraRepr() {
    StringBuilder s = new StringBuilder();
    s.append(inChannels).append(", ").append(outChannels).append(", kernel_size=").append(kernelSize)
        .append(", stride=").append(stride);
    if (paddingMode != null) s.append(", padding=").append(paddingMode);
    else if (padding.h() != 0 || padding.w() != 0) s.append(", padding=").append(padding);
    if (dilation.h() != 1 || dilation.w() != 1) s.append(", dilation=").append(dilation);
    if (groups != 1) s.append(", groups=").append(groups);
    if (bias() == null) s.append(", bias=False");
    return s.toString();
  }
}
