package org.tdsl.nn;

import org.tdsl.tensor.DType;
import org.tdsl.tensor.Tensor;

/**
 * {@code Embedding(num_embeddings, embedding_dim, padding_idx=None)}: a lookup table of rows,
 * drawn from N(0, 1) ({@code normal_}, as PyTorch's reset_parameters) with the padding row
 * zeroed; that row receives no gradient.
 */
public final class Embedding extends Module {
  public final int numEmbeddings, embeddingDim;
  /** Non-negative (PyTorch normalises a negative one); null when absent. */
  public final Integer paddingIdx;

  public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
    this.numEmbeddings = numEmbeddings;
    this.embeddingDim = embeddingDim;
    this.paddingIdx = normalisePadding(paddingIdx, numEmbeddings);
    Tensor weight = registerParameter("weight", Tensor.zeros(numEmbeddings, embeddingDim));
    Init.normal(weight, 0, 1);
    if (this.paddingIdx != null) weight.select(0, this.paddingIdx).fillRaw(0);
  }

  public static Integer normalisePadding(Integer paddingIdx, int numEmbeddings) {
    if (paddingIdx == null) return null;
    if (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings) {
      throw new IllegalArgumentException(paddingIdx >= 0 ? "Padding_idx must be within num_embeddings"
          : "Padding_idx must be within num_embeddings");
    }
    return paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
  }

  @Override
  public Tensor forward(Tensor input) { return lookup(input, parameter("weight"), paddingIdx); }

  /** {@code F.embedding(input, weight, padding_idx)}: the rows of weight at input's indices, shape input.shape + (dim,). */
  public static Tensor lookup(Tensor input, Tensor weight, Integer paddingIdx) {
    if (input.dtype() != DType.INT64) {
      throw new IllegalArgumentException("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
          + "Long, Int; but got torch.FloatTensor instead (while checking arguments for embedding)");
    }
    if (weight.dim() != 2) throw new IllegalArgumentException("'weight' must be 2-D");
    long[] idx = input.toLongArray();
    int rows = weight.size(0), dim = weight.size(1);
    for (long i : idx) if (i < 0 || i >= rows) throw new IndexOutOfBoundsException("index out of range in self");
    int[] outShape = java.util.Arrays.copyOf(input.shape(), input.dim() + 1);
    outShape[input.dim()] = dim;
    return CustomOp.apply("EmbeddingBackward0", ctx -> {
      float[] w = weight.toFloatArray();
      float[] out = new float[idx.length * dim];
      for (int k = 0; k < idx.length; k++) System.arraycopy(w, (int) idx[k] * dim, out, k * dim, dim);
      return Tensor.of(out, outShape);
    }, (ctx, grad) -> {
      float[] g = grad.toFloatArray();
      float[] gw = new float[rows * dim];
      for (int k = 0; k < idx.length; k++) {
        if (paddingIdx != null && idx[k] == paddingIdx) continue;
        int row = (int) idx[k] * dim;
        for (int j = 0; j < dim; j++) gw[row + j] += g[k * dim + j];
      }
      return new Tensor[] {Tensor.of(gw, rows, dim)};
    }, weight);
  }

  @Override
  protected String extraRepr() {
    return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
  }
}
