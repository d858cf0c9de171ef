package org.tdsl.interp;

import java.lang.ref.Cleaner;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A generator function's run. Its body runs in a virtual thread of its own, which hands each
 * yielded value to the consumer and waits until asked for the next one, so exactly one of the
 * two runs at a time and the interpreter's state is never touched by both. The per-thread
 * state (grad mode, the random generator, the session's limits: {@link ThreadContext}) goes
 * with every resume and comes back with every yield, as if both ran on one thread. A generator dropped before its end
 * has its thread interrupted when the iterator object is collected, which ends the body as
 * Python's GeneratorExit does (its finally blocks run).
 */
final class Generator implements Iterator<Object> {
  private static final ThreadLocal<Generator> CURRENT = new ThreadLocal<>();
  private static final Cleaner CLEANER = Cleaner.create();

  private sealed interface Message {}

  private record Yielded(Object value, ThreadContext context) implements Message {}

  private record Finished(ThreadContext context) implements Message {}

  private record Failed(Throwable error, ThreadContext context) implements Message {}

  /** Unwinds an abandoned generator's body; never reaches a tdsl `except`. */
  private static final class Abandoned extends RuntimeException {
    Abandoned() {
      super(null, null, false, false);
    }
  }

  private final SynchronousQueue<Message> toConsumer = new SynchronousQueue<>();
  private final SynchronousQueue<ThreadContext> toProducer = new SynchronousQueue<>();
  private final Runnable body;
  private final AtomicReference<Thread> thread;
  private Message next;
  private boolean finished;

  private Generator(Runnable body, AtomicReference<Thread> thread) {
    this.body = body;
    this.thread = thread;
  }

  /** A generator object (an iterator value) that runs body on first use. */
  static PyIterator start(Runnable body) {
    AtomicReference<Thread> thread = new AtomicReference<>();
    PyIterator value = new PyIterator("generator", new Generator(body, thread));
    CLEANER.register(value, () -> {
      Thread t = thread.get();
      if (t != null) t.interrupt();
    });
    return value;
  }

  @Override
  public boolean hasNext() {
    if (next == null && !finished) next = resume();
    return next instanceof Yielded;
  }

  @Override
  public Object next() {
    if (!hasNext()) throw new NoSuchElementException();
    Object v = ((Yielded) next).value();
    next = null;
    return v;
  }

  private Message resume() {
    ThreadContext context = ThreadContext.capture();
    Message m;
    try {
      if (thread.get() == null) {
        Thread t = Thread.ofVirtual().name("tdsl-generator").unstarted(() -> run(context));
        thread.set(t);
        t.start();
      } else {
        toProducer.put(context);
      }
      m = toConsumer.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TdslError("KeyboardInterrupt");
    }
    switch (m) {
      case Yielded y -> y.context().install();
      case Finished f -> f.context().install();
      case Failed f -> f.context().install();
    }
    if (m instanceof Yielded) return m;
    finished = true;
    if (m instanceof Failed f) {
      if (f.error() instanceof RuntimeException r) throw r;
      throw (Error) f.error();
    }
    return m;
  }

  private void run(ThreadContext context) {
    CURRENT.set(this);
    context.install();
    Message last;
    try {
      body.run();
      last = new Finished(ThreadContext.capture());
    } catch (Abandoned a) {
      return;
    } catch (RuntimeException | Error e) {
      last = new Failed(e, ThreadContext.capture());
    }
    try {
      toConsumer.put(last);
    } catch (InterruptedException e) {
      // dropped while finishing: nobody is waiting
    }
  }

  /** `yield value` inside a generator's body: hands value over, returns when resumed. */
  static void yieldValue(Object value) {
    Generator g = CURRENT.get();
    if (g == null) throw new TdslError("'yield' outside function");
    try {
      g.toConsumer.put(new Yielded(value, ThreadContext.capture()));
      g.toProducer.take().install();
    } catch (InterruptedException e) {
      throw new Abandoned();
    }
  }
}
