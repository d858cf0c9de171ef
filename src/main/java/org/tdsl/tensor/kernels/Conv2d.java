package org.tdsl.tensor.kernels;

import java.util.Arrays;

/**
 * 2-d convolution on contiguous NCHW float32 arrays, with PyTorch's semantics (stride,
 * padding, dilation, groups; cross-correlation, as torch.nn.functional.conv2d).
 *
 * <p>Stride 1 without padding in one group (the common case) takes the direct kernels:
 * {@link ConvDirect} for the forward and the input gradient, {@link ConvWeightGrad} for the
 * weight gradient (from 8 input channels; fewer go through {@link ConvShifted} or the
 * unfolding). Everything else unfolds each sample (im2col) into a
 * (C/groups·kH·kW)×(Hout·Wout) matrix and multiplies it by the weight with {@link Gemm};
 * backward uses the same unfolding and folds gradients back (col2im). Samples are spread
 * over the cores by {@link Parallel}. A 1×1 convolution with stride 1 and no padding skips
 * the unfolding: the input already is that matrix.
 *
 * <p>Every array starts at index 0 and is contiguous: input N×C×H×W, weight
 * Cout×(C/groups)×kH×kW, bias Cout, output N×Cout×Hout×Wout.
 */
public final class Conv2d {
  private Conv2d() {}

  /** The sizes of one convolution; the constructor checks them with PyTorch's messages. */
  public record Params(int batch, int channels, int height, int width,
                       int outChannels, int kernelH, int kernelW,
                       int strideH, int strideW, int padH, int padW,
                       int dilationH, int dilationW, int groups) {
    public Params {
      if (strideH <= 0 || strideW <= 0) throw new IllegalArgumentException("non-positive stride is not supported");
      if (padH < 0 || padW < 0) throw new IllegalArgumentException("negative padding is not supported");
      if (dilationH <= 0 || dilationW <= 0) throw new IllegalArgumentException("dilation should be greater than zero");
      if (groups <= 0) throw new IllegalArgumentException("non-positive groups is not supported");
      if (outChannels % groups != 0) throw new IllegalArgumentException("out_channels must be divisible by groups");
      if (channels % groups != 0) {
        throw new IllegalArgumentException("Given groups=" + groups + ", weight of size ["
            + outChannels + ", " + channels / groups + ", " + kernelH + ", " + kernelW
            + "], expected input[" + batch + ", " + channels + ", " + height + ", " + width
            + "] to have " + channels / groups * groups + " channels, but got " + channels
            + " channels instead");
      }
      int effH = dilationH * (kernelH - 1) + 1, effW = dilationW * (kernelW - 1) + 1;
      if (height + 2 * padH < effH || width + 2 * padW < effW) {
        throw new IllegalArgumentException("Calculated padded input size per channel: ("
            + (height + 2 * padH) + " x " + (width + 2 * padW) + "). Kernel size: (" + effH
            + " x " + effW + "). Kernel size can't be greater than actual input size");
      }
    }

    /** Params with the same stride, padding and dilation in both directions. */
    public static Params square(int batch, int channels, int height, int width, int outChannels,
                                int kernel, int stride, int pad, int dilation, int groups) {
      return new Params(batch, channels, height, width, outChannels, kernel, kernel,
          stride, stride, pad, pad, dilation, dilation, groups);
    }

    public int outHeight() { return (height + 2 * padH - dilationH * (kernelH - 1) - 1) / strideH + 1; }
    public int outWidth() { return (width + 2 * padW - dilationW * (kernelW - 1) - 1) / strideW + 1; }
    public int inputSize() { return batch * channels * height * width; }
    public int weightSize() { return outChannels * (channels / groups) * kernelH * kernelW; }
    public int outputSize() { return batch * outChannels * outHeight() * outWidth(); }

    int groupChannels() { return channels / groups; }
    int groupOutChannels() { return outChannels / groups; }
    /** Rows of the unfolded matrix per group: C/groups·kH·kW. */
    int colRows() { return groupChannels() * kernelH * kernelW; }
    int outPlane() { return outHeight() * outWidth(); }
    int inPlane() { return height * width; }
    boolean isPointwise() {
      return kernelH == 1 && kernelW == 1 && strideH == 1 && strideW == 1 && padH == 0 && padW == 0;
    }
  }

  private static final ThreadLocal<float[][]> COLUMNS = ThreadLocal.withInitial(() -> new float[1][0]);

  /** A per-thread unfolding buffer of at least {@code size} floats. */
  private static float[] columns(int size) {
    float[][] holder = COLUMNS.get();
    if (holder[0].length < size) holder[0] = new float[size];
    return holder[0];
  }

  /** output = conv2d(input, weight) + bias; {@code bias} may be null. Overwrites output. */
  public static void forward(Params p, float[] input, float[] weight, float[] bias, float[] output) {
    if (ConvDirect.applies(p)) {
      ConvDirect.forward(p, input, weight, bias, output);
      return;
    }
    int cg = p.groupChannels(), og = p.groupOutChannels(), rows = p.colRows(), plane = p.outPlane();
    Parallel.forEach(p.batch(), n -> {
      float[] col = p.isPointwise() ? input : columns(rows * plane);
      for (int g = 0; g < p.groups(); g++) {
        int inBase = (n * p.channels() + g * cg) * p.inPlane();
        int colBase = p.isPointwise() ? inBase : 0;
        if (!p.isPointwise()) ConvUnfold.im2col(p, input, inBase, col);
        int outBase = (n * p.outChannels() + g * og) * plane;
        Gemm.gemm(og, plane, rows, weight, g * og * rows, rows, 1, col, colBase, plane, 1,
            output, outBase, plane, false);
        if (bias != null) {
          for (int o = 0; o < og; o++) {
            float b = bias[g * og + o];
            int at = outBase + o * plane;
            for (int i = 0; i < plane; i++) output[at + i] += b;
          }
        }
      }
    });
  }

  /** gradInput = the gradient of the loss with respect to the input. Overwrites gradInput. */
  public static void backwardInput(Params p, float[] gradOutput, float[] weight, float[] gradInput) {
    // The direct kernel's tiles are 8 input channels tall: a first layer's one channel
    // would be 7/8 padding, and its shifted products are faster.
    if (ConvDirect.applies(p) && p.channels() >= ConvDirect.MR) {
      ConvDirect.backwardInput(p, gradOutput, weight, gradInput);
      return;
    }
    if (ConvShifted.applies(p)) {
      ConvShifted.backwardInput(p, gradOutput, weight, gradInput);
      return;
    }
    int cg = p.groupChannels(), og = p.groupOutChannels(), rows = p.colRows(), plane = p.outPlane();
    Parallel.forEach(p.batch(), n -> {
      for (int g = 0; g < p.groups(); g++) {
        int inBase = (n * p.channels() + g * cg) * p.inPlane();
        int gradBase = (n * p.outChannels() + g * og) * plane;
        // col = W_g^T · gradOut_g: the weight read transposed through its strides
        if (p.isPointwise()) {
          Gemm.gemm(rows, plane, og, weight, g * og * rows, 1, rows, gradOutput, gradBase, plane, 1,
              gradInput, inBase, plane, false);
          continue;
        }
        float[] col = columns(rows * plane);
        Gemm.gemm(rows, plane, og, weight, g * og * rows, 1, rows, gradOutput, gradBase, plane, 1,
            col, 0, plane, false);
        Arrays.fill(gradInput, inBase, inBase + cg * p.inPlane(), 0f);
        ConvUnfold.col2im(p, col, gradInput, inBase);
      }
    });
  }

  /** gradWeight = the gradient of the loss with respect to the weight, summed over the batch. Overwrites gradWeight. */
  public static void backwardWeight(Params p, float[] input, float[] gradOutput, float[] gradWeight) {
    int og = p.groupOutChannels(), rows = p.colRows(), plane = p.outPlane(), size = p.weightSize();
    if (p.batch() == 0) {
      Arrays.fill(gradWeight, 0, size, 0f);
      return;
    }
    if (ConvWeightGrad.applies(p)) {
      ConvWeightGrad.backwardWeight(p, input, gradOutput, gradWeight);
      return;
    }
    // With a handful of input channels (a first layer) each tap's product would be a few
    // lone dot products; unfolded, all taps form the columns of one product instead.
    if (ConvShifted.applies(p) && p.groupChannels() >= GemmDot.R) {
      ConvShifted.backwardWeight(p, input, gradOutput, gradWeight);
      return;
    }
    // Each part sums its share of the batch into its own buffer, the first part straight
    // into gradWeight. A few more parts than threads, so a thread the OS pauses does not
    // stall the rest. Per sample gW_g (og×rows) += gradOut_g (og×plane) · colᵀ: both run
    // contiguously along the plane, which is the dot-product layout of GemmDot.
    int parts = Math.min(p.batch(), 4 * Parallel.threads());
    float[][] partial = new float[parts][];
    for (int t = 0; t < parts; t++) partial[t] = t == 0 ? gradWeight : new float[size];
    Parallel.forEach(parts, t -> {
      float[] gw = partial[t];
      int from = Parallel.bound(p.batch(), t, parts), to = Parallel.bound(p.batch(), t + 1, parts);
      for (int n = from; n < to; n++) {
        for (int g = 0; g < p.groups(); g++) {
          int inBase = (n * p.channels() + g * p.groupChannels()) * p.inPlane();
          int gradBase = (n * p.outChannels() + g * og) * plane;
          float[] col = input;
          int colBase = inBase;
          if (!p.isPointwise()) {
            col = columns(rows * plane);
            colBase = 0;
            ConvUnfold.im2col(p, input, inBase, col);
          }
          Gemm.gemm(og, rows, plane, gradOutput, gradBase, plane, 1, col, colBase, 1, plane,
              gw, g * og * rows, rows, n > from);
        }
      }
    });
    for (int t = 1; t < parts; t++) Elementwise.axpy(1f, partial[t], 0, 1, gradWeight, 0, size);
  }

  /** gradBias[o] = the sum of gradOutput over the batch and the output plane. Overwrites gradBias. */
  public static void backwardBias(Params p, float[] gradOutput, float[] gradBias) {
    int plane = p.outPlane();
    // It reads all of G (9 MB at the MNIST network's conv2) once: memory-bound, and two
    // cores move about twice what one does, so channels are split over the threads.
    int parts = (long) p.outputSize() < 256 * 1024 ? 1 : Math.min(p.outChannels(), Parallel.threads());
    Parallel.forEach(parts, t -> {
      int from = Parallel.bound(p.outChannels(), t, parts), to = Parallel.bound(p.outChannels(), t + 1, parts);
      for (int o = from; o < to; o++) {
        double sum = 0;
        for (int n = 0; n < p.batch(); n++) {
          sum += ConvUnfold.sum(gradOutput, (n * p.outChannels() + o) * plane, plane);
        }
        gradBias[o] = (float) sum;
      }
    });
  }
}
