package org.tdsl.interp.pylib;

import java.util.List;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyList;
import org.tdsl.interp.SystemExit;
import org.tdsl.interp.Values;

/**
 * Python's sys module: argv (the program's arguments, the script first: the global argv
 * until a program assigns sys.argv), exit, stdout (write and flush onto the program's
 * output), and the constants programs print or test.
 */
final class SysModule {
  private SysModule() {}

  /** sys.stdout (writes go where print goes) or sys.stderr (where warnings and errors go). */
  static final class Stdout {
    final boolean err;

    Stdout(boolean err) {
      this.err = err;
    }

    java.io.PrintStream stream(Interpreter ip) {
      return err ? ip.host().err() : ip.out();
    }
  }

  static PyModule create(org.tdsl.interp.Builtins b) {
    b.registerProtocol(Stdout.class, STDOUT);
    PyModule m = new PyModule("sys");
    m.live("argv", "The program's arguments, the script's name first.", ip -> ip.host().global("argv"));
    m.function("exit(status=None)", "Ends the program: None is status 0, an int is the status, anything else is printed and gives 1.",
        a -> { throw SystemExit.ofCode(a.get("status")); });
    m.value("stdout", "The program's output: sys.stdout.write(text), sys.stdout.flush().", new Stdout(false));
    m.value("stderr", "Where errors and warnings go: sys.stderr.write(text), print(..., file=sys.stderr).", new Stdout(true));
    m.value("maxsize", "The largest int a size can be: 2**63 - 1.", Long.MAX_VALUE);
    m.value("platform", "The operating system, as Python names it ('linux', 'darwin', 'win32').", platform());
    m.value("version", "The language version this imitates (Python 3.11's).", "3.11.2 (tdsl)");
    m.value("path", "Where imports look: the script's directory (a list, for programs that append to it).", new PyList());
    return m;
  }

  /** sys.argv as the program sees it now: what it assigned to sys.argv, else the global argv. */
  static List<Object> argv(Interpreter ip) {
    Object sys = ip.builtins().module("sys");
    Object argv = sys instanceof PyModule m ? PyModule.PROTOCOL.getAttr(m, "argv", ip) : ip.host().global("argv");
    return argv instanceof PyList l ? l.items : Values.toList(argv, ip);
  }

  private static String platform() {
    String os = System.getProperty("os.name", "").toLowerCase();
    return os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "win32" : "linux";
  }

  private static final Protocol<Stdout> STDOUT = new Protocol<>() {
    @Override public String typeName(Stdout self) { return "TextIOWrapper"; }

    @Override public Object getAttr(Stdout self, String name) {
      return switch (name) {
        case "write" -> ArgumentParser.method("write(s)", "Writes s to the program's output; returns its length.", a -> {
          String s = a.getString("s");
          self.stream(a.interpreter()).print(s);
          return (long) s.codePointCount(0, s.length());
        });
        case "flush" -> ArgumentParser.method("flush()", "Flushes the program's output.", a -> {
          self.stream(a.interpreter()).flush();
          return null;
        });
        default -> UNSUPPORTED;
      };
    }

    @Override public List<String> attributeNames(Stdout self) { return List.of("write", "flush"); }

    @Override public String repr(Stdout self) {
      return "<_io.TextIOWrapper name='<std" + (self.err ? "err" : "out") + ">' mode='w' encoding='utf-8'>";
    }
  };
}
