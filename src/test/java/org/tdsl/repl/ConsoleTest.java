package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleTest {
  @TempDir Path dir;

  @Test
  void echoesAnExpressionAndKeepsVariables() throws Exception {
    try (Session s = new Session(null)) {
      s.type("x = 40\r").type("x + 2\r").awaitChunks(2);
      assertTrue(s.screen().contains(">>> x + 2\n42\n"), s.screen());
      assertEquals(0, s.finish());
    }
  }

  @Test
  void anIncompleteChunkContinuesOnDotLinesAndRunsOnce() throws Exception {
    try (Session s = new Session(null)) {
      s.type("for i in range(3) {\r").type("\r").type("  print(i)\r").type("}\r").awaitChunks(1);
      assertEquals(List.of("for i in range(3) {\n\n  print(i)\n}"), s.backend.chunks);
      assertTrue(s.screen().contains("... }"), s.screen());
    }
  }

  @Test
  void typedTextIsTakenLiterally() throws Exception {
    try (Session s = new Session(null)) {
      s.type("x != 1\r").type("print(\"a\\\\n\")\r").awaitChunks(2);
      assertEquals(List.of("x != 1", "print(\"a\\\\n\")"), s.backend.chunks);
    }
  }

  @Test
  void ctrlCStopsARunningLoopAndKeepsState() throws Exception {
    try (Session s = new Session(null)) {
      s.type("x = 7\r").type("while True { }\r");
      assertTrue(s.backend.looping.await(10, TimeUnit.SECONDS));
      Thread.sleep(100);
      s.type("\u0003");
      s.type("x\r").awaitChunks(3);
      String screen = s.screen();
      assertTrue(screen.contains("KeyboardInterrupt"), screen);
      assertTrue(screen.contains(">>> x\n7\n"), screen);
      assertTrue(s.running(), "Ctrl-C while running must not leave the REPL");
    }
  }

  @Test
  void ctrlCAtThePromptClearsTheLine() throws Exception {
    try (Session s = new Session(null)) {
      s.type("12345");
      Thread.sleep(300);
      s.type("\u0003");
      Thread.sleep(300);
      s.type("1 + 1\r").awaitChunks(1);
      assertEquals(List.of("1 + 1"), s.backend.chunks);
      assertTrue(s.running());
    }
  }

  @Test
  void anErrorIsShownAndTheNextStatementWorks() throws Exception {
    try (Session s = new Session(null)) {
      s.type("boom\r").type("1 + 1\r").awaitChunks(2);
      String screen = s.screen();
      assertTrue(screen.contains("error: <stdin>:1:1: name 'boom' is not defined\n"), screen);
      assertTrue(screen.contains(">>> 1 + 1\n2\n"), screen);
    }
  }

  @Test
  void ctrlDOnAnEmptyLineLeaves() throws Exception {
    try (Session s = new Session(null)) {
      s.type("\u0004");
      Thread.sleep(500);
      assertFalse(s.running());
    }
  }

  @Test
  void tabCompletesInPlace() throws Exception {
    try (Session s = new Session(null)) {
      s.type("weight = 3\r").awaitChunks(1);
      s.type("wei\t");
      Thread.sleep(300);
      s.type(" + 1\r").awaitChunks(2);
      assertEquals("weight + 1", s.backend.chunks.get(1));
    }
  }

  @Test
  void historyIsSavedToTheFile() throws Exception {
    Path history = dir.resolve(".tdsl_history");
    try (Session s = new Session(history)) {
      s.type("x = 1\r").type("def f() {\r1\r}\r").awaitChunks(2);
      s.finish();
    }
    String saved = Files.readString(history);
    assertTrue(saved.contains("x = 1"), saved);
    assertTrue(saved.contains("def f() {"), saved);
    try (Session s = new Session(history)) {
      s.type("\u0010\r").awaitChunks(1);  // Ctrl-P recalls the last entry, from the file
      assertEquals("def f() {\n1\n}", s.backend.chunks.getFirst());
      s.type("\u0012x =");  // Ctrl-R searches backwards
      Thread.sleep(300);
      s.type("\r").awaitChunks(2);
      assertEquals("x = 1", s.backend.chunks.get(1));
    }
  }
}
