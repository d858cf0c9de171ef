package org.tdsl.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A class: a name, one base (single inheritance; {@code object} has none) and a dict of
 * attributes (methods are the functions in it). A class written in tdsl keeps a mutable
 * dict; a library class ({@code object}, {@code nn.Module}, {@code Dataset}, {@code torch.Tensor})
 * is fixed once built and says which Java values count as its instances, so that
 * {@code isinstance(nn.Linear(2, 2), nn.Module)} holds.
 *
 * <p>Calling a class makes an instance through the factory of its nearest library ancestor
 * (a plain {@link PyInstance} below {@code object}, a Module below {@code nn.Module}) and runs
 * {@code __init__}. A library class that only wraps a Java value ({@code torch.Tensor},
 * {@code nn.Parameter}) has a constructor instead and cannot be subclassed.
 */
public final class PyClass {
  /** Makes the bare instance of a class below a library class; __init__ runs afterwards. */
  public interface Factory {
    PyObject make(PyClass cls, Interpreter interpreter);
  }

  /** What {@link #lookup} returns for a name no class on the chain defines. */
  public static final Object ABSENT = new Object();

  /** Python's {@code object}: every class's last ancestor. */
  public static final PyClass OBJECT = ObjectClass.make();

  private final String name;
  private final String module;
  private final PyClass base;
  private final Map<String, Object> dict;
  private final boolean library;
  private final Predicate<Object> natives;
  private final Factory factory;
  private final PyCallable constructor;

  private PyClass(String name, String module, PyClass base, Map<String, Object> dict, boolean library,
      Predicate<Object> natives, Factory factory, PyCallable constructor) {
    this.name = name;
    this.module = module;
    this.base = base;
    this.dict = dict;
    this.library = library;
    this.natives = natives;
    this.factory = factory;
    this.constructor = constructor;
  }

  /** A class defined by a program (module {@code __main__}). */
  static PyClass user(String name, PyClass base, Map<String, Object> dict) {
    return new PyClass(name, "__main__", base, dict, false, null, null, null);
  }

  /**
   * A library class that programs may subclass: instances of its subclasses come from factory;
   * natives says which Java values (made by the library itself) are its instances too.
   */
  public static PyClass library(String name, String module, PyClass base, Predicate<Object> natives, Factory factory) {
    return new PyClass(name, module, base, new LinkedHashMap<>(), true, natives, factory, null);
  }

  /** A library class that names a kind of Java value; calling it is calling constructor. */
  public static PyClass wrapper(String name, String module, PyClass base, Predicate<Object> natives, PyCallable constructor) {
    return new PyClass(name, module, base, new LinkedHashMap<>(), true, natives, null, constructor);
  }

  /** Adds a Java method to a library class while it is built (signature names self first). */
  public PyClass defineNative(String signature, BuiltinFn impl) {
    Builtin b = new Builtin(name + "." + Signature.parse(signature).name(), signature, "", impl);
    dict.put(Signature.parse(signature).name(), new NativeMethod(b));
    return this;
  }

  /** Adds a class attribute to a library class while it is built (Tensor.sum, ...). */
  public PyClass define(String name, Object value) {
    dict.put(name, value);
    return this;
  }

  /**
   * Whether v stands for this class: the class itself, or, for a library class that type()
   * made, the builtin that constructs its values (type(layer) is nn.Linear).
   */
  boolean sameAs(Object v) {
    return v == this || (constructor != null && v == constructor);
  }

  public String name() {
    return name;
  }

  /** Where the class was defined: {@code __main__} for a program's classes. */
  public String module() {
    return module;
  }

  public PyClass base() {
    return base;
  }

  boolean isLibrary() {
    return library;
  }

  /** The attributes defined on this class itself. */
  Map<String, Object> dict() {
    return dict;
  }

  /** The class and its ancestors, nearest first (Python's {@code __mro__}). */
  public List<PyClass> mro() {
    List<PyClass> out = new ArrayList<>();
    for (PyClass c = this; c != null; c = c.base) out.add(c);
    return out;
  }

  /** name as found on the class or its nearest ancestor defining it, or ABSENT. */
  public Object lookup(String name) {
    for (PyClass c = this; c != null; c = c.base) {
      Object v = c.dict.getOrDefault(name, ABSENT);
      if (v != ABSENT) return v;
    }
    return ABSENT;
  }

  /** lookup starting above after in this class's chain: what super(after, obj).name finds. */
  Object lookupAbove(PyClass after, String name) {
    boolean past = false;
    for (PyClass c = this; c != null; c = c.base) {
      if (past) {
        Object v = c.dict.getOrDefault(name, ABSENT);
        if (v != ABSENT) return v;
      }
      if (c == after) past = true;
    }
    return ABSENT;
  }

  /** Whether a program's class defines name itself or through a program's ancestor (not a library's). */
  boolean programDefines(String name) {
    for (PyClass c = this; c != null && !c.library; c = c.base) if (c.dict.containsKey(name)) return true;
    return false;
  }

  public boolean isSubclassOf(PyClass other) {
    for (PyClass c = this; c != null; c = c.base) if (c == other) return true;
    return false;
  }

  /** isinstance(value, this). */
  public boolean isInstance(Object value) {
    if (this == OBJECT) return true;
    if (value instanceof PyObject o) return o.pyClass().isSubclassOf(this);
    return natives != null && natives.test(value);
  }

  /** The factory of the nearest library ancestor; null when it wraps a Java value instead. */
  Factory factory() {
    for (PyClass c = this; c != null; c = c.base) {
      if (c.library) return c.factory;
    }
    return null;
  }

  PyCallable constructor() {
    return constructor;
  }

  /** Instances may be dict keys unless the class set {@code __hash__ = None} (or defined __eq__ alone). */
  boolean hashable() {
    return lookup("__hash__") != null;
  }

  @Override
  public String toString() {
    return "<class '" + (module.equals("builtins") ? "" : module + ".") + name + "'>";
  }
}
