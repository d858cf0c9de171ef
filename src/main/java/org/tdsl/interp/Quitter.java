package org.tdsl.interp;

/**
 * {@code exit} and {@code quit} as Python's site module makes them: typed alone in the REPL
 * they say how to leave; called, they raise {@link SystemExit}.
 */
final class Quitter implements PyCallable {
  private static final Signature SIGNATURE = Signature.parse("exit(code=None)");
  private final String name;

  Quitter(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Object call(Args args) {
    Object[] bound = SIGNATURE.bind(args.positional(), args.keywords());
    throw SystemExit.of(bound[0]);
  }

  @Override
  public String signature() {
    return name + "(code=None)";
  }

  @Override
  public String help() {
    return "Leave: end the script (or the REPL) with exit status code (None: 0; a message: printed, then 1).";
  }

  @Override
  public String toString() {
    return "Use " + name + "() or Ctrl-D (i.e. EOF) to exit";
  }
}
