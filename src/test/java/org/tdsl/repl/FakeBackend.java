package org.tdsl.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * A stand-in language for console tests: {@code NAME = INT}, {@code INT + INT}, a name
 * (echoed), {@code print(NAME)}, {@code boom} (an error), {@code while True { }} (runs
 * until cancelled). Chunks are complete when their braces balance.
 */
final class FakeBackend implements ReplBackend {
  final List<String> chunks = new CopyOnWriteArrayList<>();
  final List<Input> inputs = new CopyOnWriteArrayList<>();
  /** :timeit loops run so far; each loop of a timed statement takes about a millisecond. */
  long timedLoops;
  final Map<String, Long> globals = new LinkedHashMap<>();
  final CountDownLatch looping = new CountDownLatch(1);
  PrintStream out;
  private volatile boolean cancelled;

  @Override
  public Outcome run(String chunk) {
    Outcome o = evaluate(chunk);
    inputs.add(new Input(inputs.size() + 1, chunk, !o.failed()));
    return o;
  }

  @Override
  public Outcome tape(String expression) {
    return run("tape(" + expression + ")");
  }

  @Override
  public Repeated repeatable(String statement) {
    Outcome first = evaluate(statement);
    inputs.add(new Input(inputs.size() + 1, ":timeit " + statement, !first.failed()));
    if (first.failed()) return new Repeated(first, null);
    return new Repeated(first, n -> {
      for (long i = 0; i < n; i++) {
        long end = System.nanoTime() + 1_000_000;
        while (System.nanoTime() < end) Thread.onSpinWait();
      }
      timedLoops += n;
      return Outcome.NOTHING;
    });
  }

  @Override
  public List<Input> history() {
    return List.copyOf(inputs);
  }

  @Override
  public String help(String topic) {
    for (BuiltinInfo b : builtins()) if (b.name().equals(topic)) return b.signature() + "\n  " + b.help();
    return globals.containsKey(topic) ? "int\n" + globals.get(topic) : null;
  }

  private Outcome evaluate(String chunk) {
    chunks.add(chunk);
    cancelled = false;
    String s = chunk.strip();
    if (s.startsWith("while True")) {
      looping.countDown();
      while (!cancelled) Thread.onSpinWait();
      return new Outcome(null, "error: <stdin>:1:1: KeyboardInterrupt");
    }
    if (s.equals("exit()")) return new Outcome(null, null, 0);
    if (s.equals("boom")) return new Outcome(null, "error: <stdin>:1:1: name 'boom' is not defined");
    if (s.startsWith("tape(")) {
      out.println("tape of " + s.substring(5, s.length() - 1));
      return Outcome.NOTHING;
    }
    if (s.startsWith("print(")) {
      out.println(value(s.substring(6, s.length() - 1)));
      return Outcome.NOTHING;
    }
    if (s.contains("=") && !s.contains("!=")) {
      String[] parts = s.split("=", 2);
      globals.put(parts[0].strip(), value(parts[1]));
      return Outcome.NOTHING;
    }
    if (s.contains("{")) return Outcome.NOTHING;
    try {
      return new Outcome(Long.toString(value(s)), null);
    } catch (RuntimeException e) {
      return new Outcome(null, "error: <stdin>:1:1: " + e.getMessage());
    }
  }

  private long value(String expr) {
    long sum = 0;
    for (String term : expr.split("\\+")) {
      String t = term.strip();
      if (globals.containsKey(t)) sum += globals.get(t);
      else if (t.matches("-?\\d+")) sum += Long.parseLong(t);
      else throw new IllegalArgumentException("name '" + t + "' is not defined");
    }
    return sum;
  }

  @Override
  public Outcome load(Path file) {
    try {
      for (String line : Files.readAllLines(file)) {
        Outcome o = run(line);
        if (o.failed()) return o;
      }
      return Outcome.NOTHING;
    } catch (IOException e) {
      return new Outcome(null, "error: cannot read " + file);
    }
  }

  @Override
  public boolean isComplete(String chunk) {
    long open = chunk.chars().filter(c -> c == '{' || c == '(').count();
    long close = chunk.chars().filter(c -> c == '}' || c == ')').count();
    return open <= close;
  }

  @Override public void cancel() { cancelled = true; }
  @Override public void reset() { globals.clear(); }
  @Override public List<String> names() { return new ArrayList<>(globals.keySet()); }

  @Override
  public List<BuiltinInfo> builtins() {
    return List.of(
        new BuiltinInfo("tensor", "tensor(data, *, requires_grad=False, dtype=None)", "a tensor from nested lists of numbers"),
        new BuiltinInfo("sum", "sum(input, dim=None, keepdim=False)", "sum of the elements, or along dim"),
        new BuiltinInfo("mnist", "mnist(root, train=True)", "the MNIST digits from IDX files"),
        new BuiltinInfo("load", "load(module, path)", "restore a module's tensors from a file"),
        new BuiltinInfo("print", "print(*values, sep=' ', end='\\n')", "print values"),
        new BuiltinInfo("torch.tensor", "tensor(data, *, requires_grad=False, dtype=None)", "a tensor from nested lists of numbers"));
  }

  @Override
  public List<String> keywordNames(String callee) {
    return List.of();
  }

  @Override
  public List<String> attributes(String dottedName) {
    return globals.containsKey(dottedName) ? List.of("grad", "grad_fn", "shape", "sum", "backward") : List.of();
  }

  @Override
  public List<VarInfo> variables() {
    List<VarInfo> vars = new ArrayList<>();
    globals.forEach((k, v) -> vars.add(new VarInfo(k, "int", "", "", "", Long.toString(v))));
    return vars;
  }
}
