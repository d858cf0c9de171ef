/**
 * Tensors without autograd: {@link org.tdsl.tensor.Tensor} (storage, shape, strides, offset,
 * dtype, and the autograd slots only autograd reads), views, broadcasting and PyTorch's type
 * promotion ({@link org.tdsl.tensor.Pointwise}), subscripts ({@link org.tdsl.tensor.Index},
 * {@link org.tdsl.tensor.Indexing}), reductions, matrix products, element moves, and the
 * per-thread random generator {@link org.tdsl.tensor.Rng}. Every method here is raw: nothing is
 * recorded. The differentiable forms are {@code org.tdsl.autograd.Torch}'s. Hot loops live in
 * {@code org.tdsl.tensor.kernels}.
 */
package org.tdsl.tensor;
