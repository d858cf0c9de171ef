package org.tdsl.interp;

import org.tdsl.syntax.Pos;

/** return, break, continue and exit() unwind the Java stack as exceptions without stack traces. */
abstract sealed class Signal extends RuntimeException permits Signal.Return, Signal.Break, Signal.Continue, SystemExit {
  final Pos pos;

  Signal(Pos pos) {
    super(null, null, false, false);
    this.pos = pos;
  }

  static final class Return extends Signal {
    final Object value;

    Return(Object value, Pos pos) {
      super(pos);
      this.value = value;
    }
  }

  static final class Break extends Signal {
    Break(Pos pos) {
      super(pos);
    }
  }

  static final class Continue extends Signal {
    Continue(Pos pos) {
      super(pos);
    }
  }
}
