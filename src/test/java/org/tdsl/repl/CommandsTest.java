package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  @TempDir Path dir;

  @Test
  void helpIsAShortMapByTopicAndAllListsEverything() throws Exception {
    try (Session s = new Session(null)) {
      s.type(":help\r").type("1\r").awaitChunks(1);
      String screen = s.screen();
      assertTrue(screen.contains("\n  tensors   tensor\n"), screen);
      assertTrue(screen.contains("\n  data      mnist load\n"), screen);
      assertTrue(screen.contains(":timeit STATEMENT"), screen);
      assertTrue(!screen.contains("the MNIST digits"), "one line per topic, no help lines: " + screen);
      s.type(":help all\r").type(":help data\r").type("2\r").awaitChunks(2);
      assertTrue(s.screen().contains("Data and files:\n  mnist            the MNIST digits from IDX files\n"), s.screen());
      assertTrue(s.screen().contains("More:\n"), s.screen());
    }
  }

  @Test
  void questionMarkAndBareHelpCallAreHelp() throws Exception {
    try (Session s = new Session(null)) {
      // one input at a time: keys typed ahead are echoed before the answer to the first
      s.type("tensor?\r").awaitScreen("a tensor from nested lists");
      s.type("help()\r").awaitScreen("tdsl runs PyTorch code");
      s.type("1\r").awaitChunks(1);
      String screen = s.screen();
      assertTrue(screen.contains("tensor?\ntensor(data, *, requires_grad=False, dtype=None)\n  a tensor from nested lists"), screen);
      assertTrue(screen.contains("help()\ntdsl runs PyTorch code: indented or in braces"), screen);
      assertEquals(List.of("1"), s.backend.chunks, "neither ran as code");
    }
  }

  @Test
  void aLongTextIsPagedOnATerminal() throws Exception {
    try (Session s = new Session(null)) {
      for (int i = 0; i < 40; i++) s.type("x" + i + " = " + i + "\r");
      s.awaitChunks(40);
      s.type(":history\r").awaitScreen("-- more --");
      assertTrue(s.screen().contains("  28  x27 = 27\n"), s.screen());
      assertTrue(!s.screen().contains("  36  x35 = 35\n"), "the second page waits: " + s.screen());
      s.type(" ").awaitScreen("  40  x39 = 39\n");
      s.type(":history\r").type("q").type("7 + 1\r").awaitScreen("\n8\n");
    }
  }

  @Test
  void historyNumbersTheInputsAndSaveWritesTheGoodOnes() throws Exception {
    Path file = dir.resolve("session.tdsl");
    try (Session s = new Session(null)) {
      s.type("a = 2\r").type("boom\r").type("a + 1\r").type(":history\r").awaitScreen("   3  a + 1\n");
      assertTrue(s.screen().contains("   1  a = 2\n   2! boom\n   3  a + 1\n"), s.screen());
      s.type(":save " + file + "\r").awaitScreen("saved 2 inputs to " + file);
      assertEquals("a = 2\na + 1\n", Files.readString(file));
      s.type("b = 3\r").type(":save " + file + "\r").awaitScreen("exists; :save! " + file + " replaces it");
      assertEquals("a = 2\na + 1\n", Files.readString(file), "not overwritten");
      s.type(":save! " + file + "\r").awaitScreen("saved 3 inputs");
      assertEquals("a = 2\na + 1\nb = 3\n", Files.readString(file));
    }
  }

  @Test
  void timeitPrintsMeanAndSpreadInIPythonsWords() throws Exception {
    try (Session s = new Session(null)) {
      s.type(":timeit 1 + 2\r").awaitScreen("each)");
      String screen = s.screen();
      // a loop of the fake statement takes a millisecond: the count stops where 0.2 s is reached
      assertTrue(screen.matches("(?s).*\n[\\d.]+ ms ± [\\d.]+ (ms|µs|ns) per loop "
          + "\\(mean ± std\\. dev\\. of 7 runs, (50|100|200) loops each\\)\n.*"), screen);
      assertTrue(!screen.contains("\n3\n"), "no echo: " + screen);
      s.type(":timeit boom\r").awaitScreen("name 'boom' is not defined");
    }
  }

  @Test
  void exitLeavesTheConsole() throws Exception {
    try (Session s = new Session(null)) {
      s.type("1\r").type("exit()\r");
      Thread.sleep(500);
      assertFalse(s.running());
      assertEquals(0, s.finish());
    }
  }

  @Test
  void helpNameShowsTheSignatureOrSuggests() throws Exception {
    try (Session s = new Session(null)) {
      s.type(":help tensor\r").type(":help tensr\r").type(":help vars\r").type("1\r").awaitChunks(1);
      String screen = s.screen();
      assertTrue(screen.contains("tensor(data, *, requires_grad=False, dtype=None)\n  a tensor from nested lists"), screen);
      assertTrue(screen.contains("no builtin or variable named 'tensr'; did you mean 'tensor'?"), screen);
      assertTrue(screen.contains(":vars\n  the variables: kind"), screen);
    }
  }

  @Test
  void varsTapeTimeReset() throws Exception {
    try (Session s = new Session(null)) {
      s.type("loss = 5\r").type(":vars\r").type(":tape loss\r").type(":time 1 + 2\r")
          .type(":reset\r").type(":vars\r").awaitChunks(3);
      Thread.sleep(200);
      String screen = s.screen();
      assertTrue(screen.matches("(?s).*name  kind  shape  dtype  requires_grad  value\nloss  int +5\n.*"), screen);
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
      s.type(":load \"" + file + "\"\r").type(":load '" + file + "'\r").type("a + b\r").awaitChunks(8);
      assertTrue(!s.screen().contains("error"), "quotes name the file as in Python: " + s.screen());
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
      assertTrue(screen.contains("usage: :tape TENSOR"), screen);
      assertTrue(screen.contains("unknown command :frobnicate"), screen);
    }
  }
}
