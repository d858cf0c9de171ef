package org.tdsl.tensor.kernels;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The kernels' only threading: a few daemon worker threads that spin briefly, then park.
 *
 * <p>Waking a parked pool thread costs 50–100 µs, more than a whole mid-size matrix product,
 * so a worker keeps spinning for {@link #SPIN_NANOS} after each job before it parks: a
 * training loop that calls kernels back to back finds it awake. The caller always works
 * too, so {@code threads() - 1} workers exist. Nested calls (a kernel running inside
 * another kernel's task) and calls made while another thread holds the pool run serially
 * on the calling thread, so the pool never deadlocks and never oversubscribes the cores.
 *
 * <p>The thread count is the number of available processors, overridable with the system
 * property {@code tdsl.threads} (1 disables the workers).
 */
public final class Parallel {
  private Parallel() {}

  private static final int THREADS = Math.max(1,
      Integer.getInteger("tdsl.threads", Runtime.getRuntime().availableProcessors()));
  private static final long SPIN_NANOS = 2_000_000;
  private static final ReentrantLock POOL = new ReentrantLock();
  private static volatile Worker[] workers;

  /** How many threads (the caller included) {@link #forEach} may use. */
  public static int threads() {
    return THREADS;
  }

  /**
   * Where part {@code t} of {@code parts} near-equal parts of {@code [0, n)} starts; part t
   * ends where part t + 1 starts, and part {@code parts} "starts" at n.
   */
  public static int bound(long n, int t, int parts) {
    return (int) (n * t / parts);
  }

  /**
   * Runs {@code task.accept(i)} once for every {@code i} in {@code [0, tasks)}, spread over
   * up to {@link #threads()} threads (the caller included), and returns when all are done.
   * Tasks are handed out one at a time in increasing order, so uneven tasks balance. The
   * first exception a task throws is rethrown here after the others finish.
   */
  public static void forEach(int tasks, IntConsumer task) {
    if (tasks <= 0) return;
    if (tasks == 1 || THREADS == 1 || Thread.currentThread() instanceof Worker
        || POOL.isHeldByCurrentThread() || !POOL.tryLock()) {
      for (int i = 0; i < tasks; i++) task.accept(i);
      return;
    }
    try {
      Worker[] pool = startedWorkers();
      Job job = new Job(tasks, task);
      int helpers = Math.min(tasks, THREADS) - 1;
      job.pending.set(helpers);
      for (int w = 0; w < helpers; w++) pool[w].submit(job);
      job.work();
      job.awaitHelpers();
      job.rethrow();
    } finally {
      POOL.unlock();
    }
  }

  private static Worker[] startedWorkers() {
    Worker[] pool = workers;
    if (pool == null) {  // only the lock holder gets here, so no race
      pool = new Worker[THREADS - 1];
      for (int w = 0; w < pool.length; w++) {
        pool[w] = new Worker("tdsl-kernel-" + (w + 1));
        pool[w].start();
      }
      workers = pool;
    }
    return pool;
  }

  /** One call's tasks: a shared counter that every thread draws the next index from. */
  private static final class Job {
    final int tasks;
    final IntConsumer task;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger pending = new AtomicInteger();  // helpers not yet finished
    volatile Throwable failure;

    Job(int tasks, IntConsumer task) {
      this.tasks = tasks;
      this.task = task;
    }

    void work() {
      int i;
      while ((i = next.getAndIncrement()) < tasks) {
        if (failure != null) continue;  // drain the counter, do no more work
        try {
          task.accept(i);
        } catch (Throwable t) {
          if (failure == null) failure = t;
        }
      }
    }

    void awaitHelpers() {
      for (int spins = 0; pending.get() > 0; spins++) {
        if (spins < 10_000) Thread.onSpinWait(); else Thread.yield();
      }
    }

    void rethrow() {
      Throwable t = failure;
      if (t instanceof RuntimeException e) throw e;
      if (t instanceof Error e) throw e;
      if (t != null) throw new RuntimeException(t);
    }
  }

  private static final class Worker extends Thread {
    private volatile Job job;
    private volatile boolean parked;

    Worker(String name) {
      super(name);
      setDaemon(true);  // never keeps the JVM alive
    }

    void submit(Job j) {
      job = j;
      if (parked) LockSupport.unpark(this);
    }

    @Override
    public void run() {
      while (true) {
        Job j = awaitJob();
        job = null;
        j.work();
        j.pending.decrementAndGet();
      }
    }

    private Job awaitJob() {
      long since = System.nanoTime();
      int spins = 0;
      while (true) {
        Job j = job;
        if (j != null) return j;
        if (++spins < 1024 || System.nanoTime() - since < SPIN_NANOS) {
          Thread.onSpinWait();
          continue;
        }
        parked = true;
        if (job == null) LockSupport.park(this);  // submit() sets job before reading parked
        parked = false;
        since = System.nanoTime();
        spins = 0;
      }
    }
  }
}
