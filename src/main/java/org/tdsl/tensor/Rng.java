package org.tdsl.tensor;

import java.util.SplittableRandom;

/**
 * A seedable random generator. Each thread (each interpreter session) has its own current
 * generator, so {@code manualSeed} on one thread never disturbs another; nothing is shared.
 */
public final class Rng {
  private static final ThreadLocal<Rng> CURRENT = ThreadLocal.withInitial(() -> new Rng(System.nanoTime()));

  private SplittableRandom random;
  private long seed;

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

  /** Uniform in [0, 1). */
  public float nextFloat() { return (float) random.nextDouble(); }

  /** Uniform double in [0, 1). */
  public double nextDouble() { return random.nextDouble(); }

  /** Standard normal. */
  public double nextGaussian() { return random.nextGaussian(); }

  /** Uniform integer in [low, high). */
  public long nextLong(long low, long high) { return random.nextLong(low, high); }
}
