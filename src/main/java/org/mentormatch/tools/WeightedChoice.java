package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** A weighted choice among fixed items, drawn in O(log n). */
record WeightedChoice<T>(List<T> items, double[] cumulative) {

  static <T> WeightedChoice<T> of(List<T> items, double[] weights) {
    if (items.size() != weights.length || items.isEmpty()) {
      throw new IllegalArgumentException("need one positive weight per item: " + items);
    }
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return new WeightedChoice<>(List.copyOf(items), c);
  }

  static <T> WeightedChoice<T> uniform(List<T> items) {
    double[] w = new double[items.size()];
    Arrays.fill(w, 1);
    return of(items, w);
  }

  /** A choice where item i has weight 1 / (i + 1)^exponent: earlier items are drawn more often. */
  static <T> WeightedChoice<T> decreasing(List<T> items, double exponent) {
    double[] w = new double[items.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 / Math.pow(i + 1, exponent);
    }
    return of(items, w);
  }

  /** A choice of an index 0..n-1 with these weights. */
  static WeightedChoice<Integer> weighted(double[] weights) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      indexes.add(i);
    }
    return of(indexes, weights);
  }

  T pick(SplittableRandom random) {
    return items.get(pickIndex(random));
  }

  int pickIndex(SplittableRandom random) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = Arrays.binarySearch(cumulative, u);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, items.size() - 1);
  }
}
