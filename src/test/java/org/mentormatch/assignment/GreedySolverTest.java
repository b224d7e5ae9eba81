package org.mentormatch.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GreedySolverTest {

  private final GreedySolver solver = new GreedySolver();

  /** A random problem: some mentors without capacity, many ties, some repeated pairs. */
  private static AssignmentProblem random(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int mentees = 1 + r.nextInt(25);
    int mentors = 1 + r.nextInt(12);
    int[] capacity = new int[mentors];
    for (int m = 0; m < mentors; m++) {
      capacity[m] = r.nextInt(4); // 0..3
    }
    int edges = r.nextInt(mentees * mentors + 1);
    int[] edgeMentee = new int[edges];
    int[] edgeMentor = new int[edges];
    long[] edgeScore = new long[edges];
    for (int e = 0; e < edges; e++) {
      edgeMentee[e] = r.nextInt(mentees);
      edgeMentor[e] = r.nextInt(mentors);
      edgeScore[e] = r.nextInt(10) * 100_000L;
    }
    return new AssignmentProblem(mentees, capacity, edgeMentee, edgeMentor, edgeScore);
  }

  @Test
  void randomInstancesKeepEveryInvariant() {
    int chosenTotal = 0;
    for (long seed = 0; seed < 200; seed++) {
      AssignmentProblem p = random(seed);
      int[] chosen = solver.solve(p);
      String where = "seed " + seed;

      for (int i = 1; i < chosen.length; i++) {
        assertTrue(chosen[i - 1] < chosen[i], where + ": output ascending and distinct");
      }
      int[] menteeUse = new int[p.mentees()];
      int[] mentorLoad = new int[p.mentors()];
      boolean[] isChosen = new boolean[p.edges()];
      for (int e : chosen) {
        assertTrue(e >= 0 && e < p.edges(), where + ": edge index " + e);
        isChosen[e] = true;
        menteeUse[p.edgeMentee()[e]]++;
        mentorLoad[p.edgeMentor()[e]]++;
      }
      for (int m = 0; m < p.mentees(); m++) {
        assertTrue(menteeUse[m] <= 1, where + ": mentee " + m + " chosen " + menteeUse[m]);
      }
      for (int m = 0; m < p.mentors(); m++) {
        assertTrue(
            mentorLoad[m] <= p.capacity()[m],
            where + ": mentor " + m + " load " + mentorLoad[m] + " > " + p.capacity()[m]);
      }
      // greedy is maximal: no edge left out whose mentee is free and whose mentor has room
      for (int e = 0; e < p.edges(); e++) {
        if (!isChosen[e]) {
          boolean menteeFree = menteeUse[p.edgeMentee()[e]] == 0;
          boolean mentorRoom = mentorLoad[p.edgeMentor()[e]] < p.capacity()[p.edgeMentor()[e]];
          assertFalse(menteeFree && mentorRoom, where + ": edge " + e + " could be added");
        }
      }
      assertArrayEquals(chosen, solver.solve(p), where + ": deterministic");
      assertArrayEquals(chosen, new GreedySolver().solve(p), where + ": deterministic");
      chosenTotal += chosen.length;
    }
    assertTrue(chosenTotal > 500, "the random instances choose edges: " + chosenTotal);
  }

  @Test
  void mentorsWithoutCapacityAreNeverChosen() {
    AssignmentProblem p =
        new AssignmentProblem(
            3,
            new int[] {0, 1},
            new int[] {0, 1, 2, 0},
            new int[] {0, 0, 0, 1},
            new long[] {900, 900, 900, 100});
    assertArrayEquals(new int[] {3}, solver.solve(p));
    for (long seed = 0; seed < 200; seed++) {
      AssignmentProblem r = random(seed);
      for (int e : solver.solve(r)) {
        assertTrue(r.capacity()[r.edgeMentor()[e]] > 0, "seed " + seed + ", edge " + e);
      }
    }
  }

  @Test
  void takesTheHighestScoresFirst() {
    // mentee 0 and 1 both prefer mentor 0 (one place); mentee 0 scores higher there
    AssignmentProblem p =
        new AssignmentProblem(
            2,
            new int[] {1, 1},
            new int[] {1, 0, 1},
            new int[] {0, 0, 1},
            new long[] {900_000, 950_000, 500_000});
    assertArrayEquals(new int[] {1, 2}, solver.solve(p));
  }

  @Test
  void tiesGoToTheLowerMenteeThenTheLowerMentor() {
    AssignmentProblem p =
        new AssignmentProblem(
            2,
            new int[] {1, 1},
            new int[] {1, 0, 0},
            new int[] {0, 1, 0},
            new long[] {700, 700, 700});
    // mentee 0 takes mentor 0 (lower mentor), then mentee 1 finds mentor 0 full
    assertArrayEquals(new int[] {2}, solver.solve(p));
  }

  @Test
  void mentorCapacityIsFilledUpToTheLimit() {
    AssignmentProblem p =
        new AssignmentProblem(
            4,
            new int[] {3},
            new int[] {0, 1, 2, 3},
            new int[] {0, 0, 0, 0},
            new long[] {4, 3, 2, 1});
    assertArrayEquals(new int[] {0, 1, 2}, solver.solve(p));
  }

  @Test
  void emptyProblemChoosesNothing() {
    assertArrayEquals(
        new int[0],
        solver.solve(new AssignmentProblem(0, new int[0], new int[0], new int[0], new long[0])));
    assertArrayEquals(
        new int[0],
        solver.solve(new AssignmentProblem(5, new int[] {2}, new int[0], new int[0], new long[0])));
  }

  @Test
  void constructorRejectsEdgeArraysOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0, 1}, new int[] {0}, new long[] {1, 2}));
    assertEquals("edge arrays differ in length: 2, 1, 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0}, new int[] {0}, new long[] {1, 2}));
    assertEquals("edge arrays differ in length: 1, 1, 2", e.getMessage());
  }

  @Test
  void constructorRejectsMenteeOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0, 2}, new int[] {0, 0}, new long[] {1, 1}));
    assertEquals("edge 1 has mentee 2 out of range", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {-1}, new int[] {0}, new long[] {1}));
    assertEquals("edge 0 has mentee -1 out of range", e.getMessage());
  }

  @Test
  void constructorRejectsMentorOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1, 1}, new int[] {0, 1}, new int[] {1, 2}, new long[] {1, 1}));
    assertEquals("edge 1 has mentor 2 out of range", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0}, new int[] {-1}, new long[] {1}));
    assertEquals("edge 0 has mentor -1 out of range", e.getMessage());
  }

  @Test
  void constructorRejectsNegativeCapacity() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    1, new int[] {1, -1}, new int[] {0}, new int[] {0}, new long[] {1}));
    assertEquals("mentor 1 has negative capacity -1", e.getMessage());
  }

  @Test
  void problemCountsMentorsAndEdges() {
    AssignmentProblem p =
        new AssignmentProblem(
            3, new int[] {1, 2}, new int[] {0, 1, 2}, new int[] {0, 1, 1}, new long[] {1, 2, 3});
    assertEquals(2, p.mentors());
    assertEquals(3, p.edges());
  }
}
