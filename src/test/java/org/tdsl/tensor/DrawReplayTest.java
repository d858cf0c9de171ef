package org.tdsl.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tdsl.tensor.DrawReplay.Draw;

/** The draw sites of tensor answer from a recording while one is set, in order, and refuse a draw out of order. */
class DrawReplayTest {
  private final Rng saved = Rng.current();

  @AfterEach
  void restore() {
    Rng.setCurrent(saved);
  }

  private static DrawReplay replaying(Draw... draws) {
    Rng rng = new Rng(1);
    DrawReplay r = new DrawReplay(List.of(draws));
    rng.replay(r);
    Rng.setCurrent(rng);
    return r;
  }

  @Test
  void drawsComeBackInOrderFromEachSite() {
    DrawReplay r = replaying(
        Draw.floats("randn", new int[] {2}, 0.5, -1.25),
        Draw.floats("rand_like", new int[] {1, 2}, 0.75, 0.125),
        Draw.longs("randint", new int[] {3}, 4, 0, 9),
        Draw.longs("randperm", new int[] {4}, 3, 1, 0, 2),
        Draw.floats("bernoulli", new int[] {2}, 1, 0));
    assertArrayEquals(new float[] {0.5f, -1.25f}, Tensor.randn(2).toFloatArray());
    assertArrayEquals(new float[] {0.75f, 0.125f}, Tensor.rand(1, 2).toFloatArray(), "rand_like answers rand");
    assertArrayEquals(new long[] {4, 0, 9}, Tensor.randint(0, 10, 3).toLongArray());
    assertArrayEquals(new long[] {3, 1, 0, 2}, Tensor.randperm(4).toLongArray());
    assertArrayEquals(new float[] {1, 0}, Tensor.bernoulli(Tensor.of(new float[] {0.5f, 0.5f}, 2)).toFloatArray());
    assertEquals(5, r.taken());
    assertEquals(0, r.remaining());
  }

  @Test
  void aDrawOfAnotherKindOrShapeSaysWhichDrawDiverged() {
    replaying(Draw.floats("randn", new int[] {2}, 0.5, -1.25), Draw.floats("kaiming_uniform_", new int[] {3, 2}, 0, 0, 0, 0, 0, 0));
    Tensor.randn(2);
    TensorException e = assertThrows(TensorException.class, () -> Tensor.rand(2, 3));
    assertEquals("random draw 2 of 2 does not match the recording: this program draws rand of shape [2, 3] here, "
        + "the recorded program drew kaiming_uniform_ of shape [3, 2]; the two draw in a different order "
        + "(see 'Replayed random draws' in docs/CHOICES.md)", e.getMessage());
    e = assertThrows(TensorException.class, () -> Tensor.randn(3, 2));
    assertTrue(e.getMessage().contains("draws randn of shape [3, 2] here, the recorded program drew kaiming_uniform_"), e.getMessage());
  }

  @Test
  void aDrawPastTheEndSaysSo() {
    replaying(Draw.floats("randn", new int[] {}, 0.5));
    Tensor.randn();
    TensorException e = assertThrows(TensorException.class, () -> Tensor.randn(1));
    assertTrue(e.getMessage().startsWith("random draw 2 (randn of shape [1]) is past the end of the recorded draws (1 of them)"), e.getMessage());
  }

  @Test
  void withoutARecordingTheGeneratorDrawsAsBefore() {
    Rng a = new Rng(7);
    Rng.setCurrent(a);
    float[] drawn = Tensor.rand(4).toFloatArray();
    Rng b = new Rng(7);
    float[] plain = new float[4];
    for (int i = 0; i < 4; i++) plain[i] = b.nextFloat();
    assertArrayEquals(plain, drawn);
  }
}
