package org.tdsl.tensor;

/** An error from a tensor operation; the message is PyTorch's wording where PyTorch has one. */
public class TensorException extends RuntimeException {
  public TensorException(String message) { super(message); }
}
