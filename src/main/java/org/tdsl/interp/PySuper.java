package org.tdsl.interp;

import java.util.List;

/**
 * super(cls, obj): attribute lookup on obj's class chain starting above cls, bound to obj.
 * Inside a method, {@code super()} with no arguments means super(the method's class, its
 * first argument): each call of a method defined in a class body binds the local name
 * {@code super} to a {@link Zero} that knows both (Python does it with a {@code __class__} cell).
 */
public record PySuper(PyClass start, Object self) {
  static PySuper of(Object type, Object self) {
    if (!(type instanceof PyClass cls)) {
      throw new TdslError("super() argument 1 must be a type, not " + Values.typeName(type));
    }
    PyClass own = self instanceof PyObject o ? o.pyClass() : self instanceof PyClass c ? c : null;
    if (own == null || !own.isSubclassOf(cls)) {
      throw new TdslError("super(type, obj): obj must be an instance or subtype of type");
    }
    return new PySuper(cls, self);
  }

  /** The name super names inside a method: super() or super(cls, obj). */
  record Zero(PyClass owner, Object self) implements PyCallable {
    @Override
    public String name() {
      return "super";
    }

    @Override
    public Object call(Args args) {
      List<Object> p = args.positional();
      if (p.isEmpty() && args.keywords().isEmpty()) return of(owner, self);
      if (p.size() == 2 && args.keywords().isEmpty()) return of(p.get(0), p.get(1));
      throw new TdslError("super() takes no arguments or 2 (a class and an instance)");
    }
  }

  static final Protocol<PySuper> PROTOCOL = new Protocol<>() {
    @Override
    public String typeName(PySuper s) {
      return "super";
    }

    @Override
    public Object getAttr(PySuper s, String name, Interpreter ip) {
      PyClass own = s.self instanceof PyObject o ? o.pyClass() : (PyClass) s.self;
      Object found = own.lookupAbove(s.start, name);
      if (found == PyClass.ABSENT) {
        throw new TdslError("'super' object has no attribute '" + name + "'");
      }
      if (found instanceof PyProperty p && s.self instanceof PyObject o) return p.get(o, ip);
      if (s.self instanceof PyClass && !(found instanceof PyClassMethod)) {
        return found instanceof PyStaticMethod st ? st.function() : found;
      }
      return InstanceProtocol.bind(found, s.self);
    }

    @Override
    public String repr(PySuper s) {
      return "<super: <class '" + s.start.name() + "'>, <" + Values.typeName(s.self) + " object>>";
    }
  };
}
