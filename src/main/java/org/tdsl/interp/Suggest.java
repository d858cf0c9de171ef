package org.tdsl.interp;

import java.util.Collection;

/** "Did you mean" as Python 3.12 does it: the closest name by a weighted edit distance. */
final class Suggest {
  private Suggest() {}

  static String closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(wrong)) continue;
      int maxCost = (wrong.length() + c.length() + 3) * 2 / 6; // Python: (len+len+3)*MOVE_COST/6
      int d = distance(wrong, c);
      if (d <= maxCost && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  static String didYouMean(String wrong, Collection<String> candidates) {
    String s = closest(wrong, candidates);
    return s == null ? "" : ". Did you mean: '" + s + "'?";
  }

  /** Levenshtein distance with cost 2 per edit and 1 for a change of case only. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j * 2;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i * 2;
      for (int j = 1; j <= b.length(); j++) {
        char x = a.charAt(i - 1);
        char y = b.charAt(j - 1);
        int sub = x == y ? 0 : Character.toLowerCase(x) == Character.toLowerCase(y) ? 1 : 2;
        cur[j] = Math.min(Math.min(prev[j] + 2, cur[j - 1] + 2), prev[j - 1] + sub);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
