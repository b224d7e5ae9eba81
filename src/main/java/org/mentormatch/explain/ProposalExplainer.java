package org.mentormatch.explain;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentormatch.config.ScoreConfig;
import org.mentormatch.scoring.PairScorer;

/**
 * Says in plain words why a pair was proposed, and why each next-best mentor was not chosen, so a
 * coordinator understands a proposal in seconds.
 */
public final class ProposalExplainer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ScoreConfig weights;
  private final boolean everyMentorSearched;

  /**
   * An explainer quoting the weights of {@code weights}, for mentors found in the nearest topic
   * clusters.
   */
  public ProposalExplainer(ScoreConfig weights) {
    this(weights, false);
  }

  private ProposalExplainer(ScoreConfig weights, boolean everyMentorSearched) {
    this.weights = weights;
    this.everyMentorSearched = everyMentorSearched;
  }

  /**
   * The same explainer for mentors found by the exact search, which looks at every mentor with a
   * skill similar to a goal whatever their cluster: the cluster is then only the mentor's topic,
   * not where they were found.
   */
  public ProposalExplainer forEveryMentorSearched() {
    return new ProposalExplainer(weights, true);
  }

  /** One side of the pair as the explanation names it. */
  public record Person(
      String id,
      String department,
      String timezone,
      int seniority,
      List<String> languages,
      int phraseCount)
      implements Serializable {}

  /** The numbers behind a pair's score. */
  public record Parts(
      double score,
      double coverage,
      double seniority,
      double timezone,
      double department,
      double sharedHours,
      List<PairScorer.Match> matches)
      implements Serializable {}

  /** The reasons for proposing {@code mentor} to {@code mentee}, most important first. */
  public List<String> reasons(
      Person mentee, Person mentor, Parts parts, int cluster, String clusterLabel) {
    List<String> reasons = new ArrayList<>();
    if (parts.matches().isEmpty()) {
      reasons.add(
          "Skills cover none of the "
              + mentee.phraseCount()
              + " goals directly; proposed on seniority, time zone and department alone.");
    }
    StringBuilder covered = new StringBuilder();
    covered
        .append("Skills cover ")
        .append(parts.matches().size())
        .append(" of ")
        .append(mentee.phraseCount())
        .append(mentee.phraseCount() == 1 ? " goal: " : " goals: ");
    for (int i = 0; i < parts.matches().size(); i++) {
      PairScorer.Match m = parts.matches().get(i);
      covered
          .append(i == 0 ? "" : "; ")
          .append('"')
          .append(m.goal())
          .append("\" by \"")
          .append(m.skill())
          .append("\" (")
          .append(m.describe())
          .append(')');
    }
    if (!parts.matches().isEmpty()) {
      reasons.add(covered.append('.').toString());
    }
    reasons.add(
        String.format(
            Locale.ROOT,
            "Score %.2f = coverage %.2f x %s + seniority %.2f x %s + time zone %.2f x %s +"
                + " department %.2f x %s (weights normalised to 1).",
            parts.score(),
            parts.coverage(),
            plain(weights.coverageWeight() / weights.weightSum()),
            parts.seniority(),
            plain(weights.seniorityWeight() / weights.weightSum()),
            parts.timezone(),
            plain(weights.timezoneWeight() / weights.weightSum()),
            parts.department(),
            plain(weights.departmentWeight() / weights.weightSum())));
    int gap = mentor.seniority() - mentee.seniority();
    reasons.add(
        gap == 0
            ? "Same seniority as the mentee ("
                + mentor.seniority()
                + " vs "
                + mentee.seniority()
                + "): a peer mentor."
            : "Mentor is "
                + gap
                + (gap == 1 ? " level" : " levels")
                + " more senior ("
                + mentor.seniority()
                + " vs "
                + mentee.seniority()
                + ").");
    reasons.add(
        String.format(
            Locale.ROOT,
            "%s shared working hours a day (%s and %s).",
            hours(parts.sharedHours()),
            mentee.timezone(),
            mentor.timezone()));
    if (parts.department() > 0) {
      reasons.add(
          "Brings a view from another department ("
              + mentor.department()
              + ", mentee in "
              + mentee.department()
              + ").");
    } else if (mentee.department() != null
        && mentee.department().equalsIgnoreCase(nullToEmpty(mentor.department()))) {
      reasons.add("Same department (" + mentee.department() + ").");
    }
    List<String> shared = new ArrayList<>(mentee.languages());
    shared.retainAll(mentor.languages());
    reasons.add("Both speak " + String.join(", ", shared) + ".");
    reasons.add(
        everyMentorSearched
            ? "Found among all mentors with a skill similar to a goal; this mentor's skills are in"
                + " topic cluster "
                + cluster
                + " ("
                + clusterLabel
                + ")."
            : "Found in topic cluster " + cluster + " (" + clusterLabel + ").");
    return List.copyOf(reasons);
  }

  /**
   * Why an alternative mentor scoring {@code score} was not chosen over one scoring {@code chosen}.
   */
  public static String whyNot(double score, double chosen, int taken, int capacity) {
    if (capacity == 0) {
      return "at capacity: no free place, active or pending mentorships fill it";
    }
    if (taken >= capacity) {
      return capacity == 1
          ? "at capacity: their one place went to another mentee"
          : String.format(
              Locale.ROOT, "at capacity: all %d places went to other mentees", capacity);
    }
    if (score <= chosen) {
      return String.format(Locale.ROOT, "fits less well (%.3f vs %.3f)", score, chosen);
    }
    // An optimal assignment never leaves a better mentor with room unused for this mentee.
    return String.format(
        Locale.ROOT, "scores higher (%.3f) but was kept free by the assignment", score);
  }

  private static String hours(double h) {
    return h == Math.rint(h) ? String.valueOf((long) h) : String.format(Locale.ROOT, "%.1f", h);
  }

  private static String plain(double w) {
    return String.format(Locale.ROOT, "%.2f", w);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
