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
}
