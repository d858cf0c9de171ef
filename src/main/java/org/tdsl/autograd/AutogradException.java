package org.tdsl.autograd;

import org.tdsl.tensor.TensorException;

/** An error raised while running backward; names the node when one was executing. */
public final class AutogradException extends TensorException {
  private final transient Node node;

  public AutogradException(String message, Node node) {
    super(message);
    this.node = node;
  }

  /** The node whose backward failed (null when none), whose creationTrace() says where it was recorded. */
  public Node node() { return node; }
}
