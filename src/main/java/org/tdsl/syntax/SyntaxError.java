package org.tdsl.syntax;

/** A mistake in the source text found before anything runs. */
public final class SyntaxError extends RuntimeException {
  private final Pos pos;
  private final boolean incomplete;

  public SyntaxError(String message, Pos pos) {
    this(message, pos, false);
  }

  /** {@code incomplete} marks errors that more input could fix (an unclosed bracket). */
  public SyntaxError(String message, Pos pos, boolean incomplete) {
    super(message, null, false, false);
    this.pos = pos;
    this.incomplete = incomplete;
  }

  public Pos pos() {
    return pos;
  }

  public boolean incomplete() {
    return incomplete;
  }
}
