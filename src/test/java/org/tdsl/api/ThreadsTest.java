package org.tdsl.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tdsl.autograd.GradMode;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.Tensor;

/** Sessions in parallel threads share nothing; one session is used by one thread at a time. */
class ThreadsTest {
  /** Draws random numbers and records grad mode in a loop; with no_grad in one session, grad in the other. */
  private static final String WORK = """
      manual_seed(seed)
      draws = []
      modes = []
      for i in range(rounds) {
        if quiet {
          with no_grad() { r = randn(50) * ones(50, requires_grad=True) }
        } else {
          r = randn(50) * ones(50, requires_grad=True)
        }
        draws.append(r.sum().item())
        modes.append(r.requires_grad)
        d = Dropout(0.5)
        draws.append(d(ones(20)).sum().item())
      }
      """;

  private static List<?> run(Session s, long seed, boolean quiet, CyclicBarrier start) throws Exception {
    s.set("seed", seed);
    s.set("rounds", 300);
    s.set("quiet", quiet);
    if (start != null) start.await(30, TimeUnit.SECONDS);
    s.eval(WORK);
    return List.of(s.get("draws"), s.get("modes"));
  }

  @Test
  void twoSessionsInParallelThreadsDoNotDisturbEachOther() throws Exception {
    List<?> aAlone = run(Session.builder().output(new StringWriter()).build(), 7, true, null);
    List<?> bAlone = run(Session.builder().output(new StringWriter()).build(), 7, false, null);
    assertEquals(aAlone.get(0), bAlone.get(0), "the same seed gives the same draws");

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int trial = 0; trial < 3; trial++) {
        CyclicBarrier start = new CyclicBarrier(2);
        Session a = Session.builder().output(new StringWriter()).build();
        Session b = Session.builder().output(new StringWriter()).build();
        Future<List<?>> fa = pool.submit(() -> run(a, 7, true, start));
        Future<List<?>> fb = pool.submit(() -> run(b, 7, false, start));
        assertEquals(aAlone, fa.get(120, TimeUnit.SECONDS), "session a in parallel = alone");
        assertEquals(bAlone, fb.get(120, TimeUnit.SECONDS), "session b in parallel = alone");
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(((List<?>) aAlone.get(1)).stream().allMatch(Boolean.FALSE::equals), "no_grad in a");
    assertTrue(((List<?>) bAlone.get(1)).stream().allMatch(Boolean.TRUE::equals), "grad in b");
  }

  @Test
  void aSecondThreadIsRefusedWhileTheFirstIsInside() throws Exception {
    LimitsTest.Signal out = new LimitsTest.Signal("busy", () -> {});
    Session s = Session.builder().output(out).build();
    Thread t = new Thread(() -> {
      try {
        s.eval("print('busy')\nwhile True { pass }");
      } catch (TdslException expected) {
        // cancelled below
      }
    }, "worker-1");
    t.start();
    assertTrue(out.seen.await(30, TimeUnit.SECONDS));
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.eval("1"));
    assertEquals("this tdsl Session is in use by thread 'worker-1'; a session runs one call at a time"
        + " (use one session per thread)", e.getMessage());
    assertThrows(IllegalStateException.class, () -> s.set("x", 1));
    s.cancel();
    t.join(10_000);
    assertFalse(t.isAlive());
    s.set("x", 1);  // free again, from another thread
    assertEquals(2L, s.eval("x + 1"));
  }

  @Test
  void theCallingThreadGetsItsOwnStateBackAndTheSessionKeepsItsOwn() {
    Rng.seed(5);
    float first = Rng.current().nextFloat();
    Rng.seed(5);
    Rng mine = Rng.current();
    GradMode.setEnabled(false);
    try {
      Session s = Session.builder().output(new StringWriter()).seed(1).build();
      s.eval("manual_seed(3)\na = rand(1).item()\nt = ones(2, requires_grad=True) * 2");
      assertTrue(s.get("t", Tensor.class).gradFn() != null, "the session records though this thread had no_grad");
      assertTrue(Rng.current() == mine, "this thread's generator is back");
      assertEquals(first, Rng.current().nextFloat(), "and it was not drawn from");
      assertFalse(GradMode.isEnabled(), "this thread's grad mode is back");

      double a = s.get("a", Double.class);
      s.eval("manual_seed(3)");
      s.eval("b = rand(1).item()");  // the seed set by the previous call carries over
      assertEquals(a, s.get("b", Double.class));
    } finally {
      GradMode.setEnabled(true);
    }
  }

  @Test
  void aSessionMovesBetweenThreads() throws Exception {
    Session s = Session.builder().output(new StringWriter()).seed(11).build();
    Thread t = new Thread(() -> s.eval("manual_seed(4)\nx = randn(3)"));
    t.start();
    t.join();
    s.eval("y = randn(3)");
    Session ref = Session.builder().output(new StringWriter()).build();
    ref.eval("manual_seed(4)\nx = randn(3)\ny = randn(3)");
    assertArrayEquals(ref.get("y", float[].class), s.get("y", float[].class));
    assertNull(s.eval("None"));
  }
}
