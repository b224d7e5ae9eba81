package org.mentormatch.features;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/** Small sparse-vector arithmetic the feature and scoring stages share. */
public final class SparseVectors {
  private SparseVectors() {}

  /** The dot product of two vectors of the same size. */
  public static double dot(Vector a, Vector b) {
    if (a instanceof SparseVector sa && b instanceof SparseVector sb) {
      int[] ia = sa.indices();
      int[] ib = sb.indices();
      double[] va = sa.values();
      double[] vb = sb.values();
      double sum = 0;
      int i = 0;
      int j = 0;
      while (i < ia.length && j < ib.length) {
        if (ia[i] == ib[j]) {
          sum += va[i++] * vb[j++];
        } else if (ia[i] < ib[j]) {
          i++;
        } else {
          j++;
        }
      }
      return sum;
    }
    return a.dot(b);
  }

  /**
   * {@code v} with each index {@code i} moved to {@code newIndex[i]}, or dropped where that is
   * negative, in a vector of {@code size}.
   */
  public static Vector restrict(Vector v, int[] newIndex, int size) {
    SparseVector s = v.toSparse();
    int[] idx = new int[s.indices().length];
    double[] val = new double[idx.length];
    int n = 0;
    for (int k = 0; k < s.indices().length; k++) {
      int j = newIndex[s.indices()[k]];
      if (j >= 0) {
        idx[n] = j;
        val[n++] = s.values()[k];
      }
    }
    return Vectors.sparse(size, Arrays.copyOf(idx, n), Arrays.copyOf(val, n));
  }

  /** The sum of {@code vectors} scaled to unit length; the zero vector stays zero. */
  public static Vector normalisedSum(List<Vector> vectors, int size) {
    TreeMap<Integer, Double> sum = new TreeMap<>();
    for (Vector v : vectors) {
      SparseVector s = v.toSparse();
      for (int k = 0; k < s.indices().length; k++) {
        sum.merge(s.indices()[k], s.values()[k], Double::sum);
      }
    }
    double norm = Math.sqrt(sum.values().stream().mapToDouble(x -> x * x).sum());
    int[] indices = new int[sum.size()];
    double[] values = new double[sum.size()];
    int k = 0;
    for (var e : sum.entrySet()) {
      indices[k] = e.getKey();
      values[k] = norm == 0 ? 0 : e.getValue() / norm;
      k++;
    }
    return Vectors.sparse(size, indices, values);
  }

  /**
   * Scales each kind of term to unit length, weights the kinds, and scales the result to unit
   * length, so the cosine of two such vectors is a weighted mix of their per-kind cosines.
   *
   * @param kindOfIndex the kind (0, 1, 2, ...) of each vector index
   * @param kindWeights the squared weight of each kind
   */
  public static Vector weightByKind(Vector v, int[] kindOfIndex, double[] kindWeights) {
    SparseVector s = v.toSparse();
    int[] idx = s.indices();
    double[] val = Arrays.copyOf(s.values(), s.values().length);
    double[] kindNorm = new double[kindWeights.length];
    for (int k = 0; k < idx.length; k++) {
      kindNorm[kindOfIndex[idx[k]]] += val[k] * val[k];
    }
    double total = 0;
    for (int k = 0; k < idx.length; k++) {
      int kind = kindOfIndex[idx[k]];
      val[k] =
          kindNorm[kind] == 0
              ? 0
              : val[k] / Math.sqrt(kindNorm[kind]) * Math.sqrt(kindWeights[kind]);
      total += val[k] * val[k];
    }
    double norm = Math.sqrt(total);
    for (int k = 0; k < val.length; k++) {
      val[k] = norm == 0 ? 0 : val[k] / norm;
    }
    return Vectors.sparse(s.size(), idx, val);
  }
}
