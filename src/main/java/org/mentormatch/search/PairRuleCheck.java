package org.mentormatch.search;

import java.io.Serializable;
import java.util.List;
import org.mentormatch.candidates.PairRules;
import org.mentormatch.config.RuleConfig;

/**
 * The hard rules of {@link PairRules}, in the same funnel order, checked on one mentee and one
 * mentor in plain Java: the search checks a mentor before scoring them. {@code PairRuleCheckIT}
 * holds both definitions to the same outcome on every pair of the sample.
 *
 * <p>Where a Spark rule would be null (a missing language list, say), the pair fails it, as a null
 * fails a Spark filter.
 */
public final class PairRuleCheck implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The rule names, in the funnel order of {@link PairRules#rules}. */
  public static final List<String> NAMES =
      List.of(
          PairRules.SHARED_LANGUAGE,
          PairRules.TIMEZONE,
          PairRules.SENIORITY,
          PairRules.REPORTING_LINE,
          PairRules.SAME_MANAGER,
          PairRules.NOT_DECLINED,
          PairRules.MENTOR_HAS_ROOM);

  /** {@link #firstFailure} of a pair that passes every rule. */
  public static final int PASSES = NAMES.size();

  private final RuleConfig config;
  private final long maxTimezoneMinutes;

  /** The rules configured by {@code config}. */
  public PairRuleCheck(RuleConfig config) {
    this.config = config;
    this.maxTimezoneMinutes = Math.round(config.maxTimezoneDifferenceHours() * 60);
  }

  /**
   * The position in {@link #NAMES} of the first rule the pair fails, or {@link #PASSES}: the
   * readable definition, which the search's numbered check below is tested against.
   */
  public int firstFailure(MenteeQuery mentee, MentorIndex.Mentor mentor) {
    if (!shareALanguage(mentee.languages(), mentor.languages())) {
      return 0;
    }
    int difference = Math.abs(mentee.utcOffsetMinutes() - mentor.utcOffsetMinutes());
    if (Math.min(difference, 24 * 60 - difference) > maxTimezoneMinutes) {
      return 1;
    }
    if (mentor.seniority() - mentee.seniority() < config.minSeniorityGap()) {
      return 2;
    }
    if (mentee.managementChain().contains(mentor.id())
        || mentor.managementChain().contains(mentee.id())) {
      return 3;
    }
    if (!config.allowSameManagerPeers()
        && mentee.managerId() != null
        && mentee.managerId().equals(mentor.managerId())) {
      return 4;
    }
    if (mentee.declined().contains(mentor.id())) {
      return 5;
    }
    if (mentor.freeCapacity() <= 0) {
      return 6;
    }
    return PASSES;
  }

  /**
   * {@link #firstFailure(MenteeQuery, MentorIndex.Mentor)} of mentee {@code q} and mentor {@code
   * m}.
   *
   * <p>The same position, read from the numbers and flat arrays of {@code mentors}.
   */
  /**
   * Whether a mentee and a mentor of these seniorities and UTC offsets fail the time-zone or the
   * seniority rule, whatever else they are: the search settles a class of mentors with it.
   */
  boolean failsOnClass(
      int menteeSeniority, int menteeOffsetMinutes, int mentorSeniority, int mentorOffsetMinutes) {
    return tooFarApart(menteeOffsetMinutes, mentorOffsetMinutes)
        || tooClose(menteeSeniority, mentorSeniority);
  }

  private boolean tooFarApart(int menteeOffsetMinutes, int mentorOffsetMinutes) {
    int difference = Math.abs(menteeOffsetMinutes - mentorOffsetMinutes);
    return Math.min(difference, 24 * 60 - difference) > maxTimezoneMinutes;
  }

  private boolean tooClose(int menteeSeniority, int mentorSeniority) {
    return mentorSeniority - menteeSeniority < config.minSeniorityGap();
  }

  int firstFailure(MentorRules mentors, MentorRules.Query q, int m) {
    if (!mentors.shareALanguage(q, m)) {
      return 0;
    }
    if (tooFarApart(q.utcOffsetMinutes, mentors.utcOffsetMinutes(m))) {
      return 1;
    }
    if (tooClose(q.seniority, mentors.seniority(m))) {
      return 2;
    }
    if (mentors.inOneReportingLine(q, m)) {
      return 3;
    }
    if (!config.allowSameManagerPeers() && mentors.sameManager(q, m)) {
      return 4;
    }
    if (mentors.declined(q, m)) {
      return 5;
    }
    if (mentors.freeCapacity(m) <= 0) {
      return 6;
    }
    return PASSES;
  }

  private static boolean shareALanguage(List<String> a, List<String> b) {
    if (a == null || b == null) {
      return false;
    }
    for (String x : a) {
      if (x != null && b.contains(x)) {
        return true;
      }
    }
    return false;
  }
}
