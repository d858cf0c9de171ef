package org.tdsl.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class HighlighterTest {
  private static AttributedStyle styleOf(String buffer, String part) {
    return TdslHighlighter.styles(buffer)[buffer.indexOf(part)];
  }

  @Test
  void keywordsNumbersStringsComments() {
    String line = "for i in range(10) { print(\"i =\", i, 1.5e-3) }  # loop";
    assertEquals(TdslHighlighter.KEYWORD, styleOf(line, "for"));
    assertEquals(TdslHighlighter.KEYWORD, styleOf(line, "in "));
    assertEquals(TdslHighlighter.NUMBER, styleOf(line, "10"));
    assertEquals(TdslHighlighter.NUMBER, styleOf(line, "e-3"));
    assertEquals(TdslHighlighter.STRING, styleOf(line, "i =\""));
    assertEquals(TdslHighlighter.COMMENT, styleOf(line, "loop"));
    assertNull(styleOf(line, "range"));
    assertNull(styleOf(line, "print"));
  }

  @Test
  void aHashInsideAStringIsNotAComment() {
    String line = "s = \"#1\" + f'{x}'";
    assertEquals(TdslHighlighter.STRING, styleOf(line, "#1"));
    assertEquals(TdslHighlighter.STRING, styleOf(line, "f'"));
  }

  @Test
  void aTripleQuotedStringSpansLines() {
    String code = "def f() {\n  \"\"\"Adds (one.\n  # not a comment\"\"\"\n  return 1\n}";
    assertEquals(TdslHighlighter.STRING, styleOf(code, "# not"));
    assertEquals(TdslHighlighter.STRING, styleOf(code, "(one"), "a bracket inside a string is no bracket");
    assertEquals(TdslHighlighter.KEYWORD, styleOf(code, "return"));
  }

  @Test
  void aClosingBracketWithoutPartnerIsMarked() {
    String line = "x = (a + b]) ]";
    AttributedStyle[] styles = TdslHighlighter.styles(line);
    assertEquals(TdslHighlighter.UNMATCHED, styles[line.indexOf(']')]);
    assertNull(styles[line.indexOf(')')]);
    assertEquals(TdslHighlighter.UNMATCHED, styles[line.lastIndexOf(']')]);
    assertNull(TdslHighlighter.styles("f(x, [1, 2]")[1], "an open bracket is still being typed");
  }
}
