package org.tdsl.repl;

import java.util.List;
import java.util.Set;

/**
 * What is being completed at the cursor: the word to replace ({@code wordStart} up to the
 * cursor) and what kind of thing fits there. The parser reports the word to JLine; the
 * completer chooses the candidates.
 */
record CompletionContext(Kind kind, int wordStart, String word, String target) {

  enum Kind {
    /** A name: globals, builtins, keywords; plus keyword arguments of {@code target} when inside its call. */
    NAME,
    /** After a dot: attributes of the value {@code target} names. */
    ATTRIBUTE,
    /** Inside the string argument of a function that takes a path. */
    PATH,
    /** A {@code :command} at the start of the line. */
    COMMAND,
    /** The argument of {@code :help} (builtins and commands). */
    HELP_TOPIC,
    /** The argument of {@code :tape}: only names bound to tensors. */
    TENSOR_NAME,
    /** Inside a comment, a number, an ordinary string: nothing to offer. */
    NONE
  }

  /** Functions whose string argument is a file path (and {@code import "file"}). */
  static final Set<String> PATH_TAKERS = Set.of("import", "mnist", "load", "save", "save_image", "plot", "save_graph");

  static CompletionContext at(String buffer, int cursor) {
    String before = buffer.substring(0, cursor);
    if (before.startsWith(":")) return command(before);
    List<Scan.Token> tokens = Scan.tokens(before);
    if (!tokens.isEmpty()) {
      Scan.Token last = tokens.getLast();
      if (last.end() == cursor && last.kind() == Scan.Kind.COMMENT) return none(cursor);
      if (last.end() == cursor && last.kind() == Scan.Kind.STRING && !last.closed()) {
        return inString(before, tokens, last);
      }
      if (last.end() == cursor && last.kind() == Scan.Kind.NUMBER) return none(cursor);
    }
    int start = cursor;
    while (start > 0 && Character.isJavaIdentifierPart(before.charAt(start - 1))) start--;
    String word = before.substring(start, cursor);
    if (start > 0 && before.charAt(start - 1) == '.') {
      String receiver = dottedNameEndingAt(before, start - 1);
      return receiver == null ? none(cursor) : new CompletionContext(Kind.ATTRIBUTE, start, word, receiver);
    }
    return new CompletionContext(Kind.NAME, start, word, enclosingCall(before, tokens));
  }

  private static CompletionContext none(int cursor) {
    return new CompletionContext(Kind.NONE, cursor, "", null);
  }

  private static CompletionContext command(String before) {
    int space = before.indexOf(' ');
    if (space < 0) return new CompletionContext(Kind.COMMAND, 0, before, null);
    String name = before.substring(0, space);
    String rest = before.substring(space + 1);
    int start = before.length();
    return switch (name) {
      case ":help" -> {
        while (start > space + 1 && !Character.isWhitespace(before.charAt(start - 1))) start--;
        yield new CompletionContext(Kind.HELP_TOPIC, start, before.substring(start), null);
      }
      case ":load", ":save", ":save!" -> {
        int from = rest.startsWith("\"") || rest.startsWith("'") ? space + 2 : space + 1;  // :load "file
        yield new CompletionContext(Kind.PATH, from, before.substring(from), null);
      }
      case ":tape" -> {
        while (start > space + 1 && Character.isJavaIdentifierPart(before.charAt(start - 1))) start--;
        yield new CompletionContext(Kind.TENSOR_NAME, start, before.substring(start), null);
      }
      case ":vars", ":reset", ":quit", ":history" -> {
        while (start > space + 1 && Character.isJavaIdentifierPart(before.charAt(start - 1))) start--;
        yield new CompletionContext(Kind.NAME, start, before.substring(start), null);
      }
      default -> at(rest, rest.length()).shift(space + 1);  // :time STATEMENT, :timeit STATEMENT
    };
  }

  private CompletionContext shift(int by) {
    return new CompletionContext(kind, wordStart + by, word, target);
  }

  /** A path inside {@code import "...} or {@code load(net, "...}; other strings offer nothing. */
  private static CompletionContext inString(String before, List<Scan.Token> tokens, Scan.Token string) {
    int quote = before.charAt(string.start()) == '"' || before.charAt(string.start()) == '\'' ? string.start() : string.start() + 1;
    int index = tokens.size() - 1;
    String taker = index > 0 && tokens.get(index - 1).text(before).equals("import")
        ? "import" : enclosingCall(before, tokens.subList(0, index));
    if (taker == null || !PATH_TAKERS.contains(lastPart(taker))) return none(before.length());
    return new CompletionContext(Kind.PATH, quote + 1, before.substring(quote + 1), taker);
  }

  /** The name called by the innermost unclosed {@code (} (like {@code tensor} or {@code x.sum}), or null. */
  static String enclosingCall(String source, List<Scan.Token> tokens) {
    int depth = 0;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      Scan.Token t = tokens.get(i);
      if (t.kind() == Scan.Kind.CLOSE) depth++;
      else if (t.kind() == Scan.Kind.OPEN) {
        if (depth > 0) { depth--; continue; }
        if (!t.text(source).equals("(")) return null;
        return i > 0 ? dottedNameEndingAt(source, t.start()) : null;
      }
    }
    return null;
  }

  /**
   * The {@code a.b.c} or {@code net[0].fc} that ends just before {@code end} (subscripts by
   * literal ints and strings only: see {@link Chain}), or null when something else (a call,
   * an expression) is there.
   */
  static String dottedNameEndingAt(String s, int end) {
    int i = end;
    while (i > 0) {
      while (i > 0 && s.charAt(i - 1) == ']') {  // net[0] or d['a']: back over the subscript
        int open = s.lastIndexOf('[', i - 1);
        if (open <= 0) return null;
        i = open;
      }
      int wordEnd = i;
      while (i > 0 && Character.isJavaIdentifierPart(s.charAt(i - 1))) i--;
      if (i == wordEnd || !Character.isJavaIdentifierStart(s.charAt(i))) return null;
      if (i > 0 && s.charAt(i - 1) == '.') { i--; continue; }
      break;
    }
    String chain = s.substring(i, end);
    return i == end || Chain.parse(chain) == null ? null : chain;
  }

  static String lastPart(String dotted) {
    return dotted.substring(dotted.lastIndexOf('.') + 1);
  }
}
