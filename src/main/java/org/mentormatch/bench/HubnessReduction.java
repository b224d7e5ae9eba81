package org.mentormatch.bench;

import java.util.Arrays;

/**
 * Hubness reduction for goal-skill cosines (CSLS, Conneau et al. 2018, "Word translation without
 * parallel data"), centred so that the result stays on the cosine's scale.
 *
 * <p>Some phrases ("getting things done", "productivity") lie close to many phrases of the other
 * side and win the best-skill choice for goals of several topics. CSLS lowers a pair's cosine by
 * how crowded each phrase's neighbourhood is: {@code csls(g, s) = 2 cos(g, s) - r(g) - r(s)}, where
 * {@code r(g)} is the mean cosine of goal {@code g} to its {@code k} most similar skills and {@code
 * r(s)} the mean cosine of skill {@code s} to its {@code k} most similar goals, among the night's
 * distinct phrases. Here half of it, with each penalty taken relative to its side's mean:
 *
 * <pre>
 *   cos'(g, s) = cos(g, s) - (r(g) - mean r(goals)) / 2 - (r(s) - mean r(skills)) / 2
 * </pre>
 *
 * <p>Halving and centring shift all pairs of one night alike, so the order of pairs is CSLS's,
 * while the values stay comparable with a plain cosine whatever the night's size: a cosine
 * threshold fitted on one set of phrases then still means about the same on a denser night (plain
 * CSLS values fall as the night grows, since every phrase's nearest neighbours come closer).
 *
 * <p>Determinism: each {@code r} is the mean of the {@code k} largest cosines summed from the
 * largest down, rounded to {@link #GRID}; the side means are exact sums of those rounded integers.
 * The same cosines therefore give the same result in any order of phrases or partitions.
 */
public final class HubnessReduction {
  /** Neighbourhood penalties are rounded to multiples of 1 / GRID. */
  public static final long GRID = 1_000_000_000L;

  private HubnessReduction() {}

  /**
   * The hubness-reduced cosines of {@code cosines} ({@code [goal][skill]}, every distinct goal and
   * skill of one night), with neighbourhoods of {@code k} phrases. Must have k >= 1.
   */
  public static double[][] of(double[][] cosines, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1: " + k);
    }
    int goals = cosines.length;
    int skills = goals == 0 ? 0 : cosines[0].length;
    long[] rGoal = new long[goals];
    long[] rSkill = new long[skills];
    long sumGoal = 0;
    long sumSkill = 0;
    for (int g = 0; g < goals; g++) {
      rGoal[g] = neighbourhood(cosines[g], k);
      sumGoal += rGoal[g];
    }
    double[] column = new double[goals];
    for (int s = 0; s < skills; s++) {
      for (int g = 0; g < goals; g++) {
        column[g] = cosines[g][s];
      }
      rSkill[s] = neighbourhood(column, k);
      sumSkill += rSkill[s];
    }
    double meanGoal = goals == 0 ? 0 : (double) sumGoal / goals;
    double meanSkill = skills == 0 ? 0 : (double) sumSkill / skills;
    double[][] out = new double[goals][skills];
    for (int g = 0; g < goals; g++) {
      for (int s = 0; s < skills; s++) {
        double penalty = ((rGoal[g] - meanGoal) + (rSkill[s] - meanSkill)) / 2 / GRID;
        out[g][s] = cosines[g][s] - penalty;
      }
    }
    return out;
  }

  /**
   * The mean of the {@code k} largest of {@code values} (all of them when fewer), in units of 1 /
   * {@link #GRID}.
   */
  static long neighbourhood(double[] values, int k) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = Math.min(k, sorted.length);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += sorted[sorted.length - 1 - i];
    }
    return n == 0 ? 0 : Math.round(sum / n * GRID);
  }
}
