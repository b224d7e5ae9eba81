package org.mentormatch.features;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/** Quantised phrase embeddings as MLlib vectors, for clustering. */
public final class Embeddings {
  private Embeddings() {}

  /**
   * The unit-length mean of quantised embeddings, summed exactly as integers first; the zero vector
   * when there are none.
   */
  public static Vector meanOf(List<byte[]> embeddings) {
    long[] sum = new long[PhraseEmbedder.DIMENSIONS];
    for (byte[] e : embeddings) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += e[i];
      }
    }
    double norm = 0;
    for (long x : sum) {
      norm += (double) x * x;
    }
    norm = Math.sqrt(norm);
    double[] out = new double[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = norm == 0 ? 0 : sum[i] / norm;
    }
    return Vectors.dense(out);
  }

  /** {@code v} scaled to unit length and rounded to {@link PhraseEmbedder#SCALE} steps per unit. */
  public static byte[] quantise(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    byte[] q = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      long r = norm == 0 ? 0 : Math.round(v[i] / norm * PhraseEmbedder.SCALE);
      q[i] = (byte) Math.max(-PhraseEmbedder.SCALE, Math.min(PhraseEmbedder.SCALE, r));
    }
    return q;
  }

  /** One quantised embedding as a unit-length vector. */
  public static Vector of(byte[] embedding) {
    return meanOf(List.of(embedding));
  }
}
