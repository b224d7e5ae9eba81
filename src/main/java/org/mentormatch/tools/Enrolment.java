package org.mentormatch.tools;

import java.util.List;
import java.util.SplittableRandom;

/** The sign-up answers beside the role: a mentor's capacity and the member's consent. */
final class Enrolment {

  private static final WeightedChoice<Integer> CAPACITY =
      WeightedChoice.weighted(new double[] {30, 45, 25});
  private static final List<String> CONSENTING = List.of("yes", "Yes", "YES", "true", "TRUE", "1");
  private static final WeightedChoice<String> CONSENT =
      WeightedChoice.of(
          List.of("yes", "Yes", "true", "1", "YES", "TRUE", "no", "", "false", "No"),
          new double[] {62, 12, 9, 7, 3, 2, 2.5, 1.5, 0.5, 0.5});

  private Enrolment() {}

  /** Mostly 1-3; a tenth leave it empty (the default), one in twenty offer no place now. */
  static String capacity(SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.10) {
      return "";
    }
    if (u < 0.15) {
      return "0";
    }
    return Integer.toString(1 + CAPACITY.pick(random));
  }

  /** Mostly an opt-in in one of its spellings; about one in twenty does not opt in. */
  static String consent(SplittableRandom random) {
    return CONSENT.pick(random);
  }

  /** Whether a consent cell this generator writes opts in. */
  static boolean optsIn(String consent) {
    return CONSENTING.contains(consent);
  }
}
