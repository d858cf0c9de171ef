package org.tdsl.interp.bind;

import java.util.List;
import java.util.function.Supplier;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.MethodTable;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;
import org.tdsl.tensor.Rng;

/**
 * torch.Generator: a random generator of its own, which a draw uses instead of the global one
 * when it is passed as {@code generator=}. The draw runs with the generator made this thread's
 * current Rng, so every draw site keeps its one code path (and PyTorch's draw names).
 */
final class Generators {
  private Generators() {}

  /** A torch.Generator value: its Rng, seeded as PyTorch's default seed is until manual_seed. */
  static final class Generator {
    final Rng rng = new Rng(67280421310721L);

    @Override public String toString() { return "<torch._C.Generator object>"; }
  }

  /** Runs a draw with generator= (when given) as the current generator. */
  static <T> T draw(Args a, Supplier<T> draw) {
    return draw(a.get("generator"), draw);
  }

  /** Runs a draw with g (a torch.Generator, or null: the global one) as the current generator. */
  static <T> T draw(Object g, Supplier<T> draw) {
    if (g == null) return draw.get();
    if (!(g instanceof Generator gen)) {
      throw new TdslError("generator must be a torch.Generator, not " + Values.typeName(g));
    }
    Rng previous = Rng.current();
    gen.rng.replay(previous.replay());  // a replayed run answers a generator's draws from the same recording
    Rng.setCurrent(gen.rng);
    try {
      return draw.get();
    } finally {
      Rng.setCurrent(previous);
    }
  }

  static void install(Builtins b, Namespace torch) {
    torch.put("Generator", new Builtin("Generator", "Generator(device='cpu')",
        "A random generator of its own: g = torch.Generator().manual_seed(0); torch.rand(3, generator=g).",
        a -> { Device.usable(a.get("device")); return new Generator(); }));
    b.registerProtocol(Generator.class, PROTOCOL);
  }

  static final Protocol<Generator> PROTOCOL = new Protocol<>() {
    @Override public String typeName(Generator self) { return "Generator"; }

    @Override public String className(Generator self) { return "torch._C.Generator"; }

    @Override public List<String> attributeNames(Generator self) { return ATTRIBUTES.names(); }

    private static final MethodTable<Generator> ATTRIBUTES = new MethodTable<Generator>()
        .method("manual_seed(seed)", "Seeds this generator; returns it.",
            (self, a) -> { self.rng.manualSeed(a.getLong("seed")); return self; })
        .method("seed()", "Seeds this generator from the clock; returns the seed.",
            (self, a) -> { long s = System.nanoTime() & 0x7fffffffffffL; self.rng.manualSeed(s); return s; })
        .method("initial_seed()", "The seed this generator was last given.", (self, a) -> self.rng.initialSeed())
        .attribute("device", self -> Device.CPU);

    @Override public Object getAttr(Generator self, String name) { return ATTRIBUTES.get(self, name); }

    @Override public String repr(Generator self) { return self.toString(); }
  };
}
