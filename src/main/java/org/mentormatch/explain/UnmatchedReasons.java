package org.mentormatch.explain;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mentormatch.candidates.PairRules;

/**
 * The reason an eligible mentee was left unmatched, in words a member could be told.
 *
 * <p>The funnel goes: mentors found (in the nearest topic clusters, or, with the exact search,
 * every mentor with a skill similar to a goal); of those, the ones whose skills cover enough of the
 * goals; of those, the ones each hard rule leaves in turn; of those, the ones scoring at least the
 * minimum; the reason is the first step that leaves nobody, and if somebody was left at the end,
 * all of them were at capacity.
 */
public final class UnmatchedReasons implements Serializable {
  private static final long serialVersionUID = 1L;

  private final double minScore;
  private final double minCoverage;
  private final int minSeniorityGap;
  private final double maxTimezoneHours;
  private final boolean everyMentorSearched;

  /** Reasons quoting the thresholds in force, for candidates from the nearest topic clusters. */
  public UnmatchedReasons(
      double minScore, double minCoverage, int minSeniorityGap, double maxTimezoneHours) {
    this(minScore, minCoverage, minSeniorityGap, maxTimezoneHours, false);
  }

  private UnmatchedReasons(
      double minScore,
      double minCoverage,
      int minSeniorityGap,
      double maxTimezoneHours,
      boolean everyMentorSearched) {
    this.minScore = minScore;
    this.minCoverage = minCoverage;
    this.minSeniorityGap = minSeniorityGap;
    this.maxTimezoneHours = maxTimezoneHours;
    this.everyMentorSearched = everyMentorSearched;
  }

  /**
   * The same reasons for candidates from every mentor (the exact search), where no candidate means
   * no mentor offers a skill similar to any goal, whatever their cluster.
   */
  public UnmatchedReasons forEveryMentorSearched() {
    return new UnmatchedReasons(minScore, minCoverage, minSeniorityGap, maxTimezoneHours, true);
  }

  /**
   * What is known about one unmatched mentee.
   *
   * @param goalsHaveTopic whether any goal names a topic the features recognise
   * @param candidates mentors found: in the clusters searched, or with the exact search those with
   *     a skill similar to a goal
   * @param bestCoverage the best coverage of the goals by any of them
   * @param topical those whose coverage reaches the minimum
   * @param ruleOrder the hard rules, in funnel order
   * @param leftAfterRule topical mentors left after each rule and the rules before it
   * @param bestScore the best score of a topical mentor who passes every rule
   * @param aboveMinimum topical mentors passing every rule and reaching the minimum score
   */
  public record Funnel(
      boolean goalsHaveTopic,
      int candidates,
      double bestCoverage,
      int topical,
      List<String> ruleOrder,
      Map<String, Integer> leftAfterRule,
      double bestScore,
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
      return everyMentorSearched
          ? "no mentor offers a skill similar to any of the goals"
          : "no mentor offers skills in the topic clusters nearest to the goals";
    }
    if (f.topical() == 0) {
      return String.format(
          Locale.ROOT,
          "no mentor's skills cover enough of the goals: the closest of %s covers %.0f%%, the"
              + " minimum is %.0f%%",
          count(f.candidates(), "mentor"),
          100 * f.bestCoverage(),
          100 * minCoverage);
    }
    int before = f.topical();
    for (String rule : f.ruleOrder()) {
      int left = f.leftAfterRule().getOrDefault(rule, 0);
      if (left == 0) {
        return ruleReason(rule, before, f);
      }
      before = left;
    }
    if (f.aboveMinimum() == 0) {
      return String.format(
          Locale.ROOT,
          "the best fit scores %.2f, below the minimum score %.2f",
          f.bestScore(),
          minScore);
    }
    return allFull(f.aboveMinimum());
  }

  /**
   * The reason of a mentee whose goals name a topic and whose {@code fitting} mentors, one or more,
   * are all at capacity: what {@link #reason} says at the end of such a mentee's funnel.
   */
  public String allFull(int fitting) {
    return fitting == 1
        ? "the one mentor who fits is at capacity with other mentees"
        : "all " + fitting + " mentors who fit are at capacity with other mentees";
  }

  private String ruleReason(String rule, int before, Funnel f) {
    String fitting =
        before == 1
            ? "the one mentor whose skills fit"
            : "none of the " + before + " mentors whose skills fit";
    boolean one = before == 1;
    return switch (rule) {
      case PairRules.SHARED_LANGUAGE ->
          fitting
              + (one ? " does not speak" : " speaks")
              + " a language the mentee speaks ("
              + String.join(", ", f.languages())
              + ")";
      case PairRules.TIMEZONE ->
          fitting
              + (one ? " does not work" : " works")
              + " within "
              + hours(maxTimezoneHours)
              + " h of the mentee's time zone ("
              + f.timezone()
              + ")";
      case PairRules.SENIORITY ->
          fitting
              + (one ? " is not" : " is")
              + " at least "
              + count(minSeniorityGap, "level")
              + " more senior than the mentee (seniority "
              + f.seniority()
              + ")";
      case PairRules.REPORTING_LINE ->
          (one ? "the one mentor whose skills fit is" : "the mentors whose skills fit are")
              + " in the mentee's own reporting line";
      case PairRules.SAME_MANAGER ->
          (one ? "the one mentor whose skills fit reports" : "the mentors whose skills fit report")
              + " to the mentee's own manager";
      case PairRules.NOT_DECLINED ->
          (one ? "the one mentor whose skills fit was" : "the mentors whose skills fit were")
              + " declined for this mentee by a coordinator";
      case PairRules.MENTOR_HAS_ROOM ->
          (one ? "the one mentor whose skills fit has" : "the mentors whose skills fit have")
              + " no free place: active mentorships and pending proposals fill them";
      default -> fitting + (one ? " does not pass" : " passes") + " the rule '" + rule + "'";
    };
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String hours(double h) {
    return h == Math.rint(h) ? String.valueOf((long) h) : String.valueOf(h);
  }
}
