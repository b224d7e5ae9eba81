package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.mentormatch.tools.TopicBank.Phrasing;

/**
 * The realistic wording: each phrase is composed from {@link PhraseParts} around one of the topic's
 * {@link TopicBank} phrasings, so the topic it means is always known while the words vary.
 *
 * <p>A goal is a frame around the phrasing ("I'd like to get better at %s"), sometimes followed by
 * a context ("for enterprise deals") or a purpose ("so I can lead a team"). A skill is the
 * phrasing, sometimes qualified ("%s ({n} yrs)", years in keeping with the member's seniority) and
 * sometimes placed in its area ("Kubernetes on AWS"). Every part is drawn with weight 1 / rank^s
 * (Zipf), so a few phrasings are very common and the long tail of rare combinations grows with the
 * number of members (data/README.md has the counts). Then the phrase is {@link Typing typed} as in
 * the sample.
 */
final class ComposedWording implements Wording {

  /** One frame, qualifier, context or purpose: the text around the phrasing. */
  private record Part(String before, String after, boolean shortOnly) {

    static Part of(String spec) {
      boolean shortOnly = spec.startsWith("~");
      String s = shortOnly ? spec.substring(1) : spec;
      int at = s.indexOf("%s");
      if (at < 0) {
        throw new IllegalArgumentException("part needs a %s: " + spec);
      }
      return new Part(s.substring(0, at), s.substring(at + 2), shortOnly);
    }

    boolean fits(String phrasing) {
      return !shortOnly || isShort(phrasing);
    }

    String around(String phrasing, SplittableRandom random, int seniority) {
      return years(before, random, seniority) + phrasing + years(after, random, seniority);
    }

    /** Replaces {n} by years of experience a member of this seniority could claim. */
    private static String years(String text, SplittableRandom random, int seniority) {
      int at = text.indexOf("{n}");
      if (at < 0) {
        return text;
      }
      int most = Math.min(25, 2 + 2 * seniority);
      int n = 1 + random.nextInt(most);
      return text.substring(0, at) + n + text.substring(at + 3);
    }
  }

  private static final double GOAL_CONTEXT_SHARE = 0.30;
  private static final double GOAL_PURPOSE_SHARE = 0.08;
  private static final double AREA_CONTEXT_SHARE = 0.5;
  private static final double SKILL_QUALIFIED_SHARE = 0.35;
  private static final double SKILL_CONTEXT_SHARE = 0.12;

  private static final WeightedChoice<Part> GOAL_FRAMES = parts(PhraseParts.GOAL_FRAMES, 1.0);
  private static final WeightedChoice<Part> SKILL_QUALIFIERS =
      parts(PhraseParts.SKILL_QUALIFIERS, 0.9);
  private static final WeightedChoice<String> GENERAL_CONTEXTS =
      WeightedChoice.decreasing(PhraseParts.GENERAL_CONTEXTS, 0.9);
  private static final WeightedChoice<String> PURPOSES =
      WeightedChoice.decreasing(PhraseParts.PURPOSES, 0.9);
  private static final Map<String, WeightedChoice<String>> AREA_CONTEXTS = areaContexts();

  @Override
  public String goals(List<TopicModel> topics, int seniority, SplittableRandom random) {
    return Typing.join(topics, t -> goal(t, seniority, random), random);
  }

  @Override
  public String skills(List<TopicModel> topics, int seniority, SplittableRandom random) {
    return Typing.join(topics, t -> skill(t, seniority, random), random);
  }

  private static String goal(TopicModel topic, int seniority, SplittableRandom random) {
    Phrasing p = topic.goalPhrasings.pick(random);
    String s = p.text();
    // A goal-only phrasing ("moving into data science") is already a whole goal.
    if (p.forSkills()) {
      Part frame = GOAL_FRAMES.pick(random);
      if (frame.fits(s)) {
        s = frame.around(s, random, seniority);
      }
    }
    double u = random.nextDouble();
    if (u < GOAL_CONTEXT_SHARE) {
      s = s + " " + context(topic, random);
    } else if (u < GOAL_CONTEXT_SHARE + GOAL_PURPOSE_SHARE) {
      s = s + " " + PURPOSES.pick(random);
    }
    return Typing.asTyped(s, random);
  }

  private static String skill(TopicModel topic, int seniority, SplittableRandom random) {
    Phrasing p = topic.skillPhrasings.pick(random);
    String s = p.text();
    double u = random.nextDouble();
    if (u < SKILL_QUALIFIED_SHARE) {
      Part qualifier = SKILL_QUALIFIERS.pick(random);
      if (qualifier.fits(s)) {
        s = qualifier.around(s, random, seniority);
      }
    } else if (u < SKILL_QUALIFIED_SHARE + SKILL_CONTEXT_SHARE) {
      s = s + " " + AREA_CONTEXTS.get(topic.area).pick(random);
    }
    return Typing.asTyped(s, random);
  }

  private static String context(TopicModel topic, SplittableRandom random) {
    return random.nextDouble() < AREA_CONTEXT_SHARE
        ? AREA_CONTEXTS.get(topic.area).pick(random)
        : GENERAL_CONTEXTS.pick(random);
  }

  /** Two words or fewer, no brackets or commas: fits a frame like "improve my %s". */
  static boolean isShort(String phrasing) {
    int words = 1;
    for (int i = 0; i < phrasing.length(); i++) {
      char c = phrasing.charAt(i);
      if (c == '(' || c == ',') {
        return false;
      }
      if (c == ' ') {
        words++;
      }
    }
    return words <= 2;
  }

  private static WeightedChoice<Part> parts(List<String> specs, double exponent) {
    List<Part> parts = new ArrayList<>();
    for (String spec : specs) {
      parts.add(Part.of(spec));
    }
    return WeightedChoice.decreasing(parts, exponent);
  }

  private static Map<String, WeightedChoice<String>> areaContexts() {
    Map<String, WeightedChoice<String>> byArea = new HashMap<>();
    for (AreaModel area : AreaModel.all()) {
      List<String> contexts = PhraseParts.AREA_CONTEXTS.get(area.name);
      if (contexts == null) {
        throw new IllegalStateException("PhraseParts has no contexts for area " + area.name);
      }
      byArea.put(area.name, WeightedChoice.decreasing(contexts, 0.9));
    }
    return byArea;
  }
}
