package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Block dot products are the integers the plain byte loop gives, whatever the block shape, the
 * width of a row or the size of the components.
 */
class EmbeddingMatrixTest {
  private static List<byte[]> random(SplittableRandom random, int n, int d) {
    List<byte[]> out = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      byte[] e = new byte[d];
      for (int i = 0; i < d; i++) {
        e[i] = (byte) random.nextInt(256);
      }
      out.add(e);
    }
    return out;
  }

  private static void assertBlocksEqualTheByteLoop(List<byte[]> a, List<byte[]> b) {
    EmbeddingMatrix ma = new EmbeddingMatrix(a);
    EmbeddingMatrix mb = new EmbeddingMatrix(b);
    // Every block shape, odd ones included: the kernel's two-by-four tiles and their remainders.
    for (int[] block : new int[][] {{0, a.size(), 0, b.size()}, {1, a.size(), 3, b.size() - 1}}) {
      int width = block[3] - block[2];
      long[] out = new long[(block[1] - block[0]) * width];
      ma.dots(block[0], block[1], mb, block[2], block[3], out);
      for (int g = block[0]; g < block[1]; g++) {
        for (int s = block[2]; s < block[3]; s++) {
          assertEquals(
              QuantisedDot.plain(a.get(g), b.get(s)),
              out[(g - block[0]) * width + s - block[2]],
              "rows " + g + " and " + s + " of " + a.get(0).length);
        }
      }
    }
  }

  @Test
  void equalsTheByteLoopAtEveryWidthAndBlockShape() {
    SplittableRandom random = new SplittableRandom(17);
    for (int d : new int[] {1, 7, 8, 9, 31, 384, 385}) {
      assertBlocksEqualTheByteLoop(random(random, 7, d), random(random, 11, d));
    }
  }

  @Test
  void theWidestRowsAtTheExtremesAreStillExact() {
    // 1024 components of -128: every partial sum reaches 2^24, the most a float holds exactly.
    int d = EmbeddingMatrix.MAX_EXACT_DIMENSIONS;
    byte[] low = new byte[d];
    byte[] high = new byte[d];
    Arrays.fill(low, Byte.MIN_VALUE);
    Arrays.fill(high, Byte.MAX_VALUE);
    List<byte[]> rows = List.of(low, high, low, high, low);
    assertBlocksEqualTheByteLoop(rows, rows);
    long[] out = new long[1];
    new EmbeddingMatrix(List.of(low)).dots(0, 1, new EmbeddingMatrix(List.of(low)), 0, 1, out);
    assertEquals((long) d * 128 * 128, out[0]);
  }

  @Test
  void rowsTooWideForFloatsOrOfMixedLengthsAreRefused() {
    int d = EmbeddingMatrix.MAX_EXACT_DIMENSIONS + 1;
    assertThrows(IllegalArgumentException.class, () -> new EmbeddingMatrix(List.of(new byte[d])));
    assertThrows(
        IllegalArgumentException.class,
        () -> new EmbeddingMatrix(List.of(new byte[3], new byte[4])));
    assertFalse(EmbeddingMatrix.uniform(List.of(new byte[3], new byte[4]), 3));
    assertFalse(EmbeddingMatrix.uniform(List.of(new byte[d]), d));
    assertTrue(EmbeddingMatrix.uniform(List.of(new byte[3], new byte[3]), 3));
  }

  @Test
  void theTestJvmUsesTheVectorKernelWhereTheCpuHasIt() {
    assumeTrue(VectorDot.fullWidth(), "this CPU has no 256-bit vectors: the plain loops run");
    assertTrue(EmbeddingMatrix.vectorised(), "the vector kernel is not in use");
  }
}
