package org.tdsl.repl;

import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The REPL indents the line after {@code try:} or {@code if x:} for you, so the
 * {@code except}, {@code elif}, {@code else} or {@code finally} that ends the suite arrives one
 * level too deep. As IPython does, such a line, still at the indentation the REPL gave it, moves
 * out to the level of the statement it continues: the nearest earlier line indented less.
 */
final class ClauseDedent {
  private static final Pattern CLAUSE = Pattern.compile("(except|elif|else|finally)\\b");

  private ClauseDedent() {}

  /**
   * The buffer with its last line moved out, or null when it stays: not a clause, at the top
   * level, or at an indentation the user chose (not the one autoIndent gives after the lines
   * before it).
   */
  static String apply(String buffer, UnaryOperator<String> autoIndent) {
    int newline = buffer.lastIndexOf('\n');
    if (newline < 0) return null;
    String before = buffer.substring(0, newline);
    String last = buffer.substring(newline + 1);
    String clause = last.stripLeading();
    int indent = last.length() - clause.length();
    if (indent == 0 || !CLAUSE.matcher(clause).lookingAt()) return null;
    if (!autoIndent.apply(before).equals(last.substring(0, indent))) return null;
    String[] lines = before.split("\n", -1);
    for (int i = lines.length - 1; i >= 0; i--) {
      String line = lines[i];
      if (line.isBlank()) continue;
      int level = line.length() - line.stripLeading().length();
      if (level < indent) return before + "\n" + line.substring(0, level) + clause;
    }
    return null;
  }
}
