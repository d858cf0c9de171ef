package org.tdsl.interp;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tdsl.interp.console.Screen;
import org.tdsl.syntax.Expr;
import org.tdsl.syntax.Pos;
import org.tdsl.syntax.SourceParser;
import org.tdsl.syntax.Stmt;
import org.tdsl.syntax.SyntaxError;

/**
 * The tree-walking evaluator. One instance is one session: its globals, its builtins table,
 * its output stream. No static state; errors come out as {@link TdslError}; any other
 * exception escaping {@code run} is an internal error of tdsl or of a library.
 */
public final class Interpreter {
  static final int MAX_DEPTH = 1000;
  private static final Set<String> KEYWORDS = Set.of("if", "else", "while", "for", "in", "def",
      "return", "break", "continue", "pass", "with", "as", "import", "assert", "and", "or", "not", "is",
      "True", "False", "None");

  private final Builtins builtins;
  private final PrintStream out;
  private final Environment globals = new Environment(null);
  private final Deque<TdslError.Frame> frames = new ArrayDeque<>();
  private final Map<String, String> sources = new HashMap<>();
  private final Map<String, Path> directories = new HashMap<>();
  private final Set<Path> imported = new HashSet<>();
  private volatile boolean cancelled;
  private volatile String interruption = "KeyboardInterrupt";
  private FileAccess files = FileAccess.unrestricted();
  private boolean console = true;
  private Pos callSite;
  /** Where warnings go (Python's stderr); the statement running now, for their file:line. */
  private PrintStream err = System.err;
  private Pos statement;
  private final Set<String> warned = new HashSet<>();

  /** An interpreter with Python's everyday builtins, printing to out. */
  public Interpreter(PrintStream out) {
    this(Builtins.standard(), out);
  }

  public Interpreter(Builtins builtins, PrintStream out) {
    this.builtins = builtins;
    this.out = out;
    globals.define("argv", new PyList());
  }

  public Builtins builtins() {
    return builtins;
  }

  public PrintStream out() {
    return out;
  }

  /** Where warnings are printed: the command's stderr for scripts, the screen in the REPL. */
  public PrintStream err() {
    return err;
  }

  public void setErr(PrintStream err) {
    this.err = err;
  }

  /**
   * Prints a warning as Python's warnings module does by default: once per place,
   * {@code file:line: Category: message}, then the source line when there is one.
   */
  public void warn(String category, String message) {
    Pos at = statement;
    String where = at == null ? "<string>:1" : at.file() + ":" + at.line();
    if (!warned.add(where + category + message)) return;
    err.println(where + ": " + category + ": " + message);
    String line = at == null ? null : sourceLine(at);
    if (line != null && !at.file().startsWith("<stdin")) err.println("  " + line.strip());
    err.flush();
  }

  /** The text of the line at, when its source is known (for warnings and error carets). */
  private String sourceLine(Pos at) {
    String source = sources.get(at.file());
    if (source == null) return null;
    String[] lines = source.split("\r?\n", -1);
    return at.line() >= 1 && at.line() <= lines.length ? lines[at.line() - 1] : null;
  }

  /**
   * The directory of the file whose statement is running (the script's, or an imported
   * file's); for the REPL, -e and stdin, the working directory. Data a script ships beside
   * itself is found from here (mnist()'s default root).
   */
  public Path sourceDirectory() {
    Pos at = statement;
    return at == null ? files.base() : directories.getOrDefault(at.file(), files.base());
  }

  /** Sets the global `argv` (script name first, like sys.argv). */
  public void setArgv(List<String> argv) {
    globals.define("argv", new PyList(argv));
  }

  /** Binds a global name (the embedding API's way to pass values in). */
  public void define(String name, Object value) {
    globals.define(name, value);
  }

  /**
   * The value a name has at top level (a global, else a builtin), or Python's NameError with
   * its "Did you mean"; the REPL reads values this way for :help and completion.
   */
  public Object resolve(String name) {
    Object v = globals.get(name);
    if (v != Environment.MISSING) return v;
    v = builtins.lookup(name, Environment.MISSING);
    if (v != Environment.MISSING) return v;
    throw new TdslError("name '" + name + "' is not defined" + Suggest.didYouMean(name, new ArrayList<>(names())));
  }

  /** A global's value, or null when unbound. */
  public Object global(String name) {
    Object v = globals.get(name);
    return v == Environment.MISSING ? null : v;
  }

  /** Stops the running program at its next statement or loop step (from any thread). */
  public void cancel() {
    cancel("KeyboardInterrupt");
  }

  /** cancel() with the error message the stopped program reports (e.g. a time limit's). */
  public void cancel(String message) {
    interruption = message;
    cancelled = true;
  }

  /** The check every path a program names passes (import, mnist, load, save, ...). */
  public FileAccess fileAccess() {
    return files;
  }

  public void setFileAccess(FileAccess files) {
    this.files = files;
  }

  /** Whether out is the console a person watches: only then may a loop draw a progress bar. */
  public boolean console() {
    return console;
  }

  public void setConsole(boolean console) {
    this.console = console;
  }

  /** The names bound at top level by programs and the host (no builtins). */
  public Set<String> globalNames() {
    return new TreeSet<>(globals.localNames());
  }

  /** Unbinds a global name; true if it was bound. */
  public boolean undefine(String name) {
    return globals.remove(name);
  }

  /** The names visible at top level: globals and builtins, sorted (for completion). */
  public Set<String> names() {
    Set<String> names = new TreeSet<>(globals.localNames());
    names.addAll(builtins.names());
    return names;
  }

  /** Whether a chunk of source is finished or needs more lines (REPL continuation). */
  public static boolean isComplete(String source) {
    return SourceParser.isComplete(source);
  }

  /** Parses source without running it; a syntax error comes out as a TdslError. */
  public void check(String source, String file) {
    sources.put(file, source);
    try {
      parse(source, file);
    } catch (TdslError e) {
      throw attachSource(e);
    }
  }

  /** Runs a script file; the name in messages is the path as given. */
  public void runFile(Path file) throws IOException {
    String source = Files.readString(file);
    run(source, file.toString(), file.toAbsolutePath().getParent());
  }

  /** Runs source text in the global scope; file names it in messages, dir resolves imports. */
  public void run(String source, String file, Path dir) {
    execute(source, file, dir, false);
  }

  /** run(), returning the value of the last statement when it is an expression (else null). */
  public Object runForValue(String source, String file, Path dir) {
    return execute(source, file, dir, false);
  }

  /**
   * Calls a tdsl value (a function, a builtin, a layer) with evaluated arguments from the
   * host, with run()'s error handling: a TdslError with its traceback and source line.
   */
  public Object call(Object callee, List<Object> positional, Map<String, Object> keywords) {
    cancelled = false;
    frames.clear();
    try {
      return callValue(callee, positional, keywords);
    } catch (TdslError e) {
      throw attachSource(e);
    } catch (StackOverflowError e) {
      throw new TdslError("maximum recursion depth exceeded");
    } catch (OutOfMemoryError e) {
      throw outOfMemory();
    } catch (RuntimeException e) {
      RuntimeException r = foreignError(e, null);
      throw r instanceof TdslError t ? attachSource(t) : r;
    } finally {
      out.flush();
    }
  }

  /**
   * Runs a REPL chunk in the global scope and prints the repr of every top-level expression
   * statement's value that is not None, as Python's REPL does.
   */
  public void runInteractive(String source, String name) {
    execute(source, name, Path.of("").toAbsolutePath(), true);
  }

  private Object execute(String source, String file, Path dir, boolean echo) {
    sources.put(file, source);
    directories.put(file, dir);
    cancelled = false;
    frames.clear();
    try {
      List<Stmt> program = parse(source, file);
      Object last = null;
      for (Stmt s : program) {
        Screen.clear(out);  // a bar the previous statement left (next(iter(loader))) is over
        last = null;
        if (echo && s instanceof Stmt.ExprStmt e) {
          checkCancelled();
          statement = s.pos();
          Object v = evaluate(e.expr(), globals);
          if (v != null) {
            out.println(Values.repr(v, this));
            globals.define("_", v);  // Python's REPL keeps the last result shown
          }
        } else if (s instanceof Stmt.ExprStmt e && s == program.getLast()) {
          checkCancelled();
          statement = s.pos();
          last = evaluate(e.expr(), globals);
        } else {
          exec(s, globals);
        }
      }
      return last;
    } catch (TdslError e) {
      attachSource(e);
      throw e;
    } catch (Signal.Return r) {
      throw attachSource(located(new TdslError("'return' outside function"), r.pos));
    } catch (Signal.Break b) {
      throw attachSource(located(new TdslError("'break' outside loop"), b.pos));
    } catch (Signal.Continue c) {
      throw attachSource(located(new TdslError("'continue' not properly in loop"), c.pos));
    } finally {
      Screen.clear(out);  // no bar outlives the run: the REPL's next output and prompt start clean
      out.flush();
    }
  }

  private List<Stmt> parse(String source, String file) {
    try {
      return SourceParser.parse(source, file);
    } catch (SyntaxError e) {
      throw new TdslError(e.getMessage(), e.pos(), true, e);
    }
  }

  private TdslError attachSource(TdslError e) {
    String line = e.pos() == null ? null : sourceLine(e.pos());
    if (line != null) e.sourceLine(line);
    return e;
  }

  private TdslError located(TdslError e, Pos pos) {
    e.locate(pos, List.copyOf(frames));
    return e;
  }

  /** Throws KeyboardInterrupt if cancel() was called; long-running builtins may call it. */
  public void checkCancelled() {
    if (cancelled) {
      cancelled = false;
      throw new TdslError(interruption);
    }
  }

  // ------------------------------------------------------------------ statements

  private void execBlock(List<Stmt> body, Environment env) {
    for (Stmt s : body) exec(s, env);
  }

  private void exec(Stmt stmt, Environment env) {
    Pos outer = statement;
    statement = stmt.pos();
    try {
      checkCancelled();  // inside the try: a stop between statements names the statement it stopped before
      execute(stmt, env);
    } catch (TdslError e) {
      throw located(e, stmt.pos());
    } catch (Signal s) {
      throw s;
    } catch (StackOverflowError e) {
      throw located(new TdslError("maximum recursion depth exceeded"), stmt.pos());
    } catch (OutOfMemoryError e) {
      throw located(outOfMemory(), stmt.pos());
    } catch (RuntimeException e) {
      throw foreignError(e, stmt.pos());
    } finally {
      statement = outer;  // a return or break leaves the inner statement too: warnings name the caller's line again
    }
  }

  private void execute(Stmt stmt, Environment env) {
    switch (stmt) {
      case Stmt.ExprStmt s -> evaluate(s.expr(), env);
      case Stmt.Assign s -> {
        Object value = evaluate(s.value(), env);
        for (Expr target : s.targets()) assign(target, value, env);
      }
      case Stmt.AugAssign s -> augAssign(s, env);
      case Stmt.If s -> {
        for (int i = 0; i < s.conditions().size(); i++) {
          if (truthy(evaluate(s.conditions().get(i), env))) {
            execBlock(s.blocks().get(i), env);
            return;
          }
        }
        if (s.otherwise() != null) execBlock(s.otherwise(), env);
      }
      case Stmt.While s -> {
        while (truthy(evaluate(s.condition(), env))) {
          checkCancelled();
          try {
            execBlock(s.body(), env);
          } catch (Signal.Break b) {
            break;
          } catch (Signal.Continue c) {
            // next iteration
          }
        }
      }
      case Stmt.For s -> {
        Iterator<Object> it = Values.iterate(evaluate(s.iterable(), env), this);
        try {
          while (nextOrEnd(it, s.iterable().pos())) {
            checkCancelled();
            assign(s.target(), it.next(), env);
            try {
              execBlock(s.body(), env);
            } catch (Signal.Break b) {
              break;
            } catch (Signal.Continue c) {
              // next iteration
            }
          }
        } finally {
          ClosingIterator.closeIfClosing(it);  // a loop left early must not leave its progress bar on screen
        }
      }
      case Stmt.Def s -> {
        List<Signature.Param> params = new ArrayList<>();
        for (Stmt.Param p : s.params()) {
          boolean has = p.defaultValue() != null;
          params.add(new Signature.Param(p.name(), p.kind(), has, has ? evaluate(p.defaultValue(), env) : null));
        }
        env.define(s.name(), new Function(s.name(), new Signature(s.name(), params), s.body(), env, s.pos(), this));
      }
      case Stmt.With s -> with(s, env);
      case Stmt.Import s -> importFile(s);
      case Stmt.Return s -> throw new Signal.Return(s.value() == null ? null : evaluate(s.value(), env), s.pos());
      case Stmt.Break s -> throw new Signal.Break(s.pos());
      case Stmt.Continue s -> throw new Signal.Continue(s.pos());
      case Stmt.Pass s -> {}
      case Stmt.Assert s -> {
        if (!truthy(evaluate(s.condition(), env))) {
          String message = s.message() == null ? "" : ": " + Values.str(evaluate(s.message(), env), this);
          throw located(new TdslError("AssertionError" + message), s.condition().pos());
        }
      }
    }
  }

  /** it.hasNext(), with library errors located at the iterable. */
  private boolean nextOrEnd(Iterator<Object> it, Pos pos) {
    try {
      return it.hasNext();
    } catch (TdslError e) {
      throw located(e, pos);
    } catch (RuntimeException e) {
      throw foreignError(e, pos);
    }
  }

  private void with(Stmt.With s, Environment env) {
    Object context = evaluate(s.context(), env);
    Protocol<Object> p = builtins.protocolFor(context);
    if (p == null) {
      throw located(new TdslError("'" + Values.typeName(context, this)
          + "' object does not support the context manager protocol"), s.context().pos());
    }
    Object entered = p.enter(context);
    if (s.target() != null) assign(s.target(), entered, env);
    Throwable failure = null;
    try {
      execBlock(s.body(), env);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      p.exit(context, failure);
    }
  }

  private void importFile(Stmt.Import s) {
    Path dir = directories.getOrDefault(s.pos().file(), files.base());
    Path path = files.resolve(dir, s.path(), FileAccess.Mode.READ);
    if (!imported.add(path)) return;
    String source;
    try {
      source = Files.readString(path);
    } catch (IOException e) {
      imported.remove(path);
      throw new TdslError("cannot import \"" + s.path() + "\": no such file");
    }
    String display = Path.of(s.pos().file()).resolveSibling(s.path()).normalize().toString();
    sources.put(display, source);
    directories.put(display, path.getParent());
    for (Stmt stmt : parse(source, display)) exec(stmt, globals);
  }

  private void augAssign(Stmt.AugAssign s, Environment env) {
    BinOp op = BinOp.of(s.op());
    switch (s.target()) {
      case Expr.Name n -> {
        Object old = lookup(n, env);
        env.define(n.name(), inplace(op, old, evaluate(s.value(), env), s.pos()));
      }
      case Expr.Index i -> {
        Object object = evaluate(i.object(), env);
        Object index = indexValue(i, env);
        Object old = getItem(object, index);
        setItem(object, index, inplace(op, old, evaluate(s.value(), env), s.pos()));
      }
      case Expr.Member m -> {
        Object object = evaluate(m.object(), env);
        Object old = getAttr(object, m.name());
        setAttr(object, m.name(), inplace(op, old, evaluate(s.value(), env), s.pos()));
      }
      default -> throw new TdslError("illegal expression for augmented assignment");
    }
  }

  private Object inplace(BinOp op, Object old, Object value, Pos pos) {
    try {
      if (old instanceof PyList l && op == BinOp.ADD) {
        l.items.addAll(Values.toList(value, this));
        return l;
      }
      Protocol<Object> p = Values.isForeign(old) ? builtins.protocolFor(old) : null;
      if (p != null) {
        Object r = p.inplace(old, op, value);
        if (r != Protocol.UNSUPPORTED) return r;
      }
      return binary(op, old, value);
    } catch (TdslError e) {
      throw located(e, pos);
    } catch (Signal e) {
      throw e;
    } catch (RuntimeException e) {
      throw foreignError(e, pos);
    }
  }

  private void assign(Expr target, Object value, Environment env) {
    switch (target) {
      case Expr.Name n -> env.define(n.name(), value);
      case Expr.Tuple t -> unpack(t.items(), value, env, t.pos());
      case Expr.ListDisplay l -> unpack(l.items(), value, env, l.pos());
      case Expr.Index i -> {
        Object object = evaluate(i.object(), env);
        Object index = indexValue(i, env);
        try {
          setItem(object, index, value);
        } catch (TdslError e) {
          throw located(e, i.pos());
        } catch (RuntimeException e) {
          throw foreignError(e, i.pos());
        }
      }
      case Expr.Member m -> {
        Object object = evaluate(m.object(), env);
        try {
          setAttr(object, m.name(), value);
        } catch (TdslError e) {
          throw located(e, m.pos());
        } catch (RuntimeException e) {
          throw foreignError(e, m.pos());
        }
      }
      default -> throw located(new TdslError("cannot assign to expression"), target.pos());
    }
  }

  private void unpack(List<Expr> targets, Object value, Environment env, Pos pos) {
    List<Object> items;
    try {
      items = value instanceof PyTuple t ? t.items() : Values.toList(value, this);
    } catch (TdslError e) {
      if (e.pos() == null) throw located(new TdslError("cannot unpack non-iterable " + Values.typeName(value, this) + " object"), pos);
      throw e;
    }
    if (items.size() < targets.size()) {
      throw located(new TdslError("not enough values to unpack (expected " + targets.size() + ", got " + items.size() + ")"), pos);
    }
    if (items.size() > targets.size()) {
      throw located(new TdslError("too many values to unpack (expected " + targets.size() + ")"), pos);
    }
    for (int i = 0; i < targets.size(); i++) assign(targets.get(i), items.get(i), env);
  }

  // ------------------------------------------------------------------ expressions

  /** Evaluates e, giving any error without a position the position of e. */
  Object evaluate(Expr e, Environment env) {
    try {
      return eval(e, env);
    } catch (TdslError err) {
      throw located(err, e.pos());
    } catch (Signal s) {
      throw s;
    } catch (StackOverflowError so) {
      throw located(new TdslError("maximum recursion depth exceeded"), e.pos());
    } catch (OutOfMemoryError oom) {
      throw located(outOfMemory(), e.pos());
    } catch (RuntimeException ex) {
      throw foreignError(ex, e.pos());
    }
  }

  /**
   * A full Java heap, in PyTorch's words for a failed CPU allocation, with the way out. The
   * array that did not fit is unreferenced by then, so the session can go on.
   */
  private static TdslError outOfMemory() {
    return new TdslError("DefaultCPUAllocator: can't allocate memory: the Java heap is full"
        + " (give it more with TDSL_JAVA_OPTS=-Xmx<size>, e.g. -Xmx4g)");
  }

  /** A library exception: a user error if its type is registered, else rethrown as internal. */
  private RuntimeException foreignError(RuntimeException e, Pos pos) {
    if (e instanceof TdslError t) return located(t, pos);
    if (e instanceof Signal) return e;
    if (builtins.isUserError(e)) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return located(new TdslError(message, null, false, e), pos);
    }
    return e;
  }

  private Object eval(Expr expr, Environment env) {
    return switch (expr) {
      case Expr.Literal l -> l.value();
      case Expr.EllipsisLiteral l -> Ellipsis.INSTANCE;
      case Expr.Name n -> lookup(n, env);
      case Expr.FString f -> fstring(f, env);
      case Expr.Unary u -> unary(u, env);
      case Expr.Binary b -> binary(BinOp.of(b.op()), evaluate(b.left(), env), evaluate(b.right(), env));
      case Expr.Compare c -> compareChain(c, env);
      case Expr.Logical l -> {
        Object left = evaluate(l.left(), env);
        boolean t = truthy(left);
        yield (l.and() ? !t : t) ? left : evaluate(l.right(), env);
      }
      case Expr.Conditional c -> truthy(evaluate(c.condition(), env)) ? evaluate(c.then(), env) : evaluate(c.otherwise(), env);
      case Expr.Call c -> call(c, env);
      case Expr.Member m -> getAttr(evaluate(m.object(), env), m.name());
      case Expr.Index i -> {
        Object object = evaluate(i.object(), env);
        yield getItem(object, indexValue(i, env));
      }
      case Expr.Slice s -> new Slice(optional(s.lower(), env), optional(s.upper(), env), optional(s.step(), env));
      case Expr.Tuple t -> new PyTuple(evaluateAll(t.items(), env));
      case Expr.ListDisplay l -> new PyList(evaluateAll(l.items(), env));
      case Expr.DictDisplay d -> {
        PyDict dict = new PyDict();
        for (int i = 0; i < d.keys().size(); i++) {
          dict.put(evaluate(d.keys().get(i), env), evaluate(d.values().get(i), env));
        }
        yield dict;
      }
      case Expr.ListComprehension c -> {
        PyList result = new PyList();
        Environment scope = new Environment(env);
        Iterator<Object> it = Values.iterate(evaluate(c.iterable(), env), this);
        while (it.hasNext()) {
          checkCancelled();
          assign(c.target(), it.next(), scope);
          if (c.condition() == null || truthy(evaluate(c.condition(), scope))) {
            result.items.add(evaluate(c.element(), scope));
          }
        }
        yield result;
      }
    };
  }

  private Object optional(Expr e, Environment env) {
    return e == null ? null : evaluate(e, env);
  }

  private List<Object> evaluateAll(List<Expr> exprs, Environment env) {
    List<Object> out = new ArrayList<>(exprs.size());
    for (Expr e : exprs) out.add(evaluate(e, env));
    return out;
  }

  private Object indexValue(Expr.Index i, Environment env) {
    List<Object> items = evaluateAll(i.items(), env);
    return i.tuple() ? new PyTuple(items) : items.getFirst();
  }

  private Object lookup(Expr.Name n, Environment env) {
    Object v = env.get(n.name());
    if (v != Environment.MISSING) return v;
    v = builtins.lookup(n.name(), Environment.MISSING);
    if (v != Environment.MISSING) return v;
    Set<String> known = new HashSet<>(builtins.names());
    env.collectNames(known);
    known.addAll(KEYWORDS);
    throw new TdslError("name '" + n.name() + "' is not defined" + Suggest.didYouMean(n.name(), known));
  }

  private String fstring(Expr.FString f, Environment env) {
    StringBuilder sb = new StringBuilder();
    for (Object part : f.parts()) {
      if (part instanceof String s) {
        sb.append(s);
        continue;
      }
      Expr.Field field = (Expr.Field) part;
      Object v = evaluate(field.expr(), env);
      if (field.conversion() == 'r' || field.conversion() == 'a') v = Values.repr(v, this);
      else if (field.conversion() == 's') v = Values.str(v, this);
      try {
        sb.append(Values.format(v, field.spec(), this));
      } catch (TdslError e) {
        throw located(e, field.expr().pos());
      }
    }
    return sb.toString();
  }

  private Object unary(Expr.Unary u, Environment env) {
    Object v = evaluate(u.operand(), env);
    if (u.op().equals("not")) return !truthy(v);
    boolean neg = u.op().equals("-");
    switch (v) {
      case Long l -> {
        if (!neg) return l;
        if (l == Long.MIN_VALUE) throw new TdslError("integer overflow: -(" + l + ") does not fit in 64 bits");
        return -l;
      }
      case Double d -> {
        return neg ? -d : d;
      }
      case Boolean b -> {
        return neg ? (b ? -1L : 0L) : (b ? 1L : 0L);
      }
      default -> {}
    }
    Protocol<Object> p = Values.isForeign(v) ? builtins.protocolFor(v) : null;
    if (p != null) {
      Object r = p.unary(v, u.op());
      if (r != Protocol.UNSUPPORTED) return r;
    }
    throw new TdslError("bad operand type for unary " + u.op() + ": '" + Values.typeName(v, this) + "'");
  }

  /** a OP b with Python's rules, trying foreign operands' protocols (reflected too). */
  public Object binary(BinOp op, Object a, Object b) {
    if (Values.isForeign(a)) {
      Protocol<Object> p = builtins.protocolFor(a);
      if (p != null) {
        Object r = p.binary(a, op, b, false);
        if (r != Protocol.UNSUPPORTED) return r;
      }
    }
    if (Values.isForeign(b)) {
      Protocol<Object> p = builtins.protocolFor(b);
      if (p != null) {
        Object r = p.binary(b, op, a, true);
        if (r != Protocol.UNSUPPORTED) return r;
      }
    }
    if (op == BinOp.MOD && a instanceof String template) return PercentFormat.format(template, b, this);
    Object r = Ops.binary(op, a, b);
    if (r != Protocol.UNSUPPORTED) return r;
    throw new TdslError(Ops.unsupported(op, a, b, this));
  }

  private Object compareChain(Expr.Compare c, Environment env) {
    Object left = evaluate(c.operands().get(0), env);
    Object result = Boolean.TRUE;
    for (int i = 0; i < c.ops().size(); i++) {
      Object right = evaluate(c.operands().get(i + 1), env);
      result = compare(c.ops().get(i), left, right);
      if (i + 1 < c.ops().size() && !truthy(result)) return result;
      left = right;
    }
    return result;
  }

  private Object compare(String op, Object a, Object b) {
    switch (op) {
      case "in" -> {
        return contains(b, a);
      }
      case "not in" -> {
        return !contains(b, a);
      }
      case "is" -> {
        return identical(a, b);
      }
      case "is not" -> {
        return !identical(a, b);
      }
      default -> {}
    }
    CmpOp cmp = CmpOp.of(op);
    if (Values.isForeign(a)) {
      Protocol<Object> p = builtins.protocolFor(a);
      if (p != null) {
        Object r = p.compare(a, cmp, b);
        if (r != Protocol.UNSUPPORTED) return r;
      }
    }
    if (Values.isForeign(b)) {
      Protocol<Object> p = builtins.protocolFor(b);
      if (p != null) {
        Object r = p.compare(b, cmp.reflected(), a);
        if (r != Protocol.UNSUPPORTED) return r;
      }
    }
    if (cmp == CmpOp.EQ) return Values.equal(a, b);
    if (cmp == CmpOp.NE) return !Values.equal(a, b);
    Integer order = Values.order(a, b);
    if (order == null) {
      boolean nan = Values.isNumber(a) && Values.isNumber(b);
      if (nan) return false;
      throw new TdslError("'" + op + "' not supported between instances of '" + Values.typeName(a, this)
          + "' and '" + Values.typeName(b, this) + "'");
    }
    return switch (cmp) {
      case LT -> order < 0;
      case LE -> order <= 0;
      case GT -> order > 0;
      case GE -> order >= 0;
      default -> throw new IllegalStateException();
    };
  }

  private static boolean identical(Object a, Object b) {
    if (a == b) return true;
    return (a instanceof Long || a instanceof Boolean || a instanceof String) && a.equals(b);
  }

  private boolean contains(Object container, Object item) {
    switch (container) {
      case String s -> {
        if (!(item instanceof String sub)) {
          throw new TdslError("'in <string>' requires string as left operand, not " + Values.typeName(item, this));
        }
        return s.contains(sub);
      }
      case PyDict d -> {
        return d.containsKey(item);
      }
      case PyRange r -> {
        if (!(item instanceof Long l)) return false;
        long n = r.length();
        if (n == 0 || (l - r.start()) % r.step() != 0) return false;
        long i = (l - r.start()) / r.step();
        return i >= 0 && i < n;
      }
      default -> {
        boolean iterable = container instanceof PyList || container instanceof PyTuple
            || container instanceof PyIterator || container instanceof DictView
            || (Values.isForeign(container) && builtins.protocolFor(container) != null);
        if (!iterable) {
          throw new TdslError("argument of type '" + Values.typeName(container, this) + "' is not iterable");
        }
        Iterator<Object> it = Values.iterate(container, this);
        while (it.hasNext()) {
          Object x = it.next();
          if (x == item || truthy(compare("==", x, item))) return true;
        }
        return false;
      }
    }
  }

  public boolean truthy(Object v) {
    return Values.truthy(v, this);
  }

  // ------------------------------------------------------------------ calls

  private Object call(Expr.Call c, Environment env) {
    Object callee = evaluate(c.callee(), env);
    List<Object> positional = new ArrayList<>(c.args().size());
    // Most calls pass no keywords: they share one empty map instead of making their own.
    Map<String, Object> keywords = Map.of();
    for (Expr.Arg a : c.args()) {
      Object v = evaluate(a.value(), env);
      if (keywords.isEmpty() && (a.kind() == Expr.ArgKind.KEYWORD || a.kind() == Expr.ArgKind.DOUBLE_STAR)) {
        keywords = new LinkedHashMap<>();
      }
      switch (a.kind()) {
        case POSITIONAL -> positional.add(v);
        case STAR -> positional.addAll(Values.toList(v, this));
        case KEYWORD -> putKeyword(keywords, a.name(), v, callee);
        case DOUBLE_STAR -> {
          if (!(v instanceof PyDict d)) {
            throw new TdslError("argument after ** must be a mapping, not " + Values.typeName(v, this));
          }
          for (Object k : d.keys()) {
            if (!(k instanceof String s)) throw new TdslError("keywords must be strings");
            putKeyword(keywords, s, d.get(k), callee);
          }
        }
      }
    }
    Pos saved = callSite;
    callSite = c.pos();
    try {
      return callValue(callee, positional, keywords);
    } finally {
      callSite = saved;
    }
  }

  private void putKeyword(Map<String, Object> keywords, String name, Object v, Object callee) {
    if (keywords.containsKey(name)) {
      String fn = callee instanceof PyCallable pc ? pc.name() : Values.typeName(callee, this);
      throw new TdslError(fn + "() got multiple values for keyword argument '" + name + "'");
    }
    keywords.put(name, v);
  }

  /** Calls any callable value with already evaluated arguments. */
  public Object callValue(Object callee, List<Object> positional, Map<String, Object> keywords) {
    Args args = new Args(this, positional, keywords);
    if (callee instanceof PyCallable c) return c.call(args);
    Protocol<Object> p = Values.isForeign(callee) ? builtins.protocolFor(callee) : null;
    if (p != null) {
      Object r = p.call(callee, args);
      if (r != Protocol.UNSUPPORTED) return r;
    }
    throw new TdslError("'" + Values.typeName(callee, this) + "' object is not callable");
  }

  /** Runs a user function's body with its arguments bound (one slot per parameter). */
  Object invoke(Function f, Object[] bound) {
    if (frames.size() >= MAX_DEPTH) throw new TdslError("maximum recursion depth exceeded");
    Environment env = new Environment(f.closure);
    for (int i = 0; i < bound.length; i++) env.define(f.signature.params().get(i).name(), bound[i]);
    Pos site = callSite != null ? callSite : f.pos;
    frames.push(new TdslError.Frame(f.name, site));
    try {
      execBlock(f.body, env);
      return null;
    } catch (Signal.Return r) {
      return r.value;
    } catch (Signal.Break | Signal.Continue s) {
      throw located(new TdslError(s instanceof Signal.Break ? "'break' outside loop" : "'continue' not properly in loop"), s.pos);
    } finally {
      frames.pop();
    }
  }

  // ------------------------------------------------------------------ attributes and items

  /** object.name: methods of builtin types, a Protocol's attributes; Python's AttributeError words. */
  public Object getAttr(Object object, String name) {
    Object m = Methods.get(object, name);
    if (m != null) return m;
    List<String> names = new ArrayList<>(Methods.names(object));
    if (Values.isForeign(object)) {
      Protocol<Object> p = builtins.protocolFor(object);
      if (p != null) {
        Object v = p.getAttr(object, name, this);
        if (v != Protocol.UNSUPPORTED) return v;
        names.addAll(p.attributeNames(object));
      }
    }
    throw new TdslError("'" + Values.typeName(object, this) + "' object has no attribute '" + name + "'"
        + Suggest.didYouMean(name, names));
  }

  /** Attribute names of a value (completion). */
  public List<String> attributeNames(Object object) {
    List<String> names = new ArrayList<>(Methods.names(object));
    Protocol<Object> p = Values.isForeign(object) ? builtins.protocolFor(object) : null;
    if (p != null) names.addAll(p.attributeNames(object));
    return names;
  }

  private void setAttr(Object object, String name, Object value) {
    Protocol<Object> p = Values.isForeign(object) ? builtins.protocolFor(object) : null;
    if (p != null && p.setAttr(object, name, value)) return;
    if (p != null) {
      throw new TdslError("'" + Values.typeName(object, this) + "' object has no attribute '" + name + "'"
          + Suggest.didYouMean(name, p.attributeNames(object)));
    }
    throw new TdslError("'" + Values.typeName(object, this) + "' object attribute '" + name + "' is read-only");
  }

  /** object[index] with Python's rules; index is a Long, Slice, Ellipsis, null, PyTuple or foreign value. */
  public Object getItem(Object object, Object index) {
    return switch (object) {
      case PyList l -> index instanceof Slice s ? new PyList(slice(l.items, s)) : l.items.get(position(index, l.size(), "list"));
      case PyTuple t -> index instanceof Slice s ? new PyTuple(slice(t.items(), s)) : t.get(position(index, t.size(), "tuple"));
      case String str -> {
        List<Object> chars = Values.toList(str, null);
        if (index instanceof Slice s) {
          StringBuilder sb = new StringBuilder();
          for (Object c : slice(chars, s)) sb.append((String) c);
          yield sb.toString();
        }
        yield chars.get(position(index, chars.size(), "string"));
      }
      case PyDict d -> {
        if (!d.containsKey(index)) throw new TdslError("KeyError: " + Values.repr(index, this));
        yield d.get(index);
      }
      case PyRange r -> {
        if (index instanceof Slice s) {
          long[] ix = s.indices(r.length());
          yield new PyRange(r.get(ix[0]), r.get(ix[0]) + ix[3] * r.step() * ix[2], r.step() * ix[2]);
        }
        yield r.get(position(index, (int) r.length(), "range object"));
      }
      default -> {
        Protocol<Object> p = Values.isForeign(object) ? builtins.protocolFor(object) : null;
        Object r = p == null ? Protocol.UNSUPPORTED : p.getItem(object, index);
        if (r == Protocol.UNSUPPORTED) {
          throw new TdslError("'" + Values.typeName(object, this) + "' object is not subscriptable");
        }
        yield r;
      }
    };
  }

  private int position(Object index, int size, String type) {
    if (!(index instanceof Long || index instanceof Boolean)) {
      String what = type.equals("string") ? "string indices must be integers, not '" + Values.typeName(index, this) + "'"
          : type + " indices must be integers or slices, not " + Values.typeName(index, this);
      throw new TdslError(what);
    }
    long i = Values.toIndex(index);
    if (i < 0) i += size;
    if (i < 0 || i >= size) throw new TdslError(type + " index out of range");
    return (int) i;
  }

  private static List<Object> slice(List<Object> items, Slice s) {
    long[] ix = s.indices(items.size());
    List<Object> out = new ArrayList<>();
    for (long k = 0, i = ix[0]; k < ix[3]; k++, i += ix[2]) out.add(items.get((int) i));
    return out;
  }

  private void setItem(Object object, Object index, Object value) {
    switch (object) {
      case PyList l -> {
        if (index instanceof Slice s) {
          long[] ix = s.indices(l.size());
          List<Object> values = Values.toList(value, this);
          if (ix[2] == 1) {
            int stop = (int) Math.max(ix[0], ix[1]);
            l.items.subList((int) ix[0], stop).clear();
            l.items.addAll((int) ix[0], values);
          } else {
            if (values.size() != ix[3]) {
              throw new TdslError("attempt to assign sequence of size " + values.size() + " to extended slice of size " + ix[3]);
            }
            for (int k = 0; k < ix[3]; k++) l.items.set((int) (ix[0] + k * ix[2]), values.get(k));
          }
        } else {
          l.items.set(position(index, l.size(), "list assignment"), value);
        }
      }
      case PyDict d -> d.put(index, value);
      default -> {
        Protocol<Object> p = Values.isForeign(object) ? builtins.protocolFor(object) : null;
        if (p == null || !p.setItem(object, index, value)) {
          throw new TdslError("'" + Values.typeName(object, this) + "' object does not support item assignment");
        }
      }
    }
  }
}
