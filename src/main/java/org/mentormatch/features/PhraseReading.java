package org.mentormatch.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a phrase's embedding becomes the vector matching compares: anchored in the taxonomy where it
 * knows the phrase. A phrase the taxonomy knows whole is the unit sum of its own embedding and, for
 * each of its concepts, of the unit mean of the embeddings of the concept's name and variants and
 * {@link #GOALS_WEIGHT} times the unit mean of the embeddings of its goals in people's own words:
 * "ML" then means machine learning, not two letters; "Go" the language; and "public speaking" lies
 * nearer to "stop dreading all-hands updates", because people who need it write such goals.
 *
 * <p>Every sum is taken over the quantised integers, so it is exact; the rest is a fixed sequence
 * of double operations and a final quantisation, so the same phrase always gets the same vector.
 */
public final class PhraseReading implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * How much a concept's goals weigh against its names. Chosen on the calibration file's tune half
   * ({@code jobs/bench.sh calibration}): the share of its goals whose most similar skill is of
   * their topic rose from 72 of 120 at weight 0 to 89 at 3, and no further (88 at 4, 89 at 6; at
   * the cosine thresholds fitted before goals were added, 0.23 and 0.56).
   */
  public static final double GOALS_WEIGHT = 3;

  private final Map<String, double[]> centroids;

  private PhraseReading(Map<String, double[]> centroids) {
    this.centroids = centroids;
  }

  /**
   * A text the taxonomy gives a concept: its name or a variant ({@code goal} false), or a goal in
   * people's own words.
   */
  public record Phrasing(String concept, boolean goal, String text) {}

  /** Every phrasing of the taxonomy: each concept's name, variants and goals. */
  public static List<Phrasing> phrasings(Taxonomy taxonomy) {
    List<Phrasing> out = new ArrayList<>();
    for (Taxonomy.Concept c : taxonomy.concepts()) {
      out.add(new Phrasing(c.name(), false, c.name()));
      for (String v : c.variants()) {
        out.add(new Phrasing(c.name(), false, v));
      }
      for (String g : c.goals()) {
        out.add(new Phrasing(c.name(), true, g));
      }
    }
    return out;
  }

  /** The embedding of one of the taxonomy's {@link Phrasing}s, by its concept and use. */
  public record Anchor(String concept, boolean goal, byte[] embedding) {}

  /** A reading with each concept's centroid from the embeddings of its phrasings. */
  public static PhraseReading of(List<Anchor> anchors) {
    Map<String, List<byte[]>> names = new TreeMap<>();
    Map<String, List<byte[]>> goals = new TreeMap<>();
    for (Anchor a : anchors) {
      (a.goal() ? goals : names)
          .computeIfAbsent(a.concept(), c -> new ArrayList<>())
          .add(a.embedding());
    }
    Map<String, double[]> centroids = new HashMap<>();
    names.forEach((concept, list) -> centroids.put(concept, unitSum(list)));
    goals.forEach(
        (concept, list) -> {
          double[] goalMean = unitSum(list);
          double[] c = centroids.computeIfAbsent(concept, k -> new double[goalMean.length]);
          for (int i = 0; i < c.length; i++) {
            c[i] += GOALS_WEIGHT * goalMean[i];
          }
        });
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
