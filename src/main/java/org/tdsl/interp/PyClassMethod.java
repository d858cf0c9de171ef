package org.tdsl.interp;

/** classmethod(f): read from a class or an instance, it is f with the class bound first. */
public record PyClassMethod(PyCallable function) {
  static final Protocol<PyClassMethod> PROTOCOL = new Protocol<>() {
    @Override
    public String typeName(PyClassMethod self) {
      return "classmethod";
    }

    @Override
    public Object getAttr(PyClassMethod self, String name) {
      return name.equals("__func__") ? self.function : UNSUPPORTED;
    }

    @Override
    public String repr(PyClassMethod self) {
      return "<classmethod(" + self.function + ")>";
    }
  };
}
