package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** {@code LayerNorm(normalized_shape)}: standardises over the last dims, with an elementwise weight and bias. */
public final class LayerNorm extends Module {
  public final int[] normalizedShape;
  public final double eps;
  public final boolean elementwiseAffine;

  public LayerNorm(int[] normalizedShape, double eps, boolean elementwiseAffine) {
    this.normalizedShape = normalizedShape.clone();
    this.eps = eps;
    this.elementwiseAffine = elementwiseAffine;
    registerParameter("weight", elementwiseAffine ? Tensor.ones(normalizedShape) : null);
    registerParameter("bias", elementwiseAffine ? Tensor.zeros(normalizedShape) : null);
  }

  @Override
  public Tensor forward(Tensor input) {
    return Normalize.layerNorm(input, normalizedShape, parameter("weight"), parameter("bias"), eps);
  }

  @Override
  protected String extraRepr() {
    StringBuilder shape = new StringBuilder("(");
    for (int i = 0; i < normalizedShape.length; i++) shape.append(i > 0 ? ", " : "").append(normalizedShape[i]);
    shape.append(normalizedShape.length == 1 ? ",)" : ")");
    return shape + ", eps=" + Py.repr(eps) + ", elementwise_affine=" + Py.repr(elementwiseAffine);
  }
}
