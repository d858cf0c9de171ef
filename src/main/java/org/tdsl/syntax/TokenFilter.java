package org.tdsl.syntax;

import static org.tdsl.syntax.generated.TdslLexer.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Sits between the lexer and the parser and decides which newlines end a statement: none
 * inside () [] or a dict's braces, none after a binary operator, none before an `else` that
 * follows a block's `}`. It also tells a block's `{` from a dict's, adds a statement end after
 * every block, and checks that brackets match, which gives better messages than the parser.
 */
final class TokenFilter {
  /** Tokens after which a line goes on. */
  private static final Set<Integer> CONTINUES = Set.of(
      PLUS, MINUS, STAR, SLASH, DSLASH, PERCENT, AT, POW, EQ, NE, LT, LE, GT, GE,
      AND, OR, NOT, IN, IS, ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN, STAR_ASSIGN, SLASH_ASSIGN,
      DOT, ELSE);
  /** Tokens that end an expression: a `{` after one of these opens a block. */
  private static final Set<Integer> ENDS_EXPRESSION = Set.of(
      NAME, RPAREN, RBRACK, RBRACE, INT, FLOAT, STRING, FSTRING, TRUE, FALSE, NONE, ELLIPSIS,
      ELSE);

  /** The result: tokens for the parser, and whether more input could complete the text. */
  record Result(List<Token> tokens, SyntaxError error, boolean incomplete, boolean endsWithBlock) {}

  private record Open(Token token, boolean block) {}

  private final String file;
  private final int lineOffset;
  private final int colOffset;

  TokenFilter(String file, int lineOffset, int colOffset) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
  }

  Result filter(List<? extends Token> input) {
    List<Token> out = new ArrayList<>();
    Deque<Open> open = new ArrayDeque<>();
    Token pendingNewline = null;
    Token last = null; // last significant token emitted
    boolean lastClosedBlock = false;
    SyntaxError error = null;
    for (Token t : input) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) continue;
      int type = t.getType();
      if (type == NEWLINE) {
        boolean insideBrackets = !open.isEmpty() && !open.peek().block();
        if (insideBrackets || last == null || CONTINUES.contains(last.getType())
            || (last.getType() == LBRACE)) continue;
        if (pendingNewline == null) pendingNewline = t;
        continue;
      }
      if (type == Token.EOF) {
        if (!open.isEmpty() && error == null) {
          Token o = open.peek().token();
          error = new SyntaxError("expected '" + closerOf(o.getType()) + "' to close '"
              + o.getText() + "' at " + line(o) + ":" + col(o), pos(o), true);
        }
        boolean dangling = last != null && CONTINUES.contains(last.getType());
        if (dangling && error == null) {
          String what = last.getType() == DOT ? "a name" : "an expression";
          error = new SyntaxError("expected " + what + " after '" + last.getText()
              + "', found end of input", pos(t), true);
        }
        out.add(t);
        break;
      }
      if (pendingNewline != null) {
        if (!(type == ELSE && lastClosedBlock)) out.add(pendingNewline);
        pendingNewline = null;
      }
      lastClosedBlock = false;
      switch (type) {
        case LPAREN, LBRACK -> open.push(new Open(t, false));
        case LBRACE -> {
          boolean block = last != null && ENDS_EXPRESSION.contains(last.getType())
              && !(out.getLast().getType() == NEWLINE || out.getLast().getType() == SEMI);
          open.push(new Open(t, block));
        }
        case RPAREN, RBRACK, RBRACE -> {
          if (open.isEmpty()) {
            if (error == null) error = new SyntaxError("unexpected '" + t.getText() + "'", pos(t));
          } else if (closerOf(open.peek().token().getType()) != t.getText().charAt(0)) {
            Token o = open.peek().token();
            if (error == null) {
              error = new SyntaxError("expected '" + closerOf(o.getType()) + "' to close '"
                  + o.getText() + "' at " + line(o) + ":" + col(o) + ", found '" + t.getText()
                  + "'", pos(t));
            }
          } else if (open.pop().block()) {
            out.add(t);
            last = t;
            lastClosedBlock = true;
            pendingNewline = synthetic(t);
            continue;
          }
        }
        case ERROR_CHAR -> {
          Token prev = out.isEmpty() ? null : out.getLast();
          boolean tripleOpen = prev != null && prev.getType() == STRING && prev.getText().length() == 2
              && prev.getStopIndex() + 1 == t.getStartIndex() && prev.getText().charAt(0) == t.getText().charAt(0);
          if (tripleOpen && error == null) {
            error = new SyntaxError("unterminated triple-quoted string literal", pos(prev), true);
          }
          if (error == null) {
            String c = t.getText();
            error = c.equals("\"") || c.equals("'")
                ? new SyntaxError("unterminated string literal", pos(t))
                : new SyntaxError("invalid character '" + c + "'", pos(t));
          }
        }
        default -> {}
      }
      out.add(t);
      last = t;
    }
    return new Result(out, error, error != null && error.incomplete(), lastClosedBlock);
  }

  private static char closerOf(int openType) {
    return switch (openType) {
      case LPAREN -> ')';
      case LBRACK -> ']';
      default -> '}';
    };
  }

  private static Token synthetic(Token after) {
    CommonToken t = new CommonToken(after);
    t.setType(NEWLINE);
    t.setText("\n");
    t.setStartIndex(after.getStopIndex() + 1);
    t.setStopIndex(after.getStopIndex());
    t.setCharPositionInLine(after.getCharPositionInLine() + 1);
    return t;
  }

  private int line(Token t) {
    return t.getLine() + lineOffset;
  }

  private int col(Token t) {
    return t.getCharPositionInLine() + 1 + (t.getLine() == 1 ? colOffset : 0);
  }

  private Pos pos(Token t) {
    int len = t.getType() == Token.EOF ? 1 : Math.max(1, t.getText().length());
    return new Pos(file, line(t), col(t), len);
  }
}
