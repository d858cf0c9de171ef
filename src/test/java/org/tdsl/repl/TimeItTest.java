package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** IPython's %timeit wording and units; the expected strings are what IPython 8 prints for the same numbers. */
class TimeItTest {
  @Test
  void timesAreThreeSignificantDigitsInTheUnitThatFits() {
    assertEquals("1.23 µs", TimeIt.time(1.2345e-6));
    assertEquals("4.5 ns", TimeIt.time(4.5e-9));
    assertEquals("500 ms", TimeIt.time(0.5));
    assertEquals("2 s", TimeIt.time(2.0));
    assertEquals("10.1 ms", TimeIt.time(0.01005));
    assertEquals("0 ns", TimeIt.time(0));
    assertEquals("2min 3s", TimeIt.time(123.4));
    assertEquals("1e+03", TimeIt.significant(999.7, 3));
  }

  @Test
  void theLineSaysMeanSpreadRunsAndLoops() {
    TimeIt.Result r = new TimeIt.Result(List.of(1e-6, 1e-6, 1e-6, 1e-6, 1e-6, 1e-6, 1.07e-6), 100000);
    assertEquals("1.01 µs ± 24.5 ns per loop (mean ± std. dev. of 7 runs, 100000 loops each)", r.format());
    assertEquals("3 s ± 0 ns per loop (mean ± std. dev. of 1 run, 1 loop each)", new TimeIt.Result(List.of(3.0), 1).format());
  }
}
