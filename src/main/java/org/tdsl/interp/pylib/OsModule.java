package org.tdsl.interp.pylib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.FileAccess;
import org.tdsl.interp.PyDict;
import org.tdsl.interp.PyList;
import org.tdsl.interp.PyTuple;
import org.tdsl.interp.TdslError;

/**
 * Python's os and os.path, the part a training script uses: path arithmetic (pure string
 * work, POSIX rules), whether files exist, makedirs, listdir, the environment. Every path
 * goes through the session's file roots (FileAccess), as every file a program names does;
 * outside them a file "does not exist" for exists/isfile/isdir, as an unreadable one does in
 * Python. os.environ is the process's environment for the command and the REPL, and empty in
 * a session with file roots (an embedding host's environment is not the program's business).
 */
final class OsModule {
  private OsModule() {}

  static PyModule createPath() {
    PyModule p = new PyModule("posixpath");
    p.function("join(a, *p)", "Joins path parts with '/'; an absolute part starts over.", a -> {
      String path = str(a.get("a"), "join");
      for (Object o : a.varargs("p").items()) {
        String b = str(o, "join");
        if (b.startsWith("/")) path = b;
        else if (path.isEmpty() || path.endsWith("/")) path += b;
        else path += "/" + b;
      }
      return path;
    });
    p.function("basename(p)", "The last part of a path: basename('a/b.txt') is 'b.txt'.", a -> {
      String s = str(a.get("p"), "basename");
      return s.substring(s.lastIndexOf('/') + 1);
    });
    p.function("dirname(p)", "All but the last part of a path: dirname('a/b.txt') is 'a'.", a -> split(str(a.get("p"), "dirname")).get(0));
    p.function("split(p)", "(dirname, basename).", a -> split(str(a.get("p"), "split")));
    p.function("splitext(p)", "(root, extension): splitext('a/b.tar.gz') is ('a/b.tar', '.gz').", a -> splitext(str(a.get("p"), "splitext")));
    p.function("normpath(path)", "The path with '.', '..' and doubled slashes worked out.", a -> normpath(str(a.get("path"), "normpath")));
    p.function("abspath(path)", "The absolute path (relative paths start at the working directory).", a -> {
      String s = str(a.get("path"), "abspath");
      return normpath(s.startsWith("/") ? s : a.interpreter().host().fileAccess().base() + "/" + s);
    });
    p.function("isabs(s)", "Whether the path starts at the root.", a -> str(a.get("s"), "isabs").startsWith("/"));
    p.function("exists(path)", "Whether a file or directory is there (False outside the session's file roots).", a -> test(a, Files::exists));
    p.function("isfile(path)", "Whether a regular file is there.", a -> test(a, Files::isRegularFile));
    p.function("isdir(s)", "Whether a directory is there.", a -> {
      try {
        return Files.isDirectory(a.interpreter().host().fileAccess().resolve(str(a.get("s"), "isdir"), FileAccess.Mode.READ));
      } catch (TdslError e) {
        return false;
      }
    });
    p.function("getsize(filename)", "The size of a file in bytes.", a -> {
      Path f = a.interpreter().host().fileAccess().resolve(str(a.get("filename"), "getsize"), FileAccess.Mode.READ);
      try {
        return Files.size(f);
      } catch (IOException e) {
        throw new TdslError("[Errno 2] No such file or directory: '" + a.get("filename") + "'");
      }
    });
    p.value("sep", "The path separator, '/'.", "/");
    return p;
  }

  static PyModule create(PyModule path) {
    PyModule m = new PyModule("os");
    m.value("path", "os.path: join, exists, basename, dirname, splitext, ...", path);
    m.value("sep", "The path separator, '/'.", "/");
    m.live("environ", "The environment variables (read-only here; empty in a session with file roots).", OsModule::environ);
    m.function("getenv(key, default=None)", "An environment variable, or default.", a -> {
      PyDict env = environ(a.interpreter());
      String key = str(a.get("key"), "getenv");
      return env.containsKey(key) ? env.get(key) : a.get("default");
    });
    m.function("getcwd()", "The working directory (where relative paths start).", a -> a.interpreter().host().fileAccess().base().toString());
    m.function("makedirs(name, mode=511, exist_ok=False)", "Makes a directory and the missing ones above it.", a -> {
      String name = str(a.get("name"), "makedirs");
      Path d = a.interpreter().host().fileAccess().resolve(name, FileAccess.Mode.WRITE);
      if (Files.exists(d)) {
        if (a.getBool("exist_ok") && Files.isDirectory(d)) return null;
        throw new TdslError("[Errno 17] File exists: '" + name + "'");
      }
      try {
        Files.createDirectories(d);
      } catch (IOException e) {
        throw new TdslError("cannot make directory '" + name + "': " + e.getMessage());
      }
      return null;
    });
    m.function("mkdir(path, mode=511)", "Makes one directory (its parent must exist).", a -> {
      String name = str(a.get("path"), "mkdir");
      Path d = a.interpreter().host().fileAccess().resolve(name, FileAccess.Mode.WRITE);
      if (Files.exists(d)) throw new TdslError("[Errno 17] File exists: '" + name + "'");
      try {
        Files.createDirectory(d);
      } catch (IOException e) {
        throw new TdslError("[Errno 2] No such file or directory: '" + name + "'");
      }
      return null;
    });
    m.function("listdir(path='.')", "The names in a directory, sorted (Python's order is the file system's).", a -> {
      String name = str(a.get("path"), "listdir");
      Path d = a.interpreter().host().fileAccess().resolve(name, FileAccess.Mode.READ);
      List<Object> names = new ArrayList<>();
      try (var s = Files.list(d)) {
        s.map(x -> x.getFileName().toString()).sorted().forEach(names::add);
      } catch (IOException e) {
        throw new TdslError("[Errno 2] No such file or directory: '" + name + "'");
      }
      return new PyList(names);
    });
    m.function("remove(path)", "Deletes a file.", a -> {
      String name = str(a.get("path"), "remove");
      Path f = a.interpreter().host().fileAccess().resolve(name, FileAccess.Mode.WRITE);
      try {
        if (Files.isDirectory(f)) throw new TdslError("[Errno 21] Is a directory: '" + name + "'");
        Files.delete(f);
      } catch (IOException e) {
        throw new TdslError("[Errno 2] No such file or directory: '" + name + "'");
      }
      return null;
    });
    return m;
  }

  private static PyDict environ(org.tdsl.interp.Interpreter ip) {
    PyDict env = new PyDict();
    if (ip.host().fileAccess().isRestricted()) return env;
    System.getenv().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> env.put(e.getKey(), e.getValue()));
    return env;
  }

  private static Object test(Args a, java.util.function.Predicate<Path> test) {
    try {
      return test.test(a.interpreter().host().fileAccess().resolve(str(a.get("path"), "exists"), FileAccess.Mode.READ));
    } catch (TdslError e) {
      return false;  // outside the roots: not there, for this program
    }
  }

  private static String str(Object o, String fn) {
    if (o instanceof String s) return s;
    throw new TdslError(fn + "() argument must be str, not " + org.tdsl.interp.Values.typeName(o));
  }

  private static PyTuple split(String p) {
    int i = p.lastIndexOf('/') + 1;
    String head = p.substring(0, i);
    String tail = p.substring(i);
    if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) head = head.replaceAll("/+$", "");
    return PyTuple.of(head, tail);
  }

  private static PyTuple splitext(String p) {
    int sep = p.lastIndexOf('/');
    int dot = p.lastIndexOf('.');
    if (dot > sep) {
      for (int i = sep + 1; i < dot; i++) if (p.charAt(i) != '.') return PyTuple.of(p.substring(0, dot), p.substring(dot));
    }
    return PyTuple.of(p, "");
  }

  private static String normpath(String path) {
    if (path.isEmpty()) return ".";
    int initial = path.startsWith("/") ? (path.startsWith("//") && !path.startsWith("///") ? 2 : 1) : 0;
    List<String> out = new ArrayList<>();
    for (String c : path.split("/")) {
      if (c.isEmpty() || c.equals(".")) continue;
      if (!c.equals("..") || (initial == 0 && out.isEmpty()) || (!out.isEmpty() && out.getLast().equals(".."))) out.add(c);
      else if (!out.isEmpty()) out.removeLast();
    }
    String s = "/".repeat(initial) + String.join("/", out);
    return s.isEmpty() ? "." : s;
  }
}
