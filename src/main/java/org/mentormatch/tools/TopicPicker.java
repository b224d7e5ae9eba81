package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the topics of a member's goals or skills: mostly from their own track, then elsewhere in
 * their area, a neighbouring area, and leadership or communication; this is what gives the members
 * their cluster structure.
 */
final class TopicPicker {

  /**
   * Where a member's phrases come from: their own track, elsewhere in their area, a neighbouring
   * area; the rest from leadership or communication, leadership with {@code leadershipShare}.
   */
  private record Mix(double track, double area, double neighbour, double leadershipShare) {}

  private static final Mix JUNIOR_GOALS = new Mix(0.60, 0.18, 0.10, 0.35);
  private static final Mix MID_GOALS = new Mix(0.45, 0.15, 0.13, 0.50);
  private static final Mix SENIOR_GOALS = new Mix(0.25, 0.10, 0.12, 0.65);
  private static final Mix CONTRIBUTOR_SKILLS = new Mix(0.62, 0.20, 0.06, 0.35);
  private static final Mix LEADER_SKILLS = new Mix(0.35, 0.17, 0.08, 0.70);

  private static final WeightedChoice<Integer> GOAL_COUNT =
      WeightedChoice.weighted(new double[] {20, 38, 28, 14});
  private static final WeightedChoice<Integer> SKILL_COUNT =
      WeightedChoice.weighted(new double[] {30, 35, 22, 13});

  private TopicPicker() {}

  /** One to four distinct goal topics; the more senior look further afield. */
  static List<TopicModel> goals(
      AreaModel area, TrackModel track, int seniority, SplittableRandom random) {
    Mix mix = seniority <= 3 ? JUNIOR_GOALS : seniority <= 6 ? MID_GOALS : SENIOR_GOALS;
    // A few people want to change field: most of their goals come from a neighbour's track.
    TrackModel switchTo = null;
    if (random.nextDouble() < 0.07 && !area.neighbours.isEmpty()) {
      AreaModel target = area.neighbours.get(random.nextInt(area.neighbours.size()));
      switchTo = target.tracks.pick(random);
    }
    List<TopicModel> topics = new ArrayList<>();
    int want = 1 + GOAL_COUNT.pick(random);
    for (int attempt = 0; topics.size() < want && attempt < 4 * want; attempt++) {
      TopicModel t =
          switchTo != null && random.nextDouble() < 0.65
              ? switchTo.topics.pick(random)
              : draw(area, track, mix, random);
      addIfNew(topics, t);
    }
    return topics;
  }

  /** Two to five distinct skill topics; leaders teach more leadership and communication. */
  static List<TopicModel> skills(
      AreaModel area, TrackModel track, boolean leader, SplittableRandom random) {
    Mix mix = leader ? LEADER_SKILLS : CONTRIBUTOR_SKILLS;
    List<TopicModel> topics = new ArrayList<>();
    int want = 2 + SKILL_COUNT.pick(random);
    for (int attempt = 0; topics.size() < want && attempt < 4 * want; attempt++) {
      addIfNew(topics, draw(area, track, mix, random));
    }
    return topics;
  }

  private static void addIfNew(List<TopicModel> topics, TopicModel t) {
    for (TopicModel have : topics) {
      if (have == t) {
        return;
      }
    }
    topics.add(t);
  }

  private static TopicModel draw(
      AreaModel area, TrackModel track, Mix mix, SplittableRandom random) {
    double u = random.nextDouble();
    if (u < mix.track()) {
      return track.topics.pick(random);
    }
    if (u < mix.track() + mix.area()) {
      return area.tracks.pick(random).topics.pick(random);
    }
    if (u < mix.track() + mix.area() + mix.neighbour() && !area.neighbours.isEmpty()) {
      AreaModel n = area.neighbours.get(random.nextInt(area.neighbours.size()));
      return n.tracks.pick(random).topics.pick(random);
    }
    AreaModel soft =
        random.nextDouble() < mix.leadershipShare()
            ? AreaModel.LEADERSHIP
            : AreaModel.COMMUNICATION;
    return soft.tracks.pick(random).topics.pick(random);
  }
}
