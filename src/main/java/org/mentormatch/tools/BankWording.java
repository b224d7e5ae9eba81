package org.mentormatch.tools;

import java.util.List;
import java.util.SplittableRandom;
import org.mentormatch.tools.TopicBank.Phrasing;

/**
 * The sample's wording: each phrase is one of the {@link TopicBank}'s hand-written phrasings,
 * sometimes wrapped in a short template ("get better at X", "advanced X"), then {@link Typing
 * typed}.
 */
final class BankWording implements Wording {

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

  @Override
  public String goals(List<TopicModel> topics, int seniority, SplittableRandom random) {
    return Typing.join(topics, t -> phrase(t, true, random), random);
  }

  @Override
  public String skills(List<TopicModel> topics, int seniority, SplittableRandom random) {
    return Typing.join(topics, t -> phrase(t, false, random), random);
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
    return Typing.asTyped(s, random);
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
