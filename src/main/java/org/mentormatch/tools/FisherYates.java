package org.mentormatch.tools;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates shuffles in place: every order equally likely, the same seed the same. */
final class FisherYates {

  private FisherYates() {}

  static void shuffle(byte[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      byte t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
