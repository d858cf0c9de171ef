package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/** Adam with decoupled weight decay (the parameter shrinks by {@code 1 - lr * weight_decay} first). */
public final class AdamW extends Adam {
  public AdamW(Iterable<Tensor> params) { this(params, 1e-3); }

  public AdamW(Iterable<Tensor> params, double lr) { this(params, lr, 0.9, 0.999, 1e-8, 1e-2, false, false); }

  public AdamW(Iterable<Tensor> params, double lr, double beta1, double beta2, double eps, double weightDecay,
               boolean amsgrad, boolean maximize) {
    super(params, lr, beta1, beta2, eps, weightDecay, amsgrad, maximize, true);
  }
}
