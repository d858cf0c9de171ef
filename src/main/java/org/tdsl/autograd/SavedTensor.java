package org.tdsl.autograd;

import org.tdsl.tensor.Tensor;

/** A tensor a backward formula needs, with the storage version it had when saved. */
final class SavedTensor {
  private final Tensor tensor;
  private final int version;
  /** Who made the tensor when it was saved (null: the saving node's own output, not linked yet). */
  private final String producer;
  private final int outputNr;

  SavedTensor(Tensor tensor) {
    this.tensor = tensor;
    this.version = tensor.storage().version();
    this.producer = tensor.gradFn() == null ? null : tensor.gradFn().name();
    this.outputNr = tensor.outputNr();
  }

  Tensor unpack(Node owner) {
    int now = tensor.storage().version();
    if (now != version) {
      StringBuilder sb = new StringBuilder("one of the variables needed for gradient computation has been modified by an"
          + " inplace operation: [" + tensor.legacyTypeName() + " " + org.tdsl.tensor.Shapes.str(tensor.shape()) + "]");
      // PyTorch's SavedVariable: a node's own output (saved before it points back at the node,
      // so no producer then) names the owner; a saved input names its grad_fn as it is now,
      // after the in-place op that changed it.
      String madeBy = tensor.gradFn() == null ? null : producer == null ? owner.name() : tensor.gradFn().name();
      if (madeBy != null) {
        sb.append(", which is output ").append(outputNr).append(" of ").append(madeBy).append(',');
      }
      sb.append(" is at version ").append(now).append("; expected version ").append(version).append(" instead. Hint: ")
          .append(AnomalyMode.isEnabled()
              ? "the backtrace further above shows the operation that failed to compute its gradient. The variable in"
                  + " question was changed in there or anywhere later. Good luck!"
              : "enable anomaly detection to find the operation that failed to compute its gradient, with"
                  + " torch.autograd.set_detect_anomaly(True).");
      throw new AutogradException(sb.toString(), owner);
    }
    return tensor;
  }
}
