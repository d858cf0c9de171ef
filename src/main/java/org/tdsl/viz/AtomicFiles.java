package org.tdsl.viz;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see the old content or the new, never half of it: into a
 * temporary file beside it, then renamed over it. Failures are IOExceptions naming the path.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  static void write(Path path, Body body) throws IOException {
    Path target = path.toAbsolutePath();
    Path dir = target.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("cannot write " + path + ": directory " + (path.getParent() != null ? path.getParent() : dir) + " does not exist");
    }
    if (Files.isDirectory(target)) throw new IOException("cannot write " + path + ": it is a directory");
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw new IOException("cannot write " + path + ": " + reason(e), e);
    }
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        body.writeTo(out);
      }
      try {
        // a temporary file is private to its owner; the picture should read like any other file
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        // keep the platform's default
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IOException("cannot write " + path + ": " + reason(e), e);
    } finally {
      Files.deleteIfExists(tmp);
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
