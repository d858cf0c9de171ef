package org.tdsl.syntax;

import static org.tdsl.syntax.generated.TdslLexer.*;
import static org.tdsl.syntax.generated.TdslParser.DEDENT;
import static org.tdsl.syntax.generated.TdslParser.INDENT;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;

/**
 * Sits between the lexer and the parser and decides the layout: which newlines end a
 * statement (none inside () [] or a dict's braces, none after a binary operator, none before
 * an `else` that follows a block), where Python's indented suites begin and end (INDENT and
 * DEDENT, as CPython's tokenizer makes them; a one-line suite `if x: return 1` is wrapped in
 * them too), and tells a block's `{` from a dict's. Both kinds of block may meet in one file:
 * inside braces the indentation of lines is free, except inside an indented suite opened
 * there. It also checks that brackets match, which gives better messages than the parser.
 */
final class TokenFilter {
  /** Tokens after which a line goes on. */
  private static final Set<Integer> CONTINUES = Set.of(
      PLUS, MINUS, STAR, SLASH, DSLASH, PERCENT, AT, POW, EQ, NE, LT, LE, GT, GE,
      AND, OR, NOT, IN, IS, ASSIGN, PLUS_ASSIGN, MINUS_ASSIGN, STAR_ASSIGN, SLASH_ASSIGN,
      DOT, ELSE, LSHIFT, RSHIFT, AMP, PIPE, CARET, TILDE, DSLASH_ASSIGN, PERCENT_ASSIGN,
      POW_ASSIGN, AT_ASSIGN, AMP_ASSIGN, PIPE_ASSIGN, CARET_ASSIGN, LSHIFT_ASSIGN, RSHIFT_ASSIGN);
  /** Tokens that end an expression (or a clause keyword): a `{` after one of these opens a block. */
  private static final Set<Integer> ENDS_EXPRESSION = Set.of(
      NAME, RPAREN, RBRACK, RBRACE, INT, FLOAT, STRING, FSTRING, TRUE, FALSE, NONE, ELLIPSIS,
      ELSE, TRY, EXCEPT, FINALLY);
  /** Keywords that open a compound statement's clause: its `:` at bracket depth 0 starts a suite. */
  private static final Set<Integer> HEADERS = Set.of(
      IF, ELIF, ELSE, WHILE, FOR, DEF, CLASS, WITH, TRY, EXCEPT, FINALLY);
  /** Clauses that continue the statement whose block just closed. */
  private static final Set<Integer> CLAUSES = Set.of(ELSE, ELIF, EXCEPT, FINALLY);

  /**
   * The result: tokens for the parser; the first layout error; whether more input could
   * complete the text; whether an indented suite is still open at the end (a REPL waits for a
   * blank line); whether the last top-level block may be followed by a clause (`else`,
   * `elif`, `except`, `finally`), so that a REPL waits for one more line.
   */
  record Result(List<Token> tokens, SyntaxError error, boolean incomplete, boolean suiteOpen,
      boolean awaitsClause, int end, List<Integer> statementLines) {}

  /** An open bracket; for a block's `{`, the keyword of the clause it belongs to. */
  private record Open(Token token, boolean block, Token clause) {}

  private enum Kind { FREE, BASE, SUITE, INLINE }

  /**
   * One entry of the indentation stack: a suite's indentation (SUITE, or INLINE for a
   * one-line suite), the region inside braces where lines may be indented freely (FREE),
   * and, above FREE, the indentation of the header line whose suite opened there (BASE).
   */
  private record Level(Kind kind, Indentation indent, Token clause) {}

  private final String file;
  private final int lineOffset;
  private final int colOffset;

  private final List<Token> out = new ArrayList<>();
  private final Deque<Open> open = new ArrayDeque<>();
  private final Deque<Level> levels = new ArrayDeque<>();
  private Token pendingNewline;
  private Token last; // last significant token emitted
  private boolean lastClosedBlock;
  private boolean lastOpenedBlock;
  private SyntaxError error;
  private Token lastWs;
  private Indentation lineIndent = Indentation.NONE;
  /** The keyword of the clause being read, until its `:` or `{`; lambdas whose `:` is still to come. */
  private Token header;
  private int lambdas;
  /** After a suite's `:`: its header, until the next token says one-line or indented suite. */
  private Token afterColon;
  private int afterColonLine;
  /** After a suite's `:` and a newline: the next line must be indented. */
  private Token expectIndent;
  private int expectIndentLine;
  private boolean inlineStart;
  /** For the REPL: the first keyword of the current top-level statement, the last top-level clause closed. */
  private int topStatement;
  private Token topClause;
  private final List<Integer> statementLines = new ArrayList<>();

  TokenFilter(String file, int lineOffset, int colOffset) {
    this.file = file;
    this.lineOffset = lineOffset;
    this.colOffset = colOffset;
    levels.push(new Level(Kind.SUITE, Indentation.NONE, null));
  }

  Result filter(List<? extends Token> input) {
    for (Token t : input) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        if (t.getType() == WS) lastWs = t;
        continue;
      }
      int type = t.getType();
      if (type == NEWLINE) {
        newline(t);
        continue;
      }
      if (type == Token.EOF) {
        return end(t);
      }
      token(t, type);
    }
    throw new IllegalStateException("token list without EOF");
  }

  private void newline(Token t) {
    boolean insideBrackets = !open.isEmpty() && !open.peek().block();
    if (insideBrackets || last == null || continues() || lastOpenedBlock) return;
    if (pendingNewline == null) pendingNewline = t;
    if (afterColon != null) {
      expectIndent = afterColon;
      expectIndentLine = afterColonLine;
      afterColon = null;
    }
    closeInlineSuites(t);
  }

  /** Whether the line goes on after the last token: a binary operator, but not `import *`. */
  private boolean continues() {
    if (!CONTINUES.contains(last.getType())) return false;
    boolean importAll = last.getType() == STAR && out.size() >= 2 && out.get(out.size() - 2).getType() == IMPORT;
    return !importAll;
  }

  private Result end(Token eof) {
    if (error == null && (afterColon != null || expectIndent != null)) {
      Token h = afterColon != null ? afterColon : expectIndent;
      error = new SyntaxError(Indentation.expectedBlock(h, line(h)), pos(eof), true);
    }
    closeInlineSuites(eof);
    if (!open.isEmpty() && error == null) {
      Token o = open.peek().token();
      error = new SyntaxError("expected '" + closerOf(o.getType()) + "' to close '"
          + o.getText() + "' at " + line(o) + ":" + col(o), pos(o), true);
    }
    boolean dangling = last != null && continues();
    if (dangling && error == null) {
      String what = last.getType() == DOT ? "a name" : "an expression";
      error = new SyntaxError("expected " + what + " after '" + last.getText()
          + "', found end of input", pos(eof), true);
    }
    boolean suiteOpen = false;
    while (levels.size() > 1) {
      Level l = levels.pop();
      if (l.kind() == Kind.SUITE) {
        suiteOpen = true;
        dedent(eof, l);
      }
    }
    boolean awaits = lastClosedBlock && topClause != null && mayContinue(topClause.getType());
    if (pendingNewline != null) out.add(pendingNewline);
    out.add(eof);
    return new Result(out, error, error != null && error.incomplete(), suiteOpen, awaits, eof.getStartIndex(),
        statementLines);
  }

  /** Whether a clause can follow a block of this clause in the same statement. */
  private boolean mayContinue(int clause) {
    return switch (clause) {
      case IF, ELIF, FOR, WHILE, TRY, EXCEPT -> true;
      case ELSE -> topStatement == TRY;
      default -> false;
    };
  }

  private void token(Token t, int type) {
    boolean physicalLineStart = last == null || t.getLine() > last.getLine();
    boolean logicalLineStart = last == null || pendingNewline != null || lastOpenedBlock;
    if (logicalLineStart && physicalLineStart) indentation(t);
    boolean statementStart = logicalLineStart || inlineStart || last.getType() == SEMI;
    boolean clauseStart = statementStart || (lastClosedBlock && CLAUSES.contains(type));
    if (afterColon != null) inlineSuite(t);
    if (pendingNewline != null) {
      if (!(CLAUSES.contains(type) && lastClosedBlock)) out.add(pendingNewline);
      pendingNewline = null;
    }
    if (clauseStart) {
      lambdas = 0;
      header = HEADERS.contains(type) ? t : null;
      boolean topLevel = open.isEmpty() && levels.size() == 1;
      if (topLevel && !(lastClosedBlock && CLAUSES.contains(type))) {
        boolean decorated = topStatement == AT; // a decorator and its def are one statement
        topStatement = type;
        if (!decorated && (statementLines.isEmpty() || statementLines.getLast() != line(t))) statementLines.add(line(t));
      }
    } else if (type == IF && last.getType() == ELSE && header == last) {
      header = t; // `else if`: the braces spelling of elif
    }
    lastClosedBlock = false;
    lastOpenedBlock = false;
    inlineStart = false;
    switch (type) {
      case LPAREN, LBRACK -> open.push(new Open(t, false, null));
      case LBRACE -> {
        Token before = out.isEmpty() ? null : out.getLast();
        boolean block = last != null && ENDS_EXPRESSION.contains(last.getType()) && before != null
            && !(before.getType() == NEWLINE || before.getType() == SEMI || before.getType() == INDENT
                || before.getType() == DEDENT);
        open.push(new Open(t, block, block ? header : null));
        if (block) {
          levels.push(new Level(Kind.FREE, lineIndent, null));
          header = null;
          lastOpenedBlock = true;
          out.add(t);
          last = t;
          return;
        }
      }
      case RPAREN, RBRACK, RBRACE -> {
        if (close(t)) return;
      }
      case LAMBDA -> {
        if (atDepthZero()) lambdas++;
      }
      case COLON -> {
        if (atDepthZero() && header != null) {
          if (lambdas > 0) {
            lambdas--;
          } else {
            afterColon = header;
            afterColonLine = line(header);
            header = null;
          }
        }
      }
      case ASYNC -> fail("tdsl does not support async functions (async def, async for, async with)", t);
      case AWAIT -> fail("tdsl does not support 'await' (it has no async functions)", t);
      case ERROR_CHAR -> errorChar(t);
      default -> {}
    }
    out.add(t);
    last = t;
  }

  private boolean atDepthZero() {
    return open.isEmpty() || open.peek().block();
  }

  /** A closing bracket; true when it closed a block (already emitted). */
  private boolean close(Token t) {
    if (open.isEmpty()) {
      fail("unexpected '" + t.getText() + "'", t);
      return false;
    }
    if (closerOf(open.peek().token().getType()) != t.getText().charAt(0)) {
      Token o = open.peek().token();
      fail("expected '" + closerOf(o.getType()) + "' to close '" + o.getText() + "' at "
          + line(o) + ":" + col(o) + ", found '" + t.getText() + "'", t);
      return false;
    }
    Open o = open.pop();
    if (!o.block()) return false;
    // Suites opened inside the braces end with them.
    while (!levels.isEmpty() && levels.peek().kind() != Kind.FREE) {
      Level l = levels.pop();
      if (l.kind() != Kind.BASE) dedent(t, l);
    }
    if (!levels.isEmpty()) levels.pop();
    if (pendingNewline != null) {
      out.add(pendingNewline);
      pendingNewline = null;
    }
    out.add(t);
    last = t;
    lastClosedBlock = true;
    if (open.isEmpty() && levels.size() == 1) topClause = o.clause();
    pendingNewline = synthetic(t, NEWLINE, "\n", t.getStopIndex() + 1);
    return true;
  }

  /** The first token after a suite's `:` on the same line starts a one-line suite. */
  private void inlineSuite(Token t) {
    levels.push(new Level(Kind.INLINE, lineIndent, afterColon));
    afterColon = null;
    out.add(synthetic(t, INDENT, "", t.getStartIndex()));
    inlineStart = true;
  }

  /** A statement ends at the end of a line: so do the one-line suites on it. */
  private void closeInlineSuites(Token at) {
    while (levels.peek().kind() == Kind.INLINE) dedent(at, levels.pop());
  }

  /** Emits a DEDENT closing level (after the pending newline) and a newline to follow it. */
  private void dedent(Token at, Level level) {
    if (pendingNewline != null) out.add(pendingNewline);
    int index = at.getStartIndex();
    out.add(synthetic(at, DEDENT, "", index));
    pendingNewline = synthetic(at, NEWLINE, "\n", index);
    lastClosedBlock = true;
    if (open.isEmpty() && levels.size() == 1) topClause = level.clause();
  }

  /** The indentation rules at the first token of a logical line. */
  private void indentation(Token t) {
    Indentation indent = lastWs != null && lastWs.getLine() == t.getLine()
        && lastWs.getCharPositionInLine() == 0 ? Indentation.of(lastWs.getText()) : Indentation.NONE;
    Indentation headerIndent = lineIndent;
    lineIndent = indent;
    Level top = levels.peek();
    if (last == null) {
      // The first line sets the top level's indentation: a snippet indented as a whole (a
      // Java text block, a pasted method body) runs as written.
      levels.pop();
      levels.push(new Level(Kind.SUITE, indent, null));
      return;
    }
    if (expectIndent != null) {
      Token h = expectIndent;
      expectIndent = null;
      Indentation base = top.kind() == Kind.FREE ? headerIndent : top.indent();
      if (indent.col() <= base.col()) {
        fail(Indentation.expectedBlock(h, expectIndentLine), t);
        return;
      }
      if (!indent.consistentWith(base)) {
        fail(Indentation.TAB_ERROR, t);
        return;
      }
      if (top.kind() == Kind.FREE) levels.push(new Level(Kind.BASE, headerIndent, null));
      if (pendingNewline != null) out.add(pendingNewline);
      pendingNewline = null;
      levels.push(new Level(Kind.SUITE, indent, h));
      out.add(synthetic(t, INDENT, "", t.getStartIndex()));
      return;
    }
    if (top.kind() == Kind.FREE) return;
    if (indent.col() > top.indent().col()) {
      fail(Indentation.UNEXPECTED, t);
      return;
    }
    while (top.kind() == Kind.SUITE && indent.col() < top.indent().col()) {
      dedent(t, levels.pop());
      top = levels.peek();
    }
    if (top.kind() == Kind.BASE) {
      if (indent.col() > top.indent().col()) fail(Indentation.UNINDENT, t);
      else levels.pop();
      return;
    }
    if (indent.col() != top.indent().col()) fail(Indentation.UNINDENT, t);
    else if (!indent.consistentWith(top.indent())) fail(Indentation.TAB_ERROR, t);
  }

  private void errorChar(Token t) {
    Token prev = out.isEmpty() ? null : out.getLast();
    boolean tripleOpen = prev != null && prev.getType() == STRING && prev.getText().length() == 2
        && prev.getStopIndex() + 1 == t.getStartIndex() && prev.getText().charAt(0) == t.getText().charAt(0);
    if (tripleOpen && error == null) {
      error = new SyntaxError("unterminated triple-quoted string literal", pos(prev), true);
    }
    String c = t.getText();
    fail(c.equals("\"") || c.equals("'") ? "unterminated string literal" : "invalid character '" + c + "'", t);
  }

  private void fail(String message, Token t) {
    if (error == null) error = new SyntaxError(message, pos(t));
  }

  private static char closerOf(int openType) {
    return switch (openType) {
      case LPAREN -> ')';
      case LBRACK -> ']';
      default -> '}';
    };
  }

  private static Token synthetic(Token at, int type, String text, int index) {
    CommonToken t = new CommonToken(at);
    t.setType(type);
    t.setText(text);
    t.setChannel(Token.DEFAULT_CHANNEL);
    t.setStartIndex(index);
    t.setStopIndex(index - 1);
    if (type == NEWLINE && at.getType() != Token.EOF && at.getType() != NEWLINE
        && index > at.getStartIndex()) {
      t.setCharPositionInLine(at.getCharPositionInLine() + 1);
    }
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
