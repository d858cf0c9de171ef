package org.tdsl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.tdsl.syntax.generated.TdslParser.StringExprContext;

/**
 * String literals: prefixes (r, b, u, f and their pairs), quotes, escapes, adjacent literals
 * joined, and f-strings split into text and fields whose expressions are parsed where they
 * sit in the file (so their errors point into the string).
 */
final class StringLiterals {
  private final String file;
  private final Function<Token, Pos> positions;

  StringLiterals(String file, Function<Token, Pos> pos) {
    this.file = file;
    this.positions = pos;
  }

  /** The text of a string token: prefix and quotes off, escapes applied unless raw. */
  String unquote(Token t) {
    String text = t.getText();
    int prefix = 0;
    while (Character.isLetter(text.charAt(prefix))) prefix++;
    boolean raw = text.substring(0, prefix).toLowerCase().contains("r");
    text = text.substring(prefix);
    int q = text.length() >= 6 && (text.startsWith("\"\"\"") || text.startsWith("'''")) ? 3 : 1;
    String body = text.substring(q, text.length() - q);
    return raw ? body : Strings.unescape(body, positions.apply(t));
  }

  /** Adjacent literals join into one: "a" "b", and f"..." "..." into one f-string. */
  Expr join(StringExprContext e, Pos pos) {
    if (e.FSTRING().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (TerminalNode s : e.STRING()) sb.append(unquote(s.getSymbol()));
      return new Expr.Literal(pos, sb.toString());
    }
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < e.getChildCount(); i++) {
      Token t = ((TerminalNode) e.getChild(i)).getSymbol();
      if (t.getType() == org.tdsl.syntax.generated.TdslLexer.FSTRING) parts.addAll(((Expr.FString) fstring(t)).parts());
      else parts.add(unquote(t));
    }
    return new Expr.FString(pos, parts);
  }

  private Expr fstring(Token t) {
    String text = t.getText();
    int prefix = Character.isLetter(text.charAt(1)) ? 2 : 1;
    boolean raw = text.substring(0, prefix).toLowerCase().contains("r");
    String body = text.substring(prefix + 1, text.length() - 1);
    Pos pos = positions.apply(t);
    int bodyCol = pos.col() + prefix + 1; // column of body's first char
    List<Object> parts = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char ch = body.charAt(i);
      if (ch == '{' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (ch == '}' && i + 1 < body.length() && body.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (ch == '}') {
        throw new SyntaxError("f-string: single '}' is not allowed", at(pos, bodyCol + i));
      } else if (ch == '{') {
        if (!literal.isEmpty()) parts.add(raw ? literal.toString() : Strings.unescape(literal.toString(), pos));
        literal.setLength(0);
        i = field(body, i, bodyCol, pos, parts);
      } else {
        literal.append(ch);
        i++;
      }
    }
    if (!literal.isEmpty()) parts.add(raw ? literal.toString() : Strings.unescape(literal.toString(), pos));
    return new Expr.FString(pos, parts);
  }

  /** Parses the field starting at body[open] == '{'; returns the index after its '}'. */
  private int field(String body, int open, int bodyCol, Pos pos, List<Object> parts) {
    int depth = 0;
    char quote = 0;
    int exprEnd = -1;
    int specStart = -1;
    char conversion = 0;
    int i = open + 1;
    for (; i < body.length(); i++) {
      char ch = body.charAt(i);
      if (quote != 0) {
        if (ch == quote) quote = 0;
        continue;
      }
      if (ch == '\'' || ch == '"') quote = ch;
      else if (ch == '(' || ch == '[' || ch == '{') depth++;
      else if ((ch == ')' || ch == ']' || ch == '}') && depth > 0) depth--;
      else if (depth == 0 && specStart < 0 && ch == '!' && i + 1 < body.length() && body.charAt(i + 1) != '=') {
        if (exprEnd < 0) exprEnd = i;
        conversion = i + 1 < body.length() ? body.charAt(i + 1) : 0;
        if ("rsa".indexOf(conversion) < 0) {
          throw new SyntaxError("f-string: invalid conversion character: expected 's', 'r', or 'a'", at(pos, bodyCol + i + 1));
        }
        i++;
      } else if (depth == 0 && ch == ':' && specStart < 0) {
        if (exprEnd < 0) exprEnd = i;
        specStart = i + 1;
      } else if (depth == 0 && ch == '}') {
        break;
      }
    }
    if (i >= body.length()) throw new SyntaxError("f-string: expecting '}'", at(pos, bodyCol + open));
    if (exprEnd < 0) exprEnd = i;
    String exprText = body.substring(open + 1, exprEnd);
    String spec = specStart < 0 ? "" : body.substring(specStart, i);
    String trimmed = exprText.stripTrailing();
    boolean selfDocumenting = trimmed.endsWith("=") && !trimmed.endsWith("==") && !trimmed.endsWith("!=")
        && !trimmed.endsWith("<=") && !trimmed.endsWith(">=");
    if (selfDocumenting) {
      // f"{x=}" prints the expression's text, then its repr (or its format with a spec).
      parts.add(exprText);
      exprText = trimmed.substring(0, trimmed.length() - 1);
      if (conversion == 0 && spec.isEmpty()) conversion = 'r';
    }
    if (exprText.isBlank()) throw new SyntaxError("f-string: valid expression required before '}'", at(pos, bodyCol + open));
    Expr e = SourceParser.parseExpression(exprText, file, pos.line(), bodyCol + open + 1);
    parts.add(new Expr.Field(e, conversion, spec));
    return i + 1;
  }

  private static Pos at(Pos p, int col) {
    return new Pos(p.file(), p.line(), col, 1);
  }
}
