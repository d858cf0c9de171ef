package org.tdsl.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Vocabulary;
import org.junit.jupiter.api.Test;
import org.tdsl.syntax.generated.TdslLexer;

class KeywordsTest {
  @Test
  void everyWordTheVocabularySpellsIsAKeyword() {
    Vocabulary v = TdslLexer.VOCABULARY;
    Set<String> words = new TreeSet<>();
    for (int type = 1; type <= v.getMaxTokenType(); type++) {
      String literal = v.getLiteralName(type);
      if (literal != null && literal.matches("'[A-Za-z_]+'")) words.add(literal.substring(1, literal.length() - 1));
    }
    assertTrue(words.contains("assert"), words.toString());
    assertTrue(Keywords.all().containsAll(words), Keywords.all().toString());
  }

  @Test
  void everyKeywordLexesAsItsOwnTokenNotAsAName() {
    for (String word : Keywords.all()) {
      var tokens = new TdslLexer(CharStreams.fromString(word)).getAllTokens();
      assertEquals(1, tokens.size(), word);
      assertTrue(tokens.getFirst().getType() != TdslLexer.NAME, word);
    }
  }

  @Test
  void bothSpellingsOfTheConstantsAndNoNames() {
    assertTrue(Keywords.all().containsAll(Set.of("True", "true", "False", "false", "None", "none", "assert")));
    assertFalse(Keywords.all().contains("print"));
    assertFalse(Keywords.all().contains("name"), "a token class's symbolic name is no word");
  }
}
