package org.tdsl.interp;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * property(fget, fset): an attribute computed by methods. Found on an instance's class, it
 * runs fget on reading and fset on assignment; {@code @x.setter} makes the copy with a setter.
 */
public record PyProperty(Object fget, Object fset, Object doc) {
  Object get(PyObject self, Interpreter ip) {
    if (fget == null) throw new TdslError("unreadable attribute");
    return ip.callValue(fget, Arrays.asList(self), Map.of());
  }

  void set(PyObject self, Object value, Interpreter ip) {
    if (fset == null) throw new TdslError("can't set attribute");
    ip.callValue(fset, Arrays.asList(self, value), Map.of());
  }

  static final Protocol<PyProperty> PROTOCOL = new Protocol<>() {
    @Override
    public String typeName(PyProperty self) {
      return "property";
    }

    @Override
    public Object getAttr(PyProperty self, String name) {
      return switch (name) {
        case "fget" -> self.fget;
        case "fset" -> self.fset;
        case "__doc__" -> self.doc;
        case "setter" -> new Builtin("setter", "setter(fset)", "", a -> new PyProperty(self.fget, a.get("fset"), self.doc));
        case "getter" -> new Builtin("getter", "getter(fget)", "", a -> new PyProperty(a.get("fget"), self.fset, self.doc));
        default -> UNSUPPORTED;
      };
    }

    @Override
    public List<String> attributeNames(PyProperty self) {
      return List.of("fget", "fset", "setter", "getter");
    }

    @Override
    public String repr(PyProperty self) {
      return "<property object>";
    }
  };
}
