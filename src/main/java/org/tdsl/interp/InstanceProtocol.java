package org.tdsl.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.CmpOp;
import org.tdsl.syntax.UnaryOp;

/**
 * Python's rules for instances of a program's classes: attribute lookup (properties, then the
 * instance's dict, then the class chain with methods bound to the instance, then the library
 * part, then {@code __getattr__}), and every operation the interpreter asks a Protocol for
 * answered by the dunder method of that name ({@code __add__}, {@code __getitem__},
 * {@code __len__}, {@code __iter__}, {@code __repr__}, ...). A dunder the class lacks is
 * UNSUPPORTED, so the interpreter falls back to the other operand or to Python's error.
 */
final class InstanceProtocol implements Protocol<PyObject> {
  static final InstanceProtocol INSTANCE = new InstanceProtocol();

  private InstanceProtocol() {}

  // ---------------------------------------------------------------- helpers

  /** What reading attr (found on the class chain) from self gives: methods bound, properties read. */
  static Object bind(Object attr, Object self) {
    return switch (attr) {
      case Function f -> new PyMethod(self, f);
      case NativeMethod m -> new PyMethod(self, m);
      case PyStaticMethod s -> s.function();
      case PyClassMethod c -> new PyMethod(self instanceof PyObject o ? o.pyClass() : self, c.function());
      case null, default -> attr;
    };
  }

  /** self.name(*args) for a dunder found on the class chain; PyClass.ABSENT when there is none. */
  static Object callDunder(PyObject self, String name, Object... args) {
    Object m = self.pyClass().lookup(name);
    if (m == PyClass.ABSENT || m == null) return PyClass.ABSENT;
    return self.interpreter().callValue(bind(m, self), Arrays.asList(args), Map.of());
  }

  private static Object dunderOrUnsupported(PyObject self, String name, Object... args) {
    Object r = callDunder(self, name, args);
    return r == PyClass.ABSENT ? UNSUPPORTED : r;
  }

  /** Python's default repr: {@code <__main__.Point object at 0x7f...>}. */
  static String defaultRepr(Object self) {
    String type = self instanceof PyObject o ? o.pyClass().module() + "." + o.pyClass().name() : Values.typeName(self);
    return "<" + type + " object at 0x" + String.format("%012x", 0x7f0000000000L + 16L * System.identityHashCode(self)) + ">";
  }

  /** hash(self): the class's __hash__, which must give an int. */
  static long hash(PyObject self) {
    if (!self.pyClass().hashable()) throw new TdslError("unhashable type: '" + self.pyClass().name() + "'");
    Object h = callDunder(self, "__hash__");
    if (h instanceof Long l) return l;
    if (h instanceof Boolean b) return b ? 1 : 0;
    throw new TdslError("__hash__ method should return an integer");
  }

  /** A StopIteration from next() or a __next__ method: the end of an iteration, not an error. */
  static boolean isStopIteration(TdslError e) {
    String m = e.getMessage();
    return m != null && (m.equals("StopIteration") || m.startsWith("StopIteration:"));
  }

  /** An IndexError ending an iteration through __getitem__, as Python's old sequence protocol. */
  private static boolean isIndexError(TdslError e) {
    String m = e.getMessage();
    return m != null && (m.startsWith("IndexError") || m.contains("index out of range") || m.contains("is out of range")
        || m.contains("is out of bounds"));
  }

  /**
   * The order of a and b when either is an instance, as sorted(), min() and max() use it:
   * from {@code <} alone (a.__lt__(b), else b.__gt__(a)), as Python's sort does.
   */
  static int order(Object a, Object b) {
    if (lessThan(a, b)) return -1;
    return lessThan(b, a) ? 1 : 0;
  }

  private static boolean lessThan(Object a, Object b) {
    Object r = a instanceof PyObject o ? INSTANCE.compare(o, CmpOp.LT, b) : UNSUPPORTED;
    if (r == UNSUPPORTED && b instanceof PyObject o) r = INSTANCE.compare(o, CmpOp.GT, a);
    if (r == UNSUPPORTED) {
      throw new TdslError("'<' not supported between instances of '" + Values.typeName(a) + "' and '" + Values.typeName(b) + "'");
    }
    return (a instanceof PyObject o ? o : (PyObject) b).interpreter().truthy(r);
  }

  // ---------------------------------------------------------------- attributes

  @Override
  public String typeName(PyObject self) {
    return self.pyClass().name();
  }

  @Override
  public Object getAttr(PyObject self, String name) {
    return getAttr(self, name, self.interpreter());
  }

  @Override
  public Object getAttr(PyObject self, String name, Interpreter ip) {
    PyClass cls = self.pyClass();
    if (name.equals("__class__")) return cls;
    if (name.equals("__dict__")) {
      PyDict d = new PyDict();
      self.dict().forEach(d::put);
      return d;
    }
    Object found = cls.lookup(name);
    if (found instanceof PyProperty p) return p.get(self, ip);
    Map<String, Object> dict = self.dict();
    Object own = dict.getOrDefault(name, PyClass.ABSENT);
    if (own != PyClass.ABSENT) return own;
    if (found != PyClass.ABSENT) return bind(found, self);
    Object nat = self.getNative(name);
    if (nat != UNSUPPORTED) return nat;
    Protocol<Object> library = ip.builtins().libraryProtocolFor(self);
    if (library != null) {
      Object v = library.getAttr(self, name, ip);
      if (v != UNSUPPORTED) return v;
    }
    Object hook = cls.lookup("__getattr__");
    if (hook != PyClass.ABSENT) return ip.callValue(bind(hook, self), List.of(name), Map.of());
    return UNSUPPORTED;
  }

  @Override
  public boolean setAttr(PyObject self, String name, Object value) {
    Object found = self.pyClass().lookup(name);
    if (found instanceof PyProperty p) {
      p.set(self, value, self.interpreter());
      return true;
    }
    Object hook = self.pyClass().lookup("__setattr__");
    if (hook instanceof NativeMethod || hook == PyClass.ABSENT) self.setNative(name, value);
    else self.interpreter().callValue(bind(hook, self), Arrays.asList(name, value), Map.of());
    return true;
  }

  @Override
  public List<String> attributeNames(PyObject self) {
    Set<String> names = new LinkedHashSet<>(self.dict().keySet());
    for (PyClass c : self.pyClass().mro()) {
      for (String n : c.dict().keySet()) if (!n.startsWith("__")) names.add(n);
    }
    Protocol<Object> library = self.interpreter().builtins().libraryProtocolFor(self);
    if (library != null) names.addAll(library.attributeNames(self));
    return new ArrayList<>(names);
  }

  // ---------------------------------------------------------------- operations

  @Override
  public Object call(PyObject self, Args args) {
    Object m = self.pyClass().lookup("__call__");
    if (m == PyClass.ABSENT || m == null) return UNSUPPORTED;
    return self.interpreter().callValue(bind(m, self), args.positional(), args.keywords());
  }

  private static String dunder(BinOp op) {
    return switch (op) {
      case ADD -> "add";
      case SUB -> "sub";
      case MUL -> "mul";
      case DIV -> "truediv";
      case FLOORDIV -> "floordiv";
      case MOD -> "mod";
      case POW -> "pow";
      case MATMUL -> "matmul";
      case LSHIFT -> "lshift";
      case RSHIFT -> "rshift";
      case AND -> "and";
      case OR -> "or";
      case XOR -> "xor";
    };
  }

  @Override
  public Object binary(PyObject self, BinOp op, Object other, boolean reflected) {
    return dunderOrUnsupported(self, (reflected ? "__r" : "__") + dunder(op) + "__", other);
  }

  @Override
  public Object inplace(PyObject self, BinOp op, Object other) {
    return dunderOrUnsupported(self, "__i" + dunder(op) + "__", other);
  }

  @Override
  public Object unary(PyObject self, UnaryOp op) {
    return switch (op) {
      case NEG -> dunderOrUnsupported(self, "__neg__");
      case POS -> dunderOrUnsupported(self, "__pos__");
      case INVERT -> dunderOrUnsupported(self, "__invert__");
      case NOT -> UNSUPPORTED;
    };
  }

  @Override
  public Object compare(PyObject self, CmpOp op, Object other) {
    String name = switch (op) {
      case EQ -> "__eq__";
      case NE -> "__ne__";
      case LT -> "__lt__";
      case LE -> "__le__";
      case GT -> "__gt__";
      case GE -> "__ge__";
      default -> null;  // membership and identity never reach a protocol
    };
    if (name == null) return UNSUPPORTED;
    if (op == CmpOp.NE && !self.pyClass().programDefines("__ne__") && self.pyClass().programDefines("__eq__")) {
      Object eq = dunderOrUnsupported(self, "__eq__", other);
      return eq == UNSUPPORTED ? eq : !self.interpreter().truthy(eq);
    }
    return dunderOrUnsupported(self, name, other);
  }

  @Override
  public Object contains(PyObject self, Object item) {
    Object r = callDunder(self, "__contains__", item);
    return r == PyClass.ABSENT ? UNSUPPORTED : self.interpreter().truthy(r);
  }

  @Override
  public Object getItem(PyObject self, Object index) {
    return dunderOrUnsupported(self, "__getitem__", index);
  }

  @Override
  public boolean setItem(PyObject self, Object index, Object value) {
    return callDunder(self, "__setitem__", index, value) != PyClass.ABSENT;
  }

  @Override
  public long len(PyObject self) {
    Object n = callDunder(self, "__len__");
    if (n == PyClass.ABSENT) return -1;
    if (n instanceof Boolean b) return b ? 1 : 0;
    if (!(n instanceof Long l)) throw new TdslError("'" + Values.typeName(n) + "' object cannot be interpreted as an integer");
    if (l < 0) throw new TdslError("__len__() should return >= 0");
    return l;
  }

  @Override
  public Boolean truthy(PyObject self) {
    Object b = callDunder(self, "__bool__");
    if (b == PyClass.ABSENT) return len(self) != 0;  // -1 (no __len__) is true, as Python's default
    if (!(b instanceof Boolean v)) throw new TdslError("__bool__ should return bool, returned " + Values.typeName(b));
    return v;
  }

  @Override
  public Iterator<Object> iterate(PyObject self) {
    Interpreter ip = self.interpreter();
    Object iter = callDunder(self, "__iter__");
    if (iter instanceof PyObject it && it.pyClass().lookup("__next__") != PyClass.ABSENT) return nextCalls(it);
    if (iter != PyClass.ABSENT) return Values.iterate(iter, ip);
    if (self.pyClass().lookup("__getitem__") == PyClass.ABSENT) return null;
    return new Prefetch() {
      long i = 0;

      @Override
      Object fetch() {
        try {
          return callDunder(self, "__getitem__", i++);
        } catch (TdslError e) {
          if (isIndexError(e) || isStopIteration(e)) return END;
          throw e;
        }
      }
    };
  }

  /** An iterator calling __next__ until it raises StopIteration. */
  private static Iterator<Object> nextCalls(PyObject it) {
    return new Prefetch() {
      @Override
      Object fetch() {
        try {
          return callDunder(it, "__next__");
        } catch (TdslError e) {
          if (isStopIteration(e)) return END;
          throw e;
        }
      }
    };
  }

  /** A Java iterator over a source that only says it is done after being asked for the next item. */
  private abstract static class Prefetch implements Iterator<Object> {
    static final Object END = new Object();
    private Object next;
    private boolean ready;

    abstract Object fetch();

    @Override
    public boolean hasNext() {
      if (!ready) {
        next = fetch();
        ready = true;
      }
      return next != END;
    }

    @Override
    public Object next() {
      if (!hasNext()) throw new NoSuchElementException();
      ready = false;
      return next;
    }
  }

  @Override
  public String str(PyObject self) {
    return text(self, "__str__");
  }

  @Override
  public String repr(PyObject self) {
    return text(self, "__repr__");
  }

  private static String text(PyObject self, String name) {
    Object s = callDunder(self, name);
    if (s == PyClass.ABSENT) return defaultRepr(self);
    if (!(s instanceof String text)) throw new TdslError(name + " returned non-string (type " + Values.typeName(s) + ")");
    return text;
  }

  @Override
  public String format(PyObject self, String spec) {
    Object s = callDunder(self, "__format__", spec);
    if (s instanceof String text) return text;
    if (s != PyClass.ABSENT) throw new TdslError("__format__ must return a str, not " + Values.typeName(s));
    if (spec.isEmpty()) return str(self);
    throw new TdslError("unsupported format string passed to " + self.pyClass().name() + ".__format__");
  }

  @Override
  public Object enter(PyObject self) {
    Object r = callDunder(self, "__enter__");
    if (r == PyClass.ABSENT) {
      throw new TdslError("'" + self.pyClass().name() + "' object does not support the context manager protocol");
    }
    return r;
  }

  @Override
  public void exit(PyObject self, Throwable error) {
    String message = error == null ? null : error.getMessage();
    Object type = error == null ? null : error instanceof TdslError ? "Exception" : error.getClass().getSimpleName();
    callDunder(self, "__exit__", type, message, null);
  }
}
