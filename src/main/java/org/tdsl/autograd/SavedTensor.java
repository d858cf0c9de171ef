package org.tdsl.autograd;

import org.tdsl.tensor.Tensor;

/** A tensor a backward formula needs, with the storage version it had when saved. */
final class SavedTensor {
  private final Tensor tensor;
  private final int version;

  SavedTensor(Tensor tensor) {
    this.tensor = tensor;
    this.version = tensor.storage().version();
  }

  Tensor unpack(Node owner) {
    int now = tensor.storage().version();
    if (now != version) {
      StringBuilder sb = new StringBuilder("one of the variables needed for gradient computation has been modified by an"
          + " inplace operation: [" + tensor.legacyTypeName() + " " + org.tdsl.tensor.Shapes.str(tensor.shape()) + "]");
      if (tensor.gradFn() != null) {
        sb.append(", which is output ").append(tensor.outputNr()).append(" of ").append(tensor.gradFn().name()).append(',');
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
