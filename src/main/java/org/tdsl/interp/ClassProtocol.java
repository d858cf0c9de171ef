package org.tdsl.interp;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A class as a value: calling it makes an instance (then runs {@code __init__}); its
 * attributes are the class chain's, functions unbound, classmethods bound to the class;
 * assigning an attribute sets a class attribute (library classes are fixed).
 */
final class ClassProtocol implements Protocol<PyClass> {
  static final ClassProtocol INSTANCE = new ClassProtocol();

  private ClassProtocol() {}

  @Override
  public String typeName(PyClass self) {
    return "type";
  }

  @Override
  public Object getAttr(PyClass self, String name) {
    switch (name) {
      case "__name__", "__qualname__" -> {
        return self.name();
      }
      case "__module__" -> {
        return self.module();
      }
      case "__bases__" -> {
        return self.base() == null ? new PyTuple(List.of()) : PyTuple.of(self.base());
      }
      case "__base__" -> {
        return self.base();
      }
      case "__mro__" -> {
        return new PyTuple(new ArrayList<>(self.mro()));
      }
      case "__doc__" -> {
        Object doc = self.dict().get("__doc__");
        return doc;
      }
      default -> {}
    }
    Object found = self.lookup(name);
    if (found == PyClass.ABSENT) {
      throw new TdslError("type object '" + self.name() + "' has no attribute '" + name + "'"
          + Suggest.didYouMean(name, attributeNames(self)));
    }
    return switch (found) {
      case PyStaticMethod s -> s.function();
      case PyClassMethod c -> new PyMethod(self, c.function());
      case null, default -> found;
    };
  }

  @Override
  public boolean setAttr(PyClass self, String name, Object value) {
    if (self.isLibrary()) {
      throw new TdslError("cannot set '" + name + "' attribute of immutable type '" + self.name() + "'");
    }
    self.dict().put(name, value);
    return true;
  }

  @Override
  public List<String> attributeNames(PyClass self) {
    Set<String> names = new LinkedHashSet<>();
    for (PyClass c : self.mro()) names.addAll(c.dict().keySet());
    return new ArrayList<>(names);
  }

  @Override
  public Object call(PyClass cls, Args args) {
    if (cls.constructor() != null) return cls.constructor().call(args);
    Interpreter ip = args.interpreter();
    PyClass.Factory factory = cls.factory();
    if (factory == null) throw new TdslError("cannot create '" + cls.name() + "' instances");
    PyObject obj = factory.make(cls, ip);
    Object init = cls.lookup("__init__");
    boolean objectInit = init == PyClass.OBJECT.dict().get("__init__");
    if (objectInit && (!args.positional().isEmpty() || !args.keywords().isEmpty())) {
      throw new TdslError(cls.name() + "() takes no arguments");
    }
    Object r = ip.callValue(InstanceProtocol.bind(init, obj), args.positional(), args.keywords());
    if (r != null) throw new TdslError("__init__() should return None, not '" + Values.typeName(r, ip) + "'");
    return obj;
  }

  @Override
  public String repr(PyClass self) {
    return self.toString();
  }
}
