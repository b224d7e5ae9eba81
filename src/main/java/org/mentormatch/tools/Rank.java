package org.mentormatch.tools;

/** A member's place in their department's hierarchy. */
enum Rank {
  /** Heads the department; reports to no one. */
  HEAD,
  /** Manages managers. */
  SENIOR_MANAGER,
  /** Manages individual contributors. */
  MANAGER,
  /** Manages no one. */
  INDIVIDUAL;

  boolean leads() {
    return this != INDIVIDUAL;
  }
}
