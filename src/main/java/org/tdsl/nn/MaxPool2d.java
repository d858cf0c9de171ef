package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Max over windows; stride defaults to the kernel size. */
public final class MaxPool2d extends Module {
  public final Size2 kernelSize, stride, padding;

  public MaxPool2d(int kernelSize) { this(Size2.of(kernelSize), null, Size2.of(0)); }

  /** {@code stride} null means the kernel size, as PyTorch's {@code stride=None}. */
  public MaxPool2d(Size2 kernelSize, Size2 stride, Size2 padding) {
    this.kernelSize = kernelSize;
    this.stride = stride == null ? kernelSize : stride;
    this.padding = padding;
  }

  @Override
  public Tensor forward(Tensor input) {
    return Functional.max_pool2d(input, kernelSize.pair(), stride.pair(), padding.pair());
  }

  @Override
  protected String extraRepr() {
    return "kernel_size=" + kernelSize + ", stride=" + stride + ", padding=" + padding + ", dilation=1, ceil_mode=False";
  }
}
