package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SparseVectorsTest {

  @Test
  void dotOfSparseVectorsSumsSharedIndices() {
    Vector a = Vectors.sparse(10, new int[] {1, 3, 5}, new double[] {1, 2, 3});
    Vector b = Vectors.sparse(10, new int[] {0, 3, 5, 7}, new double[] {9, 4, 5, 6});
    assertEquals(2 * 4 + 3 * 5, SparseVectors.dot(a, b), 1e-12);
    assertEquals(2 * 4 + 3 * 5, SparseVectors.dot(b, a), 1e-12);
  }

  @Test
  void dotOfDisjointOrEmptyVectorsIsZero() {
    Vector a = Vectors.sparse(6, new int[] {0, 2}, new double[] {1, 1});
    Vector b = Vectors.sparse(6, new int[] {1, 3}, new double[] {1, 1});
    Vector empty = Vectors.sparse(6, new int[0], new double[0]);
    assertEquals(0.0, SparseVectors.dot(a, b));
    assertEquals(0.0, SparseVectors.dot(a, empty));
  }

  @Test
  void dotOfDenseAndSparseAgrees() {
    Vector sparse = Vectors.sparse(4, new int[] {1, 3}, new double[] {2, -1});
    Vector dense = Vectors.dense(5, 6, 7, 8);
    assertEquals(2 * 6 - 8, SparseVectors.dot(sparse, dense), 1e-12);
    assertEquals(2 * 6 - 8, SparseVectors.dot(dense, sparse), 1e-12);
  }

  @Test
  void normalisedSumAddsAndScalesToUnitLength() {
    Vector a = Vectors.sparse(5, new int[] {0, 2}, new double[] {1, 1});
    Vector b = Vectors.sparse(5, new int[] {0, 4}, new double[] {2, 4});
    Vector sum = SparseVectors.normalisedSum(List.of(a, b), 5);
    // (3, 0, 1, 0, 4) / sqrt(26)
    double n = Math.sqrt(26);
    assertArrayEquals(new double[] {3 / n, 0, 1 / n, 0, 4 / n}, sum.toArray(), 1e-12);
    assertEquals(1.0, Vectors.norm(sum, 2), 1e-12);
    assertEquals(5, sum.size());
  }

  @Test
  void normalisedSumOfOneUnitVectorIsItself() {
    Vector a = Vectors.sparse(3, new int[] {1, 2}, new double[] {0.6, 0.8});
    assertArrayEquals(a.toArray(), SparseVectors.normalisedSum(List.of(a), 3).toArray(), 1e-12);
  }

  @Test
  void zeroStaysZero() {
    Vector empty = Vectors.sparse(4, new int[0], new double[0]);
    assertArrayEquals(new double[4], SparseVectors.normalisedSum(List.of(), 4).toArray());
    assertArrayEquals(new double[4], SparseVectors.normalisedSum(List.of(empty), 4).toArray());
    Vector a = Vectors.sparse(4, new int[] {1}, new double[] {2});
    Vector minusA = Vectors.sparse(4, new int[] {1}, new double[] {-2});
    Vector cancelled = SparseVectors.normalisedSum(List.of(a, minusA), 4);
    assertArrayEquals(new double[4], cancelled.toArray());
    assertEquals(0.0, Vectors.norm(cancelled, 2));
  }

  // Kinds of the 6 indices: 0, 0, 1, 1, 2, 2; weights 2 : 1 : 1, so shares 0.5, 0.25, 0.25.
  private static final int[] KINDS = {0, 0, 1, 1, 2, 2};
  private static final double[] WEIGHTS = {2, 1, 1};
  private static final double[] SHARES = {0.5, 0.25, 0.25};

  private static Vector weighted(double[] values) {
    return SparseVectors.weightByKind(Vectors.dense(values).toSparse(), KINDS, WEIGHTS);
  }

  @ParameterizedTest(name = "sharing only kind {0}")
  @ValueSource(ints = {0, 1, 2})
  void cosineOfVectorsSharingOneKindIsThatKindsShare(int shared) {
    // a uses the first index of each kind; b uses the first index of the shared kind (scaled,
    // so the per-kind cosine is 1) and the second index of the others (per-kind cosine 0).
    double[] a = new double[6];
    double[] b = new double[6];
    for (int kind = 0; kind < 3; kind++) {
      a[2 * kind] = 1 + kind;
      if (kind == shared) {
        b[2 * kind] = 7;
      } else {
        b[2 * kind + 1] = 0.5 + kind;
      }
    }
    Vector wa = weighted(a);
    Vector wb = weighted(b);
    assertEquals(1.0, Vectors.norm(wa, 2), 1e-12);
    assertEquals(1.0, Vectors.norm(wb, 2), 1e-12);
    assertEquals(SHARES[shared], SparseVectors.dot(wa, wb), 1e-9);
  }

  @Test
  void cosineIsTheWeightedMixOfPerKindCosines() {
    // kind 0: identical (cosine 1); kind 1: cosine 0.6; kind 2: orthogonal
    double[] a = {1, 0, 1, 0, 1, 0};
    double[] b = {3, 0, 0.6, 0.8, 0, 2};
    assertEquals(
        0.5 * 1 + 0.25 * 0.6 + 0.25 * 0, SparseVectors.dot(weighted(a), weighted(b)), 1e-9);
  }

  @Test
  void weightingKeepsIndicesAndZeroStaysZero() {
    Vector v = Vectors.sparse(6, new int[] {1, 4}, new double[] {3, 4});
    Vector w = SparseVectors.weightByKind(v, KINDS, WEIGHTS);
    assertEquals(6, w.size());
    assertArrayEquals(new int[] {1, 4}, w.toSparse().indices());
    // one index per kind: each kind scaled to sqrt(weight), then the whole to unit length
    double n = Math.sqrt(3);
    assertArrayEquals(new double[] {0, Math.sqrt(2) / n, 0, 0, 1 / n, 0}, w.toArray(), 1e-12);
    Vector zero =
        SparseVectors.weightByKind(Vectors.sparse(6, new int[0], new double[0]), KINDS, WEIGHTS);
    assertEquals(0, zero.numNonzeros());
  }
}
