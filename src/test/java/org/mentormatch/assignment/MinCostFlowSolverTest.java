package org.mentormatch.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The solver is exact: on random small instances its matched count and total score equal those of
 * an exhaustive search over every capacity-respecting assignment.
 */
class MinCostFlowSolverTest {
  private final MinCostFlowSolver solver = new MinCostFlowSolver();

  /** The best (matched, total) of a problem, found by trying every assignment. */
  private record Best(int matched, long total) {}

  private static Best exhaustive(AssignmentProblem p) {
    int[] load = new int[p.mentors()];
    return search(p, 0, load, 0, 0);
  }

  /** Mentee {@code m} onwards: each takes one of its edges with room, or none. */
  private static Best search(AssignmentProblem p, int m, int[] load, int matched, long total) {
    if (m == p.mentees()) {
      return new Best(matched, total);
    }
    Best best = search(p, m + 1, load, matched, total);
    for (int e = 0; e < p.edges(); e++) {
      int r = p.edgeMentor()[e];
      if (p.edgeMentee()[e] == m && load[r] < p.capacity()[r]) {
        load[r]++;
        Best b = search(p, m + 1, load, matched + 1, total + p.edgeScore()[e]);
        load[r]--;
        if (b.matched() > best.matched()
            || (b.matched() == best.matched() && b.total() > best.total())) {
          best = b;
        }
      }
    }
    return best;
  }

  private static AssignmentProblem random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int mentees = 1 + r.nextInt(7);
    int mentors = 1 + r.nextInt(4);
    int[] capacity = new int[mentors];
    for (int m = 0; m < mentors; m++) {
      capacity[m] = r.nextInt(3); // 0..2
    }
    int edges = r.nextInt(Math.min(14, mentees * mentors) + 1);
    int[] edgeMentee = new int[edges];
    int[] edgeMentor = new int[edges];
    long[] edgeScore = new long[edges];
    for (int e = 0; e < edges; e++) {
      edgeMentee[e] = r.nextInt(mentees);
      edgeMentor[e] = r.nextInt(mentors);
      // Negative scores too: cardinality comes first whatever the scores are.
      edgeScore[e] = r.nextInt(21) - 8;
    }
    return new AssignmentProblem(mentees, capacity, edgeMentee, edgeMentor, edgeScore);
  }

  /** Checks feasibility and returns (matched, total) of a solution. */
  private static Best evaluate(AssignmentProblem p, int[] chosen, String where) {
    boolean[] matched = new boolean[p.mentees()];
    int[] load = new int[p.mentors()];
    long total = 0;
    for (int i = 0; i < chosen.length; i++) {
      int e = chosen[i];
      assertTrue(i == 0 || chosen[i - 1] < e, where + ": ascending, distinct");
      int mentee = p.edgeMentee()[e];
      int mentor = p.edgeMentor()[e];
      assertTrue(!matched[mentee], where + ": mentee " + mentee + " matched twice");
      matched[mentee] = true;
      load[mentor]++;
      assertTrue(load[mentor] <= p.capacity()[mentor], where + ": mentor " + mentor + " over");
      total += p.edgeScore()[e];
    }
    return new Best(chosen.length, total);
  }

  @Test
  void equalsAnExhaustiveSearchOnRandomInstances() {
    int nonTrivial = 0;
    for (long seed = 0; seed < 2000; seed++) {
      AssignmentProblem p = random(seed);
      Best expected = exhaustive(p);
      assertEquals(expected, evaluate(p, solver.solve(p), "seed " + seed), "seed " + seed);
      nonTrivial += expected.matched() > 1 ? 1 : 0;
    }
    assertTrue(nonTrivial > 500, "enough instances with several mentees matched: " + nonTrivial);
  }

  @Test
  void moreMatchedMenteesBeatAHigherTotal() {
    // mentee 0 could take mentor 0 alone for 100, or both mentees match for 1 + 1.
    AssignmentProblem p =
        new AssignmentProblem(
            2, new int[] {1, 1}, new int[] {0, 0, 1}, new int[] {0, 1, 0}, new long[] {100, 1, 1});
    assertArrayEquals(new int[] {1, 2}, solver.solve(p));
  }

  @Test
  void negativeScoresAreStillMatchedWhenTheyAddAMentee() {
    AssignmentProblem p =
        new AssignmentProblem(1, new int[] {1}, new int[] {0}, new int[] {0}, new long[] {-5});
    assertArrayEquals(new int[] {0}, solver.solve(p));
  }

  @Test
  void mentorsWithoutCapacityAndEmptyProblemsChooseNothing() {
    assertArrayEquals(
        new int[0],
        solver.solve(
            new AssignmentProblem(1, new int[] {0}, new int[] {0}, new int[] {0}, new long[] {9})));
    assertArrayEquals(
        new int[0],
        solver.solve(new AssignmentProblem(3, new int[] {2}, new int[0], new int[0], new long[0])));
  }

  @Test
  void theSameProblemGivesTheSameChoice() {
    for (long seed = 0; seed < 50; seed++) {
      AssignmentProblem p = random(seed);
      assertArrayEquals(solver.solve(p), solver.solve(p), "seed " + seed);
    }
  }

  /**
   * Pins how ties are broken, so an OR-Tools upgrade that changes it is noticed: every mentee
   * scores the same with every mentor, so any perfect matching is optimal.
   */
  @Test
  void tiesAreBrokenTheWayTheyWereWhenThisTestWasWritten() {
    int n = 4;
    int[] mentee = new int[n * n];
    int[] mentor = new int[n * n];
    for (int e = 0; e < n * n; e++) {
      mentee[e] = e / n;
      mentor[e] = e % n;
    }
    AssignmentProblem p =
        new AssignmentProblem(n, new int[] {1, 1, 1, 1}, mentee, mentor, new long[n * n]);
    int[] chosen = solver.solve(p);
    assertEquals(4, chosen.length);
    assertArrayEquals(GOLDEN_TIES, chosen, java.util.Arrays.toString(chosen));
  }

  /** As OR-Tools 9.15 breaks these ties: mentee i takes mentor 3 - i. */
  private static final int[] GOLDEN_TIES = {3, 6, 9, 12};

  @Test
  void scoresTooLargeForAnExactSolveAreRefusedWithTheNumbers() {
    AssignmentProblem p =
        new AssignmentProblem(
            1, new int[] {1}, new int[] {0}, new int[] {0}, new long[] {Long.MAX_VALUE / 2});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> solver.solve(p));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
  }
}
