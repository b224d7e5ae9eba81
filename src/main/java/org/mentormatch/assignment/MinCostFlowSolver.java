package org.mentormatch.assignment;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import java.util.Arrays;

/**
 * The exact assignment: among all capacity-respecting choices of edges, first as many matched
 * mentees as possible, then the largest total score. Solved as a min-cost max-flow with Google
 * OR-Tools (cost-scaling push-relabel, native code, integer costs, so exact).
 *
 * <p>Network: source -> each mentee (capacity 1) -> each allowed mentor (capacity 1, cost minus the
 * edge's score) -> sink (capacity: the mentor's capacity). {@code solveMaxFlowWithMinCost} finds
 * the maximum flow, i.e. the most mentees matched, and among maximum flows the cheapest, i.e. the
 * best total score. Ties between equally good assignments are broken by OR-Tools' deterministic
 * algorithm over the edges in the order given; {@link BlockAssignment} gives them sorted by ids, so
 * the same block always gives the same assignment.
 */
public final class MinCostFlowSolver implements AssignmentSolver {
  private static final long serialVersionUID = 1L;

  /** Loads OR-Tools' native library once per JVM (driver or executor). */
  private static final class Native {
    static {
      Loader.loadNativeLibraries();
    }

    static void ensureLoaded() {
      // the static initialiser has run
    }
  }

  @Override
  public int[] solve(AssignmentProblem p) {
    if (p.edges() == 0) {
      return new int[0];
    }
    checkCostRange(p);
    Native.ensureLoaded();
    int mentees = p.mentees();
    int source = mentees + p.mentors();
    int sink = source + 1;
    MinCostFlow flow = new MinCostFlow(sink + 1, p.edges() + mentees + p.mentors());
    try {
      // Arcs 0..edges-1 are the edges, in order, so an arc's index is its edge's index.
      for (int e = 0; e < p.edges(); e++) {
        flow.addArcWithCapacityAndUnitCost(
            p.edgeMentee()[e], mentees + p.edgeMentor()[e], 1, -p.edgeScore()[e]);
      }
      for (int m = 0; m < mentees; m++) {
        flow.addArcWithCapacityAndUnitCost(source, m, 1, 0);
      }
      for (int r = 0; r < p.mentors(); r++) {
        flow.addArcWithCapacityAndUnitCost(mentees + r, sink, p.capacity()[r], 0);
      }
      // Supplies are upper bounds here: the max-flow variant trims them to the maximum flow.
      flow.setNodeSupply(source, mentees);
      flow.setNodeSupply(sink, -mentees);
      MinCostFlowBase.Status status = flow.solveMaxFlowWithMinCost();
      if (status != MinCostFlowBase.Status.OPTIMAL) {
        throw new IllegalStateException(
            "OR-Tools min-cost flow ended with status "
                + status
                + " on a block of "
                + p.edges()
                + " edges");
      }
      int[] chosen = new int[p.edges()];
      int n = 0;
      for (int e = 0; e < p.edges(); e++) {
        if (flow.getFlow(e) > 0) {
          chosen[n++] = e;
        }
      }
      return Arrays.copyOf(chosen, n);
    } finally {
      flow.delete(); // native memory, freed now rather than whenever the collector runs
    }
  }

  /**
   * OR-Tools scales costs by the node count internally; a score too large for that would be
   * rejected (BAD_COST_RANGE) deep in native code, so it is refused here with the numbers.
   */
  private static void checkCostRange(AssignmentProblem p) {
    long largest = 0;
    for (long s : p.edgeScore()) {
      largest = Math.max(largest, Math.abs(s));
    }
    long nodes = (long) p.mentees() + p.mentors() + 2;
    if (largest > Long.MAX_VALUE / 4 / (nodes + 1)) {
      throw new IllegalArgumentException(
          "scores up to "
              + largest
              + " units are too large for an exact solve of "
              + nodes
              + " nodes; scale them down");
    }
  }
}
