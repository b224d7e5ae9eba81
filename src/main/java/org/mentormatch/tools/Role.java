package org.mentormatch.tools;

import java.util.Locale;
import java.util.SplittableRandom;

/** What a member signs up as, drawn by rank and seniority, and how they spell it. */
enum Role {
  MENTEE("mentee", true, false),
  MENTOR("mentor", false, true),
  BOTH("both", true, true);

  // Mentee, mentor, both weights by seniority 1-6 for contributors; then managers; then heads.
  // Tuned so the whole file is about 50% mentees, 35% mentors and 15% both.
  private static final double[][] CONTRIBUTOR_WEIGHTS = {
    {0.88, 0.04, 0.08},
    {0.78, 0.10, 0.12},
    {0.60, 0.25, 0.15},
    {0.45, 0.38, 0.17},
    {0.32, 0.50, 0.18},
    {0.25, 0.55, 0.20},
  };
  private static final double[] MANAGER_WEIGHTS = {0.15, 0.62, 0.23};
  private static final double[] HEAD_WEIGHTS = {0.05, 0.80, 0.15};

  final String word;
  final boolean mentee;
  final boolean mentor;

  Role(String word, boolean mentee, boolean mentor) {
    this.word = word;
    this.mentee = mentee;
    this.mentor = mentor;
  }

  static Role draw(Rank rank, int seniority, SplittableRandom random) {
    double[] w =
        switch (rank) {
          case HEAD -> HEAD_WEIGHTS;
          case SENIOR_MANAGER, MANAGER -> MANAGER_WEIGHTS;
          case INDIVIDUAL -> CONTRIBUTOR_WEIGHTS[Math.min(seniority, 6) - 1];
        };
    double u = random.nextDouble();
    return u < w[0] ? MENTEE : u < w[0] + w[1] ? MENTOR : BOTH;
  }

  /** Most write the role in lowercase; some capitalise it or shout it. */
  String spelled(SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.09) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
    return u < 0.15 ? word.toUpperCase(Locale.ROOT) : word;
  }
}
