package org.tdsl.syntax;

import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.tdsl.syntax.generated.TdslLexer;
import org.tdsl.syntax.generated.TdslParser;
import org.tdsl.syntax.generated.TdslParser.ProgramContext;

/** Text to AST: lex, filter newlines, parse, build our own tree. */
public final class SourceParser {
  private SourceParser() {}

  /** Parses a whole program; throws SyntaxError on the first mistake. */
  public static List<Stmt> parse(String source, String file) {
    ProgramContext program;
    try {
      program = parser(source, file, 0, 0).program();
    } catch (SyntaxError e) {
      throw unsupported(e, source);
    }
    return new AstBuilder(file, 0, 0).program(program);
  }

  /**
   * A parse error on a line that is a statement tdsl does not have (Python's match / case)
   * says so, instead of naming the token the parser expected.
   */
  private static SyntaxError unsupported(SyntaxError e, String source) {
    String[] lines = source.split("\r?\n", -1);
    int line = e.pos().line();
    if (line < 1 || line > lines.length) return e;
    String text = lines[line - 1].strip();
    boolean matchStatement = text.matches("(match|case)\\s+[^=].*:\\s*(#.*)?") && !text.matches("(match|case)\\s*[.(\\[=,].*");
    if (!matchStatement) return e;
    int col = lines[line - 1].indexOf(text.charAt(0)) + 1;
    return new SyntaxError("tdsl does not support the match statement (use if / elif)",
        new Pos(e.pos().file(), line, col, 5));
  }

  /** Parses one expression (an f-string field) whose text starts at line:col of file. */
  static Expr parseExpression(String text, String file, int line, int col) {
    TdslParser parser = parser(text, file, line - 1, col - 1);
    TdslParser.ProgramContext program = parser.program();
    List<Stmt> stmts = new AstBuilder(file, line - 1, col - 1).program(program);
    if (stmts.size() != 1 || !(stmts.getFirst() instanceof Stmt.ExprStmt e)) {
      throw new SyntaxError("f-string: expected an expression", new Pos(file, line, col, 1));
    }
    return e.expr();
  }

  /**
   * Whether the text is a finished chunk (or a chunk with a mistake more lines cannot fix), as
   * opposed to one that needs more lines: an unclosed bracket, brace or indented suite, a
   * trailing operator, a `:` with its suite to come. A mistake before the end is reported at
   * once, even inside an open block. As in Python's REPL, an indented suite ends with a blank
   * line, and so does a top-level block that a clause could continue (`if`, `for`, `while`,
   * `try`: an `else`, `elif`, `except` or `finally` may follow); after a `def`, `class` or
   * `with` block nothing can, and the chunk is complete.
   */
  public static boolean isComplete(String source) {
    TokenFilter.Result r = filtered(source, "<input>", 0, 0);
    if (r.error() != null && !r.incomplete()) return true;
    boolean unlexed = r.tokens().stream().anyMatch(t -> t.getType() == TdslLexer.ERROR_CHAR);
    if (unlexed) return false; // an open triple-quoted string: the tokens mean nothing yet
    try {
      parse(r, "<input>", 0, 0).program();
    } catch (SyntaxError e) {
      return !e.incomplete();
    }
    return !(r.incomplete() || r.suiteOpen() || r.awaitsClause());
  }

  /**
   * The indentation a continuation line of source starts with in a REPL, for Python's form:
   * one level (4 spaces) deeper after a line that opens a suite with `:`, the last line's
   * inside a suite. Braces set no indentation (their lines are free, and typed or pasted
   * lines bring their own).
   */
  public static String continuationIndent(String source) {
    String[] lines = source.split("\n", -1);
    boolean suites = false;
    for (String line : lines) suites |= withoutComment(line).stripTrailing().endsWith(":");
    if (!suites) return "";
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i];
      if (line.isBlank()) continue;
      String indent = line.substring(0, line.length() - line.stripLeading().length());
      return withoutComment(line).stripTrailing().endsWith(":") ? indent + "    " : indent;
    }
    return "";
  }

  /** The line without a trailing # comment (a # inside quotes is kept). */
  private static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\') i++;
        else if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** The lines where the top-level statements of source start (a pasted REPL cell's). */
  public static List<Integer> statementLines(String source) {
    return filtered(source, "<input>", 0, 0).statementLines();
  }

  private static TokenFilter.Result filtered(String source, String file, int lineOffset, int colOffset) {
    TdslLexer lexer = new TdslLexer(CharStreams.fromString(source, file));
    lexer.removeErrorListeners();
    List<? extends Token> tokens = lexer.getAllTokens();
    List<Token> withEof = new java.util.ArrayList<>(tokens);
    withEof.add(lexer.nextToken()); // EOF
    return new TokenFilter(file, lineOffset, colOffset).filter(withEof);
  }

  private static TdslParser parser(String source, String file, int lineOffset, int colOffset) {
    TokenFilter.Result r = filtered(source, file, lineOffset, colOffset);
    if (r.error() != null) {
      // A layout error (an unexpected indent) can follow the real mistake (a missing ':' or
      // '{' on the line before): the one that comes first in the text is reported.
      try {
        parse(r, file, lineOffset, colOffset).program();
      } catch (SyntaxError earlier) {
        if (!earlier.incomplete() && before(earlier.pos(), r.error().pos())) throw earlier;
      }
      throw r.error();
    }
    return parse(r, file, lineOffset, colOffset);
  }

  private static boolean before(Pos a, Pos b) {
    return a.line() < b.line() || (a.line() == b.line() && a.col() < b.col());
  }

  private static TdslParser parse(TokenFilter.Result r, String file, int lineOffset, int colOffset) {
    TdslParser parser = new TdslParser(new CommonTokenStream(new ListTokenSource(r.tokens())));
    parser.removeErrorListeners();
    boolean indented = r.tokens().stream().anyMatch(t -> t.getType() == TdslParser.INDENT);
    parser.addErrorListener(new ErrorListener(file, lineOffset, colOffset, r.end(), indented));
    return parser;
  }
}
