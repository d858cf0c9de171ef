package org.tdsl.api;

import org.tdsl.autograd.Autograd;
import org.tdsl.autograd.GradMode;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/**
 * Tensors and autograd from Java, without the language: the same {@link Tensor} objects the
 * interpreter uses. Create tensors here, compute with {@link Torch}'s static methods (named as
 * in PyTorch: {@code Torch.matmul}, {@code Torch.sum}, {@code Torch.relu}, ...), call
 * {@link #backward}, read gradients back as arrays:
 * <pre>{@code
 * Tensor w = Tensors.parameter(new float[] {1, 2, 3, 4}, 2, 2);
 * Tensor x = Tensors.of(new float[] {1, 1}, 2, 1);
 * Tensor loss = Torch.sum(Torch.matmul(w, x));
 * Tensors.backward(loss);
 * float[] g = Tensors.grad(w);   // {1, 1, 1, 1}
 * }</pre>
 * Grad mode and the random generator are per thread (see docs/EMBEDDING.md).
 */
public final class Tensors {
  private Tensors() {}

  /** A float32 tensor of {@code shape} holding a copy of {@code data} (row-major). */
  public static Tensor of(float[] data, int... shape) {
    return Tensor.of(data.clone(), shape);
  }

  /** An int64 tensor of {@code shape} holding a copy of {@code data}. */
  public static Tensor of(long[] data, int... shape) {
    return Tensor.of(data.clone(), shape);
  }

  /** A float32 leaf that requires grad (PyTorch's {@code tensor(data, requires_grad=True)}). */
  public static Tensor parameter(float[] data, int... shape) {
    return Torch.requires_grad_(of(data, shape), true);
  }

  /** A float32 scalar (0-d tensor). */
  public static Tensor scalar(double value) {
    return Tensor.scalar(value);
  }

  /** Backpropagates from a one-element tensor; gradients accumulate into leaves' {@code .grad}. */
  public static void backward(Tensor t) {
    Autograd.backward(t);
  }

  /** Backpropagates from {@code t} with the gradient {@code grad} (t's shape). */
  public static void backward(Tensor t, Tensor grad) {
    Autograd.backward(t, grad);
  }

  /** The gradient a leaf accumulated, as a float array; null when it has none. */
  public static float[] grad(Tensor t) {
    Tensor g = t.grad();
    return g == null ? null : g.toFloatArray();
  }

  /** The elements of t in row-major order, as floats. */
  public static float[] toFloats(Tensor t) {
    return t.toFloatArray();
  }

  /** The elements of t in row-major order, as longs. */
  public static long[] toLongs(Tensor t) {
    return t.toLongArray();
  }

  /** A scope in which nothing is recorded on the tape: {@code try (var g = Tensors.noGrad()) { ... }}. */
  public static GradMode.Scope noGrad() {
    return GradMode.noGrad();
  }

  /** Reseeds this thread's random generator (rand, randn, dropout, initialisation). */
  public static void manualSeed(long seed) {
    Rng.seed(seed);
  }
}
