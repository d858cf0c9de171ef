package org.tdsl.interp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Which files a program may open. Every path a program names — {@code import}, mnist(),
 * load(), save(), save_image(), plot(), save_graph() — passes through {@link #resolve} before
 * anything opens it, and the caller opens the path it returns, never the text it was given.
 *
 * <p>The command line and the REPL use {@link #unrestricted()}. An embedded session gets
 * {@link #within}: only files under the roots its host granted, with {@code ..}, absolute
 * paths and symbolic links resolved before the comparison (a link inside a root that points
 * outside is outside).
 */
public final class FileAccess {
  /** What the program is about to do with the file. */
  public enum Mode { READ, WRITE }

  private record Root(Path real, boolean writable) {}

  private final List<Root> roots;  // null: unrestricted
  private final Path base;

  private FileAccess(List<Root> roots, Path base) {
    this.roots = roots;
    this.base = base;
  }

  /** Any path, relative ones against the process's working directory (the command line's rule). */
  public static FileAccess unrestricted() {
    return new FileAccess(null, null);
  }

  /**
   * Only files under {@code writable} (read and write) and {@code readOnly} (read); relative
   * paths resolve against {@code base}. Every root must be an existing directory.
   */
  public static FileAccess within(Path base, List<Path> writable, List<Path> readOnly) {
    List<Root> roots = new ArrayList<>();
    for (Path p : writable) roots.add(new Root(realDirectory(p), true));
    for (Path p : readOnly) roots.add(new Root(realDirectory(p), false));
    return new FileAccess(List.copyOf(roots), base.toAbsolutePath().normalize());
  }

  private static Path realDirectory(Path p) {
    try {
      Path real = p.toRealPath();
      if (!Files.isDirectory(real)) throw new IllegalArgumentException("file root " + p + " is not a directory");
      return real;
    } catch (IOException e) {
      throw new IllegalArgumentException("file root " + p + " does not exist", e);
    }
  }

  public boolean isRestricted() {
    return roots != null;
  }

  /** Where relative paths start: the process's working directory when unrestricted. */
  public Path base() {
    return base != null ? base : Path.of("").toAbsolutePath();
  }

  /** The granted roots (real paths), empty when unrestricted or when none was granted. */
  public List<Path> roots() {
    return roots == null ? List.of() : roots.stream().map(Root::real).toList();
  }

  /** A path a builtin was given, relative to {@link #base()}. */
  public Path resolve(String path, Mode mode) {
    return resolve(null, path, mode);
  }

  /**
   * The path to open for {@code path}, relative to {@code dir} when given (an import is
   * relative to the importing file) or else to {@link #base()}; PermissionError when the
   * program may not touch it. Unrestricted access returns the path as written.
   */
  public Path resolve(Path dir, String path, Mode mode) {
    Path p;
    try {
      if (roots == null) return dir == null ? Path.of(path) : dir.resolve(path).normalize();
      p = (dir != null ? dir : base).resolve(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new TdslError("ValueError: invalid path " + quoted(path) + ": " + e.getReason());
    }
    Path real = realPath(p, path);
    for (Root r : roots) {
      if (!real.startsWith(r.real())) continue;
      if (mode == Mode.WRITE && !r.writable()) {
        throw denied(path, "is in a read-only file root of this session");
      }
      return real;
    }
    throw denied(path, roots.isEmpty() ? "is outside the session's file roots (it has none)"
        : "is outside the session's file roots");
  }

  /**
   * The real path of p: its longest existing prefix with every symbolic link resolved, then
   * the components that do not exist yet. A dangling link is refused: where it points is not
   * a file yet, and writing through it would create one wherever it aims.
   */
  private Path realPath(Path p, String given) {
    Deque<Path> missing = new ArrayDeque<>();
    Path existing = p;
    while (existing != null && !Files.exists(existing)) {
      if (Files.isSymbolicLink(existing)) throw denied(given, "is a symbolic link to a file that does not exist");
      missing.push(existing.getFileName());
      existing = existing.getParent();
    }
    Path real;
    try {
      real = existing == null ? p.getRoot() : existing.toRealPath();
    } catch (IOException e) {
      throw denied(given, "cannot be resolved (" + e.getMessage() + ")");
    }
    while (!missing.isEmpty()) real = real.resolve(missing.pop());
    return real;
  }

  private static TdslError denied(String path, String why) {
    return new TdslError("PermissionError: " + quoted(path) + " " + why);
  }

  private static String quoted(String path) {
    return "'" + path.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
