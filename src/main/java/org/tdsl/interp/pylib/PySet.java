package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tdsl.syntax.BinOp;
import org.tdsl.interp.Builtins;
import org.tdsl.syntax.CmpOp;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * Python's set and frozenset. The members are the keys of a PyDict, so 1, 1.0 and True meet
 * as in Python. Iteration and printing follow insertion order, where CPython follows its hash
 * table (sorted, for small ints): docs/CHOICES.md says why. A set literal {1, 2} is
 * {@link #of}.
 */
public final class PySet {
  private final PyDict members = new PyDict();
  private final boolean frozen;

  private PySet(boolean frozen) {
    this.frozen = frozen;
  }

  /** A set of these items (frozen: a frozenset). */
  public static PySet of(List<Object> items, boolean frozen) {
    PySet s = new PySet(frozen);
    for (Object x : items) s.add(x);
    return s;
  }

  public boolean isFrozen() {
    return frozen;
  }

  public List<Object> items() {
    return members.keys();
  }

  public int size() {
    return members.size();
  }

  public boolean contains(Object x) {
    hashable(x);
    return members.containsKey(x);
  }

  private void add(Object x) {
    hashable(x);
    members.put(x, Boolean.TRUE);
  }

  private static void hashable(Object x) {
    if (x instanceof PySet s && !s.frozen) throw new TdslError("unhashable type: 'set'");
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof PySet s) || s.size() != size()) return false;
    for (Object x : items()) if (!s.contains(x)) return false;
    return true;
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (Object x : items()) h += x == null ? 0 : x instanceof Long l ? Long.hashCode(l) : x.hashCode();
    return h;
  }

  static void install(Builtins b) {
    b.registerProtocol(PySet.class, PROTOCOL);
    b.register("set", "set(iterable=())", "A set of the distinct items: add, remove, union, intersection, in, ...",
        a -> of(Values.toList(a.get("iterable"), a.interpreter()), false));
    b.register("frozenset", "frozenset(iterable=())", "An immutable (hashable) set of the distinct items.",
        a -> of(Values.toList(a.get("iterable"), a.interpreter()), true));
  }

  private PySet with(List<Object> items) {
    return of(items, frozen);
  }

  private static PySet other(Object o, Interpreter ip) {
    return o instanceof PySet s ? s : of(Values.toList(o, ip), true);
  }

  private PySet union(List<Object> others, Interpreter ip) {
    List<Object> all = new ArrayList<>(items());
    for (Object o : others) all.addAll(other(o, ip).items());
    return with(all);
  }

  private PySet intersection(List<Object> others, Interpreter ip) {
    List<Object> keep = new ArrayList<>(items());
    for (Object o : others) {
      PySet s = other(o, ip);
      keep.removeIf(x -> !s.contains(x));
    }
    return with(keep);
  }

  private PySet difference(List<Object> others, Interpreter ip) {
    List<Object> keep = new ArrayList<>(items());
    for (Object o : others) {
      PySet s = other(o, ip);
      keep.removeIf(s::contains);
    }
    return with(keep);
  }

  private PySet symmetricDifference(Object o, Interpreter ip) {
    PySet s = other(o, ip);
    List<Object> out = new ArrayList<>();
    for (Object x : items()) if (!s.contains(x)) out.add(x);
    for (Object x : s.items()) if (!contains(x)) out.add(x);
    return with(out);
  }

  private boolean subsetOf(PySet s) {
    for (Object x : items()) if (!s.contains(x)) return false;
    return true;
  }

  private void replaceWith(PySet s) {
    mutable();
    members.clear();
    for (Object x : s.items()) add(x);
  }

  private void mutable() {
    if (frozen) throw new TdslError("'frozenset' object does not support this operation");
  }

  private static final List<String> SET_ONLY = List.of("add", "remove", "discard", "pop", "clear", "update",
      "intersection_update", "difference_update", "symmetric_difference_update");
  private static final List<String> NAMES = List.of("add", "remove", "discard", "pop", "clear", "copy", "union", "intersection",
      "difference", "symmetric_difference", "update", "intersection_update", "difference_update", "symmetric_difference_update",
      "issubset", "issuperset", "isdisjoint");

  private static final Protocol<PySet> PROTOCOL = new Protocol<>() {
    @Override public String typeName(PySet s) { return s.frozen ? "frozenset" : "set"; }

    @Override public List<String> attributeNames(PySet s) {
      return s.frozen ? NAMES.stream().filter(n -> !SET_ONLY.contains(n)).toList() : NAMES;
    }

    @Override public Object getAttr(PySet s, String name) {
      if (s.frozen && SET_ONLY.contains(name)) return UNSUPPORTED;
      return switch (name) {
        case "add" -> m("add(elem)", "Adds elem.", a -> {
          s.add(a.get("elem"));
          return null;
        });
        case "remove" -> m("remove(elem)", "Removes elem (KeyError when absent).", a -> {
          if (!s.contains(a.get("elem"))) throw new TdslError("KeyError: " + Values.repr(a.get("elem"), a.interpreter()));
          s.members.remove(a.get("elem"));
          return null;
        });
        case "discard" -> m("discard(elem)", "Removes elem if present.", a -> {
          if (s.contains(a.get("elem"))) s.members.remove(a.get("elem"));
          return null;
        });
        case "pop" -> m("pop()", "Removes and returns an element.", a -> {
          if (s.size() == 0) throw new TdslError("KeyError: 'pop from an empty set'");
          Object x = s.items().getFirst();
          s.members.remove(x);
          return x;
        });
        case "clear" -> m("clear()", "Removes every element.", a -> {
          s.members.clear();
          return null;
        });
        case "copy" -> m("copy()", "A shallow copy.", a -> s.with(s.items()));
        case "union" -> m("union(*others)", "The elements in this set or any other (also a | b).", a -> s.union(a.varargs("others").items(), a.interpreter()));
        case "intersection" -> m("intersection(*others)", "The elements in this set and every other (also a & b).",
            a -> s.intersection(a.varargs("others").items(), a.interpreter()));
        case "difference" -> m("difference(*others)", "The elements in this set and no other (also a - b).",
            a -> s.difference(a.varargs("others").items(), a.interpreter()));
        case "symmetric_difference" -> m("symmetric_difference(other)", "The elements in exactly one of the two (also a ^ b).",
            a -> s.symmetricDifference(a.get("other"), a.interpreter()));
        case "update" -> m("update(*others)", "Adds the elements of the others.", a -> {
          s.replaceWith(s.union(a.varargs("others").items(), a.interpreter()));
          return null;
        });
        case "intersection_update" -> m("intersection_update(*others)", "Keeps only the elements in every other.", a -> {
          s.replaceWith(s.intersection(a.varargs("others").items(), a.interpreter()));
          return null;
        });
        case "difference_update" -> m("difference_update(*others)", "Removes the elements of the others.", a -> {
          s.replaceWith(s.difference(a.varargs("others").items(), a.interpreter()));
          return null;
        });
        case "symmetric_difference_update" -> m("symmetric_difference_update(other)", "Keeps the elements in exactly one of the two.", a -> {
          s.replaceWith(s.symmetricDifference(a.get("other"), a.interpreter()));
          return null;
        });
        case "issubset" -> m("issubset(other)", "Whether every element is in other (also a <= b).", a -> s.subsetOf(other(a.get("other"), a.interpreter())));
        case "issuperset" -> m("issuperset(other)", "Whether every element of other is here (also a >= b).",
            a -> other(a.get("other"), a.interpreter()).subsetOf(s));
        case "isdisjoint" -> m("isdisjoint(other)", "Whether no element is in both.",
            a -> s.intersection(List.of(a.get("other")), a.interpreter()).size() == 0);
        default -> UNSUPPORTED;
      };
    }

    private org.tdsl.interp.Builtin m(String sig, String help, org.tdsl.interp.BuiltinFn fn) {
      return ArgumentParser.method(sig, help, fn);
    }

    @Override public long len(PySet s) { return s.size(); }

    @Override public Iterator<Object> iterate(PySet s) {
      List<Object> snapshot = s.items();
      int size = s.size();
      Iterator<Object> it = snapshot.iterator();
      return new Iterator<>() {
        public boolean hasNext() {
          if (s.size() != size) throw new TdslError("Set changed size during iteration");
          return it.hasNext();
        }

        public Object next() {
          return it.next();
        }
      };
    }

    @Override public Boolean truthy(PySet s) { return s.size() > 0; }

    @Override public Object binary(PySet s, BinOp op, Object o, boolean reflected) {
      if (!(o instanceof PySet other)) return UNSUPPORTED;
      PySet left = reflected ? other : s;
      PySet right = reflected ? s : other;
      return switch (op.symbol) {
        case "-" -> left.difference(List.of(right), null);
        case "|" -> left.union(List.of(right), null);
        case "&" -> left.intersection(List.of(right), null);
        case "^" -> left.symmetricDifference(right, null);
        default -> UNSUPPORTED;
      };
    }

    @Override public Object inplace(PySet s, BinOp op, Object o) {
      if (s.frozen || !(o instanceof PySet)) return UNSUPPORTED;
      Object r = binary(s, op, o, false);
      if (r == UNSUPPORTED) return r;
      s.replaceWith((PySet) r);
      return s;
    }

    @Override public Object compare(PySet s, CmpOp op, Object o) {
      if (!(o instanceof PySet other)) {
        return op.symbol.equals("==") ? Boolean.FALSE : op.symbol.equals("!=") ? Boolean.TRUE : UNSUPPORTED;
      }
      return switch (op.symbol) {
        case "==" -> s.equals(other);
        case "!=" -> !s.equals(other);
        case "<=" -> s.subsetOf(other);
        case "<" -> s.subsetOf(other) && s.size() < other.size();
        case ">=" -> other.subsetOf(s);
        case ">" -> other.subsetOf(s) && other.size() < s.size();
        default -> UNSUPPORTED;
      };
    }

    @Override public String repr(PySet s) {
      if (s.size() == 0) return s.frozen ? "frozenset()" : "set()";
      List<String> parts = new ArrayList<>();
      for (Object x : s.items()) parts.add(Values.repr(x));
      String body = "{" + String.join(", ", parts) + "}";
      return s.frozen ? "frozenset(" + body + ")" : body;
    }
  };

  @Override
  public String toString() {
    return PROTOCOL.repr(this);
  }
}
