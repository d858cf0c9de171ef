package org.tdsl.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tdsl.syntax.Stmt;

/**
 * Python's import statements. A module name is looked up first in the table of modules tdsl
 * provides (Builtins.modules(): torch, torch.nn, ..., registered by the library), then as a
 * script NAME.tdsl or NAME.py beside the importing file, run once in globals of its own.
 */
final class Imports {
  /** Modules whose features tdsl has anyway: importing them binds nothing new. */
  private static final List<String> FUTURE = List.of("__future__");

  private final Interpreter ip;
  private final Map<Path, ScriptModule> loaded = new java.util.HashMap<>();

  Imports(Interpreter ip) {
    this.ip = ip;
  }

  /** import a.b.c [as x]: binds x to a.b.c, or a to the top package. */
  void importModules(Stmt.ImportModule s, Environment env) {
    for (Stmt.ImportName m : s.modules()) {
      Object module = at(m, () -> module(m.name(), s.pos().file()));
      if (m.alias() != null) {
        env.assign(m.alias(), module);
      } else {
        String top = m.name().contains(".") ? m.name().substring(0, m.name().indexOf('.')) : m.name();
        env.assign(top, top.equals(m.name()) ? module : module(top, s.pos().file()));
      }
    }
  }

  /** from module import a [as x], b, or *. */
  void fromImport(Stmt.FromImport s, Environment env) {
    if (FUTURE.contains(s.module())) return;
    Object module = module(s.module(), s.pos().file());
    if (s.star()) {
      for (String name : ip.attributeNames(module)) {
        if (!name.startsWith("_")) env.assign(name, ip.getAttr(module, name));
      }
      return;
    }
    for (Stmt.ImportName n : s.names()) {
      Object value;
      try {
        value = ip.getAttr(module, n.name());
      } catch (TdslError e) {
        throw ip.located(new TdslError("ImportError: cannot import name '" + n.name() + "' from '" + s.module()
            + "' (tdsl's " + s.module() + " has no " + n.name() + ")"
            + Suggest.didYouMean(n.name(), ip.attributeNames(module))), n.pos());
      }
      env.assign(n.alias() != null ? n.alias() : n.name(), value);
    }
  }

  private Object at(Stmt.ImportName m, java.util.function.Supplier<Object> load) {
    try {
      return load.get();
    } catch (TdslError e) {
      throw ip.located(e, m.pos());
    }
  }

  private Object module(String name, String importer) {
    Object provided = ip.builtins().module(name);
    if (provided != null) return provided;
    Path script = script(name, importer);
    if (script != null) {
      // Python runs a package's __init__ before its submodule and binds the submodule in it
      int dot = name.lastIndexOf('.');
      Object parent = dot > 0 && script(name.substring(0, dot), importer) != null
          ? module(name.substring(0, dot), importer) : null;
      ScriptModule m = load(name, script);
      if (parent instanceof ScriptModule p) p.globals.define(name.substring(dot + 1), m);
      return m;
    }
    String known = org.tdsl.interp.pylib.PythonLibrary.unavailable(name);  // numpy, pandas, ...: what to use instead
    if (!known.equals("No module named '" + name + "'")) throw new TdslError("ModuleNotFoundError: " + known);
    throw new TdslError("ModuleNotFoundError: No module named '" + name + "' (tdsl provides "
        + String.join(", ", new TreeSet<>(ip.builtins().moduleNames()))
        + ", and scripts beside yours as NAME.tdsl or NAME.py)");
  }

  /**
   * NAME.tdsl / NAME.py beside the importer; a dotted name a.b is a package's file a/b.py (or
   * a/b/__init__.py), as Python finds micrograd.engine in micrograd/engine.py.
   */
  private Path script(String name, String importer) {
    if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) return null;
    Path dir = ip.directoryOf(importer);
    String rel = name.replace('.', '/');
    for (String candidate : List.of(rel + ".tdsl", rel + ".py", rel + "/__init__.tdsl", rel + "/__init__.py")) {
      if (Files.isRegularFile(dir.resolve(candidate))) {
        return ip.host().fileAccess().resolve(dir, candidate, FileAccess.Mode.READ);
      }
    }
    return null;
  }

  private ScriptModule load(String name, Path path) {
    Path key = path.toAbsolutePath().normalize();
    ScriptModule m = loaded.get(key);
    if (m != null) return m;
    String source;
    try {
      source = Interpreter.readSource(path);
    } catch (IOException e) {
      throw new TdslError("ModuleNotFoundError: No module named '" + name + "' (" + path + " cannot be read)");
    }
    Environment globals = new Environment(null);
    globals.define("__name__", name);
    String display = path.getFileName().toString();
    m = new ScriptModule(name, display, globals);
    loaded.put(key, m); // before running: a circular import sees the module as far as it got
    ip.runModule(source, display, path.getParent(), globals);
    return m;
  }
}
