package org.tdsl.nn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.Tensor;

/** Forward values and gradients of the functional ops against PyTorch 1.13 (src/test/golden/nn/ops.txt). */
class FunctionalGoldenTest {
  static final Map<String, Golden.Array> G = Golden.arrays("ops.txt");

  static Tensor t(String name) {
    Golden.Array a = G.get(name);
    assertNotNull(a, "golden " + name);
    return a.dtype().equals("i64") ? Tensor.of(a.longs(), a.shape()) : Tensor.of(a.floats(), a.shape());
  }

  /** Runs case {@code name} with inputs {@code names}, compares output, node name and input gradients. */
  static void check(String name, String node, Function<Tensor[], Tensor> f, String... names) {
    Tensor[] in = new Tensor[names.length];
    for (int i = 0; i < names.length; i++) in[i] = t(name + "." + names[i]);
    Tensor gout = t(name + ".gout");
    for (int i = 0; i < names.length; i++) if (G.containsKey(name + ".grad." + names[i])) in[i].setRequiresGrad(true);
    Tensor out = f.apply(in);
    Golden.Array expected = G.get(name + ".out");
    assertArrayEquals(expected.shape(), out.shape(), name + " shape");
    assertClose(expected.floats(), out.toFloatArray(), name + " forward");
    if (node != null) assertEquals(node, out.gradFn().name(), name + " node");
    org.tdsl.autograd.Autograd.backward(out, gout);
    for (int i = 0; i < names.length; i++) {
      Golden.Array g = G.get(name + ".grad." + names[i]);
      if (g == null) continue;
      assertNotNull(in[i].grad(), name + " grad of " + names[i]);
      assertClose(g.floats(), in[i].grad().toFloatArray(), name + " grad of " + names[i]);
    }
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + " length");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " [" + i + "]");
    }
  }

  static int[] p(int a, int b) { return new int[] {a, b}; }

  @Test
  void conv2d() {
    check("conv_basic", "ConvolutionBackward0", a -> Functional.conv2d(a[0], a[1], a[2]), "x", "w", "b");
    check("conv_stride_pad", "ConvolutionBackward0",
        a -> Functional.conv2d(a[0], a[1], a[2], p(2, 1), p(1, 2), p(1, 1), 1), "x", "w", "b");
    check("conv_dilation_groups", "ConvolutionBackward0",
        a -> Functional.conv2d(a[0], a[1], null, p(1, 1), p(2, 2), p(2, 1), 2), "x", "w");
    check("conv_all", "ConvolutionBackward0",
        a -> Functional.conv2d(a[0], a[1], a[2], p(2, 2), p(1, 1), p(2, 2), 3), "x", "w", "b");
  }

  @Test
  void conv2dPaddingStrings() {
    check("conv_same_even", "ConvolutionBackward0",
        a -> Functional.conv2d(a[0], a[1], a[2], p(1, 1), "same", p(1, 2), 1), "x", "w", "b");
    check("conv_valid", "ConvolutionBackward0", a -> Functional.conv2d(a[0], a[1], null, p(1, 1), "valid", p(1, 1), 1),
        "x", "w");
    assertEquals("padding='same' is not supported for strided convolutions", assertThrows(RuntimeException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 1, 5, 5), Tensor.zeros(1, 1, 3, 3), null, p(2, 2), "same", p(1, 1), 1))
        .getMessage());
    assertEquals("Invalid padding string: 'foo'", assertThrows(RuntimeException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 1, 5, 5), Tensor.zeros(1, 1, 3, 3), null, p(1, 1), "foo", p(1, 1), 1))
        .getMessage());
  }

  @Test
  void pooling() {
    check("maxpool_2", "MaxPool2DWithIndicesBackward0", a -> Functional.max_pool2d(a[0], 2), "x");
    check("maxpool_overlap_pad", "MaxPool2DWithIndicesBackward0",
        a -> Functional.max_pool2d(a[0], p(3, 3), p(2, 2), p(1, 1)), "x");
    check("avgpool_2", "AvgPool2DBackward0", a -> Functional.avg_pool2d(a[0], 2), "x");
    check("avgpool_overlap_pad", "AvgPool2DBackward0",
        a -> Functional.avg_pool2d(a[0], p(3, 3), p(2, 2), p(1, 1)), "x");
    check("avgpool_exclude_pad", "AvgPool2DBackward0",
        a -> new AvgPool2d(Size2.of(3, 2), Size2.of(2, 1), Size2.of(1), false).call(a[0]), "x");
  }

  @Test
  void linearAndSoftmax() {
    check("linear", null, a -> Functional.linear(a[0], a[1], a[2]), "x", "w", "b");
    check("linear_nobias_3d", null, a -> Functional.linear(a[0], a[1], null), "x", "w");
    check("log_softmax", "LogSoftmaxBackward0", a -> Functional.log_softmax(a[0], 1), "x");
    check("softmax", "SoftmaxBackward0", a -> Functional.softmax(a[0], 1), "x");
  }

  @Test
  void losses() {
    check("nll_mean", "NllLossBackward0", a -> Functional.nll_loss(Functional.log_softmax(a[0], 1), a[1]), "x", "y");
    check("nll_sum", "NllLossBackward0", a -> Functional.nll_loss(a[0], a[1], null, -100, "sum"), "x", "y");
    check("nll_none", "NllLossBackward0", a -> Functional.nll_loss(a[0], a[1], null, -100, "none"), "x", "y");
    check("nll_weight_ignore", "NllLossBackward0", a -> Functional.nll_loss(a[0], a[1], a[2], 5, "mean"), "x", "y", "wt");
    check("nll_weight_none", "NllLossBackward0", a -> Functional.nll_loss(a[0], a[1], a[2], 0, "none"), "x", "y", "wt");
    check("nll_4d", "NllLoss2DBackward0", a -> Functional.nll_loss(a[0], a[1]), "x", "y");
    check("cross_entropy", "NllLossBackward0", a -> Functional.cross_entropy(a[0], a[1]), "x", "y");
    check("cross_entropy_weight_sum", "NllLossBackward0",
        a -> Functional.cross_entropy(a[0], a[1], a[2], -100, "sum"), "x", "y", "wt");
    check("ce_smoothing", null, a -> Functional.cross_entropy(a[0], a[1], null, -100, "mean", 0.1), "x", "y");
    check("ce_smoothing_weight_ignore", null,
        a -> Functional.cross_entropy(a[0], a[1], a[2], 5, "mean", 0.2), "x", "y", "wt");
    check("ce_smoothing_ignore_none", null, a -> Functional.cross_entropy(a[0], a[1], null, 1, "none", 0.3), "x", "y");
    check("ce_smoothing_ignore_mean", null, a -> Functional.cross_entropy(a[0], a[1], null, 5, "mean", 0.3), "x", "y");
    check("ce_probs", null, a -> Functional.cross_entropy(a[0], a[1]), "x", "t");
    check("ce_probs_weight_smoothing_sum", null,
        a -> Functional.cross_entropy(a[0], a[1], a[2], -100, "sum", 0.1), "x", "t", "wt");
    check("mse_mean", "MseLossBackward0", a -> Functional.mse_loss(a[0], a[1]), "x", "t");
    check("mse_sum", "MseLossBackward0", a -> Functional.mse_loss(a[0], a[1], "sum"), "x", "t");
    check("mse_none", "MseLossBackward0", a -> Functional.mse_loss(a[0], a[1], "none"), "x", "t");
  }

  @Test
  void layerErrorsUsePyTorchWording() {
    assertEquals("mat1 and mat2 shapes cannot be multiplied (64x9216 and 320x50)", assertThrows(RuntimeException.class,
        () -> Functional.linear(Tensor.zeros(64, 9216), Tensor.zeros(50, 320), Tensor.zeros(50))).getMessage());
    assertEquals("Given groups=1, weight of size [2, 2, 3, 3], expected input[1, 3, 5, 5] to have 2 channels, but got 3 "
        + "channels instead", assertThrows(RuntimeException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 3, 5, 5), Tensor.zeros(2, 2, 3, 3), null)).getMessage());
    assertEquals("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater "
        + "than actual input size", assertThrows(RuntimeException.class,
        () -> Functional.conv2d(Tensor.zeros(1, 3, 2, 2), Tensor.zeros(2, 3, 3, 3), null)).getMessage());
    assertEquals("pad should be at most half of kernel size, but got pad=2 and kernel_size=3",
        assertThrows(RuntimeException.class,
            () -> Functional.max_pool2d(Tensor.zeros(1, 3, 5, 5), p(3, 3), null, p(2, 2))).getMessage());
    assertEquals("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [5, 5]",
        assertThrows(RuntimeException.class,
            () -> Functional.conv2d(Tensor.zeros(5, 5), Tensor.zeros(2, 3, 3, 3), null)).getMessage());
  }

  @Test
  void lossErrorsUsePyTorchWording() {
    Tensor x = Tensor.zeros(3, 4);
    var e = assertThrows(IndexOutOfBoundsException.class,
        () -> Functional.nll_loss(x, Tensor.of(new long[] {1, 2, 7}, 3)));
    assertEquals("Target 7 is out of bounds.", e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class,
        () -> Functional.nll_loss(x, Tensor.of(new long[] {1, 2}, 2)));
    assertEquals("Expected input batch_size (3) to match target batch_size (2).", e2.getMessage());
    var e3 = assertThrows(IllegalArgumentException.class,
        () -> Functional.nll_loss(x, Tensor.of(new long[] {1, 2, 0}, 3), null, -100, "avg"));
    assertEquals("avg is not a valid value for reduction", e3.getMessage());
  }
}
