package org.tdsl.repl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tdsl.syntax.Keywords;

/**
 * A forgiving lexer for the line being edited: it never fails, so half-typed strings and
 * unclosed brackets still give tokens. Highlighting and completion read it; running code
 * goes through the real parser.
 */
final class Scan {

  enum Kind { NAME, KEYWORD, NUMBER, STRING, COMMENT, OPEN, CLOSE, DOT, OTHER }

  /** {@code end} is exclusive; {@code closed} is false for a string still missing its quote. */
  record Token(Kind kind, int start, int end, boolean closed) {
    String text(String source) { return source.substring(start, end); }
  }

  /** The lexer's own keywords, so highlighting and completion follow the grammar. */
  static final Set<String> KEYWORDS = Keywords.all();

  private Scan() {}

  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') i++;
        out.add(new Token(Kind.COMMENT, start, i, true));
      } else if (c == '"' || c == '\'' || isStringPrefix(s, i)) {
        i = stringEnd(s, c == '"' || c == '\'' ? i : i + 1);
        boolean closed = i > start + 1 && s.charAt(i - 1) == s.charAt(quoteAt(s, start))
            && i - 1 > quoteAt(s, start) && !escaped(s, i - 1);
        out.add(new Token(Kind.STRING, start, i, closed));
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
        i = numberEnd(s, i);
        out.add(new Token(Kind.NUMBER, start, i, true));
      } else if (Character.isJavaIdentifierStart(c)) {
        while (i < s.length() && Character.isJavaIdentifierPart(s.charAt(i))) i++;
        Kind kind = KEYWORDS.contains(s.substring(start, i)) ? Kind.KEYWORD : Kind.NAME;
        out.add(new Token(kind, start, i, true));
      } else {
        i++;
        Kind kind = switch (c) {
          case '(', '[', '{' -> Kind.OPEN;
          case ')', ']', '}' -> Kind.CLOSE;
          case '.' -> Kind.DOT;
          default -> Kind.OTHER;
        };
        out.add(new Token(kind, start, i, true));
      }
    }
    return out;
  }

  /** f"..." and friends: a letter prefix glued to a quote. */
  private static boolean isStringPrefix(String s, int i) {
    char c = s.charAt(i);
    return (c == 'f' || c == 'r' || c == 'F' || c == 'R') && i + 1 < s.length()
        && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\'')
        && (i == 0 || !Character.isJavaIdentifierPart(s.charAt(i - 1)));
  }

  private static int quoteAt(String s, int start) {
    return s.charAt(start) == '"' || s.charAt(start) == '\'' ? start : start + 1;
  }

  /** Index just past the closing quote, or the end of the line for an unterminated string. */
  private static int stringEnd(String s, int quote) {
    char q = s.charAt(quote);
    if (s.startsWith(String.valueOf(q).repeat(3), quote)) return tripleEnd(s, quote, q);
    int i = quote + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') { i += 2; continue; }
      if (c == q) return i + 1;
      if (c == '\n') return i;
      i++;
    }
    return s.length();
  }

  /** A docstring runs over lines until three quotes close it. */
  private static int tripleEnd(String s, int quote, char q) {
    String close = String.valueOf(q).repeat(3);
    int i = quote + 3;
    while (i < s.length()) {
      if (s.charAt(i) == '\\') { i += 2; continue; }
      if (s.startsWith(close, i)) return i + 3;
      i++;
    }
    return s.length();
  }

  private static boolean escaped(String s, int i) {
    int backslashes = 0;
    while (i - 1 - backslashes >= 0 && s.charAt(i - 1 - backslashes) == '\\') backslashes++;
    return backslashes % 2 == 1;
  }

  private static int numberEnd(String s, int i) {
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean exponentSign = (c == '+' || c == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E');
      if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) i++;
      else break;
    }
    return i;
  }
}
