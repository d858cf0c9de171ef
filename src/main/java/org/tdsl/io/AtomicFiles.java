package org.tdsl.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see the old content or the new, never half of it: into a
 * temporary file beside it, then renamed over it (checkpoints, pictures, plots, graphs).
 *
 * <p>The file ends with the permissions a plain {@code open(path, "w")} gives in Python: a
 * new file what the umask allows (0644 under umask 022), an existing one its own mode. So
 * the temporary file is made by an ordinary create, not {@code Files.createTempFile}, which
 * makes it 0600 whatever the umask.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  @FunctionalInterface
  public interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  /** {@link #replace}, with failures as IOExceptions that say "cannot write PATH: why". */
  public static void write(Path path, Body body) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("cannot write " + path + ": directory " + (path.getParent() != null ? path.getParent() : dir) + " does not exist");
    }
    if (Files.isDirectory(target)) throw new IOException("cannot write " + path + ": it is a directory");
    try {
      replace(target, body);
    } catch (IOException e) {
      throw new IOException("cannot write " + path + ": " + reason(e), e);
    }
  }

  /** Writes body's bytes to path atomically; the IOException of the step that failed, as it came. */
  public static void replace(Path path, Body body) throws IOException {
    Path target = path.toAbsolutePath();
    // before the temporary file: beside a directory (a file root saved to as "" or ".") is its parent, outside the root
    if (Files.isDirectory(target)) throw new java.nio.file.FileSystemException(path.toString(), null, "Is a directory");
    Path tmp = create(target);
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
        body.writeTo(out);
      }
      keepMode(target, tmp);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      removeStale(target);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write's own error matters more
      }
    }
  }

  /** A temporary file untouched this long belongs to a save that was killed, not to one under way. */
  static final Duration STALE = Duration.ofMinutes(1);

  /**
   * Deletes the temporary files of earlier saves of the same target that were killed (a
   * {@code kill -9} leaves {@code .NAME.*.tmp} behind; 20 killed saves of a model left 88 MB).
   * Only names this class makes, and only ones no writer has touched for {@link #STALE}, so
   * a save of the same file under way in another process keeps its file.
   */
  private static void removeStale(Path target) {
    String prefix = "." + target.getFileName() + ".";
    long cutoff = System.currentTimeMillis() - STALE.toMillis();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
        p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
      for (Path p : siblings) {
        String middle = p.getFileName().toString();
        middle = middle.substring(prefix.length(), middle.length() - ".tmp".length());
        if (!middle.matches("[0-9a-z]{1,13}")) continue; // .NAME.{random}.tmp, as create() names them
        try {
          if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toMillis() < cutoff) {
            Files.deleteIfExists(p);
          }
        } catch (IOException ignored) {
          // another cleaner got there first, or it is not ours to delete: the save itself succeeded
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // cleaning up is a courtesy; the save itself succeeded
    }
  }

  /** A new empty file beside target, created as any file is (its mode from the umask). */
  private static Path create(Path target) throws IOException {
    for (int attempt = 0; ; attempt++) {
      String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path tmp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
      try {
        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt == 100) throw e;
      }
    }
  }

  /** An existing file keeps its permissions when it is replaced, as when it is overwritten in place. */
  private static void keepMode(Path target, Path tmp) throws IOException {
    if (!Files.exists(target)) return;
    try {
      Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
    } catch (UnsupportedOperationException notPosix) {
      // the platform's default
    }
  }

  private static String reason(IOException e) {
    String name = e.getClass().getSimpleName();
    return switch (name) {
      case "AccessDeniedException" -> "permission denied";
      case "NoSuchFileException" -> "no such file or directory";
      case "FileSystemException" -> e.getMessage();
      default -> e.getMessage() == null ? name : e.getMessage();
    };
  }
}
