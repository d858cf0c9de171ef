package org.tdsl.api;

import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.PyCallable;
import org.tdsl.interp.TdslError;

/** A {@link JavaFunction} as the interpreter sees it: a callable value named by the host. */
record HostFunction(String name, JavaFunction function) implements PyCallable {
  @Override
  public Object call(Args args) {
    if (!args.keywords().isEmpty()) {
      throw new TdslError(name + "() takes no keyword arguments");
    }
    List<Object> in = new ArrayList<>(args.positional().size());
    for (Object a : args.positional()) in.add(JavaValues.toJava(a));
    try {
      return JavaValues.toTdsl(function.call(in));
    } catch (TdslError e) {
      throw e;
    } catch (Exception | AssertionError e) {
      // the host's failure (a failed Java assert too: it is the host's bug, not the JVM's), in Python's "Class: message" form, at the line that called it, in Python's "Class: message" form, at the line that called it
      String message = e.getMessage();
      throw new TdslError(e.getClass().getSimpleName() + (message == null ? "" : ": " + message));
    }
  }

  @Override
  public String toString() {
    return "<java function " + name + ">";
  }
}
