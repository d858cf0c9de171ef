package org.tdsl.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Random draws recorded from another run of the same program (PyTorch's, by the corpus
 * recorder), handed back in order instead of fresh ones from the generator. tdsl's stream is
 * not PyTorch's (docs/CHOICES.md), so this is how a program's output is compared with
 * PyTorch's number for number. Each draw site names what it draws, with PyTorch's name for
 * the call ({@code randn}, {@code kaiming_uniform_}, {@code dropout}, ...), and its shape; a
 * draw of another kind or shape than the recorded one means the two programs draw in a
 * different order, and is an error that says which draw went wrong, never silently wrong
 * numbers.
 */
public final class DrawReplay {
  /** One recorded draw: floating values in {@code floats}, integer ones in {@code longs} (the other is null). */
  public record Draw(String kind, int[] shape, double[] floats, long[] longs) {
    public Draw {
      int n = Shapes.numel(shape);
      int length = floats != null ? floats.length : longs.length;
      if (length != n) throw new IllegalArgumentException("draw " + kind + ": " + length + " values for shape " + Arrays.toString(shape));
    }

    public static Draw floats(String kind, int[] shape, double... values) { return new Draw(kind, shape, values, null); }

    public static Draw longs(String kind, int[] shape, long... values) { return new Draw(kind, shape, null, values); }

    @Override
    public String toString() { return kind + " of shape " + shapeText(shape); }
  }

  private final List<Draw> draws;
  private int next;

  public DrawReplay(List<Draw> draws) { this.draws = List.copyOf(draws); }

  /** How many draws were recorded. */
  public int size() { return draws.size(); }

  /** How many have been taken so far. */
  public int taken() { return next; }

  /** The recorded draws not taken yet (a program that ended early, or draws less than the recording). */
  public int remaining() { return draws.size() - next; }

  /** The next recorded draw, which must be {@code kind} of {@code shape}. */
  public Draw take(String kind, int[] shape) {
    String asked = kind + " of shape " + shapeText(shape);
    if (next == draws.size()) {
      throw new TensorException("random draw " + (next + 1) + " (" + asked + ") is past the end of the recorded draws ("
          + draws.size() + " of them): this program draws more often than the recorded one did");
    }
    Draw d = draws.get(next);
    if (!family(d.kind()).equals(family(kind)) || !Arrays.equals(d.shape(), shape)) {
      throw new TensorException("random draw " + (next + 1) + " of " + draws.size() + " does not match the recording: "
          + "this program draws " + asked + " here, the recorded program drew " + d
          + "; the two draw in a different order (see 'Replayed random draws' in docs/CHOICES.md)");
    }
    next++;
    return d;
  }

  /** rand_like draws what rand draws; the recorder keeps the name the program called. */
  private static String family(String kind) {
    return kind.endsWith("_like") ? kind.substring(0, kind.length() - "_like".length()) : kind;
  }

  static String shapeText(int[] shape) {
    return Arrays.toString(shape);
  }
}
