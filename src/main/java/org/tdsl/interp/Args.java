package org.tdsl.interp;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one call. Raw (as written at the call site) until bound to a Signature;
 * a Builtin's implementation always receives bound Args and reads parameters by name.
 */
public final class Args {
  private final Interpreter interpreter;
  private final List<Object> positional;
  private final Map<String, Object> keywords;
  private final Signature signature;
  private final Object[] bound;

  Args(Interpreter interpreter, List<Object> positional, Map<String, Object> keywords) {
    this(interpreter, positional, keywords, null, null);
  }

  private Args(Interpreter interpreter, List<Object> positional, Map<String, Object> keywords,
      Signature signature, Object[] bound) {
    this.interpreter = interpreter;
    this.positional = positional;
    this.keywords = keywords;
    this.signature = signature;
    this.bound = bound;
  }

  /** Binds these raw arguments to a signature (Python's errors when they do not fit). */
  public Args bind(Signature sig) {
    return new Args(interpreter, positional, keywords, sig, sig.bind(positional, keywords));
  }

  /** Prepends a receiver (bound methods). */
  public Args withSelf(Object self) {
    List<Object> all = new java.util.ArrayList<>();
    all.add(self);
    all.addAll(positional);
    return new Args(interpreter, all, keywords);
  }

  /** These bound Args with one parameter's value replaced (an alias such as keepdims= filling keepdim). */
  public Args with(String name, Object value) {
    if (signature == null) throw new IllegalStateException("Args not bound");
    Object[] copy = bound.clone();
    for (int i = 0; i < signature.params().size(); i++) {
      if (signature.params().get(i).name().equals(name)) copy[i] = value;
    }
    return new Args(interpreter, positional, keywords, signature, copy);
  }

  public List<Object> positional() {
    return positional;
  }

  public Map<String, Object> keywords() {
    return keywords;
  }

  public Interpreter interpreter() {
    return interpreter;
  }

  /** Where print writes. */
  public PrintStream out() {
    return interpreter.out();
  }

  /** The bound value of a parameter (a PyTuple for *args, a PyDict for **kwargs). */
  public Object get(String name) {
    if (signature == null) throw new IllegalStateException("Args not bound");
    for (int i = 0; i < signature.params().size(); i++) {
      if (signature.params().get(i).name().equals(name)) return bound[i];
    }
    throw new IllegalArgumentException("no parameter " + name + " in " + signature.name());
  }

  public long getLong(String name) {
    Object v = get(name);
    if (v instanceof Long l) return l;
    if (v instanceof Boolean b) return b ? 1 : 0;
    throw new TdslError("'" + Values.typeName(v) + "' object cannot be interpreted as an integer");
  }

  public double getDouble(String name) {
    Object v = get(name);
    if (v instanceof Double || v instanceof Long || v instanceof Boolean) return Values.toDouble(v);
    throw new TdslError("must be real number, not " + Values.typeName(v));
  }

  public boolean getBool(String name) {
    return Values.truthy(get(name), interpreter);
  }

  public String getString(String name) {
    Object v = get(name);
    if (v instanceof String s) return s;
    throw new TdslError(name + " must be str, not " + Values.typeName(v, interpreter));
  }

  /** A str parameter that may be None. */
  public String getOptionalString(String name) {
    return get(name) == null ? null : getString(name);
  }

  public PyTuple varargs(String name) {
    return (PyTuple) get(name);
  }

  /** Calls a tdsl value (a function passed as key=, say) with positional arguments. */
  public Object call(Object function, Object... args) {
    return interpreter.callValue(function, java.util.Arrays.asList(args), Map.of());
  }
}
