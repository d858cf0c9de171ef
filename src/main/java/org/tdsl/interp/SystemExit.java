package org.tdsl.interp;

/**
 * {@code exit()} / {@code quit()}: Python's SystemExit. It unwinds the program as return and
 * break do (no tdsl code can stop it), and the host decides what leaving means: the command
 * ends the process with {@link #status()}, the REPL closes, an embedded Session stops the run.
 */
public final class SystemExit extends Signal {
  private final int status;
  private final String message;

  SystemExit(int status, String message) {
    super(null);
    this.status = status;
    this.message = message;
  }

  /** Python's rule: None is 0, an int is itself, anything else is printed and gives 1. */
  static SystemExit of(Object code) {
    return switch (code) {
      case null -> new SystemExit(0, null);
      case Boolean b -> new SystemExit(b ? 1 : 0, null);
      case Long l -> new SystemExit((int) (long) l, null);
      default -> new SystemExit(1, Values.str(code));
    };
  }

  /** A SystemExit with its own status and stderr text (argparse's error: status 2 with the usage). */
  public static SystemExit withMessage(int status, String message) {
    return new SystemExit(status, message);
  }

  /** Python's sys.exit(code): None is 0, an int is itself, anything else is printed and gives 1. */
  public static SystemExit ofCode(Object code) {
    return of(code);
  }

  /** The process's exit status. */
  public int status() {
    return status;
  }

  /** The text Python prints to stderr on the way out (exit("bad input")), or null. */
  public String message() {
    return message;
  }
}
