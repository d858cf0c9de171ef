package org.tdsl.syntax;

import static org.tdsl.syntax.generated.TdslLexer.*;

import org.antlr.v4.runtime.Token;

/**
 * Python's rules for the indentation of a line: its width with tabs to multiples of 8, and
 * with tabs as 1, so that a line whose meaning depends on the tab size is refused (TabError),
 * as CPython's tokenizer does. Also the words Python uses for a compound statement's header.
 */
record Indentation(int col, int alt) {
  static final Indentation NONE = new Indentation(0, 0);

  /** The indentation of a line whose leading whitespace is ws. */
  static Indentation of(String ws) {
    int col = 0;
    int alt = 0;
    for (int i = 0; i < ws.length(); i++) {
      char c = ws.charAt(i);
      if (c == '\t') {
        col = (col / 8 + 1) * 8;
        alt++;
      } else if (c == '\f') {
        col = 0;
        alt = 0;
      } else {
        col++;
        alt++;
      }
    }
    return new Indentation(col, alt);
  }

  /** Whether this line and other agree on their order whatever the tab size. */
  boolean consistentWith(Indentation other) {
    return Integer.compare(col, other.col) == Integer.compare(alt, other.alt);
  }

  static final String TAB_ERROR = "TabError: inconsistent use of tabs and spaces in indentation";
  static final String UNINDENT = "IndentationError: unindent does not match any outer indentation level";
  static final String UNEXPECTED = "IndentationError: unexpected indent";

  /** "expected an indented block after 'if' statement on line 3", in Python's words. */
  static String expectedBlock(Token header, int line) {
    String what = switch (header.getType()) {
      case DEF -> "function definition";
      case CLASS -> "class definition";
      default -> "'" + header.getText() + "' statement";
    };
    return "IndentationError: expected an indented block after " + what + " on line " + line;
  }
}
