package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentormatch.Columns;

/**
 * Pairs each mentee with the mentors filed under the clusters the mentee searches, and marks which
 * hard rules each pair passes.
 *
 * <p>Input: member profiles with {@code member_id, is_mentee, is_mentor, search_clusters, cluster}
 * and the columns the rules read ({@link #PAIR_COLUMNS}). Output: one row per candidate pair with
 * those columns prefixed {@code mentee_}/{@code mentor_}, one boolean column per rule (named as the
 * rule) and {@code allowed} (all rules pass).
 */
public final class CandidatePairs {
  private CandidatePairs() {}

  /** Member columns carried onto both sides of a pair for the rules. */
  public static final List<String> PAIR_COLUMNS =
      List.of(
          Columns.MEMBER_ID,
          Columns.LANGUAGES,
          Columns.UTC_OFFSET_MINUTES,
          Columns.SENIORITY,
          Columns.DEPARTMENT,
          Columns.MANAGER_ID,
          Columns.MANAGEMENT_CHAIN,
          Columns.FREE_CAPACITY);

  public static final String ALLOWED = "allowed";

  /**
   * Every candidate pair from the clusters each mentee searches, with its rule outcomes; {@code
   * declined} holds the pairs ({@code mentee_id, mentor_id}) coordinators rejected.
   */
  public static Dataset<Row> generate(
      Dataset<Row> profiles, List<PairRules.PairRule> rules, Dataset<Row> declined) {
    Dataset<Row> mentees =
        profiles
            .filter(col(Columns.IS_MENTEE))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTEE_ID),
                explode(col(Columns.SEARCH_CLUSTERS)).as("searched_cluster"));
    Dataset<Row> mentors =
        profiles
            .filter(col(Columns.IS_MENTOR))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
                explode(col(Columns.MENTOR_CLUSTERS)).as("filed_cluster"));
    Dataset<Row> ids =
        mentees
            .join(mentors, col("searched_cluster").equalTo(col("filed_cluster")))
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .distinct();
    return withRules(ids, profiles, rules, declined);
  }

  /**
   * Pairs given by id ({@code mentee_id, mentor_id}; the mentee must be a mentee and the mentor a
   * mentor in {@code profiles}) with the rule columns, {@code allowed}, and the mentor's cluster.
   * Self-pairs are dropped.
   */
  public static Dataset<Row> withRules(
      Dataset<Row> ids,
      Dataset<Row> profiles,
      List<PairRules.PairRule> rules,
      Dataset<Row> declined) {
    List<Column> menteeCols = new ArrayList<>();
    List<Column> mentorCols = new ArrayList<>();
    for (String c : PAIR_COLUMNS) {
      menteeCols.add(col(c).as(Columns.mentee(c)));
      mentorCols.add(col(c).as(Columns.mentor(c)));
    }
    mentorCols.add(col(Columns.CLUSTER).as(Columns.mentor(Columns.CLUSTER)));
    Dataset<Row> mentees =
        profiles.filter(col(Columns.IS_MENTEE)).select(menteeCols.toArray(new Column[0]));
    Dataset<Row> mentors =
        profiles.filter(col(Columns.IS_MENTOR)).select(mentorCols.toArray(new Column[0]));
    Dataset<Row> pairs =
        ids.filter(col(Columns.MENTEE_ID).notEqual(col(Columns.MENTOR_ID)))
            .join(mentees, Columns.MENTEE_ID)
            .join(mentors, Columns.MENTOR_ID)
            .join(
                declined
                    .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
                    .withColumn(Columns.DECLINED_BEFORE, lit(true)),
                new String[] {Columns.MENTEE_ID, Columns.MENTOR_ID},
                "left")
            .withColumn(
                Columns.DECLINED_BEFORE, coalesce(col(Columns.DECLINED_BEFORE), lit(false)));
    Column allowed = lit(true);
    for (PairRules.PairRule rule : rules) {
      pairs = pairs.withColumn(ruleColumn(rule.name()), rule.passes());
      allowed = allowed.and(col(ruleColumn(rule.name())));
    }
    return pairs.withColumn(ALLOWED, allowed);
  }

  /** The boolean column of rule {@code name} on a pair. */
  public static String ruleColumn(String name) {
    return "rule_" + name;
  }

  /** The funnel column counting pairs left after rule {@code name} and those before it. */
  public static String leftAfterColumn(String name) {
    return "left_after_" + name;
  }

  /**
   * For each mentee with candidates: how many candidate pairs there were ({@code candidates}), the
   * best coverage among them ({@code best_coverage}), how many cover enough of the goals ({@code
   * topical}), and how many of those were left after each rule in turn ({@code left_after_<rule>}).
   *
   * @param scored candidate pairs with their rule columns and {@code coverage}
   * @param topical whether a pair's coverage reaches the minimum
   */
  public static Dataset<Row> funnel(
      Dataset<Row> scored, List<PairRules.PairRule> rules, Column topical) {
    List<Column> counts = new ArrayList<>();
    counts.add(max(col(Columns.COVERAGE)).as("best_coverage"));
    counts.add(sum(when(topical, 1).otherwise(0)).cast("int").as("topical"));
    Column passing = topical;
    for (PairRules.PairRule rule : rules) {
      passing = passing.and(col(ruleColumn(rule.name())));
      counts.add(sum(when(passing, 1).otherwise(0)).cast("int").as(leftAfterColumn(rule.name())));
    }
    return scored
        .groupBy(col(Columns.MENTEE_ID))
        .agg(count(lit(1)).cast("int").as("candidates"), counts.toArray(new Column[0]));
  }
}
