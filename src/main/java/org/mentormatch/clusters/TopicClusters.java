package org.mentormatch.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.config.ClusterConfig;
import org.mentormatch.features.Embeddings;
import org.mentormatch.features.PhraseEmbedder;

/**
 * Clusters what mentors offer by meaning (MLlib KMeans, cosine distance, over each mentor's
 * semantic profile: the mean embedding of their skill phrases), and files each member where
 * matching will look for them.
 *
 * <p>k = round(members with a topic / clusters.members_per_cluster), within [2, clusters.max_k] and
 * at most the number of mentors with a topic. KMeans learns the centres from at most about
 * clusters.fit_mentors mentors (a fixed sample beyond), then files everyone. The centres come from
 * mentors alone, like the coarse cells of a search index over what can be found: goals in people's
 * own words sit apart from skills in the usual vocabulary, and clusters fitted on both would leave
 * some holding mentees only, where a mentee would search in vain. A mentor is filed under the
 * cluster nearest to their skills and the cluster nearest to each skill phrase; a mentee searches
 * the cluster nearest to their goals and the clusters.neighbours next nearest, and the cluster
 * nearest to each goal phrase, so a good mentor just across a cluster border is not lost. A cluster
 * is labelled by the taxonomy concepts its skill phrases name most often, then by its most frequent
 * skill phrases.
 *
 * <p>Input: {@code member_id, goal_phrases, skill_phrases, goal_embedding, skill_embedding,
 * profile_embedding}. Output: the same plus {@code cluster} (int, the mentor's home; null without
 * skills), {@code mentor_clusters} and {@code search_clusters} (arrays of int, nearest first; empty
 * without a topic).
 */
public final class TopicClusters {
  private static final int LABEL_TERMS = 3;

  private TopicClusters() {}

  /** The clustered members, the number of clusters, and a label of each cluster. */
  public record Result(Dataset<Row> members, int k, List<String> labels, double[][] centres)
      implements Serializable {}

  /** Fits KMeans on members' semantic profiles and files every member. */
  public static Result cluster(Dataset<Row> features, ClusterConfig config, int partitions) {
    UserDefinedFunction nonZero =
        udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);
    long n = features.filter(nonZero.apply(col(Columns.PROFILE_EMBEDDING))).count();
    // KMeans initialisation samples per partition: fixing partitions and their order (here, not
    // wherever the rows last came from) makes the same members give the same clusters.
    Dataset<Row> mentors =
        features
            .filter(nonZero.apply(col(Columns.SKILL_EMBEDDING)))
            .select(Columns.MEMBER_ID, Columns.SKILL_EMBEDDING)
            .repartition(partitions, col(Columns.MEMBER_ID))
            .sortWithinPartitions(Columns.MEMBER_ID)
            .transform(Checkpoints::keep);
    long mentorCount = mentors.count();

    double[][] centres;
    if (mentorCount < 2) {
      centres = new double[][] {new double[PhraseEmbedder.DIMENSIONS]};
    } else {
      int k = (int) Math.min(config.clusterCount(n), mentorCount);
      Dataset<Row> learnt = fitSample(mentors, mentorCount, k, config);
      KMeansModel model =
          new KMeans()
              .setK(k)
              .setSeed(config.seed())
              .setMaxIter(config.maxIterations())
              .setDistanceMeasure("cosine")
              .setSolver(solver(k, PhraseEmbedder.DIMENSIONS))
              .setFeaturesCol(Columns.SKILL_EMBEDDING)
              .fit(learnt);
      Vector[] fitted = model.clusterCenters();
      centres = new double[fitted.length][];
      for (int c = 0; c < fitted.length; c++) {
        centres[c] = unit(fitted[c].toArray());
      }
    }

    Broadcast<double[][]> shared =
        JavaSparkContext.fromSparkContext(features.sparkSession().sparkContext())
            .broadcast(centres);
    int searched = Math.min(centres.length, 1 + config.neighbours());
    UserDefinedFunction home =
        udf(
            (UDF1<Vector, Integer>)
                v -> v.numNonzeros() == 0 ? null : nearest(v, shared.value(), 1)[0],
            DataTypes.IntegerType);
    UserDefinedFunction mentorClusters =
        udf(
            (UDF2<Vector, scala.collection.Seq<Row>, int[]>)
                (skills, phrases) -> filed(skills, topical(phrases), shared.value(), 1),
            DataTypes.createArrayType(DataTypes.IntegerType, false));
    UserDefinedFunction search =
        udf(
            (UDF2<Vector, scala.collection.Seq<Row>, int[]>)
                (goals, phrases) -> filed(goals, topical(phrases), shared.value(), searched),
            DataTypes.createArrayType(DataTypes.IntegerType, false));
    Dataset<Row> filed =
        features
            .withColumn(Columns.CLUSTER, home.apply(col(Columns.SKILL_EMBEDDING)))
            .withColumn(
                Columns.MENTOR_CLUSTERS,
                mentorClusters.apply(col(Columns.SKILL_EMBEDDING), col(Columns.SKILL_PHRASES)))
            .withColumn(
                Columns.SEARCH_CLUSTERS,
                search.apply(col(Columns.GOAL_EMBEDDING), col(Columns.GOAL_PHRASES)));
    return new Result(filed, centres.length, labels(features, shared), centres);
  }

  /**
   * MLlib's KMeans solver for {@code k} centres of {@code dimensions} components: "block" (blocks
   * of mentors against all centres in matrix products) unless the row solver's extra work is small.
   *
   * <p>Why: the row solver, which Spark picks by itself here, measures the distance between every
   * two centres in each iteration, to skip centres that cannot be nearest. With k below 1,000 and
   * k^2 x dimensions of a million or more it does so in a Spark job of min(k, 1,024) tasks that
   * each walk all k^2 pairs: at 20,000 generated members (k = 467) the clusters stage took 55.7 s
   * with it and 22.2 s with the block solver, at 100,000 (k = 500) 124 s and 86 s, for the same
   * clusters and sheets. Below that size Spark measures the distances in the driver at little cost,
   * and the block solver's blocking and caching cost more: at 500 members (k = 12) the stage took
   * about a second longer with it.
   */
  static String solver(int k, int dimensions) {
    return (long) k * k * dimensions < 1_000_000L ? "row" : "block";
  }

  /**
   * The mentors KMeans learns {@code k} centres from: all of them up to {@code
   * clusters.fit_mentors} (or ten a centre, if more), beyond that the ones whose member id hashes
   * (with the seed) into the first {@code fit_mentors / mentors} of the hash range, about {@code
   * fit_mentors} of them, the same ones for the same members on any machine. Partitions and their
   * order stay as they were, as the initialisation needs.
   */
  static Dataset<Row> fitSample(
      Dataset<Row> mentors, long mentorCount, int k, ClusterConfig config) {
    long fit = Math.max(config.fitMentors(), 10L * k);
    if (mentorCount <= fit) {
      return mentors;
    }
    long slots = 1L << 30;
    long kept = Math.max(1, slots * fit / mentorCount);
    return mentors.filter(
        pmod(xxhash64(col(Columns.MEMBER_ID), lit(config.seed())), lit(slots)).lt(kept));
  }

  /** The quantised embeddings of the phrases that name a topic. */
  private static List<byte[]> topical(scala.collection.Seq<Row> phrases) {
    List<byte[]> out = new ArrayList<>();
    for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(phrases)) {
      if (r.<Boolean>getAs(Columns.PHRASE_TOPICAL)) {
        out.add(r.getAs(Columns.PHRASE_EMBEDDING));
      }
    }
    return out;
  }

  /**
   * The clusters a member is filed under or searches: the {@code count} nearest to the whole
   * vector, then the nearest to each phrase's (quantised embeddings), without repeats; empty when
   * the member has no topic at all.
   */
  static int[] filed(Vector whole, List<byte[]> phrases, double[][] centres, int count) {
    PhraseHomes homes = PhraseHomes.of(centres);
    return filed(whole, phrases, homes::nearest, centres, count);
  }

  /** As {@link #filed(Vector, List, double[][], int)}, for phrases given as vectors. */
  static int[] filedVectors(Vector whole, List<Vector> phrases, double[][] centres, int count) {
    return filed(whole, phrases, p -> PhraseHomes.nearest(p, centres), centres, count);
  }

  private static <P> int[] filed(
      Vector whole,
      List<P> phrases,
      java.util.function.ToIntFunction<P> phraseHome,
      double[][] centres,
      int count) {
    java.util.LinkedHashSet<Integer> clusters = new java.util.LinkedHashSet<>();
    if (whole.numNonzeros() > 0) {
      for (int c : nearest(whole, centres, count)) {
        clusters.add(c);
      }
    }
    for (P phrase : phrases) {
      int c = phraseHome.applyAsInt(phrase);
      if (c >= 0) {
        clusters.add(c);
      }
    }
    return clusters.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The nearest centre of each phrase embedding this JVM has filed against one set of centres.
   *
   * <p>Why: members name the same phrases over and over (20,000 generated members name 59,028
   * phrases, 32,065 of them distinct; a million name several million, 580,741 distinct), and a
   * phrase's nearest centre is a pure function of its bytes and the centres, so the same answer is
   * given whether it is looked up or computed: each distinct phrase is compared with every centre
   * once per executor JVM, not once per member naming it. The memory is bounded: past {@link
   * #MAX_PHRASES} phrases (about 64 MB) the rest are computed each time, and a new set of centres
   * (the next night in the same JVM) starts afresh.
   */
  static final class PhraseHomes {
    static final int MAX_PHRASES = 131_072;
    private static volatile PhraseHomes current;

    private final double[][] centres;
    private final java.util.concurrent.ConcurrentHashMap<Key, Integer> homes =
        new java.util.concurrent.ConcurrentHashMap<>();

    private PhraseHomes(double[][] centres) {
      this.centres = centres;
    }

    /** The memo of {@code centres} (the broadcast's array, one object per executor JVM). */
    static PhraseHomes of(double[][] centres) {
      PhraseHomes memo = current;
      if (memo == null || memo.centres != centres) {
        synchronized (PhraseHomes.class) {
          memo = current;
          if (memo == null || memo.centres != centres) {
            memo = new PhraseHomes(centres);
            current = memo;
          }
        }
      }
      return memo;
    }

    /**
     * The nearest centre of the phrase whose quantised embedding is {@code embedding}; -1 if none.
     */
    int nearest(byte[] embedding) {
      Key key = new Key(embedding);
      Integer home = homes.get(key);
      if (home == null) {
        home = nearest(Embeddings.of(embedding), centres);
        if (homes.size() < MAX_PHRASES) {
          homes.putIfAbsent(key, home);
        }
      }
      return home;
    }

    /** How many phrases it holds. */
    int size() {
      return homes.size();
    }

    /** The nearest centre of {@code phrase}; -1 for the zero vector (a phrase without a topic). */
    static int nearest(Vector phrase, double[][] centres) {
      return phrase.numNonzeros() == 0 ? -1 : TopicClusters.nearest(phrase, centres, 1)[0];
    }

    /** Bytes compared by content. */
    private static final class Key {
      private final byte[] bytes;
      private final int hash;

      Key(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
      }

      @Override
      public boolean equals(Object o) {
        return o instanceof Key k && hash == k.hash && Arrays.equals(bytes, k.bytes);
      }

      @Override
      public int hashCode() {
        return hash;
      }
    }
  }

  /** The {@code count} centres most similar (cosine) to {@code v}, best first; ties by index. */
  static int[] nearest(Vector v, double[][] centres, int count) {
    double[] similarity = dots(v.toArray(), centres);
    // The first `count` of the order (-similarity, then index), picked one at a time: a member
    // asks for one to three of up to clusters.max_k centres, several times over.
    int[] out = new int[Math.min(count, centres.length)];
    boolean[] taken = new boolean[centres.length];
    for (int i = 0; i < out.length; i++) {
      int best = -1;
      for (int c = 0; c < centres.length; c++) {
        // Ascending c: an equal similarity never displaces the smaller index already held.
        if (!taken[c] && (best < 0 || Double.compare(-similarity[c], -similarity[best]) < 0)) {
          best = c;
        }
      }
      taken[best] = true;
      out[i] = best;
    }
    return out;
  }

  /**
   * Whether the centres are compared with the JVM's vector instructions ({@link VectorCentreDots}):
   * where the module is present, the CPU has 256-bit vectors, and a probe gives the plain loop's
   * bits. Either way every dot product is the same double.
   */
  private static final boolean VECTOR =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && VectorProbe.works();

  /** Whether this JVM compares centres with the vector instructions. */
  static boolean vectorised() {
    return VECTOR;
  }

  /**
   * {@link #dot} of {@code x} with each centre: every member phrase is compared with every centre
   * (k up to 500), a third of the clusters stage at 100,000 members.
   */
  static double[] dots(double[] x, double[][] centres) {
    double[] out = new double[centres.length];
    if (VECTOR) {
      VectorCentreDots.dots(x, centres, out);
    } else {
      for (int c = 0; c < centres.length; c++) {
        out[c] = dot(x, centres[c]);
      }
    }
    return out;
  }

  /** Probes the vector version once; any failure to load it means the plain loop. */
  private static final class VectorProbe {
    static boolean works() {
      try {
        if (!VectorCentreDots.fullWidth()) {
          return false;
        }
        double[] x = new double[23];
        double[][] centres = new double[5][23];
        for (int k = 0; k < x.length; k++) {
          x[k] = Math.sin(k + 1) * 1e3;
          for (int c = 0; c < centres.length; c++) {
            centres[c][k] = Math.cos(k * (c + 2)) / 7;
          }
        }
        double[] out = new double[centres.length];
        VectorCentreDots.dots(x, centres, out);
        for (int c = 0; c < centres.length; c++) {
          if (Double.doubleToRawLongBits(out[c])
              != Double.doubleToRawLongBits(dot(x, centres[c]))) {
            return false;
          }
        }
        return true;
      } catch (LinkageError e) {
        return false;
      }
    }
  }

  /**
   * The dot product in four running sums, added in a fixed order: the same bits on every machine
   * (no vector width decides the order), without one sum waiting on each addition before the next.
   * The reference {@link VectorCentreDots} must equal.
   */
  static double dot(double[] x, double[] y) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (int end = x.length - 3; k < end; k += 4) {
      s0 += x[k] * y[k];
      s1 += x[k + 1] * y[k + 1];
      s2 += x[k + 2] * y[k + 2];
      s3 += x[k + 3] * y[k + 3];
    }
    for (; k < x.length; k++) {
      s0 += x[k] * y[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Each cluster's label: the concepts most often named by the skill phrases of the mentors whose
   * home it is (each phrase of each mentor counted once), then their most frequent skill phrases,
   * {@value #LABEL_TERMS} in all.
   */
  static List<String> labels(Dataset<Row> features, Broadcast<double[][]> centres) {
    UserDefinedFunction home =
        udf(
            (UDF1<Vector, Integer>)
                v -> v.numNonzeros() == 0 ? null : nearest(v, centres.value(), 1)[0],
            DataTypes.IntegerType);
    Dataset<Row> phrases =
        features
            .withColumn(Columns.CLUSTER, home.apply(col(Columns.SKILL_EMBEDDING)))
            .filter(col(Columns.CLUSTER).isNotNull())
            .select(col(Columns.CLUSTER), explode(col(Columns.SKILL_PHRASES)).as("p"))
            .filter(col("p." + Columns.PHRASE_TOPICAL))
            .select(
                col(Columns.CLUSTER),
                col("p." + Columns.PHRASE_TEXT).as("text"),
                col("p." + Columns.PHRASE_CONCEPTS).as("concepts"))
            .transform(Checkpoints::keep);
    WindowSpec top = Window.partitionBy(Columns.CLUSTER).orderBy(col("n").desc(), col("term"));
    // Lower-cased in Java, not with Spark's lower(): in Spark 4.0 its first call in a JVM builds
    // ICU's title-case table, about 4 s of a 500-member night on two slow cores.
    UserDefinedFunction lowerCase =
        udf((UDF1<String, String>) t -> t.toLowerCase(Locale.ROOT), DataTypes.StringType);
    Map<Integer, List<String>> terms = new TreeMap<>();
    for (String kind : List.of("concepts", "text")) {
      Column term =
          kind.equals("concepts") ? explode(col("concepts")) : lowerCase.apply(col("text"));
      for (Row r :
          phrases
              .select(col(Columns.CLUSTER), term.as("term"))
              .groupBy(Columns.CLUSTER, "term")
              .agg(count(lit(1)).as("n"))
              .withColumn("rank", row_number().over(top))
              .filter(col("rank").leq(LABEL_TERMS))
              .orderBy(Columns.CLUSTER, "rank")
              .collectAsList()) {
        List<String> label = terms.computeIfAbsent(r.getInt(0), c -> new ArrayList<>());
        String t = r.getString(1);
        if (label.size() < LABEL_TERMS && !label.contains(t)) {
          label.add(t);
        }
      }
    }
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < centres.value().length; c++) {
      List<String> label = terms.getOrDefault(c, List.of());
      labels.add(label.isEmpty() ? "no clear topic" : String.join(", ", label));
    }
    return labels;
  }

  private static double[] unit(double[] v) {
    double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    return norm == 0 ? v : Arrays.stream(v).map(x -> x / norm).toArray();
  }
}
