package org.tdsl.autograd;

import org.tdsl.tensor.Tensor;

/** A tensor a backward formula needs, with the storage version it had when saved. */
final class SavedTensor {
  private final Tensor tensor;
  private final int version;
  /** Who made the tensor when it was saved: an in-place op may give it a new grad_fn later. */
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
      // A node saves its own output before the output points back at it: no producer then means
      // the owner made it (PyTorch's SavedVariable keeps the same distinction as is_output).
      String madeBy = producer != null ? producer : tensor.gradFn() != null ? owner.name() : null;
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
