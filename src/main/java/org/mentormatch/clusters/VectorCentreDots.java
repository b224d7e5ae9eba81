package org.mentormatch.clusters;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link TopicClusters#dot} of one vector with many centres, with the Vector API: the four running
 * sums are the four lanes of one vector, each adding its products in the plain loop's order, so the
 * result is the same double to the bit. Four centres are summed side by side, so one addition does
 * not wait on the last (the plain loop's four sums each wait on their own). Loaded only when the
 * module is present.
 */
final class VectorCentreDots {
  private VectorCentreDots() {}

  private static final VectorSpecies<Double> LANES = DoubleVector.SPECIES_256;

  /** Whether this CPU's vectors hold the four doubles this version works in. */
  static boolean fullWidth() {
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= LANES.vectorBitSize();
  }

  /** {@code out[c] = TopicClusters.dot(x, centres[c])} for every centre. */
  static void dots(double[] x, double[][] centres, double[] out) {
    int body = x.length - 3;
    int c = 0;
    for (; c + 3 < centres.length; c += 4) {
      double[] y0 = centres[c];
      double[] y1 = centres[c + 1];
      double[] y2 = centres[c + 2];
      double[] y3 = centres[c + 3];
      DoubleVector s0 = DoubleVector.zero(LANES);
      DoubleVector s1 = s0;
      DoubleVector s2 = s0;
      DoubleVector s3 = s0;
      int k = 0;
      for (; k < body; k += 4) {
        DoubleVector xv = DoubleVector.fromArray(LANES, x, k);
        // mul then add, never fma: two roundings, as the plain loop's x * y then +=.
        s0 = s0.add(xv.mul(DoubleVector.fromArray(LANES, y0, k)));
        s1 = s1.add(xv.mul(DoubleVector.fromArray(LANES, y1, k)));
        s2 = s2.add(xv.mul(DoubleVector.fromArray(LANES, y2, k)));
        s3 = s3.add(xv.mul(DoubleVector.fromArray(LANES, y3, k)));
      }
      out[c] = total(s0, x, y0, k);
      out[c + 1] = total(s1, x, y1, k);
      out[c + 2] = total(s2, x, y2, k);
      out[c + 3] = total(s3, x, y3, k);
    }
    for (; c < centres.length; c++) {
      out[c] = TopicClusters.dot(x, centres[c]);
    }
  }

  /** The lanes as the plain loop's four sums, plus the components past the body, added alike. */
  private static double total(DoubleVector sums, double[] x, double[] y, int k) {
    double s0 = sums.lane(0);
    double s1 = sums.lane(1);
    double s2 = sums.lane(2);
    double s3 = sums.lane(3);
    for (; k < x.length; k++) {
      s0 += x[k] * y[k];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
