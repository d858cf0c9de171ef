package org.tdsl.data;

/** A data file that is missing, truncated or not what it claims to be; the message names it. */
public class DataException extends RuntimeException {
  public DataException(String message) { super(message); }
  public DataException(String message, Throwable cause) { super(message, cause); }
}
