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

  @Override
  public String toString() {
    return "<built-in function " + name + ">";
  }
}
