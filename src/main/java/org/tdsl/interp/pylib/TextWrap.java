package org.tdsl.interp.pylib;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's textwrap.wrap with its defaults (break long words, break on hyphens, drop
 * whitespace), which argparse uses for help text: the same chunking regex, the same greedy
 * filling, so a help line breaks where Python breaks it.
 */
final class TextWrap {
  private TextWrap() {}

  private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
  private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
  private static final String WP = "[\\w!\"'&.,?]";
  private static final String LT = "[^\\d\\W]";
  private static final Pattern WORDSEP = Pattern.compile(
      "(" + WS + "+"
          + "|(?<=" + WP + ")-{2,}(?=\\w)"
          + "|" + NWS + "+?(?:"
          + "-(?:(?<=" + LT + "{2}-)|(?<=" + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")"
          + "|(?=" + WS + "|\\z)"
          + "|(?<=" + WP + ")(?=-{2,}\\w)"
          + "))",
      Pattern.UNICODE_CHARACTER_CLASS);

  /** The lines of text wrapped to width (indent: the same prefix on every line). */
  static List<String> wrap(String text, int width, String indent) {
    List<String> chunks = new ArrayList<>();
    Matcher m = WORDSEP.matcher(text);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) chunks.add(text.substring(last, m.start()));  // re.split keeps what lies between
      if (!m.group(1).isEmpty()) chunks.add(m.group(1));
      last = m.end();
    }
    if (last < text.length()) chunks.add(text.substring(last));
    chunks.removeIf(String::isEmpty);
    Collections.reverse(chunks);
    List<String> lines = new ArrayList<>();
    while (!chunks.isEmpty()) {
      List<String> line = new ArrayList<>();
      int len = 0;
      int w = width - indent.length();
      if (chunks.getLast().strip().isEmpty() && !lines.isEmpty()) chunks.removeLast();
      while (!chunks.isEmpty() && len + chunks.getLast().length() <= w) {
        len += chunks.getLast().length();
        line.add(chunks.removeLast());
      }
      if (!chunks.isEmpty() && chunks.getLast().length() > w) longWord(chunks, line, len, w);
      if (!line.isEmpty() && line.getLast().strip().isEmpty()) line.removeLast();
      if (!line.isEmpty()) lines.add(indent + String.join("", line));
    }
    return lines;
  }

  private static void longWord(List<String> chunks, List<String> line, int len, int width) {
    int spaceLeft = width < 1 ? 1 : width - len;
    String chunk = chunks.getLast();
    int end = spaceLeft;
    if (chunk.length() > spaceLeft) {
      int hyphen = chunk.lastIndexOf('-', spaceLeft - 1);
      if (hyphen > 0 && !chunk.substring(0, hyphen).chars().allMatch(c -> c == '-')) end = hyphen + 1;
    }
    line.add(chunk.substring(0, Math.min(end, chunk.length())));
    chunks.set(chunks.size() - 1, chunk.substring(Math.min(end, chunk.length())));
  }
}
