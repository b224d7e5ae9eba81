package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/** How people type a goals or skills cell: its separators, a stray ';', mixed case and typos. */
final class Typing {

  private static final WeightedChoice<String> SEPARATOR =
      WeightedChoice.of(List.of("; ", ";", " ; ", " ;"), new double[] {55, 30, 10, 5});

  private Typing() {}

  /** The cell: one phrase per topic, joined by one separator, sometimes with a stray ';'. */
  static String join(
      List<TopicModel> topics, Function<TopicModel, String> phrase, SplittableRandom random) {
    String separator = SEPARATOR.pick(random);
    StringBuilder b = new StringBuilder();
    for (TopicModel t : topics) {
      if (b.length() > 0) {
        b.append(separator);
      }
      b.append(phrase.apply(t));
    }
    if (random.nextDouble() < 0.02) {
      b.append(';');
    }
    return b.toString();
  }

  /** Some type a phrase all lowercase, shout a short one, or capitalise it; a few make a typo. */
  static String asTyped(String s, SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.18) {
      s = s.toLowerCase(Locale.ROOT);
    } else if (u < 0.20 && s.length() <= 14) {
      s = s.toUpperCase(Locale.ROOT);
    } else if (u < 0.27) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    if (random.nextDouble() < 0.03) {
      s = typo(s, random);
    }
    return s;
  }

  /** Drops a letter from, or swaps two letters of, one word of five letters or more. */
  static String typo(String s, SplittableRandom random) {
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
