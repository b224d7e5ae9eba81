package org.mentormatch.clusters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.junit.jupiter.api.Test;

class TopicClustersTest {
  /** Three unit centres along the axes of a 3-term space. */
  private static final double[][] CENTRES = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

  private static Vector v(double... values) {
    return Vectors.dense(values).toSparse();
  }

  @Test
  void theTestJvmComparesCentresWithTheVectorVersionWhereTheCpuHasIt() {
    // The tests run with Spark's JVM flags, which add the module: the path CI exercises.
    org.junit.jupiter.api.Assumptions.assumeTrue(VectorCentreDots.fullWidth());
    assertTrue(TopicClusters.vectorised(), "jdk.incubator.vector is not in use");
  }

  @Test
  void centresComparedAtOnceGiveEachDotProductToTheBit() {
    // The vector class itself, not TopicClusters.dots, which would fall back to the plain loop.
    org.junit.jupiter.api.Assumptions.assumeTrue(VectorCentreDots.fullWidth());
    SplittableRandom random = new SplittableRandom(5);
    for (int d : new int[] {1, 3, 4, 7, 384, 387}) {
      for (int k : new int[] {1, 3, 4, 5, 9, 500}) {
        double[] x = new double[d];
        double[][] centres = new double[k][d];
        for (int i = 0; i < d; i++) {
          x[i] = random.nextGaussian() * Math.pow(10, random.nextInt(7) - 3);
          for (double[] c : centres) {
            // Now and then a signed zero, a subnormal, or a huge term that cancels: where a
            // different order of additions or a fused multiply-add shows in the last bits.
            int special = random.nextInt(12);
            c[i] =
                special == 0
                    ? -0.0
                    : special == 1
                        ? Double.MIN_VALUE * random.nextInt(1, 9)
                        : special == 2
                            ? (random.nextBoolean() ? 1e16 : -1e16)
                            : random.nextGaussian();
          }
        }
        double[] dots = new double[k];
        VectorCentreDots.dots(x, centres, dots);
        for (int c = 0; c < k; c++) {
          assertEquals(
              Double.doubleToRawLongBits(TopicClusters.dot(x, centres[c])),
              Double.doubleToRawLongBits(dots[c]),
              d + " components, centre " + c + " of " + k);
        }
      }
    }
  }

  @Test
  void nearestCentresComeBestFirstWithTiesByIndex() {
    assertArrayEquals(new int[] {1, 0, 2}, TopicClusters.nearest(v(0.6, 0.8, 0), CENTRES, 3));
    assertArrayEquals(new int[] {0, 1}, TopicClusters.nearest(v(0.5, 0.5, 0), CENTRES, 2));
    assertArrayEquals(new int[] {2}, TopicClusters.nearest(v(0, 0, 1), CENTRES, 1));
  }

  @Test
  void aMemberIsFiledNearItsWholeVectorAndNearEachPhrase() {
    // Mostly topic 0 as a whole, with one phrase about topic 2: found under both.
    Vector whole = v(0.9, 0, 0.44);
    List<Vector> phrases = List.of(v(1, 0, 0), v(0, 0, 1));
    assertArrayEquals(new int[] {0, 2}, TopicClusters.filedVectors(whole, phrases, CENTRES, 1));
    // Searching two clusters around the whole adds its next nearest, without repeats.
    assertArrayEquals(new int[] {0, 2}, TopicClusters.filedVectors(whole, phrases, CENTRES, 2));
  }

  @Test
  void aPhrasesRememberedHomeIsTheOneComputedAndNewCentresStartAfresh() {
    SplittableRandom random = new SplittableRandom(11);
    int dims = org.mentormatch.features.PhraseEmbedder.DIMENSIONS;
    double[][] centres = new double[50][dims];
    for (double[] c : centres) {
      for (int i = 0; i < dims; i++) {
        c[i] = random.nextDouble(-1, 1);
      }
      double norm = Math.sqrt(java.util.Arrays.stream(c).map(x -> x * x).sum());
      java.util.Arrays.setAll(c, i -> c[i] / norm);
    }
    List<byte[]> phrases = new java.util.ArrayList<>();
    for (int p = 0; p < 500; p++) {
      double[] x = new double[dims];
      java.util.Arrays.setAll(x, i -> random.nextDouble(-1, 1));
      phrases.add(org.mentormatch.features.Embeddings.quantise(x));
    }
    phrases.add(new byte[dims]); // no topic
    TopicClusters.PhraseHomes homes = TopicClusters.PhraseHomes.of(centres);
    for (int round = 0; round < 2; round++) { // the second round answers from memory
      for (byte[] p : phrases) {
        Vector whole = org.mentormatch.features.Embeddings.of(p);
        int expected = whole.numNonzeros() == 0 ? -1 : TopicClusters.nearest(whole, centres, 1)[0];
        assertEquals(expected, homes.nearest(p.clone()));
      }
    }
    assertEquals(phrases.size(), homes.size());
    // A member's clusters are the same through memory as from the vectors.
    Vector whole = org.mentormatch.features.Embeddings.meanOf(phrases.subList(0, 3));
    assertArrayEquals(
        TopicClusters.filedVectors(
            whole,
            phrases.subList(0, 3).stream().map(org.mentormatch.features.Embeddings::of).toList(),
            centres,
            3),
        TopicClusters.filed(whole, phrases.subList(0, 3), centres, 3));
    // The next night's centres: a new memory, never the last night's answers.
    double[][] next = java.util.Arrays.copyOf(centres, centres.length);
    java.util.Collections.reverse(java.util.Arrays.asList(next));
    TopicClusters.PhraseHomes nextHomes = TopicClusters.PhraseHomes.of(next);
    assertEquals(0, nextHomes.size());
    byte[] first = phrases.get(0);
    assertEquals(
        centres.length - 1 - homes.nearest(first), nextHomes.nearest(first), "reversed centres");
  }

  @Test
  void phrasesWithoutTopicAndMembersWithoutAnyAreFiledNowhere() {
    assertEquals(0, TopicClusters.filedVectors(v(0, 0, 0), List.of(v(0, 0, 0)), CENTRES, 3).length);
    assertArrayEquals(
        new int[] {1}, TopicClusters.filedVectors(v(0, 0, 0), List.of(v(0, 1, 0)), CENTRES, 3));
  }

  @Test
  void dotInFourSumsIsTheDotProductForEveryLength() {
    java.util.Random random = new java.util.Random(7);
    for (int n = 0; n <= 11; n++) {
      double[] x = new double[n];
      double[] y = new double[n];
      long exact = 0;
      for (int i = 0; i < n; i++) {
        int a = random.nextInt(201) - 100;
        int b = random.nextInt(201) - 100;
        x[i] = a;
        y[i] = b;
        exact += (long) a * b;
      }
      // Small integers add up exactly in any order: every element, the tail included, counts once.
      assertEquals(exact, TopicClusters.dot(x, y), 0.0, "length " + n);
    }
  }

  @Test
  void kmeansTakesTheBlockSolverWhereTheRowSolverWouldMeasureCentresInASparkJob() {
    // Spark measures the distances between centres in the driver below k^2 x dimensions of a
    // million, in a job of k tasks from there (for k < 1,000), and not at all beyond.
    assertEquals("row", TopicClusters.solver(12, 384));
    assertEquals("row", TopicClusters.solver(51, 384));
    assertEquals("block", TopicClusters.solver(52, 384));
    assertEquals("block", TopicClusters.solver(467, 384));
    assertEquals("block", TopicClusters.solver(100_000, 384));
  }
}
