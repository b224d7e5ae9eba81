package org.mentormatch.assignment;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Takes edges from the highest score down while both ends have room: capacity-respecting and
 * deterministic, but not optimal (see {@code MinCostFlowSolver}).
 */
public final class GreedySolver implements AssignmentSolver {
  private static final long serialVersionUID = 1L;

  @Override
  public int[] solve(AssignmentProblem p) {
    Integer[] order = new Integer[p.edges()];
    for (int e = 0; e < order.length; e++) {
      order[e] = e;
    }
    Arrays.sort(
        order,
        Comparator.comparingLong((Integer e) -> -p.edgeScore()[e])
            .thenComparingInt(e -> p.edgeMentee()[e])
            .thenComparingInt(e -> p.edgeMentor()[e]));
    boolean[] matched = new boolean[p.mentees()];
    int[] load = new int[p.mentors()];
    return Arrays.stream(order)
        .filter(
            e -> {
              int mentee = p.edgeMentee()[e];
              int mentor = p.edgeMentor()[e];
              if (matched[mentee] || load[mentor] >= p.capacity()[mentor]) {
                return false;
              }
              matched[mentee] = true;
              load[mentor]++;
              return true;
            })
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }
}
