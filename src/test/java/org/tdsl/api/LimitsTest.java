package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cancellation from another thread, the wall-time limit, and the tensor element limit. */
class LimitsTest {
  /** A Writer that counts down a latch when a marker is printed. */
  static final class Signal extends Writer {
    final CountDownLatch seen = new CountDownLatch(1);
    final StringBuilder text = new StringBuilder();
    private final String marker;
    private final Runnable onMarker;

    Signal(String marker, Runnable onMarker) {
      this.marker = marker;
      this.onMarker = onMarker;
    }

    @Override public synchronized void write(char[] c, int off, int len) {
      text.append(c, off, len);
      if (seen.getCount() > 0 && text.indexOf(marker) >= 0) {
        onMarker.run();
        seen.countDown();
      }
    }

    @Override public void flush() {}

    @Override public void close() {}
  }

  @Test
  void cancelStopsALoopRunningOnAnotherThread() throws Exception {
    Signal out = new Signal("started", () -> {});
    Session s = Session.builder().output(out).build();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = new Thread(() -> {
      try {
        s.eval("i = 0\nwhile True {\n  i += 1\n  if i == 1000 { print('started') }\n}", "spin.tdsl");
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    assertTrue(out.seen.await(30, TimeUnit.SECONDS), "the loop started");
    s.cancel();
    t.join(10_000);
    assertFalse(t.isAlive(), "cancel stopped the loop");
    TdslException e = (TdslException) failure.get();
    assertEquals(TdslException.Kind.CANCELLED, e.kind());
    assertEquals("KeyboardInterrupt", e.message());
    assertEquals("spin.tdsl", e.file());
    assertTrue(e.line() >= 2 && e.line() <= 4, "stopped in the loop, line " + e.line());
    assertTrue(s.get("i", Long.class) >= 1000, "cancelled mid-loop, after the print");
    assertEquals(2L, s.eval("1 + 1"), "the session runs again after a cancel");
  }

  @Test
  void cancellationIsSeenAtTheNextTensorAllocationInsideAStatement() {
    AtomicReference<Session> self = new AtomicReference<>();
    Signal out = new Signal("go", () -> self.get().cancel());
    Session s = Session.builder().output(out).build();
    self.set(s);
    // print cancels (from inside the statement); ones(3) is the next allocation in the same statement
    TdslException e = assertThrows(TdslException.class, () -> s.eval("y = [print('go'), ones(3)]\nz = 1"));
    assertEquals(TdslException.Kind.CANCELLED, e.kind());
    assertEquals(1, e.line());
    assertFalse(s.has("y"), "the statement did not finish");
  }

  @Test
  void aStopBetweenTopLevelStatementsNamesTheNextStatement() {
    AtomicReference<Session> self = new AtomicReference<>();
    Signal out = new Signal("go", () -> self.get().cancel());
    Session s = Session.builder().output(out).build();
    self.set(s);
    TdslException e = assertThrows(TdslException.class, () -> s.eval("a = 1\nprint('go')\nb = 2", "stop.tdsl"));
    assertEquals(TdslException.Kind.CANCELLED, e.kind());
    assertEquals("stop.tdsl", e.file());
    assertEquals(3, e.line());
    assertTrue(s.has("a") && !s.has("b"));
  }

  @Test
  void cancelWithNothingRunningDoesNothing() {
    Session s = Session.builder().output(new StringWriter()).build();
    s.cancel();
    assertEquals(3L, s.eval("1 + 2"));
  }

  @Test
  void theTimeLimitStopsAnEndlessLoopAndACall() {
    Session s = Session.builder().output(new StringWriter()).timeLimit(Duration.ofMillis(300)).build();
    long start = System.nanoTime();
    TdslException e = assertThrows(TdslException.class, () -> s.eval("n = 0\nwhile True { n += 1 }", "forever.tdsl"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(TdslException.Kind.TIMEOUT, e.kind());
    assertEquals("TimeoutError: the program ran longer than this session's time limit of 300ms", e.message());
    assertEquals("forever.tdsl", e.file());
    assertTrue(ms >= 250 && ms < 10_000, "stopped after " + ms + " ms");

    // the limit is per call: a short call after a timeout runs, a tdsl function called from Java is bounded too
    assertEquals(1L, s.eval("1"));
    s.eval("def spin() { while True { pass } }");
    TdslException c = assertThrows(TdslException.class, () -> s.call("spin"));
    assertEquals(TdslException.Kind.TIMEOUT, c.kind());
    assertEquals(1, c.traceback().size());
  }

  @Test
  void theTimeLimitStopsATrainingLoop() {
    Session s = Session.builder().output(new StringWriter()).timeLimit(Duration.ofSeconds(2)).seed(0).build();
    s.eval("""
        net = Sequential(Linear(64, 64), ReLU(), Linear(64, 1))
        opt = SGD(net.parameters(), lr=0.01)
        x = randn(256, 64)
        y = randn(256, 1)
        steps = 0
        """);
    long start = System.nanoTime();
    TdslException e = assertThrows(TdslException.class, () -> s.eval("""
        while True {
          opt.zero_grad()
          loss = mse_loss(net(x), y)
          loss.backward()
          opt.step()
          steps += 1
        }
        """, "train.tdsl"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertEquals(TdslException.Kind.TIMEOUT, e.kind());
    assertEquals("train.tdsl", e.file());
    assertTrue(s.get("steps", Long.class) > 0, "it trained until the limit");
    assertTrue(ms >= 1900 && ms < 20_000, "stopped after " + ms + " ms");
  }

  @Test
  void allocationsPastTheElementLimitAreRefusedBeforeTheyHappen() {
    Session s = Session.builder().output(new StringWriter()).maxTensorElements(100_000_000).build();
    String expected = "tensor of 2000000000 elements exceeds this session's limit of 100000000 elements";
    for (String code : new String[] {"zeros(2000000000)", "randn(40000, 50000)", "ones(2000000000)",
        "arange(0, 2000000000)", "full((1000, 2000000), 1.5)"}) {
      TdslException e = assertThrows(TdslException.class, () -> s.eval("x = " + code), code);
      assertEquals(expected, e.message(), code);
      assertEquals(TdslException.Kind.RUNTIME, e.kind());
    }
    // an operation's result counts as well as a creation's: 10000 x 10001 from small inputs
    TdslException mm = assertThrows(TdslException.class, () -> s.eval("a = ones(10000, 1)\nb = ones(1, 10001)\nc = a @ b"));
    assertEquals("tensor of 100010000 elements exceeds this session's limit of 100000000 elements", mm.message());
    assertEquals(3, mm.line());
    // and tensors from Java
    TdslException set = assertThrows(TdslException.class, () -> Session.builder().maxTensorElements(2).build()
        .set("v", new float[] {1, 2, 3}));
    assertTrue(set.message().startsWith("tensor of 3 elements exceeds"), set.message());
    // below the limit all is well, and the session goes on
    assertEquals(1000L, s.eval("zeros(10, 100).numel()"));
  }

  @Test
  void sizesPastWhatAnIntCountsAreRefusedWithoutALimit() {
    Session s = Session.builder().output(new StringWriter()).build();
    TdslException e = assertThrows(TdslException.class, () -> s.eval("x = zeros(100000, 100000)"));
    assertEquals("tensor of 10000000000 elements is too large: a tensor holds at most 2147483647 elements", e.message());
    assertEquals(0L, s.eval("zeros(100000, 100000, 0).numel()"), "an empty dimension makes it empty");
  }

  @Test
  void theOutOfTheBoxSessionHasNoLimitsButTheSandboxForFiles() {
    Session s = Session.create();
    assertNotNull(s);
    assertEquals(12L, s.eval("ones(3, 4).numel()"));
  }
}
