package org.mentormatch.review;

import java.util.List;
import java.util.Map;

/**
 * Everything {@code report.html} shows about one run, already computed: the page only lays it out.
 * Built by the match job from the run's outputs; lists are in the order they are shown.
 *
 * @param runId the run
 * @param figures headline counts, in order (e.g. "members read" -> 334, "proposals" -> 124)
 * @param proposals the proposals shown (at most {@link #MAX_LISTED}; {@code proposalCount} says how
 *     many there are in all)
 * @param proposalCount all proposals of the run
 * @param unmatched the unmatched mentees shown (at most {@link #MAX_LISTED})
 * @param unmatchedCount all unmatched mentees of the run
 * @param scoreHistogram proposals per score band: 10 bands [0, 0.1), [0.1, 0.2), ..., [0.9, 1.0]
 * @param byDepartment match rate and mean score per mentee department ("(none)" when empty)
 * @param byRegion the same per time-zone region (the part of the IANA zone before '/', or UTC)
 */
public record ReportData(
    String runId,
    Map<String, Long> figures,
    List<ProposalView> proposals,
    long proposalCount,
    List<UnmatchedView> unmatched,
    long unmatchedCount,
    long[] scoreHistogram,
    List<FairnessRow> byDepartment,
    List<FairnessRow> byRegion) {

  /** Most proposals (and unmatched mentees) listed on the page; the CSV files have them all. */
  public static final int MAX_LISTED = 2000;

  /** Copies what it is given, so a report cannot change after it was built. */
  public ReportData {
    if (scoreHistogram.length != 10) {
      throw new IllegalArgumentException(
          "scoreHistogram must have 10 bands, [0, 0.1) to [0.9, 1.0], not "
              + scoreHistogram.length);
    }
    figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    proposals = List.copyOf(proposals);
    unmatched = List.copyOf(unmatched);
    scoreHistogram = scoreHistogram.clone();
    byDepartment = List.copyOf(byDepartment);
    byRegion = List.copyOf(byRegion);
  }

  /** The proposals per score band (a copy). */
  @Override
  public long[] scoreHistogram() {
    return scoreHistogram.clone();
  }

  /** One proposal as the page shows it. */
  public record ProposalView(
      String proposalId,
      String menteeName,
      String menteeDepartment,
      String mentorName,
      String mentorDepartment,
      double score,
      double coverage,
      double seniority,
      double timezone,
      double department,
      List<SharedView> shared,
      List<String> reasons,
      List<AlternativeView> alternatives,
      String introduction) {}

  /** A goal the mentor covers and the skill that covers it. */
  public record SharedView(String goal, String skill, double similarity, String how) {}

  /** A next-best mentor and why not. */
  public record AlternativeView(String mentorId, String mentorName, double score, String whyNot) {}

  /** An eligible mentee left unmatched, and why. */
  public record UnmatchedView(String memberId, String name, String department, String reason) {}

  /**
   * One group of the fairness tables: how many eligible mentees it has, how many got a proposal,
   * the share, and the mean score of those proposals (NaN when none).
   */
  public record FairnessRow(String group, long eligible, long matched, double meanScore) {
    /** matched / eligible, or 0 for an empty group. */
    public double matchRate() {
      return eligible == 0 ? 0 : (double) matched / eligible;
    }
  }
}
