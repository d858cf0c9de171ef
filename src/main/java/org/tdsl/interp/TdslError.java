package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.syntax.Pos;

/**
 * A mistake in a tdsl program, as a value: message, where (null until the interpreter knows),
 * the tdsl call stack at that point (innermost first), and the source line for the caret.
 */
public final class TdslError extends RuntimeException {
  /** One active tdsl call: the function's name and where it was called from. */
  public record Frame(String function, Pos callSite) {}

  private Pos pos;
  private List<Frame> frames = List.of();
  private String sourceLine;
  private final boolean syntax;
  /** The Python exception value this error is (made when first caught or raised), or null. */
  private Object exception;

  public TdslError(String message) {
    this(message, null, false, null);
  }

  public TdslError(String message, Pos pos, boolean syntax, Throwable cause) {
    super(message, cause, false, false);
    this.pos = pos;
    this.syntax = syntax;
  }

  public Pos pos() {
    return pos;
  }

  public List<Frame> frames() {
    return frames;
  }

  /** True for a syntax error (exit status 2), false for a runtime error (exit status 1). */
  public boolean isSyntax() {
    return syntax;
  }

  /** The exception value `except ... as e` sees: a PyException, or null before it is caught. */
  public Object exception() {
    return exception;
  }

  void exception(Object value) {
    exception = value;
  }

  public String sourceLine() {
    return sourceLine;
  }

  void locate(Pos pos, List<Frame> frames) {
    if (this.pos == null) {
      this.pos = pos;
      this.frames = List.copyOf(frames);
    }
  }

  void sourceLine(String line) {
    if (sourceLine == null) sourceLine = line;
  }

  /** The text users see: `error: file:line:col: message`, the line with a caret, the calls. */
  public String format() {
    StringBuilder sb = new StringBuilder("error: ");
    if (pos != null) sb.append(pos).append(": ");
    sb.append(getMessage());
    if (pos != null && sourceLine != null) {
      sb.append('\n').append(String.format("%5d | %s", pos.line(), sourceLine));
      StringBuilder indent = new StringBuilder();
      for (int i = 0; i < pos.col() - 1; i++) {
        indent.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
      }
      sb.append('\n').append("      | ").append(indent).append('^');
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      Frame f = frames.get(i);
      Pos inside = i == 0 ? pos : frames.get(i - 1).callSite();
      String where = inside == null ? "" : " (" + inside.file() + ":" + inside.line() + ")";
      lines.add("  in " + f.function() + where + ", called from " + f.callSite().file() + ":" + f.callSite().line());
    }
    for (String l : lines) sb.append('\n').append(l);
    return sb.toString();
  }
}
