package org.tdsl.interp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class as a value: what {@code type(x)} returns ({@code <class 'int'>},
 * {@code <class 'torch.Tensor'>}), and the {@code Tensor} name whose attributes are the tensor
 * methods ({@code Tensor.sum}). Two types are equal when their qualified names are.
 */
public final class PyType {
  private final String name;
  private final Map<String, Object> members;
  private final PyCallable constructor;  // what calling the class does (torch.Tensor(2, 3)), or null

  /** name is qualified as Python prints it: {@code torch.nn.modules.linear.Linear}. */
  public PyType(String name, Map<String, ?> members) {
    this(name, members, null);
  }

  /** A class that can be called to make an instance. */
  public PyType(String name, Map<String, ?> members, PyCallable constructor) {
    this.name = name;
    this.members = new LinkedHashMap<>(members);
    this.constructor = constructor;
  }

  public String name() {
    return name;
  }

  /** The type of any value, named as Python and PyTorch name it. */
  static PyType of(Object value, Interpreter ip) {
    Protocol<Object> p = Values.isForeign(value) ? ip.builtins().protocolFor(value) : null;
    return new PyType(p != null ? p.className(value) : Values.typeName(value, ip), Map.of());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PyType t && t.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return "<class '" + name + "'>";
  }

  static final Protocol<PyType> PROTOCOL = new Protocol<>() {
    @Override public String typeName(PyType self) { return "type"; }

    @Override public Object getAttr(PyType self, String member) {
      if (member.equals("__name__")) return self.name.substring(self.name.lastIndexOf('.') + 1);
      return self.members.containsKey(member) ? self.members.get(member) : UNSUPPORTED;
    }

    @Override public List<String> attributeNames(PyType self) {
      List<String> names = new ArrayList<>(self.members.keySet());
      names.add("__name__");
      return names;
    }

    @Override public String repr(PyType self) { return self.toString(); }

    @Override public Object call(PyType self, Args args) {
      return self.constructor == null ? UNSUPPORTED : self.constructor.call(args);
    }
  };
}
