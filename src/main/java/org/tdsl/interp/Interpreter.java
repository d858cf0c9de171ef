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
import org.tdsl.interp.console.Screen;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.Expr;
import org.tdsl.syntax.Keywords;
import org.tdsl.syntax.Pos;
import org.tdsl.syntax.SourceParser;
import org.tdsl.syntax.Stmt;
import org.tdsl.syntax.SourceText;
import org.tdsl.syntax.SyntaxError;
import org.tdsl.syntax.UnaryOp;

/**
 * The tree-walking evaluator. One instance is one session: its globals, its builtins table,
 * its output stream. No static state; errors come out as {@link TdslError}; any other
 * exception escaping {@code run} is an internal error of tdsl or of a library.
 */
public final class Interpreter {
  static final int MAX_DEPTH = 1000;

  private final Builtins builtins;
  private final PrintStream out;
  private final Environment globals = new Environment(null);
  private final Deque<TdslError.Frame> frames = new ArrayDeque<>();
  private final Map<String, String> sources = new HashMap<>();
  private final Map<String, Path> directories = new HashMap<>();
  private final Set<Path> imported = new HashSet<>();
  private final Host host;
  private final ErrorLocator errors;
  private Pos callSite;
  private final Imports imports = new Imports(this);
  /** The errors being handled by the `except` blocks running now, innermost first (for a bare raise). */
  private final Deque<TdslError> handling = new ArrayDeque<>();

  /** An interpreter with Python's everyday builtins, printing to out. */
  public Interpreter(PrintStream out) {
    this(Builtins.standard(), out);
  }

  public Interpreter(Builtins builtins, PrintStream out) {
    this.builtins = builtins;
    this.out = out;
    this.host = new Host(this, globals, builtins);
    this.errors = new ErrorLocator(builtins, frames);
    globals.define("argv", new PyList());
    globals.define("__name__", "__main__");
  }

  /** The embedding program's handle: global bindings, cancel, warnings, file access, console. */
  public Host host() {
    return host;
  }

  public Builtins builtins() {
    return builtins;
  }

  public PrintStream out() {
    return out;
  }

  /** The text of the line at, when its source is known (for warnings and error carets). */
  String sourceLine(Pos at) {
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
    Pos at = host.statement;
    Path base = host.fileAccess().base();
    return at == null ? base : directories.getOrDefault(at.file(), base);
  }

  /** Whether a chunk of source is finished or needs more lines (REPL continuation). */
  public static boolean isComplete(String source) {
    return SourceParser.isComplete(source);
  }

  /** The indentation a REPL continuation line of source starts with. */
  public static String continuationIndent(String source) {
    return SourceParser.continuationIndent(source);
  }

  /** Parses source without running it; a syntax error comes out as a TdslError. */
  public void check(String source, String file) {
    source = SourceText.lineEnds(source);
    sources.put(file, source);
    try {
      parse(source, file);
    } catch (TdslError e) {
      throw attachSource(e);
    }
  }

  /** Runs a script file; the name in messages is the path as given. */
  public void runFile(Path file) throws IOException {
    String source = readSource(file);
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
    host.clearCancel();
    frames.clear();
    try {
      return callValue(callee, positional, keywords);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      RuntimeException r = errors.at(e, null);
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
    source = SourceText.lineEnds(source);
    sources.put(file, source);
    directories.put(file, dir);
    host.clearCancel();
    frames.clear();
    try {
      List<Stmt> program = echo ? parseCell(source, file) : parse(source, file);
      Object last = null;
      for (Stmt s : program) {
        Screen.clear(out);  // a bar the previous statement left (next(iter(loader))) is over
        last = null;
        if (echo && s instanceof Stmt.ExprStmt e) {
          host.checkCancelled();
          host.statement = s.pos();
          Object v = evaluate(e.expr(), globals);
          if (v != null) {
            out.println(Values.repr(v, this));
            globals.define("_", v);  // Python's REPL keeps the last result shown
          }
        } else if (s instanceof Stmt.ExprStmt e && s == program.getLast()) {
          host.checkCancelled();
          host.statement = s.pos();
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
      throw attachSource(errors.located(new TdslError("'return' outside function"), r.pos));
    } catch (Signal.Break b) {
      throw attachSource(errors.located(new TdslError("'break' outside loop"), b.pos));
    } catch (Signal.Continue c) {
      throw attachSource(errors.located(new TdslError("'continue' not properly in loop"), c.pos));
    } finally {
      Screen.clear(out);  // no bar outlives the run: the REPL's next output and prompt start clean
      out.flush();
    }
  }

  /** Runs an imported module's source in its own globals (Imports). */
  void runModule(String source, String file, Path dir, Environment moduleGlobals) {
    source = SourceText.lineEnds(source);
    sources.put(file, source);
    directories.put(file, dir);
    for (Stmt stmt : parse(source, file)) exec(stmt, moduleGlobals);
  }

  /** The directory imports in file are resolved against. */
  Path directoryOf(String file) {
    return directories.getOrDefault(file, host.fileAccess().base());
  }

  /**
   * A REPL cell's statements. With a syntax error in a later statement, the statements before
   * it still run (as in Python's REPL, which reads a pasted cell one statement at a time) and
   * the error is reported after them.
   */
  private List<Stmt> parseCell(String source, String file) {
    try {
      return parse(source, file);
    } catch (TdslError e) {
      if (e.pos() == null) throw e;
      int start = 1;
      for (int line : SourceParser.statementLines(source)) if (line <= e.pos().line()) start = line;
      if (start <= 1) throw e;
      String[] lines = source.split("\n", -1);
      String before = String.join("\n", java.util.Arrays.asList(lines).subList(0, start - 1));
      List<Stmt> runnable;
      try {
        runnable = parse(before, file);
      } catch (TdslError other) {
        throw e;
      }
      for (Stmt s : runnable) {
        if (s instanceof Stmt.ExprStmt x) {
          host.statement = s.pos();
          Object v = evaluate(x.expr(), globals);
          if (v != null) out.println(Values.repr(v, this));
        } else {
          exec(s, globals);
        }
      }
      throw e;
    }
  }

  /** A program file's text (UTF-8, Python's line ends); a byte that is not UTF-8 is a located syntax error. */
  public static String readSource(Path file) throws IOException {
    try {
      return SourceText.read(file);
    } catch (SyntaxError e) {
      throw new TdslError(e.getMessage(), e.pos(), true, e);
    }
  }

  /** decoded bytes of a program that came as bytes (stdin), as readSource reads a file. */
  public static String decodeSource(byte[] bytes, String file) {
    try {
      return SourceText.decode(bytes, file);
    } catch (SyntaxError e) {
      throw new TdslError(e.getMessage(), e.pos(), true, e);
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

  // ------------------------------------------------------------------ statements

  /** e with the position pos, unless it has one (for errors found outside an evaluation site). */
  TdslError located(TdslError e, Pos pos) {
    return errors.located(e, pos);
  }

  void execBlock(List<Stmt> body, Environment env) {
    for (Stmt s : body) exec(s, env);
  }

  private void exec(Stmt stmt, Environment env) {
    Pos outer = host.statement;
    host.statement = stmt.pos();
    try {
      host.checkCancelled();  // inside the try: a stop between statements names the statement it stopped before
      execute(stmt, env);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      throw errors.at(e, stmt.pos());
    } finally {
      host.statement = outer;  // a return or break leaves the inner statement too: warnings name the caller's line again
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
        boolean broke = false;
        while (truthy(evaluate(s.condition(), env))) {
          host.checkCancelled();
          try {
            execBlock(s.body(), env);
          } catch (Signal.Break b) {
            broke = true;
            break;
          } catch (Signal.Continue c) {
            // next iteration
          }
        }
        if (!broke && s.otherwise() != null) execBlock(s.otherwise(), env);
      }
      case Stmt.For s -> {
        Iterator<Object> it = Values.iterate(evaluate(s.iterable(), env), this);
        boolean broke = false;
        try {
          while (nextOrEnd(it, s.iterable().pos())) {
            host.checkCancelled();
            assign(s.target(), it.next(), env);
            try {
              execBlock(s.body(), env);
            } catch (Signal.Break b) {
              broke = true;
              break;
            } catch (Signal.Continue c) {
              // next iteration
            }
          }
        } finally {
          ClosingIterator.closeIfClosing(it);  // a loop left early must not leave its progress bar on screen
        }
        if (!broke && s.otherwise() != null) execBlock(s.otherwise(), env);
      }
      case Stmt.Def s -> {
        List<Object> decorators = evaluateAll(s.decorators(), env);
        Object f = function(s.name(), s.params(), s.body(), env, s.pos(), s.generator());
        for (int i = decorators.size() - 1; i >= 0; i--) {
          f = callDecorator(decorators.get(i), f, s.decorators().get(i).pos());
        }
        env.assign(s.name(), f);
      }
      case Stmt.ClassDef s -> env.define(s.name(), ClassDefinition.run(s, env, this));
      case Stmt.With s -> with(s, env);
      case Stmt.Import s -> importFile(s);
      case Stmt.ImportModule s -> imports.importModules(s, env);
      case Stmt.FromImport s -> imports.fromImport(s, env);
      case Stmt.Try s -> tryStmt(s, env);
      case Stmt.Raise s -> throw raise(s, env);
      case Stmt.Del s -> {
        for (Expr target : s.targets()) delete(target, env);
      }
      case Stmt.Global s -> s.names().forEach(env::declareGlobal);
      case Stmt.Nonlocal s -> {
        for (String name : s.names()) {
          if (!env.declareNonlocal(name)) throw new TdslError("no binding for nonlocal '" + name + "' found");
        }
      }
      case Stmt.Return s -> throw new Signal.Return(s.value() == null ? null : evaluate(s.value(), env), s.pos());
      case Stmt.Break s -> throw new Signal.Break(s.pos());
      case Stmt.Continue s -> throw new Signal.Continue(s.pos());
      case Stmt.Pass s -> {}
      case Stmt.Assert s -> {
        if (!truthy(evaluate(s.condition(), env))) {
          String message = s.message() == null ? "" : ": " + Values.str(evaluate(s.message(), env), this);
          throw errors.located(new TdslError("AssertionError" + message), s.condition().pos());
        }
      }
    }
  }

  /** A user function (or lambda): parameter defaults evaluated now, in env. */
  private Function function(String name, List<Stmt.Param> declared, List<Stmt> body, Environment env,
      Pos pos, boolean generator) {
    List<Signature.Param> params = new ArrayList<>();
    for (Stmt.Param p : declared) {
      boolean has = p.defaultValue() != null;
      params.add(new Signature.Param(p.name(), p.kind(), has, has ? evaluate(p.defaultValue(), env) : null));
    }
    return new Function(name, new Signature(name, params), body, env, pos, this, generator);
  }

  private Object callDecorator(Object decorator, Object f, Pos pos) {
    Pos saved = callSite;
    callSite = pos;
    try {
      return callValue(decorator, List.of(f), Map.of());
    } catch (TdslError e) {
      throw located(e, pos);
    } finally {
      callSite = saved;
    }
  }

  /** try / except / else / finally: an error is caught as the Python exception class it maps to. */
  private void tryStmt(Stmt.Try s, Environment env) {
    try {
      boolean completed = false;
      try {
        execBlock(s.body(), env);
        completed = true;
      } catch (TdslError e) {
        PyException p = Exceptions.of(e);
        Stmt.Handler handler = null;
        for (Stmt.Handler h : s.handlers()) {
          if (h.type() == null || Exceptions.matches(p, evaluate(h.type(), env), this)) {
            handler = h;
            break;
          }
        }
        if (handler == null) throw e;
        if (handler.name() != null) env.assign(handler.name(), p);
        handling.push(e);
        try {
          execBlock(handler.body(), env);
        } finally {
          handling.pop();
          if (handler.name() != null) env.delete(handler.name());
        }
      }
      if (completed && s.otherwise() != null) execBlock(s.otherwise(), env);
    } finally {
      if (s.finallyBody() != null) execBlock(s.finallyBody(), env);
    }
  }

  /** The error a raise statement throws; a bare raise throws again the one being handled. */
  private TdslError raise(Stmt.Raise s, Environment env) {
    if (s.exception() == null) {
      if (handling.isEmpty()) return new TdslError("RuntimeError: No active exception to reraise");
      return handling.peek();
    }
    Object value = evaluate(s.exception(), env);
    Object cause = s.cause() == null ? null : evaluate(s.cause(), env);
    TdslError e = located(Exceptions.raise(value, this), s.exception().pos());
    if (s.cause() != null && e.exception() instanceof PyException p) p.cause = cause;
    return e;
  }

  private void delete(Expr target, Environment env) {
    switch (target) {
      case Expr.Name n -> {
        if (!env.delete(n.name())) throw located(new TdslError("name '" + n.name() + "' is not defined"), n.pos());
      }
      case Expr.Tuple t -> t.items().forEach(e -> delete(e, env));
      case Expr.ListDisplay l -> l.items().forEach(e -> delete(e, env));
      case Expr.Index i -> {
        Object object = evaluate(i.object(), env);
        Object index = indexValue(i, env);
        try {
          Items.delItem(object, index, this);
        } catch (TdslError e) {
          throw located(e, i.pos());
        }
      }
      case Expr.Member m -> {
        Object object = evaluate(m.object(), env);
        throw located(new TdslError("'" + Values.typeName(object, this) + "' object attribute '" + m.name()
            + "' cannot be deleted"), m.pos());
      }
      default -> throw located(new TdslError("cannot delete expression"), target.pos());
    }
  }

  /** Runs a generator function's body in its generator's thread (see Generator). */
  void runGenerator(Function f, Object[] bound) {
    Environment env = new Environment(f.closure);
    for (int i = 0; i < bound.length; i++) env.define(f.signature.params().get(i).name(), bound[i]);
    try {
      execBlock(f.body, env);
    } catch (Signal.Return r) {
      // a generator's return ends it
    }
  }

  /** it.hasNext() for a comprehension's clause, with errors located at its iterable. */
  boolean hasNextAt(Iterator<Object> it, Pos pos) {
    return nextOrEnd(it, pos);
  }

  /** it.hasNext(), with library errors located at the iterable. */
  private boolean nextOrEnd(Iterator<Object> it, Pos pos) {
    try {
      return it.hasNext();
    } catch (RuntimeException e) {
      throw errors.at(e, pos);
    }
  }

  private void with(Stmt.With s, Environment env) {
    Object context = evaluate(s.context(), env);
    Protocol<Object> p = builtins.protocolFor(context);
    if (p == null) {
      throw errors.located(new TdslError("'" + Values.typeName(context, this)
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
    Path dir = directories.getOrDefault(s.pos().file(), host.fileAccess().base());
    Path path = host.fileAccess().resolve(dir, s.path(), FileAccess.Mode.READ);
    if (!imported.add(path)) return;
    String source;
    try {
      source = readSource(path);
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
    BinOp op = s.op();
    switch (s.target()) {
      case Expr.Name n -> {
        Object old = lookup(n, env);
        env.assign(n.name(), inplace(op, old, evaluate(s.value(), env), s.pos()));
      }
      case Expr.Index i -> {
        Object object = evaluate(i.object(), env);
        Object index = indexValue(i, env);
        Object old = Items.getItem(object, index, this);
        Items.setItem(object, index, inplace(op, old, evaluate(s.value(), env), s.pos()), this);
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
    } catch (RuntimeException e) {
      throw errors.at(e, pos);
    }
  }

  void assign(Expr target, Object value, Environment env) {
    switch (target) {
      case Expr.Name n -> env.assign(n.name(), value);
      case Expr.Tuple t -> unpack(t.items(), value, env, t.pos());
      case Expr.ListDisplay l -> unpack(l.items(), value, env, l.pos());
      case Expr.Index i -> {
        Object object = evaluate(i.object(), env);
        Object index = indexValue(i, env);
        try {
          Items.setItem(object, index, value, this);
        } catch (RuntimeException e) {
          throw errors.at(e, i.pos());
        }
      }
      case Expr.Member m -> {
        Object object = evaluate(m.object(), env);
        try {
          setAttr(object, m.name(), value);
        } catch (RuntimeException e) {
          throw errors.at(e, m.pos());
        }
      }
      default -> throw errors.located(new TdslError("cannot assign to expression"), target.pos());
    }
  }

  private void unpack(List<Expr> targets, Object value, Environment env, Pos pos) {
    List<Object> items;
    try {
      items = value instanceof PyTuple t ? t.items() : Values.toList(value, this);
    } catch (TdslError e) {
      if (e.pos() == null) throw errors.located(new TdslError("cannot unpack non-iterable " + Values.typeName(value, this) + " object"), pos);
      throw e;
    }
    int star = -1;
    for (int i = 0; i < targets.size(); i++) if (targets.get(i) instanceof Expr.Starred) star = i;
    if (star >= 0) {
      int after = targets.size() - star - 1;
      if (items.size() < targets.size() - 1) {
        throw located(new TdslError("not enough values to unpack (expected at least " + (targets.size() - 1)
            + ", got " + items.size() + ")"), pos);
      }
      for (int i = 0; i < star; i++) assign(targets.get(i), items.get(i), env);
      assign(((Expr.Starred) targets.get(star)).value(), new PyList(items.subList(star, items.size() - after)), env);
      for (int i = 0; i < after; i++) assign(targets.get(star + 1 + i), items.get(items.size() - after + i), env);
      return;
    }
    if (items.size() < targets.size()) {
      throw errors.located(new TdslError("not enough values to unpack (expected " + targets.size() + ", got " + items.size() + ")"), pos);
    }
    if (items.size() > targets.size()) {
      throw errors.located(new TdslError("too many values to unpack (expected " + targets.size() + ")"), pos);
    }
    for (int i = 0; i < targets.size(); i++) assign(targets.get(i), items.get(i), env);
  }

  // ------------------------------------------------------------------ expressions

  /** Evaluates e, giving any error without a position the position of e. */
  Object evaluate(Expr e, Environment env) {
    try {
      return eval(e, env);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError ex) {
      throw errors.at(ex, e.pos());
    }
  }

  private Object eval(Expr expr, Environment env) {
    return switch (expr) {
      case Expr.Literal l -> l.value();
      case Expr.EllipsisLiteral l -> Ellipsis.INSTANCE;
      case Expr.Name n -> lookup(n, env);
      case Expr.FString f -> fstring(f, env);
      case Expr.Unary u -> unary(u, env);
      case Expr.Binary b -> binary(b.op(), evaluate(b.left(), env), evaluate(b.right(), env));
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
        yield Items.getItem(object, indexValue(i, env), this);
      }
      case Expr.Slice s -> new Slice(optional(s.lower(), env), optional(s.upper(), env), optional(s.step(), env));
      case Expr.Tuple t -> new PyTuple(evaluateItems(t.items(), env));
      case Expr.ListDisplay l -> new PyList(evaluateItems(l.items(), env));
      case Expr.SetDisplay d -> org.tdsl.interp.pylib.PySet.of(evaluateItems(d.items(), env), false);
      case Expr.DictDisplay d -> {
        PyDict dict = new PyDict();
        for (int i = 0; i < d.keys().size(); i++) {
          if (d.keys().get(i) == null) {
            Object m = evaluate(d.values().get(i), env);
            if (!(m instanceof PyDict other)) {
              throw located(new TdslError("'" + Values.typeName(m, this) + "' object is not a mapping"), d.values().get(i).pos());
            }
            for (Object k : other.keys()) dict.put(k, other.get(k));
          } else {
            dict.put(evaluate(d.keys().get(i), env), evaluate(d.values().get(i), env));
          }
        }
        yield dict;
      }
      case Expr.Comprehension c -> Comprehensions.evaluate(c, env, this);
      case Expr.Lambda l -> function("<lambda>", l.params(), List.of(new Stmt.Return(l.body().pos(), l.body())),
          env, l.pos(), false);
      case Expr.Starred s -> throw new TdslError("can't use starred expression here");
      case Expr.NamedExpr n -> {
        Object v = evaluate(n.value(), env);
        env.assign(n.name(), v);
        yield v;
      }
      case Expr.Yield y -> {
        Object v = y.value() == null ? null : evaluate(y.value(), env);
        if (y.from()) {
          Iterator<Object> it = Values.iterate(v, this);
          while (nextOrEnd(it, y.value().pos())) Generator.yieldValue(it.next());
        } else {
          Generator.yieldValue(v);
        }
        yield null;
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

  /** The items of a display: a starred item adds all of its iterable's. */
  private List<Object> evaluateItems(List<Expr> exprs, Environment env) {
    List<Object> out = new ArrayList<>(exprs.size());
    for (Expr e : exprs) {
      if (e instanceof Expr.Starred s) out.addAll(Values.toList(evaluate(s.value(), env), this));
      else out.add(evaluate(e, env));
    }
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
    known.addAll(Keywords.preferred());
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
        throw errors.located(e, field.expr().pos());
      }
    }
    return sb.toString();
  }

  private Object unary(Expr.Unary u, Environment env) {
    Object v = evaluate(u.operand(), env);
    if (u.op() == UnaryOp.NOT) return !truthy(v);
    if (u.op() == UnaryOp.INVERT && (v instanceof Long || v instanceof Boolean)) {
      return ~(v instanceof Boolean b ? (b ? 1L : 0L) : (Long) v);
    }
    boolean neg = u.op() == UnaryOp.NEG;
    switch (v) {
      case Long l when u.op() != UnaryOp.INVERT -> {
        if (!neg) return l;
        if (l == Long.MIN_VALUE) throw new TdslError("integer overflow: -(" + l + ") does not fit in 64 bits");
        return -l;
      }
      case Double d when u.op() != UnaryOp.INVERT -> {
        return neg ? -d : d;
      }
      case Boolean b when u.op() != UnaryOp.INVERT -> {
        return neg ? (b ? -1L : 0L) : (b ? 1L : 0L);
      }
      case null, default -> {}
    }
    Protocol<Object> p = Values.isForeign(v) ? builtins.protocolFor(v) : null;
    if (p != null) {
      Object r = p.unary(v, u.op());
      if (r != Protocol.UNSUPPORTED) return r;
    }
    throw new TdslError("bad operand type for unary " + u.op().symbol + ": '" + Values.typeName(v, this) + "'");
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
      result = Comparisons.compare(c.ops().get(i), left, right, this);
      if (i + 1 < c.ops().size() && !truthy(result)) return result;
      left = right;
    }
    return result;
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
    f.bindSuper(env, bound);
    Pos site = callSite != null ? callSite : f.pos;
    frames.push(new TdslError.Frame(f.name, site));
    try {
      execBlock(f.body, env);
      return null;
    } catch (Signal.Return r) {
      return r.value;
    } catch (Signal.Break | Signal.Continue s) {
      throw errors.located(new TdslError(s instanceof Signal.Break ? "'break' outside loop" : "'continue' not properly in loop"), s.pos);
    } finally {
      frames.pop();
    }
  }

  // ------------------------------------------------------------------ attributes and items

  /** object.name: methods of builtin types, a Protocol's attributes; Python's AttributeError words. */
  public Object getAttr(Object object, String name) {
    if (object instanceof PyCallable c && name.equals("__name__")) return c.name();
    if (name.equals("__class__") && !(object instanceof PyObject)) return ClassBuiltins.type(object, this);
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

  void setAttr(Object object, String name, Object value) {
    Protocol<Object> p = Values.isForeign(object) ? builtins.protocolFor(object) : null;
    if (p != null && p.setAttr(object, name, value)) return;
    if (p != null) {
      throw new TdslError("'" + Values.typeName(object, this) + "' object has no attribute '" + name + "'"
          + Suggest.didYouMean(name, p.attributeNames(object)));
    }
    throw new TdslError("'" + Values.typeName(object, this) + "' object attribute '" + name + "' is read-only");
  }

}
