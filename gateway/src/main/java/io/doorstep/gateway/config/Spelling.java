package io.doorstep.gateway.config;

import java.util.List;
import java.util.Optional;

/** Suggests the word an operator probably meant, since most unknown keys are typos. */
final class Spelling {
  private Spelling() {}

  static Optional<String> closest(String word, List<String> choices) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String choice : choices) {
      int d = distance(word.toLowerCase(), choice.toLowerCase());
      if (d < bestDistance) {
        best = choice;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(1, word.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /** Edit distance counting a swap of neighbours as one edit, the commonest typo (prot for port). */
  private static int distance(String a, String b) {
    int[] beforePrevious = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          current[j] = Math.min(current[j], beforePrevious[j - 2] + 1);
        }
      }
      int[] recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return previous[b.length()];
  }
}
