package org.mentormatch.clusters;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.mentormatch.Columns;
import org.mentormatch.SparkTestSession;
import org.mentormatch.config.ClusterConfig;

/**
 * KMeans learns from all mentors up to clusters.fit_mentors, and from a fixed sample beyond; its
 * block solver finds the row solver's clusters.
 */
class KMeansSampleIT {
  private static final int MENTORS = 20_000;

  private static Dataset<Row> mentors(int partitions) {
    SparkSession spark = SparkTestSession.get();
    List<String> ids =
        IntStream.range(0, MENTORS)
            .mapToObj(i -> String.format("m%06d", i))
            .collect(Collectors.toList());
    return spark
        .createDataset(ids, Encoders.STRING())
        .toDF(Columns.MEMBER_ID)
        .repartition(partitions, col(Columns.MEMBER_ID));
  }

  private static List<String> ids(Dataset<Row> rows) {
    return rows.select(Columns.MEMBER_ID)
        .orderBy(Columns.MEMBER_ID)
        .as(Encoders.STRING())
        .collectAsList();
  }

  @Test
  void upToTheLimitEveryMentorIsLearntFrom() {
    ClusterConfig config = new ClusterConfig(40, 500, 2, 30, 42, MENTORS);
    Dataset<Row> all = mentors(2);
    assertEquals(MENTORS, TopicClusters.fitSample(all, MENTORS, 50, config).count());
  }

  @Test
  void beyondTheLimitAboutThatManyTheSameOnAnyPartitioning() {
    ClusterConfig config = new ClusterConfig(40, 500, 2, 30, 42, 4_000);
    List<String> two = ids(TopicClusters.fitSample(mentors(2), MENTORS, 50, config));
    List<String> seven = ids(TopicClusters.fitSample(mentors(7), MENTORS, 50, config));
    assertEquals(two, seven, "the sample depends on the members, not on how they are split");
    // A hash keeps each mentor with chance 1/5: 4,000 expected, 57 the standard deviation.
    assertTrue(two.size() > 3_700 && two.size() < 4_300, "about 4,000 kept: " + two.size());
    List<String> otherSeed =
        ids(
            TopicClusters.fitSample(
                mentors(2), MENTORS, 50, new ClusterConfig(40, 500, 2, 30, 7, 4_000)));
    assertTrue(!two.equals(otherSeed), "another seed draws another sample");
  }

  @Test
  void neverFewerThanTenMentorsACentre() {
    ClusterConfig config = new ClusterConfig(40, 500, 2, 30, 42, 1_000);
    long kept = TopicClusters.fitSample(mentors(2), MENTORS, 500, config).count();
    assertTrue(kept > 4_600 && kept < 5_400, "about 5,000 for k = 500: " + kept);
  }

  @Test
  void theBlockSolverFindsTheRowSolversClusters() {
    // 1,500 points of 384 components around 80 directions, k = 60: 60^2 x 384 is over a million,
    // so the job takes the block solver where Spark would take the row solver.
    int k = 60;
    assertEquals("block", TopicClusters.solver(k, 384));
    Random random = new Random(11);
    double[][] directions = new double[80][384];
    for (double[] d : directions) {
      for (int i = 0; i < d.length; i++) {
        d[i] = random.nextGaussian();
      }
    }
    List<Row> rows = new ArrayList<>();
    for (int p = 0; p < 1_500; p++) {
      double[] v = directions[random.nextInt(directions.length)].clone();
      for (int i = 0; i < v.length; i++) {
        v[i] += 0.8 * random.nextGaussian();
      }
      rows.add(RowFactory.create(String.format("m%05d", p), Vectors.dense(v)));
    }
    Dataset<Row> points =
        SparkTestSession.get()
            .createDataFrame(
                rows,
                new StructType()
                    .add(Columns.MEMBER_ID, "string")
                    .add(Columns.SKILL_EMBEDDING, new VectorUDT()))
            .repartition(2, col(Columns.MEMBER_ID))
            .sortWithinPartitions(Columns.MEMBER_ID)
            .cache();

    KMeansModel row = fit(points, k, "row");
    KMeansModel block = fit(points, k, "block");

    Vector[] rowCentres = row.clusterCenters();
    Vector[] blockCentres = block.clusterCenters();
    assertEquals(rowCentres.length, blockCentres.length);
    for (int c = 0; c < rowCentres.length; c++) {
      double[] a = rowCentres[c].toArray();
      double[] b = blockCentres[c].toArray();
      for (int i = 0; i < a.length; i++) {
        assertEquals(a[i], b[i], 1e-9, "centre " + c + ", component " + i);
      }
    }
    List<Integer> rowClusters = clusters(row, points);
    assertEquals(rowClusters, clusters(block, points), "every point in the same cluster");
    assertTrue(rowClusters.stream().distinct().count() > 40, "the points fill many clusters");
  }

  private static KMeansModel fit(Dataset<Row> points, int k, String solver) {
    return new KMeans()
        .setK(k)
        .setSeed(42)
        .setMaxIter(30)
        .setDistanceMeasure("cosine")
        .setSolver(solver)
        .setFeaturesCol(Columns.SKILL_EMBEDDING)
        .fit(points);
  }

  private static List<Integer> clusters(KMeansModel model, Dataset<Row> points) {
    return model
        .transform(points)
        .orderBy(Columns.MEMBER_ID)
        .select(model.getPredictionCol())
        .as(Encoders.INT())
        .collectAsList();
  }
}
