package org.tdsl.interp;

import java.util.Iterator;

/**
 * An iterator that holds something until it is exhausted or abandoned: a DataLoader's
 * progress bar. A {@code for} loop that ends early ({@code break}, {@code return}, an
 * error, Ctrl-C) closes its iterator, as Python closes a generator; wrappers (enumerate,
 * zip) pass the close on. Closing must be harmless to an iterator that is later resumed.
 */
public interface ClosingIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();

  /** Closes it when it holds something. */
  static void closeIfClosing(Iterator<?> it) {
    if (it instanceof ClosingIterator<?> c) c.close();
  }
}
