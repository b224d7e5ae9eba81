package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The typos people make when typing fast: one letter dropped or two swapped. */
final class Typo {

  private Typo() {}

  /** Drops a letter from, or swaps two letters of, one word of five letters or more. */
  static String introduce(String s, SplittableRandom random) {
    List<int[]> candidates = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean letter = i < s.length() && Character.isLetter(s.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        if (i - start >= 5) {
          candidates.add(new int[] {start, i});
        }
        start = -1;
      }
    }
    if (candidates.isEmpty()) {
      return s;
    }
    int[] word = candidates.get(random.nextInt(candidates.size()));
    // Never touch the first letter: people rarely get it wrong, and a corrector relies on it.
    int at = word[0] + 1 + random.nextInt(word[1] - word[0] - 2);
    if (random.nextBoolean() || s.charAt(at) == s.charAt(at + 1)) {
      return s.substring(0, at) + s.substring(at + 1);
    }
    return s.substring(0, at) + s.charAt(at + 1) + s.charAt(at) + s.substring(at + 2);
  }
}
