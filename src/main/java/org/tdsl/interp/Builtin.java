package org.tdsl.interp;

/**
 * One entry of the builtins table, and a callable value: name, signature text such as
 * {@code "print(*values, sep=' ', end='\n')"}, one line of help, and the implementation.
 * Calls are bound to the signature first, with Python's error words.
 */
public record Builtin(String name, String signature, String help, BuiltinFn impl, Signature parsed)
    implements PyCallable {
  public Builtin(String name, String signature, String help, BuiltinFn impl) {
    this(name, signature, help, impl, Signature.parse(signature));
  }

  @Override
  public Object call(Args args) {
    return impl.call(args.bind(parsed));
  }

  @Override
  public java.util.List<String> keywordNames() {
    return parsed.keywordNames();
  }

  private static final java.util.Set<String> TYPES =
      java.util.Set.of("int", "float", "str", "bool", "list", "tuple", "dict", "range", "set", "frozenset");

  @Override
  public String toString() {
    // the builtins that are Python's types print as classes: print(int) shows <class 'int'>
    return TYPES.contains(name) ? "<class '" + name + "'>" : "<built-in function " + name + ">";
  }
}
