package org.tdsl.interp;

import java.util.List;

/**
 * The builtins of the object model: object, type, isinstance, issubclass, super,
 * staticmethod, classmethod, property, setattr, hash, id, callable and NotImplemented.
 * staticmethod, classmethod and property are plain callables, so a decorator line
 * {@code @property} (which means {@code f = property(f)}) needs nothing more.
 */
final class ClassBuiltins {
  private ClassBuiltins() {}

  /** Python's builtin types that tdsl's builtins table names as functions (int, str, ...). */
  private static final List<String> BUILTIN_TYPES = List.of("int", "float", "str", "bool", "list", "tuple", "dict", "range", "set", "frozenset");

  static void install(Builtins b) {
    b.registerValue("object", "The base of every class: class Point(object) { ... }.", PyClass.OBJECT);
    b.registerValue("NotImplemented", "What a dunder method returns to let the other operand try.", Protocol.UNSUPPORTED);
    b.register("type", "type(object)", "The class of a value: type(net).__name__ is 'Net', type(3) is int, type(layer) is nn.Linear.", a -> type(a.get("object"), a.interpreter()));
    b.register("isinstance", "isinstance(obj, class_or_tuple)",
        "Whether obj is an instance of the class (or of one in a tuple): int, str, a program's class, nn.Module, torch.Tensor.",
        a -> isInstance(a.get("obj"), a.get("class_or_tuple"), a.interpreter()));
    b.register("issubclass", "issubclass(cls, class_or_tuple)", "Whether cls is the class or derives from it.",
        a -> isSubclass(a.get("cls"), a.get("class_or_tuple")));
    b.register("super", "super(*args)", "super(cls, obj): obj's methods as cls's base defines them; super() inside a method.",
        a -> {
          List<Object> args = a.varargs("args").items();
          if (args.size() == 2) return PySuper.of(args.get(0), args.get(1));
          throw new TdslError(args.isEmpty() ? "super(): no arguments (it needs a method's class and self)"
              : "super() takes no arguments or 2 (a class and an instance)");
        });
    b.register("staticmethod", "staticmethod(function)", "A function in a class body that binds nothing.",
        a -> new PyStaticMethod(a.get("function")));
    b.register("classmethod", "classmethod(function)", "A function in a class body that binds the class first.",
        a -> {
          if (!(a.get("function") instanceof PyCallable f)) {
            throw new TdslError("'" + Values.typeName(a.get("function"), a.interpreter()) + "' object is not callable");
          }
          return new PyClassMethod(f);
        });
    b.register("property", "property(fget=None, fset=None, fdel=None, doc=None)",
        "An attribute computed by a method; @name.setter adds the assignment.",
        a -> new PyProperty(a.get("fget"), a.get("fset"), a.get("doc")));
    b.register("setattr", "setattr(object, name, value)", "object.name = value, with the name as a string.",
        a -> {
          a.interpreter().setAttr(a.get("object"), a.getString("name"), a.get("value"));
          return null;
        });
    b.register("hash", "hash(object)", "The hash of a value (a class's __hash__, else its identity).", a -> hash(a.get("object")));
    b.register("id", "id(object)", "A number that identifies the object while it lives.",
        a -> (long) System.identityHashCode(a.get("object")));
  }

  /** type(v): a program's class, a library class, or the builtin that names v's type (int, str, ...). */
  static Object type(Object v, Interpreter ip) {
    if (v instanceof PyObject o) return o.pyClass();
    if (v instanceof PyClass || v instanceof Builtin bt && BUILTIN_TYPES.contains(bt.name())) return TYPE;
    String name = Values.typeName(v, ip);
    PyClass known = ip.builtins().classOf(v);
    if (known != null) return known;
    // int, str, list, ...: the builtin of that name, which prints as <class 'int'>
    Object builtin = ip.builtins().lookup(name, null);
    if (builtin instanceof Builtin && BUILTIN_TYPES.contains(name)) return builtin;
    if (Values.isForeign(v)) {
      // the library's types (Linear, DataLoader): named as PyTorch names them, made by the builtin of their name
      String qualified = ip.builtins().protocolFor(v).className(v);
      int dot = qualified.lastIndexOf('.');
      String module = dot < 0 ? "builtins" : qualified.substring(0, dot);
      PyCallable constructor = builtin instanceof PyCallable c ? c : null;
      Class<?> java = v.getClass();
      return ip.builtins().libraryType(qualified,
          () -> PyClass.wrapper(qualified.substring(dot + 1), module, PyClass.OBJECT, java::isInstance, constructor));
    }
    Class<?> java = v == null ? Void.class : v.getClass();
    return PyClass.wrapper(name, "builtins", PyClass.OBJECT, java::isInstance, null);
  }

  /** Python's {@code type}, so that type(cls) answers and class M(type) names the missing metaclasses. */
  static final PyClass TYPE = PyClass.wrapper("type", "builtins", PyClass.OBJECT, v -> v instanceof PyClass, null);

  static boolean isInstance(Object obj, Object classes, Interpreter ip) {
    if (classes instanceof PyTuple t) {
      for (Object c : t.items()) if (isInstance(obj, c, ip)) return true;
      return false;
    }
    if (classes instanceof PyClass c) return c.isInstance(obj);
    if (classes instanceof ExceptionClass ec) return obj instanceof PyException p && p.type().isSubclassOf(ec);
    if (classes instanceof Builtin bi && BUILTIN_TYPES.contains(bi.name())) {
      String type = Values.typeName(obj, ip);
      return bi.name().equals(type) || (bi.name().equals("int") && type.equals("bool"));
    }
    // a library type made by a builtin of its name: isinstance(m, nn.Linear), isinstance(loader, DataLoader)
    if (classes instanceof Builtin bi && Character.isUpperCase(bi.name().charAt(0))) {
      return Values.isForeign(obj) && !(obj instanceof PyObject) && bi.name().equals(Values.typeName(obj, ip));
    }
    throw new TdslError("isinstance() arg 2 must be a type, a tuple of types, or a union");
  }

  static boolean isSubclass(Object cls, Object classes) {
    if (classes instanceof PyTuple t) {
      for (Object c : t.items()) if (isSubclass(cls, c)) return true;
      return false;
    }
    if (classes instanceof ExceptionClass ec) return cls instanceof ExceptionClass c && c.isSubclassOf(ec);
    boolean target = classes instanceof PyClass || (classes instanceof Builtin b && BUILTIN_TYPES.contains(b.name()));
    if (!target) throw new TdslError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
    if (cls instanceof PyClass c) return classes instanceof PyClass p && c.isSubclassOf(p);
    if (cls instanceof Builtin b && BUILTIN_TYPES.contains(b.name())) {
      if (classes == PyClass.OBJECT) return true;
      return classes instanceof Builtin p && (p.name().equals(b.name()) || (p.name().equals("int") && b.name().equals("bool")));
    }
    throw new TdslError("issubclass() arg 1 must be a class");
  }

  static long hash(Object v) {
    if (v instanceof PyObject o) return InstanceProtocol.hash(o);
    if (v instanceof PyList || v instanceof PyDict) throw new TdslError("unhashable type: '" + Values.typeName(v) + "'");
    if (v instanceof PyTuple t) {
      long h = 0x345678L;
      for (Object x : t.items()) h = h * 1000003L ^ hash(x);
      return h;
    }
    return Values.hash(v);
  }
}
