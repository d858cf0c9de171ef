package org.tdsl.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** What a script cannot reach: a run cancelled from outside, and generators' threads. */
class ExceptionsTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final Interpreter ip = new Interpreter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

  /** A thread that cancels once the program has bound name (it is running its loop then). */
  private Thread stopWhenBound(String name, Runnable cancel) {
    return new Thread(() -> {
      try {
        while (ip.host().global(name) == null) Thread.sleep(10);
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
      cancel.run();
    });
  }

  @Test
  void aCancelledRunIsNotCaughtByExceptExceptionButFinallyBlocksRun() throws Exception {
    String program = """
        n = 0
        try:
            while True:
                try:
                    n += 1
                except Exception:
                    print("swallowed")
        finally:
            print("cleanup")
        """;
    Thread stopper = stopWhenBound("n", () -> ip.host().cancel("time limit exceeded"));
    stopper.start();
    TdslError e = assertThrows(TdslError.class, () -> ip.run(program, "t.tdsl", Path.of(".")));
    stopper.join();
    assertEquals("time limit exceeded", e.getMessage());
    assertEquals("cleanup\n", bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCancelledGeneratorStopsItsConsumer() throws Exception {
    String program = """
        def forever():
            n = 0
            while True:
                n += 1
                yield n
        total = 0
        for v in forever():
            total += v
        """;
    Thread stopper = stopWhenBound("total", () -> ip.host().cancel());
    stopper.start();
    TdslError e = assertThrows(TdslError.class, () -> ip.run(program, "t.tdsl", Path.of(".")));
    stopper.join();
    assertEquals("KeyboardInterrupt", e.getMessage());
    assertTrue(ip.host().global("total") instanceof Long n && n > 0, () -> "globals: " + ip.host().globalNames() + " " + e.format());
  }

  @Test
  void indentationErrorsShowTheLineAndACaretAtItsFirstToken() {
    TdslError e = assertThrows(TdslError.class, () -> ip.check("def f(x):\n    if x:\n        return 1\n      return 2\n", "m.py"));
    assertEquals("""
        error: m.py:4:7: IndentationError: unindent does not match any outer indentation level
            4 |       return 2
              |       ^""", e.format());
    e = assertThrows(TdslError.class, () -> ip.check("if True:\n\tx = 1\n        y = 2\n", "t.py"));
    assertEquals("""
        error: t.py:3:9: TabError: inconsistent use of tabs and spaces in indentation
            3 |         y = 2
              |         ^""", e.format());
    assertTrue(e.isSyntax());
  }

  @Test
  void anUncaughtRaiseSaysItsClass() {
    TdslError e = assertThrows(TdslError.class, () -> ip.run("raise ValueError('bad lr: ' + str(-1))\n", "r.py", Path.of(".")));
    assertEquals("""
        error: r.py:1:7: ValueError: bad lr: -1
            1 | raise ValueError('bad lr: ' + str(-1))
              |       ^""", e.format());
  }
}
