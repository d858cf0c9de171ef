package org.tdsl.interp.pylib;

import org.tdsl.interp.Builtins;

/**
 * Python's standard modules and the builtins that go with them, installed into a builtins
 * table. Each module is made fresh per table (per interpreter), so a session's random state
 * or argv never leaks into another's. `import NAME` binds {@link Builtins#module(String)}.
 */
public final class PythonLibrary {
  private PythonLibrary() {}

  /**
   * Modules a PyTorch program may import that tdsl does not have, with what to use instead:
   * `import numpy as np` fails with this, naming the module (docs/CHOICES.md says why there
   * is no numpy subset).
   */
  public static String unavailable(String module) {
    String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
    String instead = switch (top) {
      case "numpy" -> ": tdsl has no numpy; tensors do its work (torch.tensor(list), t.tolist(), t.item(), torch.from_numpy is not there either)";
      case "pandas" -> ": tdsl has no pandas; read text files with open() and build tensors";
      case "matplotlib" -> ": tdsl has no matplotlib; plot(...) draws line charts and show(t) images";
      case "scipy", "sklearn" -> ": tdsl has no " + top + "; what it offers on tensors is under torch";
      default -> "";
    };
    return "No module named '" + module + "'" + instead;
  }

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
    b.registerModule("collections", "Python's collections module: Counter, defaultdict, OrderedDict, deque.", CollectionsModule.create(b));
    b.registerModule("sys", "Python's sys module: sys.argv, sys.exit, sys.stdout.write.", SysModule.create(b));
  }
}
