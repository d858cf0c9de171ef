package org.tdsl.interp;

import java.util.List;

/**
 * A method of a library class written in Java ({@code object.__init__}, {@code nn.Module.__call__}):
 * like a user function in a class body, it binds the instance as its first argument when
 * read from an instance, so {@code super().__init__()} finds and calls it.
 */
public record NativeMethod(Builtin function) implements PyCallable {
  @Override
  public String name() {
    return function.name();
  }

  @Override
  public Object call(Args args) {
    return function.call(args);
  }

  @Override
  public List<String> keywordNames() {
    return function.keywordNames();
  }

  @Override
  public String toString() {
    return "<slot wrapper '" + function.name() + "'>";
  }
}
