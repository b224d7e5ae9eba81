package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * Which scored pairs the assignment may use, and how proposals are explained.
 *
 * @param minScore score under which no pair is proposed
 * @param minCoverage coverage under which no pair is proposed
 * @param maxCandidatesPerMentee best-scoring allowed mentors per mentee kept for the assignment
 * @param alternatives next-best mentors listed with each proposal
 */
public record AssignmentConfig(
    double minScore, double minCoverage, int maxCandidatesPerMentee, int alternatives)
    implements Serializable {
  static final Setting<Double> MIN_SCORE =
      Setting.decimal(
          "assignment.min_score",
          0.30,
          0,
          1,
          "Score under which a pair is never proposed, however free the mentor is.");

  static final Setting<Double> MIN_COVERAGE =
      Setting.decimal(
          "assignment.min_coverage",
          0.20,
          0,
          1,
          "Coverage under which a pair is never proposed: good time zones and seniority cannot"
              + " make up for skills that do not meet the mentee's goals (0.2 is one strong match"
              + " among four or five goals).");

  static final Setting<Integer> MAX_CANDIDATES_PER_MENTEE =
      Setting.integer(
          "assignment.max_candidates_per_mentee",
          50,
          1,
          100_000,
          "How many of a mentee's best-scoring allowed mentors the assignment may choose from;"
              + " more can only improve the optimum, fewer is faster.");

  static final Setting<Integer> ALTERNATIVES =
      Setting.integer(
          "explain.alternatives",
          3,
          0,
          50,
          "How many next-best mentors each proposal lists, with their scores and why they were"
              + " not chosen.");

  static final List<Setting<?>> SETTINGS =
      List.of(MIN_SCORE, MIN_COVERAGE, MAX_CANDIDATES_PER_MENTEE, ALTERNATIVES);

  static AssignmentConfig read(SettingValues v) {
    return new AssignmentConfig(
        v.get(MIN_SCORE),
        v.get(MIN_COVERAGE),
        v.get(MAX_CANDIDATES_PER_MENTEE),
        v.get(ALTERNATIVES));
  }
}
