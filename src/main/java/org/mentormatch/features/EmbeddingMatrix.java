package org.mentormatch.features;

import java.util.List;

/**
 * Quantised embeddings laid out row after row as floats, for comparing many phrases with many: the
 * dot products of a block of rows with a block of another matrix's rows at once, each row read from
 * the cache while it is hot instead of once for every pair.
 *
 * <p>Exact: a quantised component is an integer of at most 128 in size, so each product is at most
 * 2^14 and every partial sum of a row of at most {@link #MAX_EXACT_DIMENSIONS} products is an
 * integer of at most 2^24, which a float holds exactly. Every addition is therefore exact, in any
 * order, and each dot product is the integer {@link QuantisedDot} gives: which kernel ran, and how
 * its lanes were summed, can never reach a cosine.
 */
public final class EmbeddingMatrix {
  /** The widest rows whose dot products floats hold exactly: 2^24 / (128 * 128). */
  public static final int MAX_EXACT_DIMENSIONS = 1024;

  private final int size;
  private final float[] rows;
  private final int dimensions;

  /**
   * The matrix of {@code embeddings}, all of one length (at most {@link #MAX_EXACT_DIMENSIONS}
   * components).
   */
  public EmbeddingMatrix(List<byte[]> embeddings) {
    int n = embeddings.size();
    this.dimensions = n == 0 ? 0 : embeddings.get(0).length;
    if (dimensions > MAX_EXACT_DIMENSIONS) {
      throw new IllegalArgumentException(
          "embeddings of "
              + dimensions
              + " components: floats hold dot products exactly up to "
              + MAX_EXACT_DIMENSIONS);
    }
    this.size = n;
    this.rows = new float[Math.multiplyExact(n, dimensions)];
    for (int r = 0; r < n; r++) {
      byte[] e = embeddings.get(r);
      if (e.length != dimensions) {
        throw new IllegalArgumentException(
            "embedding " + r + " has " + e.length + " components, not " + dimensions);
      }
      for (int i = 0; i < dimensions; i++) {
        rows[r * dimensions + i] = e[i];
      }
    }
  }

  /** Whether embeddings of {@code dimensions} components fit: at most the exact width. */
  static boolean fits(int dimensions) {
    return dimensions <= MAX_EXACT_DIMENSIONS;
  }

  /**
   * Whether {@code embeddings} can form a matrix whose rows are of {@code dimensions} components:
   * all of that length, and no longer than the exact width.
   */
  public static boolean uniform(List<byte[]> embeddings, int dimensions) {
    if (!fits(dimensions)) {
      return false;
    }
    for (byte[] e : embeddings) {
      if (e.length != dimensions) {
        return false;
      }
    }
    return true;
  }

  /** How many components a row has. */
  public int dimensions() {
    return dimensions;
  }

  /** How many rows. */
  public int size() {
    return size;
  }

  /**
   * The dot products of this matrix's rows {@code [from, to)} with {@code other}'s rows {@code
   * [otherFrom, otherTo)}: row {@code from + g} with {@code otherFrom + s} at {@code out[g *
   * (otherTo - otherFrom) + s]}.
   */
  public void dots(
      int from, int to, EmbeddingMatrix other, int otherFrom, int otherTo, long[] out) {
    if (other.dimensions != dimensions && size() > 0 && other.size() > 0) {
      throw new IllegalArgumentException(
          "rows of " + dimensions + " and " + other.dimensions + " components");
    }
    int width = otherTo - otherFrom;
    if ((long) (to - from) * width > out.length) {
      throw new IllegalArgumentException("the output holds " + out.length + " products");
    }
    if (MatrixKernel.VECTOR) {
      VectorTile.dots(rows, from, to, other.rows, otherFrom, otherTo, dimensions, out);
    } else {
      plain(rows, from, to, other.rows, otherFrom, otherTo, dimensions, out);
    }
  }

  /** The plain loops, the reference the vector version must equal. */
  static void plain(float[] a, int from, int to, float[] b, int bFrom, int bTo, int d, long[] out) {
    int width = bTo - bFrom;
    for (int g = from; g < to; g++) {
      for (int s = bFrom; s < bTo; s++) {
        float sum = 0;
        for (int i = 0; i < d; i++) {
          sum += a[g * d + i] * b[s * d + i];
        }
        out[(g - from) * width + (s - bFrom)] = (long) sum;
      }
    }
  }

  /** Whether the vector kernel runs in this JVM. */
  static boolean vectorised() {
    return MatrixKernel.VECTOR;
  }

  /** The kernel choice, made once: the vector one where the module and 256-bit vectors are. */
  private static final class MatrixKernel {
    static final boolean VECTOR = QuantisedDot.vectorised() && VectorTile.agrees();
  }
}
