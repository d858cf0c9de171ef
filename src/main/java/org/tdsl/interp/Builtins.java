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
  private final Map<Class<?>, java.util.function.Function<Object, PyClass>> classes = new LinkedHashMap<>();
  private final Map<String, PyClass> libraryTypes = new java.util.concurrent.ConcurrentHashMap<>();
  /** The modules `import` finds, by dotted name (torch, torch.nn, math, os.path, ...). */
  private final Map<String, Object> modules = new LinkedHashMap<>();

  /** A table holding Python's everyday builtins. */
  public static Builtins standard() {
    Builtins b = new Builtins();
    CoreBuiltins.install(b);
    IntrospectionBuiltins.install(b);
    Exceptions.install(b);
    b.registerProtocol(ScriptModule.class, ScriptModule.PROTOCOL);
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

  /**
   * The library class that type() answers for values of exactly this Java class, chosen per
   * value (a Tensor is a torch.Tensor, or an nn.Parameter when it is one).
   */
  public void registerClass(Class<?> javaType, java.util.function.Function<Object, PyClass> classOf) {
    classes.put(javaType, classOf);
  }

  /**
   * The class that type() gives a library value with no registered class: one per qualified
   * name, so that type(a) == type(b) for two Linear layers.
   */
  PyClass libraryType(String qualified, java.util.function.Supplier<PyClass> make) {
    return libraryTypes.computeIfAbsent(qualified, q -> make.get());
  }

  PyClass classOf(Object value) {
    var f = value == null ? null : classes.get(value.getClass());
    return f == null ? null : f.apply(value);
  }

  /** Exceptions of this type (or a subtype) thrown by a builtin or protocol are the user's mistakes. */
  public void registerUserError(Class<? extends Throwable> type) {
    userErrors.add(type);
  }

  /**
   * Makes `import name` (and `from name import x`) find value, a module-like object whose
   * attributes are the module's names. Dotted names are registered one by one.
   */
  public void registerModule(String name, Object value) {
    modules.put(name, value);
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

  /** The value bound to a name (a function, a module, a constant), or null. */
  public Object get(String name) {
    return lookup(name, null);
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

  /**
   * The protocol the interpreter uses for a value: the object model's own for instances of a
   * program's classes, classes, super objects and method wrappers (whatever Java class an
   * instance also is), else the one registered for its Java class.
   */
  @SuppressWarnings("unchecked")
  public <T> Protocol<T> protocolFor(Object value) {
    Protocol<?> own = objectModel(value);
    return own != null ? (Protocol<T>) own : libraryProtocolFor(value);
  }

  private static Protocol<?> objectModel(Object value) {
    return switch (value) {
      case PyObject o -> InstanceProtocol.INSTANCE;
      case PyClass c -> ClassProtocol.INSTANCE;
      case PySuper s -> PySuper.PROTOCOL;
      case PyProperty p -> PyProperty.PROTOCOL;
      case PyClassMethod c -> PyClassMethod.PROTOCOL;
      case null, default -> null;
    };
  }

  /**
   * The protocol registered for value's Java class, ignoring the object model: what an
   * instance of a subclass of nn.Module answers for the attributes its class does not define.
   */
  @SuppressWarnings("unchecked")
  <T> Protocol<T> libraryProtocolFor(Object value) {
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
