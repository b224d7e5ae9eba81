package org.mentormatch.assignment;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.udf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Columns;
import org.mentormatch.UserError;

/**
 * Bring-your-own-scores assignment ({@code assign.sh}): scores given as decimal text are compared
 * exactly, with the fewest decimal places that keep every score exact (at most {@link
 * #MAX_DECIMALS}, and fewer if the largest score would overflow the solver), then solved by {@link
 * ExactAssignment}.
 *
 * <p>Input: {@link ScoredEdges#EDGES} pairs and, optionally, {@link ScoredEdges#CAPACITIES}
 * (mentors not listed take capacity 1). Output: the chosen pairs {@code mentee_id, mentor_id,
 * score_text} by mentee then mentor, and the figures {@code assign.sh} reports.
 */
public final class ScoredAssignment {
  /** Most decimal places scores are compared at. */
  public static final int MAX_DECIMALS = 9;

  private ScoredAssignment() {}

  /**
   * What was chosen and how.
   *
   * @param chosen {@code mentee_id, mentor_id, score_text}, the score as given, by mentee
   * @param decimals the decimal places scores were compared at
   * @param rounded whether some score had more decimals and was rounded to compare
   */
  public record Result(
      Dataset<Row> chosen,
      long mentees,
      long edges,
      long blocks,
      long largestBlock,
      int decimals,
      boolean rounded) {}

  /**
   * Solves the assignment of {@code pairs} within {@code capacities} (null: capacity 1 each),
   * leaving out pairs scoring below {@code minScore} (null: none).
   */
  public static Result solve(
      Dataset<Row> pairs, Dataset<Row> capacities, BigDecimal minScore, AssignmentSolver solver) {
    long mentees = pairs.select(Columns.MENTEE_ID).distinct().count();
    if (minScore != null) {
      pairs =
          pairs.filter(
              udf(
                      (UDF1<String, Boolean>) s -> new BigDecimal(s).compareTo(minScore) >= 0,
                      DataTypes.BooleanType)
                  .apply(col(Columns.SCORE)));
    }

    // The fewest decimals that keep every score exact, within what the solver can hold.
    Row range =
        pairs
            .select(
                udf(
                        (UDF1<String, Integer>)
                            s -> Math.max(0, new BigDecimal(s).stripTrailingZeros().scale()),
                        DataTypes.IntegerType)
                    .apply(col(Columns.SCORE))
                    .as("scale"),
                udf(
                        (UDF1<String, Double>) s -> new BigDecimal(s).abs().doubleValue(),
                        DataTypes.DoubleType)
                    .apply(col(Columns.SCORE))
                    .as("abs"),
                col(Columns.MENTEE_ID),
                col(Columns.MENTOR_ID))
            .agg(
                max("scale").as("scale"),
                max("abs").as("largest"),
                countDistinct(Columns.MENTEE_ID).as("mentees"),
                countDistinct(Columns.MENTOR_ID).as("mentors"))
            .first();
    int needed = range.isNullAt(range.fieldIndex("scale")) ? 0 : range.getAs("scale");
    double largest = range.isNullAt(range.fieldIndex("largest")) ? 0 : range.getAs("largest");
    long nodes = range.<Long>getAs("mentees") + range.<Long>getAs("mentors") + 3;
    int decimals = Math.min(needed, MAX_DECIMALS);
    while (decimals > 0 && largest * Math.pow(10, decimals) * nodes > Long.MAX_VALUE / 8.0) {
      decimals--;
    }
    if (largest * Math.pow(10, decimals) * nodes > Long.MAX_VALUE / 8.0) {
      throw new UserError(
          "scores up to "
              + largest
              + " are too large to compare exactly over "
              + nodes
              + " mentees and mentors; divide them by a power of ten.");
    }
    int d = decimals;
    Dataset<Row> edges =
        pairs
            .withColumn(
                BlockAssignment.SCORE_UNITS,
                udf(
                        (UDF1<String, Long>)
                            s ->
                                new BigDecimal(s)
                                    .movePointRight(d)
                                    .setScale(0, RoundingMode.HALF_EVEN)
                                    .longValueExact(),
                        DataTypes.LongType)
                    .apply(col(Columns.SCORE)))
            .withColumn("score_text", col(Columns.SCORE))
            .withColumn(Columns.SCORE, col(Columns.SCORE).cast("double"));
    edges =
        capacities == null
            ? edges.withColumn(Columns.CAPACITY, lit(1))
            : edges
                .join(capacities, List.of(Columns.MENTOR_ID).toArray(new String[0]), "left")
                .withColumn(Columns.CAPACITY, coalesce(col(Columns.CAPACITY), lit(1)));
    ExactAssignment.Result solved = ExactAssignment.solve(edges, solver);
    Dataset<Row> chosen =
        solved
            .chosen()
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .join(
                solved.edges().select(Columns.MENTEE_ID, Columns.MENTOR_ID, "score_text"),
                List.of(Columns.MENTEE_ID, Columns.MENTOR_ID).toArray(new String[0]))
            .orderBy(Columns.MENTEE_ID, Columns.MENTOR_ID);
    return new Result(
        chosen, mentees, solved.edgeCount(), solved.blocks(), solved.largestBlock(), d, d < needed);
  }
}
