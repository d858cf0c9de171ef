package org.tdsl.repl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The {@code :} commands. Each runs code through the console's runner, so Ctrl-C and errors behave as for typed code. */
final class Commands {

  record Command(String name, String usage, String help) {}

  static final List<Command> ALL = List.of(
      new Command(":help", ":help [NAME|TOPIC]", "this overview; NAME: a builtin, a variable, t.sum, F.relu; TOPIC: tensors, nn..."),
      new Command(":vars", ":vars", "the variables: kind, shape, dtype, requires_grad, value"),
      new Command(":history", ":history", "the inputs so far, numbered as in <stdin#N>"),
      new Command(":save", ":save FILE", "write the inputs that ran without error as a script (:save! replaces FILE)"),
      new Command(":load", ":load FILE", "run a file here, keeping its variables"),
      new Command(":tape", ":tape TENSOR", "the operations recorded on the tape that lead to TENSOR"),
      new Command(":time", ":time STATEMENT", "run the statement once and print how long it took"),
      new Command(":timeit", ":timeit STATEMENT", "time the statement over many runs, as IPython's %timeit"),
      new Command(":reset", ":reset", "forget every variable"),
      new Command(":quit", ":quit", "leave the REPL (Ctrl-D and exit() do too)"));

  /** Runs a piece of work with Ctrl-C wired to cancel it, then prints its echo or error. */
  interface Runner {
    ReplBackend.Outcome run(Supplier<ReplBackend.Outcome> work);
  }

  private final ReplBackend backend;
  private final PrintStream out;
  private final Runner runner;
  private final Consumer<String> pager;
  private final int width;
  /** Set when a command's code called exit(): the console leaves with this status. */
  private Integer exitStatus;

  Commands(ReplBackend backend, PrintStream out, Runner runner, Consumer<String> pager, int width) {
    this.backend = backend;
    this.out = out;
    this.runner = runner;
    this.pager = pager;
    this.width = width;
  }

  /** Runs one command line; false when the REPL should end ({@code :quit}, or exit() in its code). */
  boolean execute(String line) {
    String trimmed = line.strip();
    int space = trimmed.indexOf(' ');
    String name = space < 0 ? trimmed : trimmed.substring(0, space);
    String arg = space < 0 ? "" : trimmed.substring(space + 1).strip();
    switch (name) {
      case ":quit", ":q", ":exit" -> { return false; }
      case ":help", ":h" -> help(arg);
      case ":vars" -> vars();
      case ":history" -> history();
      case ":save", ":save!" -> requireArg(":save", arg, () -> save(unquoted(arg), name.endsWith("!")));
      case ":tape" -> requireArg(name, arg, () -> code(() -> backend.tape(arg)));
      case ":load" -> requireArg(name, arg, () -> code(() -> backend.load(Path.of(expandHome(unquoted(arg))))));
      case ":reset" -> { backend.reset(); out.println("(all variables forgotten)"); }
      case ":time" -> requireArg(name, arg, () -> time(arg));
      case ":timeit" -> requireArg(name, arg, () -> timeit(arg));
      default -> out.println("unknown command " + name + " (:help lists the commands)");
    }
    return exitStatus == null;
  }

  /** The exit status the program asked for, once execute returned false because of exit(); else 0. */
  int exitStatus() {
    return exitStatus == null ? 0 : exitStatus;
  }

  private void code(Supplier<ReplBackend.Outcome> work) {
    ReplBackend.Outcome o = runner.run(work);
    if (o.exitStatus() != null) exitStatus = o.exitStatus();
  }

  private void requireArg(String name, String arg, Runnable action) {
    if (arg.isEmpty()) {
      out.println("usage: " + ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().usage());
    } else {
      action.run();
    }
  }

  /** {@code "file.tdsl"} and {@code 'file.tdsl'} name the file between the quotes, as in Python. */
  static String unquoted(String arg) {
    boolean quoted = arg.length() >= 2 && (arg.charAt(0) == '"' || arg.charAt(0) == '\'')
        && arg.charAt(arg.length() - 1) == arg.charAt(0);
    return quoted ? arg.substring(1, arg.length() - 1) : arg;
  }

  private void time(String statement) {
    long start = System.nanoTime();
    code(() -> backend.run(statement));
    out.println("wall time: " + duration(System.nanoTime() - start));
  }

  static String duration(long nanos) {
    if (nanos < 1_000_000L) return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    if (nanos < 1_000_000_000L) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private void timeit(String statement) {
    TimeIt.Result[] result = new TimeIt.Result[1];
    code(() -> {
      ReplBackend.Repeated r = backend.repeatable(statement);
      if (r.again() == null) return r.first();
      TimeIt.Measured m = TimeIt.measure(r.again());
      result[0] = m.result();
      return m.failure() != null ? m.failure() : ReplBackend.Outcome.NOTHING;
    });
    if (result[0] != null) out.println(result[0].format());
  }

  private void help(String topic) {
    List<ReplBackend.BuiltinInfo> builtins = backend.builtins();
    if (topic.isEmpty()) {
      pager.accept(HelpTopics.overview(builtins, width));
      return;
    }
    if (!backend.names().contains(topic)) {  // a variable named like a topic (data) is the variable
      if (topic.equals("all")) {
        pager.accept(HelpTopics.listing(null, builtins));
        return;
      }
      if (HelpTopics.named(topic) != null) {
        pager.accept(HelpTopics.listing(HelpTopics.named(topic), builtins));
        return;
      }
    }
    String text = topic.startsWith(":") ? null : backend.help(topic);
    if (text != null) {
      pager.accept(text);
      return;
    }
    for (Command c : ALL) {  // after the builtins: :help tape is the builtin, :help :tape the command
      if (c.name().equals(topic) || c.name().equals(":" + topic)) {
        out.println(c.usage());
        out.println("  " + c.help());
        return;
      }
    }
    String near = closest(topic, Stream.concat(builtins.stream().map(ReplBackend.BuiltinInfo::name), backend.names().stream()).toList());
    out.println("no builtin or variable named '" + topic + "'" + (near == null ? "" : "; did you mean '" + near + "'?"));
  }

  private static String closest(String name, List<String> candidates) {
    return candidates.stream()
        .filter(n -> distance(n, name) <= Math.max(1, name.length() / 3))
        .min(Comparator.comparingInt(n -> distance(n, name))).orElse(null);
  }

  private static int distance(String a, String b) {
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) row[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      int diagonal = row[0];
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int up = row[j];
        row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1), diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
        diagonal = up;
      }
    }
    return row[b.length()];
  }

  private void vars() {
    List<ReplBackend.VarInfo> vars = backend.variables();
    if (vars.isEmpty()) {
      out.println("(no variables)");
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"name", "kind", "shape", "dtype", "requires_grad", "value"});
    for (var v : vars) rows.add(new String[] {v.name(), v.kind(), v.shape(), v.dtype(), v.requiresGrad(), v.value()});
    int columns = rows.getFirst().length;
    int[] widths = new int[columns];
    for (String[] r : rows) for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], r[i].length());
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < columns; i++) sb.append(i == columns - 1 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
      out.println(sb.toString().stripTrailing());
    }
  }

  private void history() {
    List<ReplBackend.Input> inputs = backend.history();
    if (inputs.isEmpty()) {
      out.println("(no inputs yet)");
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (ReplBackend.Input in : inputs) {
      String[] lines = in.text().stripTrailing().split("\n", -1);
      sb.append(String.format("%4d%s %s%n", in.number(), in.ok() ? " " : "!", lines[0]));
      for (int i = 1; i < lines.length; i++) sb.append("      ").append(lines[i]).append('\n');
    }
    pager.accept(sb.toString().stripTrailing());
  }

  /**
   * The inputs that ran without error, in order, as a script. Commands are not code: a
   * {@code :load} becomes the {@code import} of the same file; the others are left out.
   */
  private void save(String file, boolean replace) {
    Path path = Path.of(expandHome(file));
    if (Files.exists(path) && !replace) {
      out.println("error: " + file + " exists; :save! " + file + " replaces it");
      return;
    }
    StringBuilder script = new StringBuilder();
    int saved = 0;
    for (ReplBackend.Input in : backend.history()) {
      if (!in.ok()) continue;
      if (in.text().startsWith(":load ")) {
        String loaded = in.text().substring(":load ".length());
        script.append("import \"").append(loaded.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
      } else if (!in.text().startsWith(":")) {
        script.append(in.text().stripTrailing()).append('\n');
        saved++;
      }
    }
    try {
      Files.writeString(path, script);
      out.println("saved " + saved + " input" + (saved == 1 ? "" : "s") + " to " + file);
    } catch (IOException e) {
      out.println("error: cannot write " + file + ": " + e.getMessage());
    }
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? Repl.home() + path.substring(1) : path;
  }
}
