package org.tdsl.api;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.tdsl.interp.FileAccess;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.bind.TdslLibrary;
import org.tdsl.tensor.DrawReplay;

/**
 * One tdsl interpreter for a Java program: its variables, its printed output, its random
 * generator and grad mode, and the limits its host set. A sketch:
 * <pre>{@code
 * try (Session s = Session.builder().output(writer).fileRoot(dataDir).build()) {
 *   s.set("x", Tensors.of(new float[] {1, 2, 3}, 3));
 *   s.eval("y = (x * x).sum()");
 *   double y = s.get("y", Double.class);
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> A session may be used from any thread, by one thread at a time: a call
 * made while another thread is inside the same session fails at once with an
 * IllegalStateException (it is refused, not queued). {@link #cancel()} is the exception: any
 * thread may call it at any time. Sessions share nothing mutable, so separate sessions run
 * in parallel threads freely.
 *
 * <p><b>Sandbox.</b> By default a session opens no file at all; {@link Builder#fileRoot}
 * and {@link Builder#readOnlyRoot} grant directories. {@link Builder#timeLimit} and
 * {@link Builder#maxTensorElements} bound what one call may take. See docs/EMBEDDING.md.
 */
public final class Session implements AutoCloseable {
  static final String CANCELLED = "KeyboardInterrupt";

  private final Interpreter interpreter;
  private final WriterOutput output;
  private final WriterOutput errors;
  private final SessionRuntime runtime;
  private final Duration timeLimit;
  private final String timeoutMessage;
  private final AtomicReference<Thread> owner = new AtomicReference<>();
  private volatile boolean closed;

  private Session(Builder b) {
    output = new WriterOutput(b.output != null ? b.output : new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    interpreter = new Interpreter(TdslLibrary.standard(), new PrintStream(output, true, StandardCharsets.UTF_8));
    errors = new WriterOutput(b.errors != null ? b.errors : new OutputStreamWriter(System.err, StandardCharsets.UTF_8));
    interpreter.host().setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
    interpreter.host().setConsole(false);
    interpreter.host().setFileAccess(b.files());
    runtime = new SessionRuntime(interpreter, b.maxElements, b.seed != null ? b.seed : System.nanoTime());
    if (b.replay != null) runtime.replay(b.replay);
    if (b.argv != null) interpreter.host().setArgv(b.argv);
    timeLimit = b.timeLimit;
    timeoutMessage = timeLimit == null ? null
        : "TimeoutError: the program ran longer than this session's time limit of " + describe(timeLimit);
  }

  /** A session with the defaults: output to System.out, no file access, no limits. */
  public static Session create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ running code

  /** Runs source in the session's global scope; returns the value of a last expression statement, else null. */
  public Object eval(String source) {
    return eval(source, "<eval>");
  }

  /** eval(source), with {@code name} as the file name in errors and tracebacks. */
  public Object eval(String source, String name) {
    return enter(() -> JavaValues.toJava(
        interpreter.runForValue(source, name, interpreter.host().fileAccess().base())));
  }

  /**
   * Runs a script file (the host's choice, so the file roots do not apply to it; they do
   * to what it imports, which is relative to the script's directory).
   */
  public Object eval(Path file) {
    String source;
    try {
      source = Interpreter.readSource(file);
    } catch (TdslError e) {
      throw TdslException.of(e, TdslException.Kind.SYNTAX);
    } catch (IOException e) {
      throw TdslException.of(new TdslError("can't open file '" + file + "': [Errno 2] No such file or directory"),
          TdslException.Kind.RUNTIME);
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    return enter(() -> JavaValues.toJava(interpreter.runForValue(source, file.toString(), dir)));
  }

  /** Calls a tdsl function (or any callable global) with positional arguments converted from Java. */
  public Object call(String function, Object... args) {
    return call(function, java.util.Arrays.asList(args), Map.of());
  }

  /** Calls a tdsl function with positional and keyword arguments. */
  public Object call(String function, List<?> args, Map<String, ?> keywords) {
    return enter(() -> {
      Object callee = lookup(function);
      List<Object> positional = new ArrayList<>();
      for (Object a : args) positional.add(JavaValues.toTdsl(a));
      Map<String, Object> kw = new LinkedHashMap<>();
      keywords.forEach((k, v) -> kw.put(k, JavaValues.toTdsl(v)));
      return JavaValues.toJava(interpreter.call(callee, positional, kw));
    });
  }

  /** thiz.method(args...): for the script engine's invokeMethod. */
  Object callMethod(Object thiz, String method, List<?> args) {
    return enter(() -> {
      Object callee = interpreter.getAttr(JavaValues.toTdsl(thiz), method);
      List<Object> positional = new ArrayList<>();
      for (Object a : args) positional.add(JavaValues.toTdsl(a));
      return JavaValues.toJava(interpreter.call(callee, positional, Map.of()));
    });
  }

  // ------------------------------------------------------------------ variables

  /** Binds a global variable (conversions: docs/EMBEDDING.md); a {@link JavaFunction} becomes a function tdsl can call. */
  public void set(String name, Object value) {
    enterQuietly(() -> {
      interpreter.host().define(name, value instanceof JavaFunction f ? new HostFunction(name, f) : JavaValues.toTdsl(value));
      return null;
    });
  }

  /** A global's value converted to Java; TdslException (NameError) when it is not bound. */
  public Object get(String name) {
    return enterQuietly(() -> JavaValues.toJava(lookup(name)));
  }

  /** A global's value as {@code type}: numbers widen, a one-element tensor gives its number, a tensor gives float[] or long[]. */
  public <T> T get(String name, Class<T> type) {
    Object value = enterQuietly(() -> lookup(name));
    return JavaValues.as(value, type, name, interpreter);
  }

  /** Whether a global is bound. */
  public boolean has(String name) {
    return enterQuietly(() -> interpreter.host().globalNames().contains(name));
  }

  /** Unbinds a global; true if it was bound. */
  public boolean remove(String name) {
    return enterQuietly(() -> interpreter.host().undefine(name));
  }

  /** The names of the session's globals (no builtins). */
  public Set<String> names() {
    return enterQuietly(interpreter.host()::globalNames);
  }

  private Object lookup(String name) {
    if (!interpreter.host().globalNames().contains(name)) {
      throw TdslException.of(new TdslError("NameError: name '" + name + "' is not defined"), TdslException.Kind.RUNTIME);
    }
    return interpreter.host().global(name);
  }

  // ------------------------------------------------------------------ output, cancellation

  /** Where print and the other output go from now on. */
  public void setOutput(Writer out) {
    output.setTarget(out);
  }

  public Writer output() {
    return output.target();
  }

  /** Where warnings go from now on (Python's stderr: {@code UserWarning: ...}). */
  public void setErrorOutput(Writer err) {
    errors.setTarget(err);
  }

  /**
   * Stops the call running now (from any thread): it ends with a TdslException of kind
   * CANCELLED at its next statement, loop iteration or tensor allocation. Does nothing when
   * no call is running.
   */
  public void cancel() {
    if (owner.get() != null) interpreter.host().cancel(CANCELLED);
  }

  /** Cancels a running call and refuses later ones; the session's values become garbage. */
  @Override
  public void close() {
    closed = true;
    cancel();
  }

  /** The interpreter behind the session (the script engine reads its globals). */
  Interpreter interpreter() {
    return interpreter;
  }

  // ------------------------------------------------------------------ entering

  private <T> T enter(Supplier<T> body) {
    return enter(body, true);
  }

  private <T> T enterQuietly(Supplier<T> body) {
    return enter(body, false);
  }

  private <T> T enter(Supplier<T> body, boolean program) {
    Thread me = Thread.currentThread();
    if (closed) throw new IllegalStateException("this tdsl Session is closed");
    if (!owner.compareAndSet(null, me)) {
      Thread other = owner.get();
      throw new IllegalStateException(other == me
          ? "this tdsl Session is already running a call on this thread (a session does not re-enter itself)"
          : "this tdsl Session is in use by thread '" + (other == null ? "?" : other.getName())
              + "'; a session runs one call at a time (use one session per thread)");
    }
    Thread timer = program ? startTimer() : null;
    try (SessionRuntime.Installed installed = runtime.install()) {
      runtime.running(program);
      return body.get();
    } catch (org.tdsl.interp.SystemExit e) {
      // exit() ends the program, never the host's JVM: exit() and exit(0) stop it cleanly
      // (the call returns null), any other status or a message is a failure the host sees
      if (e.status() == 0 && e.message() == null) return null;
      String code = e.message() != null ? e.message() : Integer.toString(e.status());
      throw TdslException.of(new TdslError("SystemExit: " + code), TdslException.Kind.RUNTIME);
    } catch (TdslError e) {
      throw TdslException.of(e, kindOf(e));
    } catch (TdslException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      throw TdslException.of(new TdslError("MemoryError: the Java heap is exhausted"), TdslException.Kind.RUNTIME);
    } catch (RuntimeException | StackOverflowError e) {
      throw TdslException.internal(e);
    } finally {
      runtime.running(false);
      stop(timer);
      interpreter.out().flush();
      errors.flushQuietly();
      owner.set(null);
    }
  }

  private TdslException.Kind kindOf(TdslError e) {
    if (e.isSyntax()) return TdslException.Kind.SYNTAX;
    if (CANCELLED.equals(e.getMessage())) return TdslException.Kind.CANCELLED;
    if (timeoutMessage != null && timeoutMessage.equals(e.getMessage())) return TdslException.Kind.TIMEOUT;
    return TdslException.Kind.RUNTIME;
  }

  private Thread startTimer() {
    if (timeLimit == null) return null;
    long nanos = timeLimit.toNanos();
    return Thread.ofVirtual().name("tdsl-time-limit").start(() -> {
      try {
        Thread.sleep(Duration.ofNanos(nanos));
        interpreter.host().cancel(timeoutMessage);
      } catch (InterruptedException e) {
        // the call finished in time
      }
    });
  }

  private static void stop(Thread timer) {
    if (timer == null) return;
    timer.interrupt();
    boolean interrupted = false;
    while (true) {
      try {
        timer.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }

  private static String describe(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }

  // ------------------------------------------------------------------ building

  /** A session's settings; every one optional. */
  public static final class Builder {
    private Writer output;
    private Writer errors;
    private final List<Path> writable = new ArrayList<>();
    private final List<Path> readOnly = new ArrayList<>();
    private Path workingDirectory;
    private boolean unrestricted;
    private Duration timeLimit;
    private long maxElements = Long.MAX_VALUE;
    private Long seed;
    private DrawReplay replay;
    private List<String> argv;

    private Builder() {}

    /** Where print writes (default: System.out). */
    public Builder output(Writer out) {
      this.output = out;
      return this;
    }

    /** Where warnings go (default: System.err). */
    public Builder errorOutput(Writer err) {
      this.errors = err;
      return this;
    }

    /** Lets programs read and write files under {@code dir} (an existing directory). */
    public Builder fileRoot(Path dir) {
      writable.add(dir);
      return this;
    }

    /** Lets programs read, but not write, files under {@code dir}. */
    public Builder readOnlyRoot(Path dir) {
      readOnly.add(dir);
      return this;
    }

    /** Where relative paths start (default: the first root granted, else the process's directory). */
    public Builder workingDirectory(Path dir) {
      this.workingDirectory = dir;
      return this;
    }

    /** Lets programs open any file, as the command line does: only for code you trust. */
    public Builder unrestrictedFiles() {
      this.unrestricted = true;
      return this;
    }

    /** Stops each call (eval or call) that runs longer than {@code limit}, with a TdslException of kind TIMEOUT. */
    public Builder timeLimit(Duration limit) {
      if (limit.isNegative() || limit.isZero()) throw new IllegalArgumentException("time limit must be positive: " + limit);
      this.timeLimit = limit;
      return this;
    }

    /** Refuses to create any tensor holding more than {@code n} elements. */
    public Builder maxTensorElements(long n) {
      if (n < 1) throw new IllegalArgumentException("element limit must be positive: " + n);
      this.maxElements = n;
      return this;
    }

    /** Seeds the session's random generator (default: from the clock); manual_seed reseeds it. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Answers every random draw from {@code recording} instead of the generator, in order; a
     * draw of another kind or shape than recorded is an error. The recorded draws come from
     * another run of the same program (PyTorch's: src/test/golden/corpus/record_draws.py, read
     * with {@link org.tdsl.io.DrawFile#read}). See docs/CHOICES.md, "Replayed random draws".
     */
    public Builder replayDraws(DrawReplay recording) {
      this.replay = recording;
      return this;
    }

    /** The program's argv (sys.argv: the script's name first, then its arguments). */
    public Builder argv(List<String> argv) {
      this.argv = List.copyOf(argv);
      return this;
    }

    public Session build() {
      return new Session(this);
    }

    FileAccess files() {
      if (unrestricted) return FileAccess.unrestricted();
      Path base = workingDirectory != null ? workingDirectory
          : !writable.isEmpty() ? writable.getFirst()
          : !readOnly.isEmpty() ? readOnly.getFirst()
          : Path.of("").toAbsolutePath();
      return FileAccess.within(base, writable, readOnly);
    }
  }
}
