package org.tdsl.interp;

import java.util.Iterator;
import java.util.List;
import org.tdsl.syntax.BinOp;
import org.tdsl.syntax.CmpOp;

/** Python's set: unique items in insertion order (hashing and equality as dict keys). */
public final class PySet {
  private final PyDict items = new PyDict();

  public void add(Object item) {
    items.put(item, Boolean.TRUE);
  }

  public boolean contains(Object item) {
    return items.containsKey(item);
  }

  public boolean remove(Object item) {
    if (!items.containsKey(item)) return false;
    items.remove(item);
    return true;
  }

  public int size() {
    return items.size();
  }

  public List<Object> items() {
    return items.keys();
  }

  static PySet of(Iterator<Object> it) {
    PySet s = new PySet();
    while (it.hasNext()) s.add(it.next());
    return s;
  }

  private PySet copy() {
    PySet s = new PySet();
    for (Object o : items()) s.add(o);
    return s;
  }

  /** set | other, &, -, ^ with another set; UNSUPPORTED otherwise. */
  private Object combine(BinOp op, Object other) {
    if (!(other instanceof PySet o)) return Protocol.UNSUPPORTED;
    PySet out = new PySet();
    switch (op) {
      case OR -> {
        for (Object x : items()) out.add(x);
        for (Object x : o.items()) out.add(x);
      }
      case AND -> {
        for (Object x : items()) if (o.contains(x)) out.add(x);
      }
      case SUB -> {
        for (Object x : items()) if (!o.contains(x)) out.add(x);
      }
      case XOR -> {
        for (Object x : items()) if (!o.contains(x)) out.add(x);
        for (Object x : o.items()) if (!contains(x)) out.add(x);
      }
      default -> {
        return Protocol.UNSUPPORTED;
      }
    }
    return out;
  }

  private static Builtin method(String signature, BuiltinFn fn) {
    String name = signature.substring(0, signature.indexOf('('));
    return new Builtin(name, signature, "", fn);
  }

  static final Protocol<PySet> PROTOCOL = new Protocol<>() {
    @Override public String typeName(PySet self) { return "set"; }

    @Override public long len(PySet self) { return self.size(); }

    @Override public Iterator<Object> iterate(PySet self) { return self.items().iterator(); }

    @Override public Boolean truthy(PySet self) { return self.size() > 0; }

    @Override public Object binary(PySet self, BinOp op, Object other, boolean reflected) {
      return reflected ? Protocol.UNSUPPORTED : self.combine(op, other);
    }

    @Override public Object compare(PySet self, CmpOp op, Object other) {
      if (!(other instanceof PySet o)) return op == CmpOp.EQ ? Boolean.FALSE : op == CmpOp.NE ? Boolean.TRUE : UNSUPPORTED;
      boolean sub = true;
      for (Object x : self.items()) if (!o.contains(x)) sub = false;
      boolean equal = sub && self.size() == o.size();
      return switch (op) {
        case EQ -> equal;
        case NE -> !equal;
        case LE -> sub;
        case LT -> sub && !equal;
        case GE -> o.combine(BinOp.SUB, self) instanceof PySet d && d.size() == 0;
        case GT -> o.combine(BinOp.SUB, self) instanceof PySet d && d.size() == 0 && !equal;
        default -> UNSUPPORTED;
      };
    }

    @Override public Object getAttr(PySet self, String name, Interpreter ip) {
      return switch (name) {
        case "add" -> method("add(elem)", a -> {
          self.add(a.get("elem"));
          return null;
        });
        case "discard" -> method("discard(elem)", a -> {
          self.remove(a.get("elem"));
          return null;
        });
        case "remove" -> method("remove(elem)", a -> {
          if (!self.remove(a.get("elem"))) throw new TdslError("KeyError: " + Values.repr(a.get("elem"), a.interpreter()));
          return null;
        });
        case "update" -> method("update(*others)", a -> {
          for (Object o : a.varargs("others").items()) {
            Iterator<Object> it = Values.iterate(o, a.interpreter());
            while (it.hasNext()) self.add(it.next());
          }
          return null;
        });
        case "union" -> method("union(*others)", a -> {
          PySet out = self.copy();
          for (Object o : a.varargs("others").items()) {
            Iterator<Object> it = Values.iterate(o, a.interpreter());
            while (it.hasNext()) out.add(it.next());
          }
          return out;
        });
        case "intersection" -> method("intersection(other)", a ->
            self.combine(BinOp.AND, of(Values.iterate(a.get("other"), a.interpreter()))));
        case "difference" -> method("difference(other)", a ->
            self.combine(BinOp.SUB, of(Values.iterate(a.get("other"), a.interpreter()))));
        case "copy" -> method("copy()", a -> self.copy());
        default -> UNSUPPORTED;
      };
    }

    @Override public List<String> attributeNames(PySet self) {
      return List.of("add", "copy", "difference", "discard", "intersection", "remove", "union", "update");
    }

    @Override public String repr(PySet self) {
      if (self.size() == 0) return "set()";
      StringBuilder sb = new StringBuilder("{");
      for (Object x : self.items()) {
        if (sb.length() > 1) sb.append(", ");
        sb.append(Values.repr(x));
      }
      return sb.append("}").toString();
    }
  };
}
