package org.tdsl.interp;

import org.tdsl.autograd.AnomalyMode;
import org.tdsl.autograd.GradMode;
import org.tdsl.tensor.Allocations;
import org.tdsl.tensor.Rng;
import org.tdsl.tensor.format.PrintOptions;

/**
 * The per-thread state of a running program: grad and anomaly mode, the random generator
 * (and with it a replayed recording), the session's allocation guard, the print options. A
 * Python generator runs on its consumer's thread and shares all of it; tdsl's runs on a thread
 * of its own, so the state is handed over at every resume and every yield, both ways.
 */
record ThreadContext(boolean grad, boolean anomaly, Rng rng, Allocations.Guard guard, PrintOptions print) {
  static ThreadContext capture() {
    return new ThreadContext(GradMode.isEnabled(), AnomalyMode.isEnabled(), Rng.current(), Allocations.current(),
        PrintOptions.current());
  }

  void install() {
    GradMode.setEnabled(grad);
    AnomalyMode.enable(anomaly);  // the scope it returns is not needed: this thread's state is replaced
    Rng.setCurrent(rng);
    Allocations.setCurrent(guard);
    PrintOptions.setCurrent(print);
  }
}
