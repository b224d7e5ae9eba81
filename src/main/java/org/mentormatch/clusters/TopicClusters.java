package org.mentormatch.clusters;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.config.ClusterConfig;
import org.mentormatch.features.PhraseAnalyzer;

/**
 * Clusters members by the topics of their goals and skills (MLlib KMeans, cosine distance), and
 * files each member where matching will look for them.
 *
 * <p>k = round(members with a topic / clusters.members_per_cluster), within [2, clusters.max_k] and
 * at most the number of such members. A mentor is filed under the cluster nearest to their skills;
 * a mentee searches the cluster nearest to their goals and the clusters.neighbours next nearest, so
 * a good mentor just across a cluster border is not lost.
 *
 * <p>Input: {@code member_id, goal_vector, skill_vector, profile_vector}. Output: the same plus
 * {@code cluster} (int, the mentor's home; null without skills) and {@code search_clusters} (array
 * of int, nearest first; empty when the goals name no topic).
 */
public final class TopicClusters {
  private static final int LABEL_TERMS = 3;

  private TopicClusters() {}

  /** The clustered members, the number of clusters, and a label of each cluster. */
  public record Result(Dataset<Row> members, int k, List<String> labels, double[][] centres)
      implements Serializable {}

  /** Fits KMeans on members' profile vectors and files every member. */
  public static Result cluster(
      Dataset<Row> features, String[] vocabulary, ClusterConfig config, int partitions) {
    UserDefinedFunction nonZero =
        udf((UDF1<Vector, Boolean>) v -> v.numNonzeros() > 0, DataTypes.BooleanType);
    // KMeans initialisation samples per partition: fixing partitions and their order (here, not
    // wherever the rows last came from) makes the same members give the same clusters.
    Dataset<Row> withTopic =
        features
            .filter(nonZero.apply(col(Columns.PROFILE_VECTOR)))
            .select(Columns.MEMBER_ID, Columns.PROFILE_VECTOR)
            .repartition(partitions, col(Columns.MEMBER_ID))
            .sortWithinPartitions(Columns.MEMBER_ID)
            .transform(Checkpoints::keep);
    long n = withTopic.count();

    double[][] centres;
    if (n < 2) {
      centres = new double[][] {new double[vocabulary.length]};
    } else {
      KMeansModel model =
          new KMeans()
              .setK(config.clusterCount(n))
              .setSeed(config.seed())
              .setMaxIter(config.maxIterations())
              .setDistanceMeasure("cosine")
              .setFeaturesCol(Columns.PROFILE_VECTOR)
              .fit(withTopic);
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
            (UDF2<Vector, scala.collection.Seq<Vector>, int[]>)
                (skills, topics) ->
                    filed(
                        skills,
                        scala.jdk.javaapi.CollectionConverters.asJava(topics),
                        shared.value(),
                        1,
                        1),
            DataTypes.createArrayType(DataTypes.IntegerType, false));
    UserDefinedFunction search =
        udf(
            (UDF2<Vector, scala.collection.Seq<Vector>, int[]>)
                (goals, topics) ->
                    filed(
                        goals,
                        scala.jdk.javaapi.CollectionConverters.asJava(topics),
                        shared.value(),
                        searched,
                        1),
            DataTypes.createArrayType(DataTypes.IntegerType, false));
    Dataset<Row> filed =
        features
            .withColumn(Columns.CLUSTER, home.apply(col(Columns.SKILL_VECTOR)))
            .withColumn(
                Columns.MENTOR_CLUSTERS,
                mentorClusters.apply(col(Columns.SKILL_VECTOR), col(Columns.SKILL_TOPICS)))
            .withColumn(
                Columns.SEARCH_CLUSTERS,
                search.apply(col(Columns.GOAL_VECTOR), col(Columns.GOAL_TOPICS)));
    return new Result(filed, centres.length, labels(centres, vocabulary), centres);
  }

  /**
   * The clusters a member is filed under or searches: the {@code count} nearest to the whole
   * vector, then the {@code count} nearest to each phrase's, without repeats; empty when the member
   * has no topic at all.
   */
  static int[] filed(
      Vector whole, List<Vector> phrases, double[][] centres, int count, int perPhrase) {
    java.util.LinkedHashSet<Integer> clusters = new java.util.LinkedHashSet<>();
    if (whole.numNonzeros() > 0) {
      for (int c : nearest(whole, centres, count)) {
        clusters.add(c);
      }
    }
    for (Vector phrase : phrases) {
      if (phrase.numNonzeros() > 0) {
        for (int c : nearest(phrase, centres, perPhrase)) {
          clusters.add(c);
        }
      }
    }
    return clusters.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The {@code count} centres most similar (cosine) to {@code v}, best first; ties by index. */
  static int[] nearest(Vector v, double[][] centres, int count) {
    SparseVector s = v.toSparse();
    double[] similarity = new double[centres.length];
    for (int c = 0; c < centres.length; c++) {
      double dot = 0;
      for (int k = 0; k < s.indices().length; k++) {
        dot += s.values()[k] * centres[c][s.indices()[k]];
      }
      similarity[c] = dot;
    }
    Integer[] order = new Integer[centres.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order, Comparator.comparingDouble((Integer c) -> -similarity[c]).thenComparingInt(c -> c));
    int[] out = new int[Math.min(count, order.length)];
    for (int i = 0; i < out.length; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /** Each cluster's strongest concepts (or words, if it has too few concepts), in words. */
  static List<String> labels(double[][] centres, String[] vocabulary) {
    List<String> labels = new ArrayList<>();
    for (double[] centre : centres) {
      Integer[] order = new Integer[centre.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order, Comparator.comparingDouble((Integer i) -> -centre[i]).thenComparingInt(i -> i));
      List<String> words = new ArrayList<>();
      for (String kind : List.of(PhraseAnalyzer.CONCEPT, PhraseAnalyzer.WORD)) {
        for (Integer i : order) {
          if (words.size() >= LABEL_TERMS || centre[i] <= 0) {
            break;
          }
          String term = vocabulary[i];
          String name = term.substring(kind.length());
          if (term.startsWith(kind) && !words.contains(name)) {
            words.add(name);
          }
        }
      }
      labels.add(words.isEmpty() ? "no clear topic" : String.join(", ", words));
    }
    return labels;
  }

  private static double[] unit(double[] v) {
    double norm = Math.sqrt(Arrays.stream(v).map(x -> x * x).sum());
    return norm == 0 ? v : Arrays.stream(v).map(x -> x / norm).toArray();
  }
}
