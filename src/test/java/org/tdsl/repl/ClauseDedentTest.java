package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** except / elif / else / finally typed at the REPL's own indentation move out to their statement. */
class ClauseDedentTest {
  private static final UnaryOperator<String> AUTO = org.tdsl.interp.Interpreter::continuationIndent;

  @Test
  void anExceptAtTheSuitesIndentationMovesOutToItsTry() {
    assertEquals("try:\n    x = 1\nexcept IndexError as e:", ClauseDedent.apply("try:\n    x = 1\n    except IndexError as e:", AUTO));
  }

  @Test
  void aNestedElseMovesOutOneLevelOnly() {
    assertEquals("for x in y:\n    if x:\n        a()\n    else:",
        ClauseDedent.apply("for x in y:\n    if x:\n        a()\n        else:", AUTO));
  }

  @Test
  void otherLinesAndChosenIndentationsStay() {
    assertNull(ClauseDedent.apply("if a:\n    b()", AUTO));  // not a clause
    assertNull(ClauseDedent.apply("else:", AUTO));  // one line: nothing to continue
    assertNull(ClauseDedent.apply("try:\n    x = 1\n  except E:", AUTO));  // two spaces: the user's own
    assertNull(ClauseDedent.apply("try:\n    x = 1\nexcept E:", AUTO));  // already out
    assertNull(ClauseDedent.apply("if a:\n    elsewhere = 1", AUTO));  // a name that starts like a clause
  }
}
