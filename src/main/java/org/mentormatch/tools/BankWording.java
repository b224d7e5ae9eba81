package org.mentormatch.tools;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.mentormatch.tools.TopicBank.Phrasing;

/**
 * Writes topics as a goals or skills cell with the bank's own phrasings: sometimes wrapped in a
 * short template ("get better at X", "advanced X"), in mixed case, with occasional typos and varied
 * separators.
 */
final class BankWording {

  private static final List<String> GOAL_TEMPLATES =
      List.of(
          "get better at %s",
          "learn %s",
          "improve my %s",
          "%s basics",
          "intro to %s",
          "more confident with %s",
          "deepen my %s knowledge",
          "hands-on %s",
          "%s for beginners",
          "level up in %s",
          "understand %s better",
          "grow my %s skills");
  private static final List<String> SKILL_TEMPLATES =
      List.of(
          "advanced %s",
          "%s (expert)", "%s, 10+ years", "%s (5+ yrs)", "strong %s", "hands-on %s experience");
  private static final WeightedChoice<String> SEPARATOR =
      WeightedChoice.of(List.of("; ", ";", " ; ", " ;"), new double[] {55, 30, 10, 5});

  private BankWording() {}

  /** The cell: one phrase per topic, joined by one separator, sometimes with a stray ';'. */
  static String cell(List<TopicModel> topics, boolean goals, SplittableRandom random) {
    String separator = SEPARATOR.pick(random);
    StringBuilder b = new StringBuilder();
    for (TopicModel t : topics) {
      if (b.length() > 0) {
        b.append(separator);
      }
      b.append(phrase(t, goals, random));
    }
    if (random.nextDouble() < 0.02) {
      b.append(';');
    }
    return b.toString();
  }

  private static String phrase(TopicModel topic, boolean goal, SplittableRandom random) {
    Phrasing p = (goal ? topic.goalPhrasings : topic.skillPhrasings).pick(random);
    String s = p.text();
    boolean plain = p.forGoals() && p.forSkills();
    if (plain && goal && random.nextDouble() < 0.30 && words(s) <= 3) {
      s = GOAL_TEMPLATES.get(random.nextInt(GOAL_TEMPLATES.size())).replace("%s", s);
    } else if (plain && !goal && random.nextDouble() < 0.10 && words(s) <= 3) {
      s = SKILL_TEMPLATES.get(random.nextInt(SKILL_TEMPLATES.size())).replace("%s", s);
    }
    double u = random.nextDouble();
    if (u < 0.18) {
      s = s.toLowerCase(Locale.ROOT);
    } else if (u < 0.20 && s.length() <= 14) {
      s = s.toUpperCase(Locale.ROOT);
    } else if (u < 0.27) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    if (random.nextDouble() < 0.03) {
      s = Typo.introduce(s, random);
    }
    return s;
  }

  private static int words(String s) {
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }
}
