package org.mentormatch.clusters;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.mentormatch.Columns;
import org.mentormatch.SparkTestSession;
import org.mentormatch.config.ClusterConfig;

/** KMeans learns from all mentors up to clusters.fit_mentors, and from a fixed sample beyond. */
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
}
