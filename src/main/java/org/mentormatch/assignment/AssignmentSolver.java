package org.mentormatch.assignment;

import java.io.Serializable;

/**
 * Chooses edges of an {@link AssignmentProblem}: each mentee at most once, each mentor at most its
 * capacity. Implementations are deterministic: the same problem gives the same choice.
 */
public interface AssignmentSolver extends Serializable {
  /** The indices of the chosen edges, ascending. */
  int[] solve(AssignmentProblem problem);
}
