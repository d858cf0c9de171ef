package org.tdsl.tensor.format;

/**
 * torch.set_printoptions: how tensors print. Each thread (each interpreter session) has its
 * own, as it has its own random generator, so one session's settings never reach another.
 *
 * @param sciMode true or false forces scientific notation on or off; null lets the values decide
 */
public record PrintOptions(int precision, long threshold, int edgeItems, int lineWidth, Boolean sciMode) {
  public static final PrintOptions DEFAULT = new PrintOptions(4, 1000, 3, 80, null);

  private static final ThreadLocal<PrintOptions> CURRENT = ThreadLocal.withInitial(() -> DEFAULT);

  public static PrintOptions current() { return CURRENT.get(); }

  public static void setCurrent(PrintOptions options) { CURRENT.set(options); }

  /** PyTorch's named profiles: "default", "short", "full". */
  public static PrintOptions profile(String name) {
    return switch (name) {
      case "default" -> DEFAULT;
      case "short" -> new PrintOptions(2, 1000, 2, 80, null);
      case "full" -> new PrintOptions(4, Long.MAX_VALUE, 3, 80, null);
      default -> throw new IllegalArgumentException("unknown print profile '" + name + "': use 'default', 'short' or 'full'");
    };
  }
}
