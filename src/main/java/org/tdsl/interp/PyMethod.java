package org.tdsl.interp;

import java.util.List;

/** A method read from an instance ({@code net.forward}): the function with self bound first. */
public record PyMethod(Object self, PyCallable function) implements PyCallable {
  @Override
  public String name() {
    return function.name();
  }

  @Override
  public Object call(Args args) {
    return function.call(args.withSelf(self));
  }

  /** The function's, without the first parameter: the bound self. */
  @Override
  public List<String> keywordNames() {
    List<String> all = function.keywordNames();
    return all.isEmpty() ? all : all.subList(1, all.size());
  }

  @Override
  public String toString() {
    String owner = self instanceof PyClass c ? c.name() : Values.typeName(self);
    return "<bound method " + owner + "." + function.name() + ">";
  }
}
