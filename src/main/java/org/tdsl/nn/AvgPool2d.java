package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Mean over windows; padded zeros count in the divisor unless {@code count_include_pad=False}. */
public final class AvgPool2d extends Module {
  public final Size2 kernelSize, stride, padding;
  public final boolean countIncludePad;

  public AvgPool2d(int kernelSize) { this(Size2.of(kernelSize), null, Size2.of(0), true); }

  public AvgPool2d(Size2 kernelSize, Size2 stride, Size2 padding) { this(kernelSize, stride, padding, true); }

  /** {@code stride} null means the kernel size, as PyTorch's {@code stride=None}. */
  public AvgPool2d(Size2 kernelSize, Size2 stride, Size2 padding, boolean countIncludePad) {
    this.kernelSize = kernelSize;
    this.stride = stride == null ? kernelSize : stride;
    this.padding = padding;
    this.countIncludePad = countIncludePad;
  }

  @Override
  public Tensor forward(Tensor input) {
    return Functional.avg_pool2d(input, kernelSize.pair(), stride.pair(), padding.pair(), countIncludePad);
  }

  @Override
  protected String extraRepr() { return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding; }
}
