package org.mentormatch.assignment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.scoring.PairScoring;

/**
 * The exact assignment, the one entry point of the nightly job and of {@code assign.sh}: edges
 * split into independent blocks ({@link AssignmentBlocks}), every block solved exactly on the
 * executors ({@link BlockAssignment}), and the shape of the problem.
 *
 * <p>Input edges: {@code mentee_id, mentor_id, score} (double), {@code score_units} (long, the
 * score as the solver compares it), {@code capacity} (int, the mentor's free places) and any other
 * columns, which {@link Result#edges} keeps.
 */
public final class ExactAssignment {
  /** Nightly scores are compared by the solver in millionths, exactly. */
  public static final double SCORE_UNITS_PER_POINT = 1_000_000;

  private ExactAssignment() {}

  /**
   * The chosen pairs ({@code mentee_id, mentor_id, score}), the edges with their {@code block}, and
   * the problem's shape: how many edges, how many blocks, and the largest block's edges.
   */
  public record Result(
      Dataset<Row> chosen, Dataset<Row> edges, long edgeCount, long blocks, long largestBlock) {}

  /**
   * The nightly job's edges: each mentee's {@code perMentee} best {@code fitting} pairs (by score,
   * then mentor id: {@link PairScoring#ranked}), with the mentor's free places from {@code
   * freeCapacity} ({@code mentor_id, capacity}) and the score in millionths.
   */
  public static Dataset<Row> nightlyEdges(
      Dataset<Row> fitting, Dataset<Row> freeCapacity, int perMentee) {
    return PairScoring.ranked(fitting)
        .filter(col(Columns.RANK).leq(perMentee))
        .select(Columns.MENTEE_ID, Columns.MENTOR_ID, Columns.SCORE)
        .join(freeCapacity, Columns.MENTOR_ID)
        .withColumn(
            BlockAssignment.SCORE_UNITS,
            round(col(Columns.SCORE).multiply(SCORE_UNITS_PER_POINT)).cast("long"));
  }

  /** Solves {@code edges} exactly with {@code solver}, block by block. */
  public static Result solve(Dataset<Row> edges, AssignmentSolver solver) {
    Dataset<Row> blocked = AssignmentBlocks.withBlocks(edges).transform(Checkpoints::keep);
    Row shape =
        blocked
            .groupBy(BlockAssignment.BLOCK)
            .count()
            .agg(count(lit(1)).as("blocks"), max(col("count")).as("largest"))
            .first();
    Dataset<Row> chosen = BlockAssignment.assign(blocked, solver).transform(Checkpoints::keep);
    long largest = shape.isNullAt(shape.fieldIndex("largest")) ? 0L : shape.getAs("largest");
    return new Result(chosen, blocked, blocked.count(), shape.getAs("blocks"), largest);
  }
}
