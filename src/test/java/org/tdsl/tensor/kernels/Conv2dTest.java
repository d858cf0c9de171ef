package org.tdsl.tensor.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Conv2d forward and backward against direct seven-deep loops, and against PyTorch's numbers. */
class Conv2dTest {
  /** Plain-loop forward: out[n][o][oh][ow] = bias[o] + Σ input · weight over the group's taps. */
  static float[] referenceForward(Conv2d.Params p, float[] x, float[] w, float[] bias) {
    float[] out = new float[p.outputSize()];
    int cg = p.channels() / p.groups(), og = p.outChannels() / p.groups();
    int ho = p.outHeight(), wo = p.outWidth();
    for (int n = 0; n < p.batch(); n++)
      for (int o = 0; o < p.outChannels(); o++)
        for (int oh = 0; oh < ho; oh++)
          for (int ow = 0; ow < wo; ow++) {
            double sum = bias == null ? 0 : bias[o];
            for (int c = 0; c < cg; c++)
              for (int kh = 0; kh < p.kernelH(); kh++)
                for (int kw = 0; kw < p.kernelW(); kw++) {
                  int ih = oh * p.strideH() - p.padH() + kh * p.dilationH();
                  int iw = ow * p.strideW() - p.padW() + kw * p.dilationW();
                  if (ih < 0 || ih >= p.height() || iw < 0 || iw >= p.width()) continue;
                  int ci = (o / og) * cg + c;
                  sum += x[((n * p.channels() + ci) * p.height() + ih) * p.width() + iw]
                      * w[((o * cg + c) * p.kernelH() + kh) * p.kernelW() + kw];
                }
            out[((n * p.outChannels() + o) * ho + oh) * wo + ow] = (float) sum;
          }
    return out;
  }

  /** Plain-loop backward: every (output, tap) pair sends its product's parts back. */
  static float[][] referenceBackward(Conv2d.Params p, float[] x, float[] w, float[] g) {
    double[] gx = new double[p.inputSize()], gw = new double[p.weightSize()];
    double[] gb = new double[p.outChannels()];
    int cg = p.channels() / p.groups(), og = p.outChannels() / p.groups();
    int ho = p.outHeight(), wo = p.outWidth();
    for (int n = 0; n < p.batch(); n++)
      for (int o = 0; o < p.outChannels(); o++)
        for (int oh = 0; oh < ho; oh++)
          for (int ow = 0; ow < wo; ow++) {
            float go = g[((n * p.outChannels() + o) * ho + oh) * wo + ow];
            gb[o] += go;
            for (int c = 0; c < cg; c++)
              for (int kh = 0; kh < p.kernelH(); kh++)
                for (int kw = 0; kw < p.kernelW(); kw++) {
                  int ih = oh * p.strideH() - p.padH() + kh * p.dilationH();
                  int iw = ow * p.strideW() - p.padW() + kw * p.dilationW();
                  if (ih < 0 || ih >= p.height() || iw < 0 || iw >= p.width()) continue;
                  int xi = ((n * p.channels() + (o / og) * cg + c) * p.height() + ih) * p.width() + iw;
                  int wi = ((o * cg + c) * p.kernelH() + kh) * p.kernelW() + kw;
                  gx[xi] += (double) go * w[wi];
                  gw[wi] += (double) go * x[xi];
                }
          }
    return new float[][] {toFloat(gx), toFloat(gw), toFloat(gb)};
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
    return f;
  }

  static float[] random(int size, Random rnd) {
    float[] a = new float[size];
    for (int i = 0; i < size; i++) a[i] = rnd.nextFloat() * 2 - 1;
    return a;
  }

  static void assertClose(float[] expected, float[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      if (Math.abs(expected[i] - actual[i]) > tol * (1 + Math.abs(expected[i]))) {
        throw new AssertionError(what + "[" + i + "] = " + actual[i] + ", expected " + expected[i]
            + " (vector bits " + VectorWidth.BITS + ")");
      }
    }
  }

  static void check(Conv2d.Params p, boolean withBias, long seed) {
    Random rnd = new Random(seed);
    float[] x = random(p.inputSize(), rnd), w = random(p.weightSize(), rnd);
    float[] b = withBias ? random(p.outChannels(), rnd) : null;
    float[] out = new float[p.outputSize()];
    java.util.Arrays.fill(out, Float.NaN);  // every element must be written
    Conv2d.forward(p, x, w, b, out);
    assertClose(referenceForward(p, x, w, b), out, 1e-4, "output " + p);

    float[] g = random(p.outputSize(), rnd);
    float[][] ref = referenceBackward(p, x, w, g);
    float[] gx = new float[p.inputSize()], gw = new float[p.weightSize()], gb = new float[p.outChannels()];
    java.util.Arrays.fill(gx, Float.NaN);
    java.util.Arrays.fill(gw, Float.NaN);
    Conv2d.backwardInput(p, g, w, gx);
    Conv2d.backwardWeight(p, x, g, gw);
    Conv2d.backwardBias(p, g, gb);
    assertClose(ref[0], gx, 1e-4, "gradInput " + p);
    assertClose(ref[1], gw, 1e-4, "gradWeight " + p);
    assertClose(ref[2], gb, 1e-4, "gradBias " + p);
  }

  @Test
  void stridePaddingDilationGroupsAgreeWithDirectLoops() {
    long seed = 1;
    check(Conv2d.Params.square(2, 3, 7, 7, 4, 3, 1, 0, 1, 1), true, seed++);
    check(Conv2d.Params.square(3, 4, 9, 8, 6, 3, 2, 1, 1, 2), true, seed++);
    check(Conv2d.Params.square(2, 6, 11, 13, 6, 3, 1, 2, 2, 3), false, seed++);   // depth-wise-ish
    check(Conv2d.Params.square(2, 4, 10, 10, 8, 3, 3, 2, 2, 4), true, seed++);    // padding wider than a stride
    check(new Conv2d.Params(2, 4, 7, 6, 6, 3, 2, 2, 1, 1, 2, 2, 1, 2), true, seed++);  // asymmetric
    check(Conv2d.Params.square(3, 5, 6, 6, 7, 1, 1, 0, 1, 1), true, seed++);     // pointwise
    check(Conv2d.Params.square(2, 4, 6, 6, 4, 1, 1, 0, 1, 2), false, seed++);    // pointwise, groups
    check(Conv2d.Params.square(2, 3, 8, 8, 5, 1, 2, 1, 1, 1), true, seed++);     // 1×1 with stride and pad
    check(Conv2d.Params.square(1, 1, 5, 5, 1, 5, 1, 0, 1, 1), true, seed++);     // kernel = input
    check(Conv2d.Params.square(5, 1, 13, 17, 3, 2, 3, 1, 1, 1), true, seed++);   // primes
  }

  @Test
  void randomShapesAgreeWithDirectLoops() {
    Random rnd = new Random(11);
    for (int t = 0; t < 25; t++) {
      int groups = 1 + rnd.nextInt(3);
      int c = groups * (1 + rnd.nextInt(3)), o = groups * (1 + rnd.nextInt(3));
      int k = 1 + rnd.nextInt(4), s = 1 + rnd.nextInt(3), pad = rnd.nextInt(3), d = 1 + rnd.nextInt(2);
      int eff = d * (k - 1) + 1;
      int h = Math.max(eff, 1 + rnd.nextInt(12)), w = Math.max(eff, 1 + rnd.nextInt(12));
      check(Conv2d.Params.square(1 + rnd.nextInt(4), c, h, w, o, k, s, pad, d, groups), rnd.nextBoolean(), t);
    }
  }

  /** Stride 1 without padding takes ConvShifted's per-tap products for both gradients. */
  @Test
  void unpaddedStrideOneShapesAgreeWithDirectLoops() {
    long seed = 40;
    check(Conv2d.Params.square(10, 3, 9, 7, 5, 3, 1, 0, 1, 1), true, seed++);      // batch > parts
    check(Conv2d.Params.square(2, 4, 12, 11, 6, 3, 1, 0, 2, 1), true, seed++);     // dilated
    check(Conv2d.Params.square(3, 6, 8, 9, 4, 2, 1, 0, 1, 2), false, seed++);      // groups
    check(new Conv2d.Params(2, 3, 7, 5, 4, 2, 5, 1, 1, 0, 0, 1, 1, 1), true, seed++);  // kernel as wide as the input
    check(new Conv2d.Params(2, 3, 4, 9, 4, 4, 2, 1, 1, 0, 0, 1, 3, 1), true, seed++);  // kernel as tall, dilated across
    check(Conv2d.Params.square(2, 2, 40, 40, 3, 5, 1, 0, 1, 1), true, seed++);     // long rows: vector loops and tails
  }

  /**
   * Stride 1, no padding, one group: ConvDirect's forward and input gradient (tiles of 8
   * channels by two vectors of positions) and, from 8 input channels, ConvWeightGrad. The
   * shapes leave every tail: channel counts off the tile height, position counts off the
   * tile width, rows shorter than a vector, a last tile that would read past the input.
   */
  @Test
  void directKernelShapesAgreeWithDirectLoops() {
    long seed = 60;
    check(Conv2d.Params.square(1, 8, 10, 10, 8, 3, 1, 0, 1, 1), true, seed++);     // batch 1, whole tiles of channels
    check(Conv2d.Params.square(3, 9, 9, 11, 5, 3, 1, 0, 1, 1), true, seed++);      // Cout 5, C·taps = 81
    check(Conv2d.Params.square(2, 10, 7, 7, 13, 2, 1, 0, 1, 1), false, seed++);    // Cout 13, 2×2, C·taps = 40
    check(Conv2d.Params.square(2, 12, 13, 12, 17, 3, 1, 0, 2, 1), true, seed++);   // dilated
    check(new Conv2d.Params(2, 8, 5, 40, 9, 1, 3, 1, 1, 0, 0, 1, 1, 1), true, seed++);  // 1×3, long rows
    check(new Conv2d.Params(2, 8, 30, 4, 7, 3, 1, 1, 1, 0, 0, 1, 1, 1), true, seed++);  // 3×1, rows shorter than a vector
    check(Conv2d.Params.square(1, 16, 3, 3, 8, 3, 1, 0, 1, 1), true, seed++);      // one output position
    check(Conv2d.Params.square(2, 3, 20, 19, 10, 4, 1, 0, 1, 1), true, seed++);    // few input channels: forward only
    check(Conv2d.Params.square(5, 1, 28, 28, 3, 3, 1, 0, 1, 1), true, seed++);     // one channel in, three out
  }

  @Test
  void mnistShapesAgreeWithDirectLoops() {
    check(Conv2d.Params.square(4, 1, 28, 28, 32, 3, 1, 0, 1, 1), true, 21);
    check(Conv2d.Params.square(3, 32, 26, 26, 64, 3, 1, 0, 1, 1), true, 22);
  }

  private static float[] pattern(int n, int a, int b, int d, float s) {
    float[] f = new float[n];
    for (int i = 0; i < n; i++) f[i] = ((i * a) % b - d) / s;
    return f;
  }

  /**
   * Numbers from PyTorch 1.13, with pat(n, a, b, d, s) = [((i*a) % b - d)/s for i in range(n)]:
   * x = pat(336,7,11,5,4).reshape(2,4,7,6); w = pat(72,5,7,3,2).reshape(6,2,3,2); b = pat(6,3,5,2,8)
   * out = F.conv2d(x, w, b, stride=(2,1), padding=(1,2), dilation=(2,1), groups=2)
   * out.backward(pat(out.numel(),3,13,6,5).reshape(out.shape))
   */
  @Test
  void matchesPyTorch() {
    var p = new Conv2d.Params(2, 4, 7, 6, 6, 3, 2, 2, 1, 1, 2, 2, 1, 2);
    assertEquals(3, p.outHeight());
    assertEquals(9, p.outWidth());
    float[] x = pattern(336, 7, 11, 5, 4), w = pattern(72, 5, 7, 3, 2), b = pattern(6, 3, 5, 2, 8);
    float[] out = new float[p.outputSize()];
    Conv2d.forward(p, x, w, b, out);
    assertEquals(-12.625, sum(out), 1e-4);                      // out.sum()
    assertArrayEquals(new float[] {-0.25f, 1.5f, 1.875f, -0.25f},
        new float[] {out[0], out[7], out[50], out[out.length - 1]}, 1e-5f);
    float[] g = pattern(out.length, 3, 13, 6, 5);
    float[] gx = new float[p.inputSize()], gw = new float[p.weightSize()], gb = new float[6];
    Conv2d.backwardInput(p, g, w, gx);
    Conv2d.backwardWeight(p, x, g, gw);
    Conv2d.backwardBias(p, g, gb);
    assertEquals(-12.4, sum(gx), 1e-4);                          // x.grad.sum()
    assertArrayEquals(new float[] {0f, -2f, 0f, 0f}, new float[] {gx[0], gx[9], gx[100], gx[335]}, 1e-5f);
    assertEquals(-2.15, sum(gw), 1e-4);                          // w.grad.sum()
    assertArrayEquals(new float[] {0.55f, 0.75f, -0.8f, 2.4f}, new float[] {gw[0], gw[5], gw[30], gw[71]}, 1e-5f);
    assertArrayEquals(new float[] {-1.4f, -0.2f, 1f, -0.4f, 0.8f, -0.6f}, gb, 1e-5f);
  }

  static double sum(float[] a) {
    double s = 0;
    for (float v : a) s += v;
    return s;
  }

  @Test
  void rejectsKernelLargerThanPaddedInputWithPyTorchsMessage() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Conv2d.Params.square(1, 1, 2, 2, 1, 3, 1, 0, 1, 1));
    assertEquals("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). "
        + "Kernel size can't be greater than actual input size", e.getMessage());
  }
}
