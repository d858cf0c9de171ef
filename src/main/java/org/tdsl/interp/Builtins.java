package org.tdsl.interp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything an interpreter knows besides the program: the builtins table (names with a
 * signature and one line of help, read by the REPL's :help and completion), the protocols
 * for foreign Java classes, and the exception types that count as user errors.
 *
 * <p>One table per interpreter: start from {@link #standard()}, let other layers add their
 * entries, then hand it to {@code new Interpreter(builtins, out)}. Registering after the
 * interpreter exists works too (the interpreter reads the table on every lookup).
 */
public final class Builtins {
  /** A named value that is not a function (a constant such as {@code float32}, a module). */
  public record Value(String name, String help, Object value) {}

  private final Map<String, Object> entries = new LinkedHashMap<>();
  private final Map<String, String> help = new LinkedHashMap<>();
  private final Map<Class<?>, Protocol<?>> protocols = new LinkedHashMap<>();
  /** Protocol lookups by concrete class, NONE for classes without one; cleared on registration. */
  private final Map<Class<?>, Protocol<?>> resolved = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<Class<? extends Throwable>> userErrors = new HashSet<>();
  /** Python's modules by dotted name ("math", "os.path"): what `import NAME` binds. */
  private final Map<String, Object> modules = new LinkedHashMap<>();

  /** A table holding Python's everyday builtins. */
  public static Builtins standard() {
    Builtins b = new Builtins();
    CoreBuiltins.install(b);
    IntrospectionBuiltins.install(b);
    org.tdsl.interp.pylib.PythonLibrary.install(b);
    return b;
  }

  /** An empty table. */
  public Builtins() {}

  /** Adds (or replaces) a builtin function. The signature's defaults must be literals. */
  public Builtin register(String name, String signature, String help, BuiltinFn impl) {
    Builtin b = new Builtin(name, signature, help, impl);
    entries.put(name, b);
    this.help.put(name, help);
    return b;
  }

  /** Adds (or replaces) a builtin made elsewhere, e.g. one with a signature of its own making. */
  public Builtin registerBuiltin(Builtin b) {
    entries.put(b.name(), b);
    this.help.put(b.name(), b.help());
    return b;
  }

  /** Adds (or replaces) a named value, such as a dtype constant or a namespace object. */
  public void registerValue(String name, String help, Object value) {
    entries.put(name, new Value(name, help, value));
    this.help.put(name, help);
  }

  /**
   * Adds one of Python's modules under its dotted name, for `import NAME` to bind; a
   * top-level one ("math", not "os.path") is a global name too, for programs written before
   * import statements existed and for the REPL.
   */
  public void registerModule(String name, String help, Object module) {
    modules.put(name, module);
    if (!name.contains(".")) registerValue(name, help, module);
  }

  /** The module registered under a dotted name, or null: what `import NAME` binds. */
  public Object module(String name) {
    return modules.get(name);
  }

  /** The dotted names of the registered modules. */
  public Collection<String> moduleNames() {
    return modules.keySet();
  }

  /** How the interpreter handles instances of type (and its subclasses / implementors). */
  public <T> void registerProtocol(Class<T> type, Protocol<? super T> protocol) {
    protocols.put(type, protocol);
    resolved.clear();
  }

  /** Exceptions of this type (or a subtype) thrown by a builtin or protocol are the user's mistakes. */
  public void registerUserError(Class<? extends Throwable> type) {
    userErrors.add(type);
  }

  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** The value bound to a name, or the sentinel {@code missing} when there is none. */
  Object lookup(String name, Object missing) {
    Object e = entries.get(name);
    if (e == null) return missing;
    return e instanceof Value v ? v.value() : e;
  }

  public Collection<String> names() {
    return entries.keySet();
  }

  /** The one-line help of a name, or null. */
  public String help(String name) {
    return help.get(name);
  }

  /** The builtin functions, in registration order. */
  public List<Builtin> functions() {
    List<Builtin> out = new ArrayList<>();
    for (Object e : entries.values()) if (e instanceof Builtin b) out.add(b);
    return out;
  }

  /** The protocol of a foreign value, or null. */
  @SuppressWarnings("unchecked")
  public <T> Protocol<T> protocolFor(Object value) {
    if (value == null || protocols.isEmpty()) return null;
    Protocol<?> cached = resolved.get(value.getClass());
    if (cached == null) {
      cached = resolve(value);
      resolved.put(value.getClass(), cached);
    }
    return cached == NONE ? null : (Protocol<T>) cached;
  }

  private static final Protocol<Object> NONE = new Protocol<>() {};

  private Protocol<?> resolve(Object value) {
    for (Class<?> c = value.getClass(); c != null; c = c.getSuperclass()) {
      Protocol<?> p = protocols.get(c);
      if (p != null) return p;
      for (Class<?> i : c.getInterfaces()) {
        p = protocols.get(i);
        if (p != null) return p;
      }
    }
    for (Map.Entry<Class<?>, Protocol<?>> e : protocols.entrySet()) {
      if (e.getKey().isInstance(value)) return e.getValue();
    }
    return NONE;
  }

  boolean isUserError(Throwable t) {
    for (Class<? extends Throwable> c : userErrors) if (c.isInstance(t)) return true;
    return false;
  }
}
