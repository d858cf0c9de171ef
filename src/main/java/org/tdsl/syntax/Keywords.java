package org.tdsl.syntax;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.tdsl.syntax.generated.TdslLexer;

/**
 * The language's reserved words, read from the generated lexer so that highlighting,
 * completion and "did you mean" cannot drift from the grammar: a word is a keyword when the
 * lexer makes it one token that is not a NAME.
 */
public final class Keywords {
  private static final Set<String> WORDS = fromLexer();

  private Keywords() {}

  /** Every keyword, sorted (both spellings of True / False / None included). */
  public static Set<String> all() {
    return WORDS;
  }

  /**
   * The candidates are the vocabulary's literal names ('if') and, for tokens spelled more than
   * one way (TRUE : 'True' | 'true'), their symbolic name lower-cased and capitalised; the
   * lexer decides which of them are words of their own.
   */
  private static Set<String> fromLexer() {
    Vocabulary v = TdslLexer.VOCABULARY;
    Set<String> candidates = new TreeSet<>();
    for (int type = 1; type <= v.getMaxTokenType(); type++) {
      String literal = v.getLiteralName(type);
      if (literal != null) candidates.add(literal.substring(1, literal.length() - 1));
      String symbol = v.getSymbolicName(type);
      if (symbol != null) {
        String lower = symbol.toLowerCase();
        candidates.add(lower);
        candidates.add(Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
      }
    }
    TreeSet<String> words = new TreeSet<>();
    for (String c : candidates) if (c.matches("[A-Za-z_][A-Za-z_0-9]*") && isKeyword(c)) words.add(c);
    return Collections.unmodifiableSortedSet(words);
  }

  private static boolean isKeyword(String word) {
    TdslLexer lexer = new TdslLexer(CharStreams.fromString(word));
    lexer.removeErrorListeners();
    var tokens = lexer.getAllTokens();
    return tokens.size() == 1 && tokens.getFirst().getType() != TdslLexer.NAME
        && tokens.getFirst().getType() != Token.EOF && tokens.getFirst().getText().equals(word);
  }
}
