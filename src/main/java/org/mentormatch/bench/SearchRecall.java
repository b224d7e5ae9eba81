package org.mentormatch.bench;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.mentormatch.Columns;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.scoring.PhraseSimilarity;
import org.mentormatch.search.MentorIndex;
import org.mentormatch.search.TopMentors;

/**
 * How much of the exhaustive top list the search finds, measured on a sample of mentees stratified
 * by department and time zone: for each sampled mentee, the exhaustive search scores every mentor
 * sharing a similar phrase and keeps the first k fitting; the search's k are compared with them.
 *
 * <p>Tie-aware: a mentor the search found outside the exhaustive list still counts when their score
 * equals the exhaustive k-th score (either order of equals is a right answer). A mentee with no
 * fitting mentor is found whole when the search finds none either.
 */
public final class SearchRecall {
  private SearchRecall() {}

  /**
   * The recall figures.
   *
   * @param mentees mentees sampled
   * @param k pairs kept per mentee
   * @param exhaustivePairs pairs in the sampled mentees' exhaustive lists
   * @param meanRecall mean over sampled mentees with a fitting mentor of the share found
   * @param minRecall the smallest such share
   * @param wholeShare share of sampled mentees whose whole list was found
   */
  public record Figures(
      long mentees,
      int k,
      long exhaustivePairs,
      double meanRecall,
      double minRecall,
      double wholeShare) {}

  /**
   * About {@code size} mentees of {@code queries} ({@code TopMentors.queries}), each stratum
   * (department, time zone) represented in proportion (at least one each), chosen by a seeded hash.
   */
  public static Dataset<Row> stratifiedSample(
      Dataset<Row> queries, Dataset<Row> profiles, long size, long seed) {
    Dataset<Row> strata =
        profiles
            .filter(col(Columns.IS_MENTEE))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTEE_ID),
                col(Columns.DEPARTMENT).as("s_department"),
                col(Columns.TIMEZONE).as("s_timezone"));
    long total = strata.count();
    double share = total == 0 ? 0 : Math.min(1.0, (double) size / total);
    Dataset<Row> chosen =
        strata
            .withColumn("s_order", xxhash64(col(Columns.MENTEE_ID), lit(seed)))
            .withColumn(
                "s_rank",
                row_number()
                    .over(
                        Window.partitionBy("s_department", "s_timezone")
                            .orderBy(col("s_order"), col(Columns.MENTEE_ID))))
            .withColumn(
                "s_size", count(lit(1)).over(Window.partitionBy("s_department", "s_timezone")))
            .filter(col("s_rank").leq(ceil(col("s_size").multiply(share))))
            .select(Columns.MENTEE_ID);
    return queries.join(chosen, Columns.MENTEE_ID);
  }

  /** The search against the exhaustive search on {@code sample} (query rows), k pairs each. */
  public static Figures measure(
      Dataset<Row> sample,
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config,
      int k) {
    Map<String, Map<String, Double>> found =
        lists(TopMentors.best(sample, index, similarity, config, k));
    Map<String, Map<String, Double>> exhaustive =
        lists(TopMentors.exhaustive(sample, index, similarity, config, k));
    List<String> mentees = new ArrayList<>();
    for (Row r : sample.select(Columns.MENTEE_ID).collectAsList()) {
      mentees.add(r.getString(0));
    }
    long pairs = 0;
    double sum = 0;
    double min = 1;
    int withAFit = 0;
    int whole = 0;
    for (String m : mentees) {
      Map<String, Double> want = exhaustive.getOrDefault(m, Map.of());
      Map<String, Double> got = found.getOrDefault(m, Map.of());
      pairs += want.size();
      if (want.isEmpty()) {
        if (got.isEmpty()) {
          whole++;
        }
        continue;
      }
      double kth = want.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
      boolean full = want.size() == k;
      Set<String> hits = new HashSet<>();
      for (Map.Entry<String, Double> e : got.entrySet()) {
        if (want.containsKey(e.getKey()) || (full && e.getValue().doubleValue() == kth)) {
          hits.add(e.getKey());
        }
      }
      double recall = Math.min(1.0, (double) hits.size() / want.size());
      withAFit++;
      sum += recall;
      min = Math.min(min, recall);
      if (recall == 1.0) {
        whole++;
      }
    }
    return new Figures(
        mentees.size(),
        k,
        pairs,
        withAFit == 0 ? 1 : sum / withAFit,
        withAFit == 0 ? 1 : min,
        mentees.isEmpty() ? 1 : (double) whole / mentees.size());
  }

  private static Map<String, Map<String, Double>> lists(Dataset<Row> rows) {
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (Row r : rows.select(Columns.MENTEE_ID, Columns.MENTOR_ID, Columns.SCORE).collectAsList()) {
      out.computeIfAbsent(r.getString(0), x -> new HashMap<>()).put(r.getString(1), r.getDouble(2));
    }
    return out;
  }
}
