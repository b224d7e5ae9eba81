package org.mentormatch.scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.ml.linalg.Vector;
import org.mentormatch.config.ScoreConfig;
import org.mentormatch.features.SparseVectors;

/**
 * Scores one allowed mentee-mentor pair; the formula a coordinator sees explained.
 *
 * <p>Four parts, each in [0, 1]:
 *
 * <ul>
 *   <li><b>coverage</b>: for each of the mentee's goals, the similarity of the mentor's closest
 *       skill (cosine of the TF-IDF phrase vectors), counted as 0 below {@code
 *       score.min_phrase_similarity}; averaged over the goals that name a topic at all.
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

  /** A goal or skill phrase with its unit-length feature vector. */
  public record Phrase(String text, Vector vector) implements Serializable {}

  /** A goal the mentor covers, the skill that covers it, and how similar they are. */
  public record Match(String goal, String skill, double similarity) implements Serializable {}

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

  /** One side of a pair: what the scorer needs to know about a member. */
  public record Side(List<Phrase> phrases, int seniority, int utcOffsetMinutes, String department)
      implements Serializable {}

  /** Scores {@code mentee} (their goals) against {@code mentor} (their skills). */
  public Score score(Side mentee, Side mentor) {
    List<Match> matches = new ArrayList<>();
    double covered = 0;
    int topical = 0;
    for (Phrase goal : mentee.phrases()) {
      if (goal.vector().numNonzeros() == 0) {
        continue; // a goal naming no topic cannot be covered by anyone
      }
      topical++;
      Phrase best = null;
      double bestSimilarity = 0;
      for (Phrase skill : mentor.phrases()) {
        double s = SparseVectors.dot(goal.vector(), skill.vector());
        if (s > bestSimilarity + 1e-12) {
          bestSimilarity = s;
          best = skill;
        }
      }
      if (best != null && bestSimilarity >= config.minPhraseSimilarity()) {
        double similarity = Math.min(1.0, bestSimilarity);
        covered += similarity;
        matches.add(new Match(goal.text(), best.text(), similarity));
      }
    }
    double coverage = topical == 0 ? 0 : covered / topical;

    int gap = Math.max(0, mentor.seniority() - mentee.seniority());
    double seniorityPart =
        (double) Math.min(gap, config.idealSeniorityGap()) / config.idealSeniorityGap();

    double sharedHours = sharedHours(mentee.utcOffsetMinutes(), mentor.utcOffsetMinutes());
    double timezonePart = sharedHours / config.workdayHours();

    double departmentPart =
        mentee.department() != null
                && mentor.department() != null
                && !mentee
                    .department()
                    .trim()
                    .toLowerCase(Locale.ROOT)
                    .equals(mentor.department().trim().toLowerCase(Locale.ROOT))
            ? 1
            : 0;

    double score =
        (config.coverageWeight() * coverage
                + config.seniorityWeight() * seniorityPart
                + config.timezoneWeight() * timezonePart
                + config.departmentWeight() * departmentPart)
            / config.weightSum();
    return new Score(
        score,
        coverage,
        seniorityPart,
        timezonePart,
        departmentPart,
        sharedHours,
        List.copyOf(matches));
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
