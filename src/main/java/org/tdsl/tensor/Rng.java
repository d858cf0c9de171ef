package org.tdsl.tensor;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A seedable random generator. Each thread (each interpreter session) has its own current
 * generator, so {@code manualSeed} on one thread never disturbs another; nothing is shared.
 */
public final class Rng {
  private static final ThreadLocal<Rng> CURRENT = ThreadLocal.withInitial(() -> new Rng(System.nanoTime()));

  private SplittableRandom random;
  private long seed;
  private DrawReplay replay;  // when set, draws come from this recording instead of `random`

  public Rng(long seed) { manualSeed(seed); }

  /** This thread's generator. */
  public static Rng current() { return CURRENT.get(); }

  /** Makes {@code rng} this thread's generator (a host binds one per session). */
  public static void setCurrent(Rng rng) { CURRENT.set(rng); }

  /** Reseeds this thread's generator: every later draw repeats. */
  public static void seed(long seed) { current().manualSeed(seed); }

  public void manualSeed(long seed) {
    this.seed = seed;
    this.random = new SplittableRandom(seed);
  }

  public long initialSeed() { return seed; }

  /** Answers every later draw from {@code recording} (null: back to the generator); manual_seed keeps it. */
  public void replay(DrawReplay recording) { this.replay = recording; }

  /** The recording draws come from, or null. */
  public DrawReplay replay() { return replay; }

  /**
   * The values of one draw site's call: {@code kind} is PyTorch's name for it, {@code shape}
   * the tensor it fills. Replaying, they are the recording's; otherwise {@code one} is asked
   * once per element.
   */
  public float[] floats(String kind, int[] shape, DoubleSupplier one) {
    float[] v = new float[Allocations.reserve(Shapes.numel(shape))];
    double[] recorded = recordedFloats(kind, shape);
    for (int i = 0; i < v.length; i++) v[i] = (float) (recorded != null ? recorded[i] : one.getAsDouble());
    return v;
  }

  /** floats(), for integer draws. */
  public long[] longs(String kind, int[] shape, LongSupplier one) {
    long[] recorded = recordedLongs(kind, shape);
    if (recorded != null) return recorded;
    long[] v = new long[Allocations.reserve(Shapes.numel(shape))];
    for (int i = 0; i < v.length; i++) v[i] = one.getAsLong();
    return v;
  }

  /** The recorded values of this draw (bools as 0 and 1), or null when not replaying. */
  public double[] recordedFloats(String kind, int[] shape) {
    if (replay == null) return null;
    DrawReplay.Draw d = replay.take(kind, shape);
    if (d.floats() != null) return d.floats();
    double[] v = new double[d.longs().length];
    for (int i = 0; i < v.length; i++) v[i] = d.longs()[i];
    return v;
  }

  /** The recorded values of an integer draw, or null when not replaying. */
  public long[] recordedLongs(String kind, int[] shape) {
    if (replay == null) return null;
    DrawReplay.Draw d = replay.take(kind, shape);
    if (d.longs() != null) return d.longs().clone();
    long[] v = new long[d.floats().length];
    for (int i = 0; i < v.length; i++) v[i] = (long) d.floats()[i];
    return v;
  }

  /** Uniform in [0, 1). */
  public float nextFloat() { return (float) random.nextDouble(); }

  /** Uniform double in [0, 1). */
  public double nextDouble() { return random.nextDouble(); }

  /** Standard normal. */
  public double nextGaussian() { return random.nextGaussian(); }

  /** Uniform integer in [low, high). */
  public long nextLong(long low, long high) { return random.nextLong(low, high); }
}
