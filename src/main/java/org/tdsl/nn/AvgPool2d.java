package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Mean over windows, padding counted in the divisor (PyTorch's {@code count_include_pad=True}). */
public final class AvgPool2d extends Module {
  public final Size2 kernelSize, stride, padding;

  public AvgPool2d(int kernelSize) { this(Size2.of(kernelSize), null, Size2.of(0)); }

  public AvgPool2d(Size2 kernelSize, Size2 stride, Size2 padding) {
    this.kernelSize = kernelSize;
    this.stride = stride == null ? kernelSize : stride;
    this.padding = padding;
  }

  @Override
  public Tensor forward(Tensor input) {
    return Functional.avg_pool2d(input, kernelSize.pair(), stride.pair(), padding.pair());
  }

  @Override
  protected String extraRepr() { return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding; }
}
