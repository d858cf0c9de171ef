package org.tdsl.interp.bind;

import org.tdsl.interp.Args;
import org.tdsl.interp.Builtin;
import org.tdsl.interp.PyCallable;

/** t.sum: the builtin {@code sum(input, ...)} with the tensor already in its first place. */
record BoundMethod(Object self, Builtin function) implements PyCallable {
  @Override public String name() { return function.name(); }

  @Override public Object call(Args args) { return function.call(args.withSelf(self)); }

  /** The function's, without the first parameter: the bound self. */
  @Override public java.util.List<String> keywordNames() {
    java.util.List<String> all = function.keywordNames();
    return all.isEmpty() ? all : all.subList(1, all.size());
  }

  /** {@code Tensor.sum(dim=None, keepdim=False, *, dtype=None)}: PyTorch's method signature, self left out. */
  @Override public String signature() {
    return org.tdsl.interp.Values.typeName(self) + "." + org.tdsl.interp.Help.withoutFirstParameter(function.signature());
  }

  @Override public String help() { return function.help(); }

  @Override public String toString() {
    return "<built-in method " + function.name() + " of " + org.tdsl.interp.Values.typeName(self) + " object>";
  }
}
