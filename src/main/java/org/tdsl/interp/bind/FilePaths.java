package org.tdsl.interp.bind;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tdsl.interp.Args;
import org.tdsl.interp.FileAccess;

/** The paths builtins open, each through the interpreter's one file check (FileAccess). */
final class FilePaths {
  private FilePaths() {}

  static Path reading(Args a, String path) {
    return a.interpreter().host().fileAccess().resolve(path, FileAccess.Mode.READ);
  }

  static Path writing(Args a, String path) {
    return a.interpreter().host().fileAccess().resolve(path, FileAccess.Mode.WRITE);
  }

  /**
   * mnist's directory, and each IDX file it may open there: a link inside an allowed
   * directory that points outside it is refused like any other path.
   */
  static Path mnistRoot(Args a, String root, boolean train) {
    Path dir = reading(a, root);
    if (!a.interpreter().host().fileAccess().isRestricted()) return dir;
    String prefix = train ? "train" : "t10k";
    for (String name : new String[] {prefix + "-images-idx3-ubyte", prefix + "-labels-idx1-ubyte"}) {
      for (String file : new String[] {name + ".gz", name}) {
        if (Files.exists(dir.resolve(file)) || Files.isSymbolicLink(dir.resolve(file))) {
          reading(a, dir.resolve(file).toString());
        }
      }
    }
    return dir;
  }
}
