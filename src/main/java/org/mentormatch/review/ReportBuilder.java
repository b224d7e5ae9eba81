package org.mentormatch.review;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentormatch.Columns;

/**
 * Gathers what {@code report.html} shows from a run's datasets: a few hundred small rows and counts
 * reach the driver, never the whole run.
 */
public final class ReportBuilder {
  private ReportBuilder() {}

  /**
   * The mentees matched tonight, as the report's fairness tables count them: {@code member_id,
   * name, department, timezone}.
   */
  public static Dataset<Row> eligibleMentees(Dataset<Row> profiles) {
    return profiles
        .filter(org.apache.spark.sql.functions.col(Columns.IS_MENTEE))
        .select(Columns.MEMBER_ID, Columns.NAME, Columns.DEPARTMENT, Columns.TIMEZONE);
  }

  /**
   * The report of a run.
   *
   * @param proposals rows in {@code Explanations.PROPOSAL_FIELDS} order, sorted
   * @param unmatched {@code member_id, role, reason}, sorted
   * @param eligible the mentees matched tonight: {@code member_id, name, department, timezone}
   * @param figures headline counts, in the order shown
   */
  public static ReportData build(
      String runId,
      Dataset<Row> proposals,
      Dataset<Row> unmatched,
      Dataset<Row> eligible,
      Map<String, Long> figures) {
    List<ReportData.ProposalView> shown = new ArrayList<>();
    for (Row r : proposals.limit(ReportData.MAX_LISTED).collectAsList()) {
      shown.add(view(r));
    }
    List<ReportData.UnmatchedView> left = new ArrayList<>();
    for (Row r :
        unmatched
            .join(eligible, Columns.MEMBER_ID)
            .orderBy(Columns.MEMBER_ID)
            .select(Columns.MEMBER_ID, Columns.NAME, Columns.DEPARTMENT, "reason")
            .limit(ReportData.MAX_LISTED)
            .collectAsList()) {
      left.add(
          new ReportData.UnmatchedView(
              r.getAs(Columns.MEMBER_ID),
              r.getAs(Columns.NAME),
              r.getAs(Columns.DEPARTMENT),
              r.getAs("reason")));
    }

    long[] histogram = new long[10];
    for (Row r :
        proposals
            .groupBy(least(floor(col(Columns.SCORE).multiply(10)), lit(9)).cast("int").as("band"))
            .count()
            .collectAsList()) {
      histogram[r.<Integer>getAs("band")] = r.<Long>getAs("count");
    }

    Dataset<Row> outcome =
        eligible
            .join(
                proposals.select(col(Columns.MENTEE_ID).as(Columns.MEMBER_ID), col(Columns.SCORE)),
                new String[] {Columns.MEMBER_ID},
                "left")
            .withColumn(
                "dept",
                coalesce(
                    when(col(Columns.DEPARTMENT).notEqual(""), col(Columns.DEPARTMENT)),
                    lit("(none)")))
            .withColumn(
                "region",
                when(
                        col(Columns.TIMEZONE).contains("/"),
                        substring_index(col(Columns.TIMEZONE), "/", 1))
                    .otherwise(col(Columns.TIMEZONE)));
    return new ReportData(
        runId,
        figures,
        shown,
        proposals.count(),
        left,
        unmatched.count(),
        histogram,
        fairness(outcome, col("dept")),
        fairness(outcome, col("region")));
  }

  private static List<ReportData.FairnessRow> fairness(Dataset<Row> outcome, Column group) {
    List<ReportData.FairnessRow> rows = new ArrayList<>();
    for (Row r :
        outcome
            .groupBy(group.as("g"))
            .agg(
                count(lit(1)).as("members"),
                count(col(Columns.SCORE)).as("matched"),
                // Doubles summed in the order partial sums meet (which task ended first) differ
                // in the last digit from cluster to local mode; decimals add exactly.
                avg(col(Columns.SCORE).cast("decimal(38,18)")).cast("double").as("mean_score"))
            .orderBy("g")
            .collectAsList()) {
      rows.add(
          new ReportData.FairnessRow(
              r.getAs("g"),
              r.<Long>getAs("members"),
              r.<Long>getAs("matched"),
              r.isNullAt(r.fieldIndex("mean_score")) ? Double.NaN : r.<Double>getAs("mean_score")));
    }
    return rows;
  }

  private static ReportData.ProposalView view(Row r) {
    Row parts = r.getAs("score_parts");
    List<ReportData.SharedView> shared = new ArrayList<>();
    for (Row m : r.<Row>getList(r.fieldIndex("shared"))) {
      shared.add(
          new ReportData.SharedView(
              m.getAs("goal"), m.getAs("skill"), m.<Double>getAs("similarity"), m.getAs("how")));
    }
    List<ReportData.AlternativeView> alternatives = new ArrayList<>();
    for (Row a : r.<Row>getList(r.fieldIndex("alternatives"))) {
      alternatives.add(
          new ReportData.AlternativeView(
              a.getAs(Columns.MENTOR_ID),
              a.getAs("mentor_name"),
              a.<Double>getAs(Columns.SCORE),
              a.getAs("why_not")));
    }
    return new ReportData.ProposalView(
        r.getAs("proposal_id"),
        r.getAs("mentee_name"),
        r.getAs("mentee_department"),
        r.getAs("mentor_name"),
        r.getAs("mentor_department"),
        r.<Double>getAs(Columns.SCORE),
        parts.<Double>getAs("coverage"),
        parts.<Double>getAs("seniority"),
        parts.<Double>getAs("timezone"),
        parts.<Double>getAs("department"),
        shared,
        r.getList(r.fieldIndex(Columns.REASONS)),
        alternatives,
        r.getAs("introduction"));
  }

  /** The headline counts of a summary, in the order the report shows them. */
  public static Map<String, Long> figures(Map<String, Object> summary) {
    Map<String, Long> out = new LinkedHashMap<>();
    String[][] shown = {
      {"rows_read", "members file rows"},
      {"rows_used", "rows used"},
      {"rows_excluded", "rows excluded"},
      {"rows_rejected", "rows rejected"},
      {"active_mentorships", "active mentorships"},
      {"pending_carried_over", "proposals still pending"},
      {"mentees_eligible", "mentees matched tonight"},
      {"proposals", "proposals"},
      {"unmatched", "mentees unmatched"},
    };
    for (String[] s : shown) {
      Object v = summary.get(s[0]);
      if (v instanceof Number n) {
        out.put(s[1], n.longValue());
      }
    }
    return out;
  }
}
