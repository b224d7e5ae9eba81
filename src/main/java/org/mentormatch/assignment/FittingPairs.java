package org.mentormatch.assignment;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentormatch.Columns;
import org.mentormatch.config.AssignmentConfig;

/**
 * Which scored pairs the assignment may choose from, and how many places each mentor has: a pair is
 * <em>topical</em> when its coverage reaches {@code assignment.min_coverage}, and <em>fits</em>
 * when it is also allowed by every hard rule and its score reaches {@code assignment.min_score}.
 */
public final class FittingPairs {
  private final AssignmentConfig config;

  /** The thresholds of {@code config}. */
  public FittingPairs(AssignmentConfig config) {
    this.config = config;
  }

  /** Whether a scored pair's coverage reaches the minimum. */
  public Column topical() {
    return col(Columns.COVERAGE).geq(config.minCoverage());
  }

  /** Whether a scored pair's score reaches the minimum. */
  public Column reachesMinScore() {
    return col(Columns.SCORE).geq(config.minScore());
  }

  /** Each mentor's free places for this run, {@code mentor_id, capacity}, from the profiles. */
  public static Dataset<Row> freeCapacity(Dataset<Row> profiles) {
    return profiles
        .filter(col(Columns.IS_MENTOR))
        .select(
            col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
            col(Columns.FREE_CAPACITY).as(Columns.CAPACITY));
  }
}
