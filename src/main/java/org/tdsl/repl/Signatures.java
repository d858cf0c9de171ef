package org.tdsl.repl;

import java.util.ArrayList;
import java.util.List;

/** Reads parameter names out of a builtin's signature text, like {@code tensor(data, *, requires_grad=False, dtype=None)}. */
final class Signatures {
  private Signatures() {}

  /** Names that can be passed as {@code name=}: every named parameter except {@code *args}/{@code **kwargs}. */
  static List<String> keywordNames(String signature) {
    List<String> names = new ArrayList<>();
    int open = signature.indexOf('(');
    int close = signature.lastIndexOf(')');
    if (open < 0 || close < open) return names;
    for (String part : splitTopLevel(signature.substring(open + 1, close))) {
      String p = part.strip();
      int cut = indexOfAny(p, "=:");
      String name = (cut < 0 ? p : p.substring(0, cut)).strip();
      if (!name.isEmpty() && !name.startsWith("*") && !name.equals("/") && isIdentifier(name)) names.add(name);
    }
    return names;
  }

  private static List<String> splitTopLevel(String params) {
    List<String> parts = new ArrayList<>();
    int depth = 0, from = 0;
    for (int i = 0; i < params.length(); i++) {
      char c = params.charAt(i);
      if (c == '(' || c == '[' || c == '{') depth++;
      else if (c == ')' || c == ']' || c == '}') depth--;
      else if (c == ',' && depth == 0) { parts.add(params.substring(from, i)); from = i + 1; }
    }
    parts.add(params.substring(from));
    return parts;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) if (chars.indexOf(s.charAt(i)) >= 0) return i;
    return -1;
  }

  private static boolean isIdentifier(String s) {
    if (!Character.isJavaIdentifierStart(s.charAt(0))) return false;
    return s.chars().allMatch(Character::isJavaIdentifierPart);
  }
}
