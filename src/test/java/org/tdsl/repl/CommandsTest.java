package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path dir;

  @Test
  void helpListsCommandsAndTheBackendsBuiltins() throws Exception {
    try (Session s = new Session(null)) {
      s.type(":help\r").type("1\r").awaitChunks(1);
      String screen = s.screen();
      assertTrue(screen.contains(":vars"), screen);
      assertTrue(screen.contains("mnist"), screen);
      assertTrue(screen.contains("the MNIST digits from IDX files"), screen);
    }
  }

  @Test
  void helpNameShowsTheSignatureOrSuggests() throws Exception {
    try (Session s = new Session(null)) {
      s.type(":help tensor\r").type(":help tensr\r").type(":help vars\r").type("1\r").awaitChunks(1);
      String screen = s.screen();
      assertTrue(screen.contains("tensor(data, *, requires_grad=False, dtype=None)\n  a tensor from nested lists"), screen);
      assertTrue(screen.contains("no builtin named 'tensr'; did you mean 'tensor'?"), screen);
      assertTrue(screen.contains(":vars\n  show the variables"), screen);
    }
  }

  @Test
  void varsTapeTimeReset() throws Exception {
    try (Session s = new Session(null)) {
      s.type("loss = 5\r").type(":vars\r").type(":tape loss\r").type(":time 1 + 2\r")
          .type(":reset\r").type(":vars\r").awaitChunks(3);
      Thread.sleep(200);
      String screen = s.screen();
      assertTrue(screen.contains("name  kind  shape  dtype  requires_grad\nloss  int"), screen);
      assertEquals("tape(loss)", s.backend.chunks.get(1));
      assertTrue(screen.contains("tape of loss"), screen);
      assertTrue(screen.matches("(?s).*\n3\nwall time: [0-9.]+ (µs|ms|s)\n.*"), screen);
      assertTrue(screen.contains("(no variables)"), screen);
    }
  }

  @Test
  void loadRunsAFileHereAndQuitLeaves() throws Exception {
    Path file = dir.resolve("setup.tdsl");
    Files.writeString(file, "a = 2\nb = 3\n");
    try (Session s = new Session(null)) {
      s.type(":load " + file + "\r").type("a + b\r").awaitChunks(3);
      assertTrue(s.screen().contains(">>> a + b\n5\n"), s.screen());
      s.type(":quit\r");
      Thread.sleep(500);
      assertFalse(s.running());
    }
  }

  @Test
  void missingArgumentsAndUnknownCommandsSaySo() throws Exception {
    try (Session s = new Session(null)) {
      s.type(":tape\r").type(":frobnicate\r").type("1\r").awaitChunks(1);
      String screen = s.screen();
      assertTrue(screen.contains("usage: :tape NAME"), screen);
      assertTrue(screen.contains("unknown command :frobnicate"), screen);
    }
  }
}
