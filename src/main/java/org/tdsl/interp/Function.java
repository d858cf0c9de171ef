package org.tdsl.interp;

import java.util.List;
import org.tdsl.syntax.Pos;
import org.tdsl.syntax.Stmt;

/** A function defined in tdsl: its parameters (defaults evaluated once), body and closure. */
final class Function implements PyCallable {
  final String name;
  final Signature signature;
  final List<Stmt> body;
  final Environment closure;
  final Pos pos;
  /** A generator function: a call returns a generator that runs the body as it is iterated. */
  final boolean generator;
  private final Interpreter interpreter;

  Function(String name, Signature signature, List<Stmt> body, Environment closure, Pos pos, Interpreter interpreter) {
    this(name, signature, body, closure, pos, interpreter, false);
  }

  Function(String name, Signature signature, List<Stmt> body, Environment closure, Pos pos,
      Interpreter interpreter, boolean generator) {
    this.generator = generator;
    this.name = name;
    this.signature = signature;
    this.body = body;
    this.closure = closure;
    this.pos = pos;
    this.interpreter = interpreter;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Object call(Args args) {
    Object[] bound = signature.bind(args.positional(), args.keywords());
    if (generator) return Generator.start(() -> interpreter.runGenerator(this, bound));
    return interpreter.invoke(this, bound);
  }

  @Override
  public List<String> keywordNames() {
    return signature.keywordNames();
  }

  @Override
  public String toString() {
    return "<function " + name + ">";
  }
}
