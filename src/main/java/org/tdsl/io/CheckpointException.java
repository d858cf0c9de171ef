package org.tdsl.io;

/** A checkpoint that cannot be written, read, or does not fit the model it is loaded into. */
public class CheckpointException extends RuntimeException {
  public CheckpointException(String message) { super(message); }
  public CheckpointException(String message, Throwable cause) { super(message, cause); }
}
