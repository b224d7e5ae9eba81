package org.mentormatch.assignment;

import java.io.Serializable;

/**
 * One block of the assignment: mentees and mentors numbered from 0, mentors' capacities, and the
 * allowed pairs (edges) with integer scores, higher better.
 *
 * <p>Scores are integers so that solvers compare them exactly; callers scale real scores (the
 * nightly job uses micro-units).
 */
public record AssignmentProblem(
    int mentees, int[] capacity, int[] edgeMentee, int[] edgeMentor, long[] edgeScore)
    implements Serializable {

  /** Checks the arrays agree and every index is in range. */
  public AssignmentProblem {
    if (edgeMentee.length != edgeMentor.length || edgeMentee.length != edgeScore.length) {
      throw new IllegalArgumentException(
          "edge arrays differ in length: "
              + edgeMentee.length
              + ", "
              + edgeMentor.length
              + ", "
              + edgeScore.length);
    }
    for (int e = 0; e < edgeMentee.length; e++) {
      if (edgeMentee[e] < 0 || edgeMentee[e] >= mentees) {
        throw new IllegalArgumentException(
            "edge " + e + " has mentee " + edgeMentee[e] + " out of range");
      }
      if (edgeMentor[e] < 0 || edgeMentor[e] >= capacity.length) {
        throw new IllegalArgumentException(
            "edge " + e + " has mentor " + edgeMentor[e] + " out of range");
      }
    }
    for (int m = 0; m < capacity.length; m++) {
      if (capacity[m] < 0) {
        throw new IllegalArgumentException("mentor " + m + " has negative capacity " + capacity[m]);
      }
    }
  }

  /** The number of mentors. */
  public int mentors() {
    return capacity.length;
  }

  /** The number of edges. */
  public int edges() {
    return edgeMentee.length;
  }
}
