package org.tdsl.repl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the buffer as it is typed: keywords, numbers, strings, comments, and a bracket with no partner. */
final class TdslHighlighter implements Highlighter {
  static final AttributedStyle KEYWORD = AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA);
  static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
  static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
  static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
  static final AttributedStyle UNMATCHED = AttributedStyle.BOLD.foreground(AttributedStyle.WHITE).background(AttributedStyle.RED);

  @Override
  public AttributedString highlight(LineReader reader, String buffer) {
    AttributedStyle[] styles = styles(buffer);
    AttributedStringBuilder sb = new AttributedStringBuilder();
    for (int i = 0; i < buffer.length(); i++) {
      sb.style(styles[i] == null ? AttributedStyle.DEFAULT : styles[i]);
      sb.append(buffer.charAt(i));
    }
    return sb.toAttributedString();
  }

  /** The style of each character (null: plain). */
  static AttributedStyle[] styles(String buffer) {
    AttributedStyle[] styles = new AttributedStyle[buffer.length()];
    List<Scan.Token> tokens = Scan.tokens(buffer);
    for (Scan.Token t : tokens) {
      AttributedStyle style = switch (t.kind()) {
        case KEYWORD -> KEYWORD;
        case NUMBER -> NUMBER;
        case STRING -> STRING;
        case COMMENT -> COMMENT;
        default -> null;
      };
      for (int i = t.start(); i < t.end(); i++) styles[i] = style;
    }
    for (int i : unmatchedBrackets(buffer, tokens)) styles[i] = UNMATCHED;
    return styles;
  }

  /** Closing brackets that close nothing or the wrong kind; opening ones are left alone (still being typed). */
  static List<Integer> unmatchedBrackets(String buffer, List<Scan.Token> tokens) {
    Deque<Integer> open = new ArrayDeque<>();
    List<Integer> bad = new java.util.ArrayList<>();
    for (Scan.Token t : tokens) {
      if (t.kind() == Scan.Kind.OPEN) open.push(t.start());
      else if (t.kind() == Scan.Kind.CLOSE) {
        char close = buffer.charAt(t.start());
        if (!open.isEmpty() && partner(buffer.charAt(open.peek())) == close) open.pop();
        else bad.add(t.start());
      }
    }
    return bad;
  }

  private static char partner(char open) {
    return switch (open) { case '(' -> ')'; case '[' -> ']'; default -> '}'; };
  }
}
