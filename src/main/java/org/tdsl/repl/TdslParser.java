package org.tdsl.repl;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine two things: on Enter, whether the buffer is a whole chunk (if not, an
 * {@link EOFError} makes JLine open a {@code ... } line, indented as the block goes on); on Tab, which word is being
 * completed. Backslashes and quotes are kept as typed: nothing is unescaped.
 */
final class TdslParser implements Parser {
  private final ReplBackend backend;

  TdslParser(ReplBackend backend) {
    this.backend = backend;
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !line.startsWith(":") && !backend.isComplete(line)) {
      // JLine writes openBrackets x INDENTATION (1) spaces on the new line: the indentation carried over.
      int indent = backend.continuationIndent(line).length();
      throw new EOFError(-1, -1, "incomplete statement", "statement", indent, null);
    }
    CompletionContext at = CompletionContext.at(line, cursor);
    return new Line(line, cursor, at.word(), cursor - at.wordStart());
  }

  @Override
  public boolean isEscapeChar(char ch) {
    return false;
  }

  private record Line(String line, int cursor, String word, int wordCursor) implements CompletingParsedLine {
    @Override public int wordIndex() { return 0; }
    @Override public List<String> words() { return List.of(word); }
    @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
    @Override public int rawWordCursor() { return wordCursor; }
    @Override public int rawWordLength() { return word.length(); }
  }
}
