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
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.PyCallable;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * The console's backend over the tdsl interpreter. Everything it says about names, builtins
 * and attributes it asks the interpreter; the builtins table is read, never copied.
 */
final class InterpreterBackend implements ReplBackend {
  static final String SOURCE_NAME = "<stdin>";
  /** A global the backend binds to read a dotted name's value; hidden from the user. */
  private static final String PROBE = "__repl_probe__";

  private final Function<PrintStream, Interpreter> interpreters;
  private final PrintStream out;
  private volatile Interpreter interpreter;

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

  @Override
  public Outcome run(String chunk) {
    return guarded(() -> interpreter.runInteractive(chunk, SOURCE_NAME));
  }

  @Override
  public Outcome load(Path file) {
    String source;
    try {
      source = Files.readString(file);
    } catch (NoSuchFileException e) {
      return new Outcome(null, "error: can't open file '" + file + "': No such file or directory");
    } catch (IOException e) {
      return new Outcome(null, "error: can't open file '" + file + "': " + e.getMessage());
    }
    return guarded(() -> interpreter.run(source, file.toString(), file.toAbsolutePath().getParent()));
  }

  private Outcome guarded(Runnable work) {
    try {
      work.run();
      return Outcome.NOTHING;
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
    interpreter.host().cancel();
  }

  @Override
  public void reset() {
    interpreter = fresh(out);
  }

  @Override
  public List<String> names() {
    Builtins builtins = interpreter.builtins();
    return interpreter.host().names().stream()
        .filter(n -> !n.equals(PROBE) && (!builtins.contains(n) || interpreter.host().global(n) != null))
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
  public List<String> keywordNames(String callee) {
    return probe(callee) instanceof PyCallable f ? f.keywordNames() : List.of();
  }

  @Override
  public List<String> attributes(String dottedName) {
    Set<String> names = new LinkedHashSet<>();
    Object value = probe(dottedName);
    if (value != null) names.addAll(interpreter.attributeNames(value));
    String prefix = dottedName + ".";
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
      if (name.equals("argv") || name.equals("__name__")) continue;  // set by the command line and the interpreter, not by the user
      Object v = interpreter.host().global(name);
      List<String> attributes = v == null ? List.of() : interpreter.attributeNames(v);
      if (attributes.containsAll(List.of("shape", "dtype", "requires_grad"))) {
        vars.add(new VarInfo(name, Values.typeName(v), text(() -> probe("list(" + name + ".shape)")),
            text(() -> probe(name + ".dtype")), text(() -> probe(name + ".requires_grad"))));
      } else {
        vars.add(new VarInfo(name, Values.typeName(v), "", "", ""));
      }
    }
    return vars;
  }

  private static String text(Supplier<Object> value) {
    Object v = value.get();
    return v == null ? "" : Values.str(v);
  }

  /**
   * The value of a side-effect-free expression (a dotted name), or null when it has none.
   * The interpreter offers no public attribute lookup, so the value is bound to a hidden
   * global and read back.
   */
  private Object probe(String expression) {
    try {
      interpreter.run(PROBE + " = " + expression, "<completion>", Path.of("").toAbsolutePath());
      return interpreter.host().global(PROBE);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
