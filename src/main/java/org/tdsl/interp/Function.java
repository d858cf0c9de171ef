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
  /** The class whose body defined this function (for super()); null for a plain function. */
  final PyClass owner;
  /** A generator function: a call returns a generator that runs the body as it is iterated. */
  final boolean generator;
  private final Interpreter interpreter;

  Function(String name, Signature signature, List<Stmt> body, Environment closure, Pos pos, Interpreter interpreter) {
    this(name, signature, body, closure, pos, interpreter, false, null);
  }

  Function(String name, Signature signature, List<Stmt> body, Environment closure, Pos pos,
      Interpreter interpreter, boolean generator) {
    this(name, signature, body, closure, pos, interpreter, generator, null);
  }

  private Function(String name, Signature signature, List<Stmt> body, Environment closure, Pos pos,
      Interpreter interpreter, boolean generator, PyClass owner) {
    this.generator = generator;
    this.name = name;
    this.signature = signature;
    this.body = body;
    this.closure = closure;
    this.pos = pos;
    this.interpreter = interpreter;
    this.owner = owner;
  }

  /**
   * This function as a method of owner: its errors say {@code Net.__init__()}, it sees the
   * scope around the class (not the class body, as in Python), and super() knows its class.
   */
  Function asMethodOf(PyClass owner, Environment closure) {
    Signature qualified = new Signature(owner.name() + "." + name, signature.params());
    return new Function(name, qualified, body, closure, pos, interpreter, generator, owner);
  }

  /** The scope of one call of a method defined in a class body binds super to (its class, its first argument). */
  void bindSuper(Environment env, Object[] bound) {
    if (owner != null && bound.length > 0 && signature.params().getFirst().kind() == org.tdsl.syntax.Stmt.ParamKind.NORMAL) {
      env.define("super", new PySuper.Zero(owner, bound[0]));
    }
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

  /** {@code f(a, b=1, *args, c=2)}: the parameters as written, defaults as their repr. */
  @Override
  public String signature() {
    List<String> parts = new java.util.ArrayList<>();
    boolean starred = false;
    for (Signature.Param p : signature.params()) {
      switch (p.kind()) {
        case VAR_POSITIONAL -> { parts.add("*" + p.name()); starred = true; }
        case VAR_KEYWORD -> parts.add("**" + p.name());
        default -> {
          if (p.kind() == org.tdsl.syntax.Stmt.ParamKind.KEYWORD_ONLY && !starred) { parts.add("*"); starred = true; }
          parts.add(p.hasDefault() ? p.name() + "=" + Values.repr(p.defaultValue()) : p.name());
        }
      }
    }
    return name + "(" + String.join(", ", parts) + ")";
  }

  @Override
  public String help() {
    return pos == null ? "" : "Defined at " + pos.file() + ":" + pos.line() + ".";
  }

  @Override
  public String toString() {
    return "<function " + signature.name() + ">";
  }
}
