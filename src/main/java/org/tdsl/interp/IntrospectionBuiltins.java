package org.tdsl.interp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Python's reflexes at a prompt: type(x), dir(x), help(x), exit() and quit(). */
final class IntrospectionBuiltins {
  private IntrospectionBuiltins() {}

  static void install(Builtins b) {
    b.register("dir", "dir(*object)", "The attribute names of object, sorted (no argument: the global names).", a -> {
      List<Object> args = a.varargs("object").items();
      if (args.size() > 1) throw new TdslError("dir expected at most 1 argument, got " + args.size());
      Interpreter ip = a.interpreter();
      TreeSet<String> names = new TreeSet<>(args.isEmpty() ? ip.host().globalNames() : ip.attributeNames(args.getFirst()));
      return new PyList(new ArrayList<>(names));
    });
    b.register("help", "help(*object)", "Describe object: a function's signature and help, a value's type and repr.", a -> {
      List<Object> args = a.varargs("object").items();
      if (args.size() > 1) throw new TdslError("help expected at most 1 argument, got " + args.size());
      Interpreter ip = a.interpreter();
      if (args.isEmpty()) {
        a.out().println("help(x) describes x; in the REPL, :help lists the topics and x? describes x too.");
        return null;
      }
      Object topic = args.getFirst();
      if (topic instanceof String name && ip.builtins().contains(name)) topic = ip.builtins().lookup(name, null);
      a.out().println(Help.describe(topic, ip));
      return null;
    });
    b.registerValue("exit", "exit(code=None): leave (end the script or the REPL) with exit status code.", new Quitter("exit"));
    b.registerValue("quit", "quit(code=None): the same as exit().", new Quitter("quit"));
  }
}
