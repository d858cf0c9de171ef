package org.tdsl.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Help;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyCallable;
import org.tdsl.interp.PyList;
import org.tdsl.interp.SystemExit;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * The console's backend over the tdsl interpreter. Everything it says about names, builtins
 * and attributes it asks the interpreter; the builtins table is read, never copied. Each
 * input runs under a name of its own, {@code <stdin#N>}, so the interpreter keeps every
 * input's text and a traceback into a function typed earlier shows that input's line.
 */
final class InterpreterBackend implements ReplBackend {
  /** A global the backend binds for a moment to repeat a :timeit statement; never seen by the user. */
  private static final String TIMED = "__timeit__";
  /** Strings longer than this show no value in :vars (it is a table, not a printout). */
  private static final int SHORT_STRING = 40;

  private final Function<PrintStream, Interpreter> interpreters;
  private final PrintStream out;
  private final List<Input> history = new CopyOnWriteArrayList<>();
  private volatile Interpreter interpreter;
  private volatile boolean stopRequested;

  InterpreterBackend(Function<PrintStream, Interpreter> interpreters, PrintStream out) {
    this.interpreters = interpreters;
    this.out = out;
    this.interpreter = fresh(out);
  }

  /** An interpreter whose warnings appear on the screen, between the prompts, as Python's do. */
  private Interpreter fresh(PrintStream out) {
    Interpreter i = interpreters.apply(out);
    i.host().setErr(out);
    return i;
  }

  private static Path here() {
    return Path.of("").toAbsolutePath();
  }

  /** Runs one numbered input; {@code text} is what :history shows for it. */
  private Outcome input(String text, java.util.function.Consumer<String> work) {
    int number = history.size() + 1;
    stopRequested = false;
    Outcome outcome = guarded(() -> work.accept("<stdin#" + number + ">"));
    history.add(new Input(number, text, !outcome.failed()));
    return outcome;
  }

  @Override
  public Outcome run(String chunk) {
    return input(chunk, name -> interpreter.runInteractive(chunk, name));
  }

  @Override
  public Outcome tape(String expression) {
    return input(":tape " + expression, name -> {
      Object tensor = interpreter.runForValue(expression, name, here());
      java.util.List<Object> args = new ArrayList<>();
      args.add(tensor);  // null (None) too: tape() then says what it wants
      interpreter.call(interpreter.host().resolve("tape"), args, Map.of());
    });
  }

  @Override
  public Repeated repeatable(String statement) {
    Object[] timed = new Object[1];
    Outcome first = input(":timeit " + statement, name -> {
      interpreter.run(statement, name, here());
      // a function's body is parsed once and runs in a scope of its own, as IPython's %timeit does
      interpreter.run("def " + TIMED + "() {\n  " + statement + "\n}", name.replace("stdin", "timeit"), here());
      timed[0] = interpreter.host().global(TIMED);
      interpreter.host().undefine(TIMED);
    });
    if (first.failed() || first.exitStatus() != null) return new Repeated(first, null);
    return new Repeated(first, times -> guarded(() -> {
      for (long i = 0; i < times; i++) {
        if (stopRequested) throw new TdslError("KeyboardInterrupt");
        interpreter.call(timed[0], List.of(), Map.of());
      }
    }));
  }

  @Override
  public Outcome load(Path file) {
    String source;
    try {
      source = org.tdsl.interp.Interpreter.readSource(file);
    } catch (NoSuchFileException e) {
      return new Outcome(null, "error: can't open file '" + file + "': No such file or directory");
    } catch (IOException e) {
      return new Outcome(null, "error: can't open file '" + file + "': " + e.getMessage());
    }
    // :history shows the file as an absolute path, so that :save can import it from anywhere
    return input(":load " + file.toAbsolutePath().normalize(), name -> interpreter.run(source, file.toString(), file.toAbsolutePath().getParent()));
  }

  private Outcome guarded(Runnable work) {
    try {
      work.run();
      return Outcome.NOTHING;
    } catch (SystemExit e) {
      return new Outcome(null, e.message(), e.status());
    } catch (TdslError e) {
      return new Outcome(null, e.format());
    } catch (RuntimeException | StackOverflowError e) {
      return new Outcome(null, "error: internal error: " + e);
    } finally {
      out.flush();
    }
  }

  @Override
  public boolean isComplete(String chunk) {
    if (Interpreter.isComplete(chunk)) return true;
    // A closing brace may be followed by `else` on the next line, so the parser waits after
    // a block. An empty line says nothing follows, as in Python's REPL: the chunk is done if
    // one more statement would have been accepted after it. Inside an open brace it would
    // not, so blank lines in a pasted function body keep it going.
    int lastLine = chunk.lastIndexOf('\n');
    return lastLine >= 0 && chunk.substring(lastLine + 1).isBlank() && Interpreter.isComplete(chunk + "\n0");
  }

  @Override
  public void cancel() {
    stopRequested = true;
    interpreter.host().cancel();
  }

  @Override
  public void reset() {
    interpreter = fresh(out);
  }

  @Override
  public List<Input> history() {
    return List.copyOf(history);
  }

  @Override
  public List<String> names() {
    Builtins builtins = interpreter.builtins();
    return interpreter.host().names().stream()
        .filter(n -> !builtins.contains(n) || interpreter.host().global(n) != null)
        .toList();
  }

  @Override
  public List<BuiltinInfo> builtins() {
    Builtins table = interpreter.builtins();
    Map<String, Builtin> functions = table.functions().stream()
        .collect(Collectors.toMap(Builtin::name, b -> b, (a, b) -> b));
    List<BuiltinInfo> out = new ArrayList<>();
    for (String name : table.names()) {
      Builtin f = functions.get(name);
      String help = table.help(name);
      out.add(new BuiltinInfo(name, f != null ? f.signature() : name, help == null ? "" : help));
    }
    return out;
  }

  @Override
  public String help(String topic) {
    Chain chain = Chain.parse(topic);
    if (chain == null) return null;
    try {
      return Help.describe(chain.evaluate(interpreter), interpreter);
    } catch (TdslError | IndexOutOfBoundsException | IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public List<String> keywordNames(String callee) {
    return Chain.valueOf(callee, interpreter) instanceof PyCallable f ? f.keywordNames() : List.of();
  }

  @Override
  public List<String> attributes(String path) {
    Set<String> names = new LinkedHashSet<>();
    Object value = Chain.valueOf(path, interpreter);
    if (value != null) names.addAll(interpreter.attributeNames(value));
    String prefix = path + ".";
    for (String n : interpreter.builtins().names()) {
      // aliases registered under dotted names (torch.zeros) complete after their prefix
      if (n.startsWith(prefix) && n.indexOf('.', prefix.length()) < 0) names.add(n.substring(prefix.length()));
    }
    return new ArrayList<>(names);
  }

  @Override
  public List<VarInfo> variables() {
    List<VarInfo> vars = new ArrayList<>();
    for (String name : names()) {
      if (name.equals("argv") || name.equals("_") || name.equals("__name__") || name.equals("__file__")) {
        continue;  // set by the command line, the echo and the interpreter, not by the user
      }
      Object v = interpreter.host().global(name);
      List<String> attributes = v == null ? List.of() : interpreter.attributeNames(v);
      String kind = Values.typeName(v, interpreter);
      if (attributes.containsAll(List.of("shape", "dtype", "requires_grad"))) {
        vars.add(new VarInfo(name, kind, text(() -> shape(v)), text(() -> interpreter.getAttr(v, "dtype")),
            text(() -> interpreter.getAttr(v, "requires_grad")), ""));
      } else {
        vars.add(new VarInfo(name, kind, "", "", "", value(v)));
      }
    }
    return vars;
  }

  private Object shape(Object tensor) {
    return Values.repr(new PyList(Values.toList(interpreter.getAttr(tensor, "shape"), interpreter)), interpreter);
  }

  /** A number's, a bool's, None's or a short string's repr; "" for anything longer to show. */
  private String value(Object v) {
    boolean small = v == null || v instanceof Long || v instanceof Double || v instanceof Boolean
        || v instanceof String s && s.length() <= SHORT_STRING;
    return small ? Values.repr(v, interpreter) : "";
  }

  private String text(Supplier<Object> value) {
    try {
      Object v = value.get();
      return v == null ? "" : Values.str(v, interpreter);
    } catch (TdslError e) {
      return "";
    }
  }
}
