package org.tdsl.repl;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The {@code :} commands. Each runs code through the console's runner, so Ctrl-C and errors behave as for typed code. */
final class Commands {

  record Command(String name, String usage, String help) {}

  static final List<Command> ALL = List.of(
      new Command(":help", ":help [NAME]", "list the commands and builtins, or show one builtin's signature and help"),
      new Command(":vars", ":vars", "show the variables: name, kind, shape, dtype, requires_grad"),
      new Command(":tape", ":tape NAME", "print the operations recorded on the tape that lead to NAME"),
      new Command(":load", ":load FILE", "run a file here, keeping its variables"),
      new Command(":reset", ":reset", "forget every variable"),
      new Command(":time", ":time STATEMENT", "run the statement and print how long it took"),
      new Command(":quit", ":quit", "leave the REPL (Ctrl-D does too)"));

  /** Runs a piece of work with Ctrl-C wired to cancel it, then prints its echo or error. */
  interface Runner {
    ReplBackend.Outcome run(Supplier<ReplBackend.Outcome> work);
  }

  private final ReplBackend backend;
  private final PrintStream out;
  private final Runner runner;

  Commands(ReplBackend backend, PrintStream out, Runner runner) {
    this.backend = backend;
    this.out = out;
    this.runner = runner;
  }

  /** Runs one command line; false when it was {@code :quit}. */
  boolean execute(String line) {
    String trimmed = line.strip();
    int space = trimmed.indexOf(' ');
    String name = space < 0 ? trimmed : trimmed.substring(0, space);
    String arg = space < 0 ? "" : trimmed.substring(space + 1).strip();
    switch (name) {
      case ":quit", ":q", ":exit" -> { return false; }
      case ":help", ":h" -> help(arg);
      case ":vars" -> vars();
      case ":tape" -> requireArg(name, arg, () -> runner.run(() -> backend.run("tape(" + arg + ")")));
      case ":load" -> requireArg(name, arg, () -> runner.run(() -> backend.load(Path.of(expandHome(arg)))));
      case ":reset" -> { backend.reset(); out.println("(all variables forgotten)"); }
      case ":time" -> requireArg(name, arg, () -> time(arg));
      default -> out.println("unknown command " + name + " (:help lists the commands)");
    }
    return true;
  }

  private void requireArg(String name, String arg, Runnable action) {
    if (arg.isEmpty()) {
      out.println("usage: " + ALL.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().usage());
    } else {
      action.run();
    }
  }

  private void time(String statement) {
    long start = System.nanoTime();
    runner.run(() -> backend.run(statement));
    out.println("wall time: " + duration(System.nanoTime() - start));
  }

  static String duration(long nanos) {
    if (nanos < 1_000_000L) return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    if (nanos < 1_000_000_000L) return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }

  private void help(String topic) {
    List<ReplBackend.BuiltinInfo> builtins = backend.builtins();
    if (topic.isEmpty()) {
      out.println("Commands:");
      for (Command c : ALL) out.printf("  %-16s %s%n", c.usage(), c.help());
      out.println();
      out.println("Builtins (:help NAME for one; Tab completes names):");
      for (ReplBackend.BuiltinInfo b : builtins) {
        if (!b.name().contains(".")) out.printf("  %-28s %s%n", b.name(), b.help());
      }
      return;
    }
    String name = topic;
    for (ReplBackend.BuiltinInfo b : builtins) {
      if (b.name().equals(name)) {
        out.println(b.signature());
        out.println("  " + b.help());
        return;
      }
    }
    for (Command c : ALL) {
      if (c.name().equals(name) || c.name().equals(":" + name)) {
        out.println(c.usage());
        out.println("  " + c.help());
        return;
      }
    }
    String near = closest(name, builtins);
    out.println("no builtin named '" + name + "'" + (near == null ? "" : "; did you mean '" + near + "'?"));
  }

  private static String closest(String name, List<ReplBackend.BuiltinInfo> builtins) {
    return builtins.stream().map(ReplBackend.BuiltinInfo::name)
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
    rows.add(new String[] {"name", "kind", "shape", "dtype", "requires_grad"});
    for (var v : vars) rows.add(new String[] {v.name(), v.kind(), v.shape(), v.dtype(), v.requiresGrad()});
    int[] widths = new int[5];
    for (String[] r : rows) for (int i = 0; i < 5; i++) widths[i] = Math.max(widths[i], r[i].length());
    for (String[] r : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 5; i++) sb.append(i == 4 ? r[i] : String.format("%-" + widths[i] + "s  ", r[i]));
      out.println(sb.toString().stripTrailing());
    }
  }

  private static String expandHome(String path) {
    return path.startsWith("~/") ? Repl.home() + path.substring(1) : path;
  }
}
