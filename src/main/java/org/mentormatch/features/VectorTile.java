package org.mentormatch.features;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link EmbeddingMatrix#dots} with the Vector API: two rows against four at a time, eight fused
 * multiply-adds for six loads, so each loaded row serves several products. Loaded only when the
 * module is present.
 */
final class VectorTile {
  private VectorTile() {}

  // A constant species: the API compiles to vector instructions only for one it can see.
  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_256;

  /** A probe: the kernel equals the plain loops on a small odd-sized block. */
  static boolean agrees() {
    try {
      int d = 21;
      float[] a = new float[3 * d];
      float[] b = new float[5 * d];
      for (int i = 0; i < a.length; i++) {
        a[i] = (i * 37) % 256 - 128;
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = 127 - (i * 53) % 256;
      }
      long[] vector = new long[15];
      long[] plain = new long[15];
      dots(a, 0, 3, b, 0, 5, d, vector); // two rows together, the last alone
      EmbeddingMatrix.plain(a, 0, 3, b, 0, 5, d, plain);
      return java.util.Arrays.equals(vector, plain);
    } catch (LinkageError e) {
      return false;
    }
  }

  static void dots(float[] a, int from, int to, float[] b, int bFrom, int bTo, int d, long[] out) {
    int width = bTo - bFrom;
    int lanes = FLOATS.length();
    int body = FLOATS.loopBound(d);
    int g = from;
    for (; g + 2 <= to; g += 2) {
      int x0 = g * d;
      int x1 = x0 + d;
      int s = bFrom;
      for (; s + 4 <= bTo; s += 4) {
        int y0 = s * d;
        int y1 = y0 + d;
        int y2 = y1 + d;
        int y3 = y2 + d;
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        for (int i = 0; i < body; i += lanes) {
          FloatVector p = FloatVector.fromArray(FLOATS, a, x0 + i);
          FloatVector q = FloatVector.fromArray(FLOATS, a, x1 + i);
          FloatVector r0 = FloatVector.fromArray(FLOATS, b, y0 + i);
          FloatVector r1 = FloatVector.fromArray(FLOATS, b, y1 + i);
          FloatVector r2 = FloatVector.fromArray(FLOATS, b, y2 + i);
          FloatVector r3 = FloatVector.fromArray(FLOATS, b, y3 + i);
          a0 = p.fma(r0, a0);
          a1 = p.fma(r1, a1);
          a2 = p.fma(r2, a2);
          a3 = p.fma(r3, a3);
          b0 = q.fma(r0, b0);
          b1 = q.fma(r1, b1);
          b2 = q.fma(r2, b2);
          b3 = q.fma(r3, b3);
        }
        int o = (g - from) * width + (s - bFrom);
        out[o] = sum(a0, a, x0, b, y0, body, d);
        out[o + 1] = sum(a1, a, x0, b, y1, body, d);
        out[o + 2] = sum(a2, a, x0, b, y2, body, d);
        out[o + 3] = sum(a3, a, x0, b, y3, body, d);
        out[o + width] = sum(b0, a, x1, b, y0, body, d);
        out[o + width + 1] = sum(b1, a, x1, b, y1, body, d);
        out[o + width + 2] = sum(b2, a, x1, b, y2, body, d);
        out[o + width + 3] = sum(b3, a, x1, b, y3, body, d);
      }
      for (; s < bTo; s++) {
        out[(g - from) * width + (s - bFrom)] = one(a, x0, b, s * d, body, d);
        out[(g + 1 - from) * width + (s - bFrom)] = one(a, x1, b, s * d, body, d);
      }
    }
    for (; g < to; g++) {
      // A last row alone (a goal whose list grows is compared by itself): against four rows at a
      // time, four independent sums rather than one chain of dependent multiply-adds.
      int x = g * d;
      int s = bFrom;
      for (; s + 4 <= bTo; s += 4) {
        int y0 = s * d;
        int y1 = y0 + d;
        int y2 = y1 + d;
        int y3 = y2 + d;
        FloatVector a0 = FloatVector.zero(FLOATS);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int i = 0; i < body; i += lanes) {
          FloatVector p = FloatVector.fromArray(FLOATS, a, x + i);
          a0 = p.fma(FloatVector.fromArray(FLOATS, b, y0 + i), a0);
          a1 = p.fma(FloatVector.fromArray(FLOATS, b, y1 + i), a1);
          a2 = p.fma(FloatVector.fromArray(FLOATS, b, y2 + i), a2);
          a3 = p.fma(FloatVector.fromArray(FLOATS, b, y3 + i), a3);
        }
        int o = (g - from) * width + (s - bFrom);
        out[o] = sum(a0, a, x, b, y0, body, d);
        out[o + 1] = sum(a1, a, x, b, y1, body, d);
        out[o + 2] = sum(a2, a, x, b, y2, body, d);
        out[o + 3] = sum(a3, a, x, b, y3, body, d);
      }
      for (; s < bTo; s++) {
        out[(g - from) * width + (s - bFrom)] = one(a, x, b, s * d, body, d);
      }
    }
  }

  private static long one(float[] a, int x, float[] b, int y, int body, int d) {
    FloatVector acc = FloatVector.zero(FLOATS);
    for (int i = 0; i < body; i += FLOATS.length()) {
      acc =
          FloatVector.fromArray(FLOATS, a, x + i).fma(FloatVector.fromArray(FLOATS, b, y + i), acc);
    }
    return sum(acc, a, x, b, y, body, d);
  }

  /** The lanes' sum plus the components past the vector body. */
  private static long sum(FloatVector lanes, float[] a, int x, float[] b, int y, int body, int d) {
    float total = lanes.reduceLanes(VectorOperators.ADD);
    for (int i = body; i < d; i++) {
      total += a[x + i] * b[y + i];
    }
    return (long) total;
  }
}
