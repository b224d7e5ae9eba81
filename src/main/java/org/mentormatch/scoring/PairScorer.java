package org.mentormatch.scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentormatch.config.ScoreConfig;

/**
 * Scores one allowed mentee-mentor pair; the formula a coordinator sees explained.
 *
 * <p>Four parts, each in [0, 1]:
 *
 * <ul>
 *   <li><b>coverage</b>: for each of the mentee's goals, the similarity of the mentor's closest
 *       skill ({@link PhraseSimilarity}), counted as 0 below {@code score.min_phrase_similarity};
 *       averaged over the goals that name a topic at all.
 *   <li><b>seniority</b>: min(gap, {@code score.ideal_seniority_gap}) / ideal gap.
 *   <li><b>timezone</b>: hours of the two local working days ({@code score.workday_start_hour} to
 *       {@code score.workday_end_hour}) that overlap, divided by the working day's length.
 *   <li><b>department</b>: 1 when both departments are known and differ, else 0.
 * </ul>
 *
 * score = weighted mean of the parts with the {@code score.weight.*} weights. Nothing else enters
 * the score: no name, e-mail, and no column the members file carries beyond the contract.
 */
public final class PairScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ScoreConfig config;

  /** A scorer with the weights and thresholds of {@code config}. */
  public PairScorer(ScoreConfig config) {
    this.config = config;
  }

  /**
   * A goal the mentor covers, the skill that covers it, how similar they are and how ({@link
   * PhraseSimilarity.Kind#words}).
   */
  public record Match(String goal, String skill, double similarity, String how)
      implements Serializable {
    /** How the explanation quotes the similarity: "same concept", "similar meaning, 0.71". */
    public String describe() {
      return new PhraseSimilarity.Similarity(similarity, PhraseSimilarity.Kind.of(how)).describe();
    }
  }

  /**
   * One of the mentee's goals: whether it names a topic, and the mentor's skill that covers it best
   * (at least {@code score.min_phrase_similarity}), or null.
   */
  public record Goal(String text, boolean topical, Match best) implements Serializable {}

  /** The score of a pair and its parts. */
  public record Score(
      double score,
      double coverage,
      double seniorityPart,
      double timezonePart,
      double departmentPart,
      double sharedHours,
      List<Match> matches)
      implements Serializable {}

  /**
   * One side of a pair: what the scorer needs to know about a member besides the goals. The
   * department is held as the department part compares it (trimmed, lower case), so a side made
   * once is compared at every pair without redoing that work.
   */
  public record Side(int seniority, int utcOffsetMinutes, String department)
      implements Serializable {
    public Side {
      department = department == null ? null : department.trim().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Scores a mentee with {@code goals} (in their order, each with the mentor's best skill for it)
   * against a mentor.
   */
  public Score score(List<Goal> goals, Side mentee, Side mentor) {
    List<Match> matches = new ArrayList<>();
    double covered = 0;
    int topical = 0;
    for (Goal goal : goals) {
      if (!goal.topical()) {
        continue; // a goal naming no topic cannot be covered by anyone
      }
      topical++;
      Match best = goal.best();
      if (best != null && best.similarity() >= config.minPhraseSimilarity()) {
        covered += best.similarity();
        matches.add(best);
      }
    }
    double coverage = topical == 0 ? 0 : covered / topical;

    double seniorityPart = seniorityPart(mentee, mentor);
    double sharedHours = sharedHours(mentee.utcOffsetMinutes(), mentor.utcOffsetMinutes());
    double timezonePart = sharedHours / config.workdayHours();
    double departmentPart = departmentPart(mentee, mentor);
    double score = weighted(coverage, seniorityPart, timezonePart, departmentPart);
    return new Score(
        score,
        coverage,
        seniorityPart,
        timezonePart,
        departmentPart,
        sharedHours,
        List.copyOf(matches));
  }

  /**
   * The most a pair can score whose coverage is at most {@code coverage}: {@link #score}'s formula,
   * in the same order of operations, with the pair's own seniority, time-zone and department parts.
   * Each operation is monotone in the coverage, so no pair scores above it.
   */
  public double atMost(double coverage, Side mentee, Side mentor) {
    return weighted(
        coverage,
        seniorityPart(mentee, mentor),
        sharedHours(mentee.utcOffsetMinutes(), mentor.utcOffsetMinutes()) / config.workdayHours(),
        departmentPart(mentee, mentor));
  }

  /**
   * {@link #atMost(double, Side, Side)} from the two sides' numbers, the departments compared by
   * the caller ({@code departmentsDiffer}: both known and different, as the department part asks):
   * the same double, for a caller holding its members in flat arrays.
   */
  public double atMost(
      double coverage,
      int menteeSeniority,
      int menteeOffsetMinutes,
      int mentorSeniority,
      int mentorOffsetMinutes,
      boolean departmentsDiffer) {
    return weighted(
        coverage,
        seniorityPart(menteeSeniority, mentorSeniority),
        sharedHours(menteeOffsetMinutes, mentorOffsetMinutes) / config.workdayHours(),
        departmentsDiffer ? 1 : 0);
  }

  /**
   * {@link #atMost(double, int, int, int, int, boolean)} with the pair's seniority and time-zone
   * parts computed already ({@link #seniorityPart(int, int)}, {@link #timezonePart}): the same
   * double. Each operation of the formula is monotone in each part, so a pair with parts no higher
   * is never above it at the same coverage.
   */
  public double atMost(
      double coverage, double seniorityPart, double timezonePart, boolean departmentsDiffer) {
    return weighted(coverage, seniorityPart, timezonePart, departmentsDiffer ? 1 : 0);
  }

  /** The time-zone part of a pair at these UTC offsets, as {@link #score} computes it. */
  public double timezonePart(int menteeOffsetMinutes, int mentorOffsetMinutes) {
    return sharedHours(menteeOffsetMinutes, mentorOffsetMinutes) / config.workdayHours();
  }

  private double weighted(
      double coverage, double seniorityPart, double timezonePart, double departmentPart) {
    return (config.coverageWeight() * coverage
            + config.seniorityWeight() * seniorityPart
            + config.timezoneWeight() * timezonePart
            + config.departmentWeight() * departmentPart)
        / config.weightSum();
  }

  private double seniorityPart(Side mentee, Side mentor) {
    return seniorityPart(mentee.seniority(), mentor.seniority());
  }

  /** The seniority part of a pair of these seniorities, as {@link #score} computes it. */
  public double seniorityPart(int menteeSeniority, int mentorSeniority) {
    int gap = Math.max(0, mentorSeniority - menteeSeniority);
    return (double) Math.min(gap, config.idealSeniorityGap()) / config.idealSeniorityGap();
  }

  private static double departmentPart(Side mentee, Side mentor) {
    return mentee.department() != null
            && mentor.department() != null
            && !mentee.department().equals(mentor.department())
        ? 1
        : 0;
  }

  /** Hours the two local working days overlap, given each side's UTC offset in minutes. */
  double sharedHours(int offsetA, int offsetB) {
    int start = config.workdayStartHour() * 60;
    int end = config.workdayEndHour() * 60;
    int startA = start - offsetA;
    int endA = end - offsetA;
    double best = 0;
    for (int shift = -24 * 60; shift <= 24 * 60; shift += 24 * 60) {
      int startB = start - offsetB + shift;
      int endB = end - offsetB + shift;
      best = Math.max(best, Math.min(endA, endB) - Math.max(startA, startB));
    }
    return best / 60.0;
  }
}
