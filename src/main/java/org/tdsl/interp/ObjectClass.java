package org.tdsl.interp;

/** Python's {@code object}: the methods every class inherits, as {@code super()} finds them. */
final class ObjectClass {
  private ObjectClass() {}

  static PyClass make() {
    PyClass c = PyClass.library("object", "builtins", null, null, PyInstance::new);
    c.defineNative("__init__(self)", a -> null);
    c.defineNative("__repr__(self)", a -> InstanceProtocol.defaultRepr(a.get("self")));
    c.defineNative("__str__(self)", a -> Values.repr(a.get("self"), a.interpreter()));
    c.defineNative("__eq__(self, other)", a -> a.get("self") == a.get("other") ? Boolean.TRUE : Protocol.UNSUPPORTED);
    c.defineNative("__ne__(self, other)", a -> a.get("self") == a.get("other") ? Boolean.FALSE : Protocol.UNSUPPORTED);
    c.defineNative("__hash__(self)", a -> (long) System.identityHashCode(a.get("self")));
    c.defineNative("__setattr__(self, name, value)", a -> {
      if (!(a.get("self") instanceof PyObject o)) {
        throw new TdslError("'" + Values.typeName(a.get("self"), a.interpreter()) + "' object attribute '"
            + a.getString("name") + "' is read-only");
      }
      o.setNative(a.getString("name"), a.get("value"));
      return null;
    });
    return c;
  }
}
