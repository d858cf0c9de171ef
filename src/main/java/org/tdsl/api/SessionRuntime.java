package org.tdsl.api;

import org.tdsl.autograd.AnomalyMode;
import org.tdsl.autograd.GradMode;
import org.tdsl.interp.Interpreter;
import org.tdsl.interp.TdslError;
import org.tdsl.tensor.Allocations;
import org.tdsl.tensor.Rng;

/**
 * The per-thread state a session owns: its random generator, grad mode, anomaly mode and
 * allocation guard (element limit and cancellation). {@link #install()} puts them on the
 * calling thread for one call and gives the thread its own back afterwards, keeping any
 * change the program made (manual_seed, a top-level no_grad) for the session's next call.
 */
final class SessionRuntime implements Allocations.Guard {
  private final Interpreter interpreter;
  private final long maxElements;
  private final Rng rng;
  private boolean gradEnabled = true;
  private boolean anomalyEnabled = false;
  private org.tdsl.tensor.format.PrintOptions printOptions = org.tdsl.tensor.format.PrintOptions.DEFAULT;  // torch.set_printoptions
  private boolean running;  // a program runs (not the host converting a value): cancellation applies

  SessionRuntime(Interpreter interpreter, long maxElements, long seed) {
    this.interpreter = interpreter;
    this.maxElements = maxElements;
    this.rng = new Rng(seed);
  }

  /** Answers the session's random draws from a recording (Session.Builder.replayDraws). */
  void replay(org.tdsl.tensor.DrawReplay recording) {
    rng.replay(recording);
  }

  /** Restores the thread's own state; never throws. */
  interface Installed extends AutoCloseable {
    @Override void close();
  }

  /** Whether cancellation is checked at allocations: while a program runs, not while the host sets a value. */
  void running(boolean on) {
    running = on;
  }

  Installed install() {
    Rng threadRng = Rng.current();
    Allocations.Guard threadGuard = Allocations.current();
    org.tdsl.tensor.format.PrintOptions threadPrint = org.tdsl.tensor.format.PrintOptions.current();
    Rng.setCurrent(rng);
    org.tdsl.tensor.format.PrintOptions.setCurrent(printOptions);
    Allocations.setCurrent(this);
    GradMode.Scope grad = GradMode.scope(gradEnabled);
    GradMode.Scope anomaly = AnomalyMode.enable(anomalyEnabled);
    return () -> {
      gradEnabled = GradMode.isEnabled();
      anomalyEnabled = AnomalyMode.isEnabled();
      anomaly.close();
      grad.close();
      Allocations.setCurrent(threadGuard);
      Rng.setCurrent(threadRng);
      printOptions = org.tdsl.tensor.format.PrintOptions.current();
      org.tdsl.tensor.format.PrintOptions.setCurrent(threadPrint);
    };
  }

  /** Every new tensor storage: stop here if cancelled, refuse sizes past the limit. */
  @Override
  public void check(long elements) {
    if (running) interpreter.host().checkCancelled();
    if (elements > maxElements) {
      throw new TdslError("tensor of " + elements + " elements exceeds this session's limit of " + maxElements + " elements");
    }
  }
}
