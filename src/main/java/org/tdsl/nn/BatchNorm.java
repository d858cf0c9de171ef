package org.tdsl.nn;

import org.tdsl.tensor.Tensor;

/**
 * {@code BatchNorm1d} (N×C or N×C×L input) and {@code BatchNorm2d} (N×C×H×W): per-channel
 * standardisation with batch statistics while training and running ones in eval mode.
 * The buffers are PyTorch's: running_mean, running_var, num_batches_tracked (int64).
 */
public final class BatchNorm extends Module {
  private final int spatialDims;
  public final int numFeatures;
  public final double eps;
  /** null: a cumulative moving average (PyTorch's momentum=None). */
  public final Double momentum;
  public final boolean affine, trackRunningStats;

  public BatchNorm(int spatialDims, int numFeatures, double eps, Double momentum, boolean affine, boolean trackRunningStats) {
    this.spatialDims = spatialDims;
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = momentum;
    this.affine = affine;
    this.trackRunningStats = trackRunningStats;
    registerParameter("weight", affine ? Tensor.ones(numFeatures) : null);
    registerParameter("bias", affine ? Tensor.zeros(numFeatures) : null);
    if (trackRunningStats) {
      registerBuffer("running_mean", Tensor.zeros(numFeatures));
      registerBuffer("running_var", Tensor.ones(numFeatures));
      registerBuffer("num_batches_tracked", Tensor.of(new long[] {0}));
    }
  }

  @Override
  public Tensor forward(Tensor input) {
    checkInput(input);
    Tensor tracked = buffer("num_batches_tracked");
    double factor = momentum == null ? 0 : momentum;
    if (isTraining() && tracked != null) {
      long n = tracked.toLongArray()[0] + 1;
      tracked.copyFrom(Tensor.of(new long[] {n}));
      if (momentum == null) factor = 1.0 / n;
    }
    boolean batchStats = isTraining() || !trackRunningStats;
    return Normalize.batchNorm(input, buffer("running_mean"), buffer("running_var"), parameter("weight"),
        parameter("bias"), batchStats, factor, eps);
  }

  private void checkInput(Tensor input) {
    int d = input.dim();
    if (spatialDims == 1 && d != 2 && d != 3) {
      throw new IllegalArgumentException("expected 2D or 3D input (got " + d + "D input)");
    }
    if (spatialDims == 2 && d != 4) throw new IllegalArgumentException("expected 4D input (got " + d + "D input)");
  }

  @Override
  public String typeName() { return "BatchNorm" + spatialDims + "d"; }

  @Override
  protected String extraRepr() {
    return numFeatures + ", eps=" + Py.repr(eps) + ", momentum=" + (momentum == null ? "None" : Py.repr(momentum))
        + ", affine=" + Py.repr(affine) + ", track_running_stats=" + Py.repr(trackRunningStats);
  }
}
