package org.tdsl.interp.pylib;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyList;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Rng;

/**
 * Python's random module, on CPython's own generator and algorithms: a seeded program draws
 * the numbers Python draws. Its state is its own, apart from torch's (random.seed does not
 * reseed torch, as in Python). When the session replays a recording of a PyTorch run
 * (docs/CHOICES.md, replayed random draws), each draw is read from it under the name
 * record_draws.py wrote it: random.random, random.uniform, random.gauss, random.randint,
 * random.randrange, random.choice (the index), random.shuffle (the order).
 */
final class RandomModule {
  private static final int[] SCALAR = new int[0];
  private static final double NV_MAGICCONST = 4 * Math.exp(-0.5) / Math.sqrt(2.0);
  private final MersenneTwister mt = new MersenneTwister();
  private Double gaussNext;

  private RandomModule() {
    mt.seed(BigInteger.valueOf(System.nanoTime()).xor(BigInteger.valueOf(System.identityHashCode(this))));
  }

  static PyModule create() {
    RandomModule r = new RandomModule();
    PyModule m = new PyModule("random");
    m.function("seed(a=None)", "Seeds the generator (an int or a str; None: from the clock). The same seed gives Python's numbers.", a -> {
      r.seed(a.get("a"), a.interpreter());
      return null;
    });
    m.function("random()", "A float in [0, 1).", a -> r.replayed("random.random", r.mt::nextDouble));
    m.function("uniform(a, b)", "A float between a and b.", a -> {
      double lo = Py.real(a.get("a"), a);
      double hi = Py.real(a.get("b"), a);
      return r.replayed("random.uniform", () -> lo + (hi - lo) * r.mt.nextDouble());
    });
    m.function("gauss(mu=0.0, sigma=1.0)", "A normal draw (Box-Muller, the pair's second half kept for the next call).", a -> {
      double mu = Py.real(a.get("mu"), a);
      double sigma = Py.real(a.get("sigma"), a);
      return r.replayed("random.gauss", () -> mu + r.gauss() * sigma);
    });
    m.function("normalvariate(mu=0.0, sigma=1.0)", "A normal draw (Kinderman-Monahan).", a -> {
      double mu = Py.real(a.get("mu"), a);
      double sigma = Py.real(a.get("sigma"), a);
      return mu + r.normal() * sigma;
    });
    m.function("randint(a, b)", "An int in [a, b], both ends included.", a -> {
      long lo = Py.integer(a.get("a"), a.interpreter());
      long hi = Py.integer(a.get("b"), a.interpreter());
      return r.replayedInt("random.randint", () -> r.randrange(lo, hi + 1, 1, false));
    });
    m.function("randrange(start, stop=None, step=1)", "An int from range(start, stop, step).", a -> {
      long start = Py.integer(a.get("start"), a.interpreter());
      long step = Py.integer(a.get("step"), a.interpreter());
      if (a.get("stop") == null) {
        if (step != 1) throw new TdslError("Missing a non-None stop argument");
        if (start <= 0) throw new TdslError("empty range for randrange()");
        return r.replayedInt("random.randrange", () -> r.mt.below(start));
      }
      long stop = Py.integer(a.get("stop"), a.interpreter());
      return r.replayedInt("random.randrange", () -> r.randrange(start, stop, step, true));
    });
    m.function("getrandbits(k)", "An int of k random bits (k <= 63 here: ints are 64-bit).", a -> {
      long k = Py.integer(a.get("k"), a.interpreter());
      if (k < 0) throw new TdslError("number of bits must be non-negative");
      if (k > 63) throw new TdslError("integer overflow: getrandbits(" + k + ") does not fit in 64 bits");
      return k == 0 ? 0L : r.mt.bits((int) k);
    });
    m.function("choice(seq)", "One item of a non-empty sequence.", a -> {
      List<Object> items = Values.toList(a.get("seq"), a.interpreter());
      if (items.isEmpty()) throw new TdslError("Cannot choose from an empty sequence");
      return items.get((int) r.replayedInt("random.choice", () -> r.mt.below(items.size())));
    });
    m.function("choices(population, weights=None, *, cum_weights=None, k=1)", "k items drawn with replacement, optionally weighted.", r::choices);
    m.function("shuffle(x)", "Shuffles a list in place.", a -> {
      if (!(a.get("x") instanceof PyList list)) {
        throw new TdslError("'" + Values.typeName(a.get("x"), a.interpreter()) + "' object does not support item assignment");
      }
      r.shuffle(list.items);
      return null;
    });
    m.function("sample(population, k)", "k distinct items of the population, in random order.", a -> r.sample(a));
    return m;
  }

  private void seed(Object a, Interpreter ip) {
    gaussNext = null;
    switch (a) {
      case null -> mt.seed(BigInteger.valueOf(System.nanoTime()));
      case Long l -> mt.seed(BigInteger.valueOf(l));
      case Boolean b -> mt.seed(BigInteger.valueOf(b ? 1 : 0));
      case String s -> mt.seed(s);
      case Double d -> mt.seed(BigInteger.valueOf(Double.hashCode(d)));  // CPython seeds a float by its hash
      default -> throw new TdslError("The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
  }

  private interface Draw { double get(); }

  private interface IntDraw { long get(); }

  /** One scalar draw: from the replayed recording when there is one, else from the generator. */
  private double replayed(String kind, Draw draw) {
    double[] recorded = Rng.current().recordedFloats(kind, SCALAR);
    return recorded != null ? recorded[0] : draw.get();
  }

  private long replayedInt(String kind, IntDraw draw) {
    long[] recorded = Rng.current().recordedLongs(kind, SCALAR);
    return recorded != null ? recorded[0] : draw.get();
  }

  private long randrange(long start, long stop, long step, boolean named) {
    long width = stop - start;
    if (step == 1) {
      if (width > 0) return start + mt.below(width);
      throw new TdslError("empty range for randrange() (" + start + ", " + stop + ", " + width + ")");
    }
    long n;
    if (step > 0) n = Math.floorDiv(width + step - 1, step);
    else if (step < 0) n = Math.floorDiv(width + step + 1, step);
    else throw new TdslError("zero step for randrange()");
    if (n <= 0) throw new TdslError("empty range for randrange()");
    return start + step * mt.below(n);
  }

  private double gauss() {
    Double z = gaussNext;
    gaussNext = null;
    if (z != null) return z;
    double x2pi = mt.nextDouble() * 2 * Math.PI;
    double g2rad = Math.sqrt(-2.0 * Math.log(1.0 - mt.nextDouble()));
    gaussNext = Math.sin(x2pi) * g2rad;
    return Math.cos(x2pi) * g2rad;
  }

  private double normal() {
    while (true) {
      double u1 = mt.nextDouble();
      double u2 = 1.0 - mt.nextDouble();
      double z = NV_MAGICCONST * (u1 - 0.5) / u2;
      if (z * z / 4.0 <= -Math.log(u2)) return z;
    }
  }

  private void shuffle(List<Object> items) {
    int n = items.size();
    long[] recorded = Rng.current().recordedLongs("random.shuffle", new int[] {n});
    if (recorded != null) {
      List<Object> copy = new ArrayList<>(items);
      for (int i = 0; i < n; i++) items.set(i, copy.get((int) recorded[i]));
      return;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = (int) mt.below(i + 1);
      Object t = items.get(i);
      items.set(i, items.get(j));
      items.set(j, t);
    }
  }

  private Object sample(Args a) {
    List<Object> population = Values.toList(a.get("population"), a.interpreter());
    long k = Py.integer(a.get("k"), a.interpreter());
    int n = population.size();
    if (k < 0 || k > n) throw new TdslError("Sample larger than population or is negative");
    Object[] result = new Object[(int) k];
    int setsize = 21;
    if (k > 5) setsize += (int) Math.pow(4, Math.ceil(Math.log(k * 3) / Math.log(4)));
    if (n <= setsize) {
      List<Object> pool = new ArrayList<>(population);
      for (int i = 0; i < k; i++) {
        int j = (int) mt.below(n - i);
        result[i] = pool.get(j);
        pool.set(j, pool.get(n - i - 1));
      }
    } else {
      java.util.Set<Long> selected = new java.util.HashSet<>();
      for (int i = 0; i < k; i++) {
        long j = mt.below(n);
        while (selected.contains(j)) j = mt.below(n);
        selected.add(j);
        result[i] = population.get((int) j);
      }
    }
    return new PyList(java.util.Arrays.asList(result));
  }

  private Object choices(Args a) {
    List<Object> population = Values.toList(a.get("population"), a.interpreter());
    long k = Py.integer(a.get("k"), a.interpreter());
    int n = population.size();
    List<Object> out = new ArrayList<>();
    Object weights = a.get("weights");
    Object cum = a.get("cum_weights");
    if (cum == null && weights == null) {
      if (n == 0 && k > 0) throw new TdslError("list index out of range");
      for (long i = 0; i < k; i++) out.add(population.get((int) Math.floor(mt.nextDouble() * n)));
      return new PyList(out);
    }
    if (cum != null && weights != null) throw new TdslError("Cannot specify both weights and cumulative weights");
    double[] c;
    if (cum != null) {
      List<Object> cw = Values.toList(cum, a.interpreter());
      c = new double[cw.size()];
      for (int i = 0; i < c.length; i++) c[i] = Py.real(cw.get(i), a);
    } else {
      List<Object> w = Values.toList(weights, a.interpreter());
      c = new double[w.size()];
      double s = 0;
      for (int i = 0; i < c.length; i++) c[i] = s += Py.real(w.get(i), a);
    }
    if (c.length != n) throw new TdslError("The number of weights does not match the population");
    double total = n == 0 ? 0 : c[n - 1];
    if (total <= 0) throw new TdslError("Total of weights must be greater than zero");
    if (!Double.isFinite(total)) throw new TdslError("Total of weights must be finite");
    for (long i = 0; i < k; i++) {
      double x = mt.nextDouble() * total;
      int lo = 0;
      int hi = n - 1;
      while (lo < hi) {  // bisect_right over cum_weights[0:hi]
        int mid = (lo + hi) >>> 1;
        if (x < c[mid]) hi = mid;
        else lo = mid + 1;
      }
      out.add(population.get(lo));
    }
    return new PyList(out);
  }
}
