package org.tdsl.interp;

/** staticmethod(f): read from a class or an instance, it is f itself, with nothing bound. */
public record PyStaticMethod(Object function) implements PyCallable {
  @Override
  public String name() {
    return function instanceof PyCallable c ? c.name() : "staticmethod";
  }

  /** Callable as it is, as in Python 3.10 and later. */
  @Override
  public Object call(Args args) {
    return args.interpreter().callValue(function, args.positional(), args.keywords());
  }

  @Override
  public String toString() {
    return "<staticmethod(" + function + ")>";
  }
}
