package org.tdsl.interp.pylib;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tdsl.interp.Args;
import org.tdsl.interp.Builtins;
import org.tdsl.interp.FileAccess;
import org.tdsl.interp.Protocol;
import org.tdsl.interp.PyList;
import org.tdsl.interp.TdslError;
import org.tdsl.interp.Values;

/**
 * A text file from open(): read, readline, readlines, iteration over lines, write,
 * writelines, close, `with`. Every path goes through the session's file roots.
 *
 * <p>Writing never leaves a half-written file behind an error: inside `with`, what is written
 * goes to a temporary file beside the target, which replaces the target when the block ends
 * normally and is deleted when it ends in an error (the target is then as it was). Outside
 * `with` (open(p, "w").write(text), or a file closed by hand), each write goes straight to
 * the file, as Python's do, so nothing is lost when a program never closes it.
 */
final class TextFile {
  private final String name;
  private final String mode;
  private final Path path;
  private final Charset charset;
  private final boolean writing;
  private String content;   // reading: the whole text; pos walks it
  private int pos;
  private boolean closed;
  private boolean started;   // writing: the target (or the temporary) has been opened
  private Path temporary;    // writing inside `with`
  private Writer writer;

  private TextFile(String name, String mode, Path path, Charset charset) {
    this.name = name;
    this.mode = mode;
    this.path = path;
    this.charset = charset;
    this.writing = !mode.startsWith("r");
  }

  static void install(Builtins b) {
    b.registerProtocol(TextFile.class, PROTOCOL);
    b.register("open", "open(file, mode='r', encoding=None, newline=None)",
        "A text file: mode 'r' (read), 'w' (write anew), 'a' (append), 'x' (create); use it with `with`.", TextFile::open);
  }

  private static Object open(Args a) {
    String name = a.getString("file");
    String mode = a.getString("mode");
    String m = mode.replace("t", "");
    if (mode.contains("b")) throw new TdslError("binary mode is not supported: open() reads and writes text here (mode '" + mode + "')");
    if (!List.of("r", "w", "a", "x").contains(m)) throw new TdslError("invalid mode: '" + mode + "'");
    Charset cs;
    try {
      cs = a.get("encoding") == null ? java.nio.charset.StandardCharsets.UTF_8 : Charset.forName(a.getString("encoding"));
    } catch (IllegalArgumentException e) {
      throw new TdslError("unknown encoding: " + a.get("encoding"));
    }
    FileAccess files = a.interpreter().host().fileAccess();
    Path p = files.resolve(name, m.equals("r") ? FileAccess.Mode.READ : FileAccess.Mode.WRITE);
    if (!p.isAbsolute() && !files.isRestricted()) p = files.base().resolve(p);
    TextFile f = new TextFile(name, m, p, cs);
    if (Files.isDirectory(p)) throw new TdslError("[Errno 21] Is a directory: " + Values.repr(name));
    if (m.equals("r")) {
      try {
        f.content = Files.readString(p, cs).replace("\r\n", "\n");
      } catch (NoSuchFileException e) {
        throw notFound(name);
      } catch (IOException e) {
        throw new TdslError("cannot read " + Values.repr(name) + ": " + e.getMessage());
      }
    } else {
      if (p.getParent() != null && !Files.isDirectory(p.getParent())) throw notFound(name);
      if (m.equals("x") && Files.exists(p)) throw new TdslError("[Errno 17] File exists: " + Values.repr(name));
    }
    return f;
  }

  private static TdslError notFound(String name) {
    return new TdslError("[Errno 2] No such file or directory: " + Values.repr(name));
  }

  private void checkOpen() {
    if (closed) throw new TdslError("I/O operation on closed file.");
  }

  private void checkReadable() {
    checkOpen();
    if (writing) throw new TdslError("not readable");
  }

  private String readline() {
    checkReadable();
    if (pos >= content.length()) return "";
    int nl = content.indexOf('\n', pos);
    int end = nl < 0 ? content.length() : nl + 1;
    String line = content.substring(pos, end);
    pos = end;
    return line;
  }

  private long write(String s) {
    checkOpen();
    if (!writing) throw new TdslError("not writable");
    try {
      if (!started) start(false);
      writer.write(s);
      if (temporary == null) writer.flush();  // straight to the file: nothing waits for a close that may never come
    } catch (IOException e) {
      throw new TdslError("cannot write " + Values.repr(name) + ": " + e.getMessage());
    }
    return s.codePointCount(0, s.length());
  }

  /** Opens the target (or, inside `with`, a temporary beside it that starts as the target's copy when appending). */
  private void start(boolean transactional) throws IOException {
    started = true;
    if (transactional) {
      temporary = Files.createTempFile(path.toAbsolutePath().getParent(), "." + path.getFileName() + ".", ".tmp");
      if (mode.equals("a") && Files.exists(path)) Files.copy(path, temporary, StandardCopyOption.REPLACE_EXISTING);
      writer = Files.newBufferedWriter(temporary, charset, StandardOpenOption.APPEND);
      return;
    }
    StandardOpenOption how = mode.equals("a") ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
    writer = Files.newBufferedWriter(path, charset, StandardOpenOption.CREATE, StandardOpenOption.WRITE, how);
  }

  /** close(): commits what was written (an untouched "w" file is created empty, as open() would have). */
  private void close(boolean failed) {
    if (closed) return;
    closed = true;
    if (!writing) return;
    try {
      if (!started) {
        if (failed) return;
        start(false);
      }
      writer.close();
      if (temporary != null) {
        if (failed) Files.deleteIfExists(temporary);
        else Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new TdslError("cannot write " + Values.repr(name) + ": " + e.getMessage());
    }
  }

  private static final Protocol<TextFile> PROTOCOL = new Protocol<>() {
    private static final List<String> NAMES = List.of("read", "readline", "readlines", "write", "writelines", "close", "flush",
        "closed", "name", "mode");

    @Override public String typeName(TextFile f) { return "TextIOWrapper"; }

    @Override public String className(TextFile f) { return "_io.TextIOWrapper"; }

    @Override public List<String> attributeNames(TextFile f) { return NAMES; }

    @Override public Object getAttr(TextFile f, String name) {
      return switch (name) {
        case "name" -> f.name;
        case "mode" -> f.mode;
        case "closed" -> f.closed;
        case "read" -> ArgumentParser.method("read(size=-1)", "The rest of the file (or at most size characters).", a -> {
          f.checkReadable();
          long size = a.getLong("size");
          int end = size < 0 ? f.content.length() : (int) Math.min(f.content.length(), f.pos + size);
          String s = f.content.substring(Math.min(f.pos, end), end);
          f.pos = end;
          return s;
        });
        case "readline" -> ArgumentParser.method("readline()", "The next line, with its '\\n' ('' at the end).", a -> f.readline());
        case "readlines" -> ArgumentParser.method("readlines()", "The remaining lines, each with its '\\n'.", a -> {
          List<Object> lines = new ArrayList<>();
          for (String l = f.readline(); !l.isEmpty(); l = f.readline()) lines.add(l);
          return new PyList(lines);
        });
        case "write" -> ArgumentParser.method("write(s)", "Writes a string; returns its length.", a -> {
          if (!(a.get("s") instanceof String s)) {
            throw new TdslError("write() argument must be str, not " + Values.typeName(a.get("s"), a.interpreter()));
          }
          return f.write(s);
        });
        case "writelines" -> ArgumentParser.method("writelines(lines)", "Writes each string (no newlines added).", a -> {
          for (Object o : Values.toList(a.get("lines"), a.interpreter())) {
            if (!(o instanceof String s)) throw new TdslError("write() argument must be str, not " + Values.typeName(o, a.interpreter()));
            f.write(s);
          }
          return null;
        });
        case "flush" -> ArgumentParser.method("flush()", "Pushes what was written toward the file.", a -> {
          f.checkOpen();
          try {
            if (f.writer != null) f.writer.flush();
          } catch (IOException e) {
            throw new TdslError("cannot write " + Values.repr(f.name) + ": " + e.getMessage());
          }
          return null;
        });
        case "close" -> ArgumentParser.method("close()", "Closes the file (writing: what was written is now in it).", a -> {
          f.close(false);
          return null;
        });
        default -> UNSUPPORTED;
      };
    }

    @Override public Iterator<Object> iterate(TextFile f) {
      f.checkReadable();
      return new Iterator<>() {
        public boolean hasNext() {
          return !f.closed && f.pos < f.content.length();
        }

        public Object next() {
          return f.readline();
        }
      };
    }

    @Override public Object enter(TextFile f) {
      f.checkOpen();
      if (f.writing && !f.started) {
        try {
          f.start(true);
        } catch (IOException e) {
          throw new TdslError("cannot write " + Values.repr(f.name) + ": " + e.getMessage());
        }
      }
      return f;
    }

    @Override public void exit(TextFile f, Throwable error) {
      f.close(error != null);
    }

    @Override public String repr(TextFile f) {
      return "<_io.TextIOWrapper name=" + Values.repr(f.name) + " mode=" + Values.repr(f.mode) + " encoding='UTF-8'>";
    }
  };
}
