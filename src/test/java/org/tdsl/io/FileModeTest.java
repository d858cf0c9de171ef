package org.tdsl.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tdsl.autograd.Torch;
import org.tdsl.tensor.Tensor;
import org.tdsl.viz.Viz;

/**
 * Every file tdsl writes (checkpoints, pictures, plots, graphs) gets the permissions a plain
 * create gives under the process's umask, as Python's open(path, "w") does, not the 0600 of
 * a temporary file; a file that is replaced keeps its own mode.
 */
class FileModeTest {
  @TempDir Path dir;

  interface Writer {
    void write(Path path) throws IOException;
  }

  private static final Map<String, Writer> WRITERS = Map.of(
      "m.safetensors", p -> Checkpoint.save(List.of(Tensor.of(new float[] {1, 2}, 2)), p),
      "i.png", p -> Viz.saveImage(Tensor.of(new float[] {0, 1, 2, 3}, 2, 2), p),
      "plot.png", p -> Viz.plot(new double[] {3, 2, 1}, p, "loss"),
      "g.dot", p -> Viz.saveGraph(Torch.mul(leaf(), leaf()), p));

  private static Tensor leaf() {
    Tensor t = Tensor.of(new float[] {1, 2}, 2);
    t.setRequiresGrad(true);
    return t;
  }

  /** What the umask gives a new file: the mode of one made by an ordinary create. */
  private Set<PosixFilePermission> umaskMode() throws IOException {
    Path plain = dir.resolve("plain");
    Files.newOutputStream(plain).close();
    return Files.getPosixFilePermissions(plain);
  }

  @Test
  void aNewFileGetsTheModeTheUmaskGives() throws IOException {
    Set<PosixFilePermission> expected = umaskMode();
    for (var w : WRITERS.entrySet()) {
      Path p = dir.resolve(w.getKey());
      w.getValue().write(p);
      assertEquals(PosixFilePermissions.toString(expected), PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), w.getKey());
    }
  }

  @Test
  void aReplacedFileKeepsItsMode() throws IOException {
    Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-rw-r--");
    for (var w : WRITERS.entrySet()) {
      Path p = dir.resolve(w.getKey());
      Files.writeString(p, "old");
      Files.setPosixFilePermissions(p, shared);
      w.getValue().write(p);
      assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), w.getKey());
      assertTrue(Files.size(p) > 3, w.getKey() + " was not rewritten");
    }
  }

  @Test
  void noTemporaryFileIsLeftBehind() throws IOException {
    for (var w : WRITERS.entrySet()) w.getValue().write(dir.resolve(w.getKey()));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
    }
  }

  @Test
  void aKilledSavesStaleTemporaryIsRemovedByTheNextSaveOfTheSameFile() throws IOException {
    Path target = dir.resolve("model.pt");
    Path stale = dir.resolve(".model.pt.3k9zq1x.tmp");
    Path fresh = dir.resolve(".model.pt.8abc.tmp");
    Path other = dir.resolve(".other.pt.3k9zq1x.tmp");
    for (Path p : List.of(stale, fresh, other)) Files.write(p, new byte[] {1, 2, 3});
    java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(stale, old);
    Files.setLastModifiedTime(other, old);
    AtomicFiles.write(target, out -> out.write(new byte[] {4, 5}));
    assertFalse(Files.exists(stale), "the killed save's temporary is gone");
    assertTrue(Files.exists(fresh), "a save under way elsewhere keeps its temporary");
    assertTrue(Files.exists(other), "another file's temporary is not this save's business");
  }
}
