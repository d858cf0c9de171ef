package org.tdsl.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.tdsl.syntax.generated.TdslLexer;
import org.tdsl.syntax.generated.TdslParser;

/** Turns the parser's first complaint into a SyntaxError that says what was expected. */
final class ErrorListener extends BaseErrorListener {
  private final String file;
  private final int lineOffset;
  private final int colOffset;
  /** Where the input ends: an error at a token made there (a DEDENT) is one more input may fix. */
  private final int end;
  /** Whether the file uses indented suites: then a missing block opener is named ':', else '{'. */
  private final boolean indented;

  ErrorListener(String file, int lineOffset, int colOffset, int end, boolean indented) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
    this.end = end;
    this.indented = indented;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
      int charPositionInLine, String msg, RecognitionException e) {
    Token t = (Token) offendingSymbol;
    int col = charPositionInLine + 1 + (line == 1 ? colOffset : 0);
    int len = t == null || t.getType() == Token.EOF ? 1 : Math.max(1, t.getText().length());
    Pos pos = new Pos(file, line + lineOffset, col, len);
    if (t != null && (t.getType() == Token.EOF || t.getType() == TdslLexer.NEWLINE || t.getType() == TdslParser.DEDENT)
        && recognizer instanceof Parser p && p.getInputStream().LT(-1) != null) {
      // An end of line is reported just after the code, not after a trailing comment.
      Token before = p.getInputStream().LT(-1);
      int c = before.getCharPositionInLine() + 1 + before.getText().length() + (before.getLine() == 1 ? colOffset : 0);
      pos = new Pos(file, before.getLine() + lineOffset, c, 1);
    }
    String found = describe(t);
    IntervalSet expected = null;
    if (recognizer instanceof Parser p) {
      // After a failed choice between alternatives (NoViableAlt) ANTLR's expected set is
      // misleading, so only a plain mismatch names what was expected.
      if (e == null || e instanceof InputMismatchException) {
        expected = e != null ? e.getExpectedTokens() : p.getExpectedTokens();
      }
    }
    if (expected != null && expected.contains(TdslLexer.LBRACE) && expected.contains(TdslLexer.COLON)) {
      expected = new IntervalSet(expected);
      expected.remove(indented ? TdslLexer.LBRACE : TdslLexer.COLON);
    }
    String wanted = expected == null ? null : describe(expected, recognizer.getVocabulary());
    String message = wanted == null ? "unexpected " + found : "expected " + wanted + ", found " + found;
    boolean atEnd = t == null || t.getType() == Token.EOF || t.getStartIndex() >= end;
    throw new SyntaxError(message, pos, atEnd);
  }

  static String describe(Token t) {
    if (t == null || t.getType() == Token.EOF) return "end of input";
    if (t.getType() == TdslLexer.NEWLINE) return "end of line";
    if (t.getType() == TdslParser.INDENT) return "an indented block";
    if (t.getType() == TdslParser.DEDENT) return "the end of the indented block";
    return "'" + t.getText() + "'";
  }

  /** Plain words for a small expected set; null when it is too large to be useful. */
  private static String describe(IntervalSet set, Vocabulary vocabulary) {
    if (set.contains(TdslLexer.NAME) && set.contains(TdslLexer.INT)) return "an expression";
    List<String> words = new ArrayList<>();
    List<Integer> types = new ArrayList<>(set.toList());
    if (types.contains(TdslLexer.NEWLINE)) types.remove(Integer.valueOf(Token.EOF));
    for (int type : types) {
      words.add(switch (type) {
        case Token.EOF -> "end of input";
        case TdslLexer.NEWLINE -> "end of line";
        case TdslLexer.NAME -> "a name";
        case TdslLexer.STRING -> "a string";
        case TdslParser.INDENT -> "an indented block";
        case TdslParser.DEDENT -> "the end of the indented block";
        default -> {
          String literal = vocabulary.getLiteralName(type);
          yield literal != null ? literal : vocabulary.getDisplayName(type);
        }
      });
    }
    if (words.isEmpty() || words.size() > 4) return null;
    if (words.size() == 1) return words.getFirst();
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.getLast();
  }
}
