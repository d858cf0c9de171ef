package org.tdsl.api;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.TdslError;
import org.tdsl.syntax.Pos;

/**
 * Everything that goes wrong inside a {@link Session} call: a syntax error, a runtime error
 * (with PyTorch's or Python's words), a refused file or allocation, a cancellation or a time
 * limit. It carries where (file, line, column; 0 when unknown), what, and the tdsl traceback;
 * {@link #formatted()} is the text the {@code tdsl} command prints for the same error.
 */
public final class TdslException extends RuntimeException {
  /** What kind of failure this is. */
  public enum Kind {
    /** The source does not parse. */
    SYNTAX,
    /** The program failed while running (including refused files and allocations). */
    RUNTIME,
    /** {@link Session#cancel()} stopped it. */
    CANCELLED,
    /** It ran past the session's time limit. */
    TIMEOUT,
    /** A failure inside tdsl itself (a bug); the Java cause is attached. */
    INTERNAL
  }

  /** One active tdsl call, innermost first: the function and the place that called it. */
  public record Frame(String function, String file, int line) {
    @Override
    public String toString() {
      return "in " + function + ", called from " + file + ":" + line;
    }
  }

  private final Kind kind;
  private final String message;
  private final String file;
  private final int line;
  private final int column;
  private final List<Frame> traceback;
  private final String formatted;

  private TdslException(Kind kind, String message, Pos pos, List<Frame> traceback, String formatted, Throwable cause) {
    super(pos == null ? message : pos + ": " + message, cause);
    this.kind = kind;
    this.message = message;
    this.file = pos == null ? null : pos.file();
    this.line = pos == null ? 0 : pos.line();
    this.column = pos == null ? 0 : pos.col();
    this.traceback = List.copyOf(traceback);
    this.formatted = formatted;
  }

  static TdslException of(TdslError e, Kind kind) {
    List<Frame> frames = new ArrayList<>();
    for (TdslError.Frame f : e.frames()) {
      Pos site = f.callSite();
      frames.add(new Frame(f.function(), site == null ? null : site.file(), site == null ? 0 : site.line()));
    }
    return new TdslException(kind, e.getMessage(), e.pos(), frames, e.format(), e);
  }

  static TdslException internal(Throwable cause) {
    String message = "internal error: " + cause;
    return new TdslException(Kind.INTERNAL, message, null, List.of(), "error: " + message, cause);
  }

  public Kind kind() {
    return kind;
  }

  /** The message alone, e.g. {@code mat1 and mat2 shapes cannot be multiplied (64x9216 and 320x50)}. */
  public String message() {
    return message;
  }

  /** The file (or the name given to eval) where it happened; null when unknown. */
  public String file() {
    return file;
  }

  /** 1-based line, 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }

  /** The tdsl calls active when it happened, innermost first (empty at top level). */
  public List<Frame> traceback() {
    return traceback;
  }

  /** The text the command line prints: {@code error: file:line:col: message}, the line with a caret, the calls. */
  public String formatted() {
    return formatted;
  }
}
