package org.mentormatch.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a phrase's embedding becomes the vector matching compares: anchored in the taxonomy where it
 * knows the phrase. A phrase the taxonomy knows whole is the unit sum of its own embedding and of
 * each of its concepts' centroid (the unit mean of the embeddings of the concept's name and
 * variants): "ML" then means machine learning, not two letters; "Go" the language.
 *
 * <p>Every sum is taken over the quantised integers, so it is exact; the rest is a fixed sequence
 * of double operations and a final quantisation, so the same phrase always gets the same vector.
 */
public final class PhraseReading implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, double[]> centroids;

  private PhraseReading(Map<String, double[]> centroids) {
    this.centroids = centroids;
  }

  /** Every phrasing of the taxonomy: {@code concept, text} for each name and variant. */
  public static List<String[]> phrasings(Taxonomy taxonomy) {
    List<String[]> out = new ArrayList<>();
    for (Taxonomy.Concept c : taxonomy.concepts()) {
      out.add(new String[] {c.name(), c.name()});
      for (String v : c.variants()) {
        out.add(new String[] {c.name(), v});
      }
    }
    return out;
  }

  /** A reading with each concept's centroid from the embeddings of its phrasings. */
  public static PhraseReading of(Map<String, List<byte[]>> embeddingsByConcept) {
    Map<String, double[]> centroids = new HashMap<>();
    embeddingsByConcept.forEach((concept, list) -> centroids.put(concept, unitSum(list)));
    return new PhraseReading(centroids);
  }

  /** The anchored vector of a phrase (see the class comment); {@code embedding} when not known. */
  public byte[] anchor(byte[] embedding, List<String> concepts, boolean known) {
    if (!known) {
      return embedding;
    }
    double[] sum = unit(toDoubles(embedding));
    for (String c : concepts) {
      double[] centroid = centroids.get(c);
      if (centroid != null) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += centroid[i];
        }
      }
    }
    return Embeddings.quantise(sum);
  }

  /** The exact integer sum of quantised vectors. */
  public static long[] sum(List<byte[]> vectors) {
    long[] sum = new long[PhraseEmbedder.DIMENSIONS];
    for (byte[] v : vectors) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += v[i];
      }
    }
    return sum;
  }

  private static double[] unitSum(List<byte[]> vectors) {
    return unit(toDoubles(sum(vectors)));
  }

  private static double[] toDoubles(byte[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static double[] toDoubles(long[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  private static double[] unit(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = norm == 0 ? 0 : v[i] / norm;
    }
    return out;
  }
}
