package org.tdsl.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.tdsl.api.JavaFunction;
import org.tdsl.api.Session;
import org.tdsl.api.TdslException;

/** The sandbox's edges (issue 14, item 4). */
class SandboxEdgesTest {
  @TempDir Path tmp;

  /** Saving to the file root itself fails without a file, even a temporary one, in the root's parent. */
  @ParameterizedTest(name = "save(net, \"{0}\")")
  @ValueSource(strings = {"", ".", "./", "x/.."})
  void savingToTheRootItselfWritesNothingOutsideIt(String target) throws IOException {
    Path root = Files.createDirectory(tmp.resolve("root"));
    Session s = Session.builder().fileRoot(root).build();
    TdslException e = assertThrows(TdslException.class,
        () -> s.eval("net = nn.Linear(2, 1)\nsave(net, \"" + target + "\")", "save.tdsl"));
    assertEquals(TdslException.Kind.RUNTIME, e.kind());
    assertTrue(e.message().endsWith("Is a directory"), e.message());
    // it once made (and removed) .root.RANDOM.tmp in the parent, and named it in the message
    assertTrue(!e.message().contains(".tmp"), e.message());
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(root), files.toList(), "nothing beside the root");
    }
    try (var files = Files.list(root)) {
      assertEquals(List.of(), files.toList(), "nothing in it");
    }
  }

  @Test
  void aHostFunctionsFailedAssertReachesTheHostAsATdslException() {
    Session s = Session.create();
    s.set("check", (JavaFunction) args -> { throw new AssertionError("host invariant broken"); });
    TdslException e = assertThrows(TdslException.class, () -> s.eval("check()", "host.tdsl"));
    assertEquals(TdslException.Kind.RUNTIME, e.kind());
    assertEquals("AssertionError: host invariant broken", e.message());
  }
}
