package org.tdsl.interp.pylib;

import org.tdsl.interp.Builtins;

/**
 * Python's standard modules and the builtins that go with them, installed into a builtins
 * table. Each module is made fresh per table (per interpreter), so a session's random state
 * or argv never leaks into another's. `import NAME` binds {@link Builtins#module(String)}.
 */
public final class PythonLibrary {
  private PythonLibrary() {}

  public static void install(Builtins b) {
    b.registerProtocol(PyModule.class, PyModule.PROTOCOL);
    PyBuiltins.install(b);
    TextFile.install(b);
    PySet.install(b);
    b.registerModule("math", "Python's math module: math.sqrt, math.log, math.pi, ...", MathModule.create());
    b.registerModule("random", "Python's random module (CPython's generator): random.seed, random.random, random.shuffle, ...", RandomModule.create());
    b.registerModule("argparse", "Python's argparse module: ArgumentParser, add_argument, parse_args (the script's arguments).", ArgParseModule.create(b));
    b.registerModule("time", "Python's time module: time.time(), time.perf_counter(), time.sleep(s); time() itself as before.", TimeModule.create());
    PyModule path = OsModule.createPath();
    b.registerModule("os", "Python's os module: os.path.join/exists/..., os.makedirs, os.listdir, os.environ.", OsModule.create(path));
    b.registerModule("os.path", "Python's os.path: join, exists, isfile, isdir, basename, dirname, splitext, abspath.", path);
    b.registerModule("collections", "Python's collections module: Counter, defaultdict, OrderedDict.", CollectionsModule.create(b));
    b.registerModule("sys", "Python's sys module: sys.argv, sys.exit, sys.stdout.write.", SysModule.create(b));
  }
}
