package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL's keywords are the lexer's: `assert` was missing from a hand-written list. */
class KeywordsFollowGrammarTest {
  @TempDir Path dir;

  @Test
  void assertIsHighlightedAsAKeyword() {
    String line = "assert x > 0, \"positive\"";
    assertEquals(TdslHighlighter.KEYWORD, TdslHighlighter.styles(line)[0]);
  }

  @Test
  void assertIsCompletedAsAKeyword() {
    TdslCompleter completer = new TdslCompleter(new FakeBackend(), dir);
    assertTrue(completer.candidates("ass", 3).stream().map(Candidate::value).anyMatch("assert"::equals));
  }
}
