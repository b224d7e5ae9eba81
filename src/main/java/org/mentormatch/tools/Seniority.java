package org.mentormatch.tools;

import java.util.SplittableRandom;

/** Seniority levels by rank: heads 9-10, managers 6-8, individual contributors 1-6. */
final class Seniority {

  /** Managers reporting straight to the head. */
  static final int HEAD_REPORT = 8;

  private static final WeightedChoice<Integer> INDIVIDUAL =
      WeightedChoice.weighted(new double[] {10, 18, 22, 20, 17, 13});
  private static final WeightedChoice<Integer> MANAGER =
      WeightedChoice.weighted(new double[] {35, 40, 25});

  private Seniority() {}

  static int head(SplittableRandom random) {
    return random.nextDouble() < 0.6 ? 9 : 10;
  }

  static int managerOfManagers(SplittableRandom random) {
    return 7 + random.nextInt(2);
  }

  static int manager(SplittableRandom random) {
    return 6 + MANAGER.pick(random);
  }

  static int individual(SplittableRandom random) {
    return 1 + INDIVIDUAL.pick(random);
  }
}
