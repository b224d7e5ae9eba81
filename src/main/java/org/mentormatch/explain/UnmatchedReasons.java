package org.mentormatch.explain;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mentormatch.candidates.PairRules;

/**
 * The reason an eligible mentee was left unmatched: the first step of the matching funnel where no
 * mentor was left, in words a member could be told.
 */
public final class UnmatchedReasons implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double minScore;
  private final double minCoverage;
  private final int minSeniorityGap;
  private final double maxTimezoneHours;

  /** Reasons quoting the thresholds in force. */
  public UnmatchedReasons(
      double minScore, double minCoverage, int minSeniorityGap, double maxTimezoneHours) {
    this.minScore = minScore;
    this.minCoverage = minCoverage;
    this.minSeniorityGap = minSeniorityGap;
    this.maxTimezoneHours = maxTimezoneHours;
  }

  /** What is known about one unmatched mentee. */
  public record Funnel(
      boolean goalsHaveTopic,
      int candidates,
      List<String> ruleOrder,
      Map<String, Integer> leftAfterRule,
      int scored,
      double bestScore,
      double bestCoverage,
      int aboveMinimum,
      List<String> languages,
      String timezone,
      int seniority)
      implements Serializable {}

  /** The reason for {@code f}. */
  public String reason(Funnel f) {
    if (!f.goalsHaveTopic()) {
      return "none of the goals names a topic the matcher recognises; more specific goals"
          + " (e.g. 'negotiation', 'SQL') would help";
    }
    if (f.candidates() == 0) {
      return "no mentor offers skills in the topic clusters nearest to the goals";
    }
    int before = f.candidates();
    for (String rule : f.ruleOrder()) {
      int left = f.leftAfterRule().getOrDefault(rule, 0);
      if (left == 0) {
        return ruleReason(rule, before, f);
      }
      before = left;
    }
    if (f.bestCoverage() <= 0) {
      return "none of the "
          + before
          + " mentor"
          + plural(before)
          + " who pass the rules has skills that cover the goals";
    }
    if (f.bestCoverage() < minCoverage) {
      return String.format(
          Locale.ROOT,
          "the skills of the %d mentor%s who pass the rules cover at most %.0f%% of the goals,"
              + " below the minimum coverage of %.0f%%",
          before,
          plural(before),
          100 * f.bestCoverage(),
          100 * minCoverage);
    }
    if (f.aboveMinimum() == 0) {
      return String.format(
          Locale.ROOT,
          "the best fit scores %.2f, below the minimum score %.2f",
          f.bestScore(),
          minScore);
    }
    return f.aboveMinimum() == 1
        ? "the one mentor who fits well enough is at capacity with other mentees"
        : "all "
            + f.aboveMinimum()
            + " mentors who fit well enough are at capacity with other mentees";
  }

  private String ruleReason(String rule, int before, Funnel f) {
    String mentors = before + " mentor" + plural(before) + " with related skills";
    return switch (rule) {
      case PairRules.SHARED_LANGUAGE ->
          "none of the "
              + mentors
              + " speaks a language the mentee speaks ("
              + String.join(", ", f.languages())
              + ")";
      case PairRules.TIMEZONE ->
          String.format(
              Locale.ROOT,
              "none of the %s and a shared language works within %s h of the mentee's time zone (%s)",
              mentors,
              maxTimezoneHours == Math.rint(maxTimezoneHours)
                  ? String.valueOf((long) maxTimezoneHours)
                  : String.valueOf(maxTimezoneHours),
              f.timezone());
      case PairRules.SENIORITY ->
          "none of the "
              + mentors
              + " still fitting is at least "
              + minSeniorityGap
              + " level"
              + plural(minSeniorityGap)
              + " more senior than the mentee (seniority "
              + f.seniority()
              + ")";
      case PairRules.REPORTING_LINE ->
          "the only fitting mentors are in the mentee's own reporting line";
      case PairRules.SAME_MANAGER -> "the only fitting mentors report to the mentee's own manager";
      default -> "no fitting mentor passes the rule '" + rule + "'";
    };
  }

  private static String plural(int n) {
    return n == 1 ? "" : "s";
  }
}
