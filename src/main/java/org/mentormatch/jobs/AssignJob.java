package org.mentormatch.jobs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.udf;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Columns;
import org.mentormatch.UserError;
import org.mentormatch.assignment.AssignmentBlocks;
import org.mentormatch.assignment.BlockAssignment;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.assignment.ScoredEdges;
import org.mentormatch.io.AssignmentFile;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Locations;
import org.mentormatch.io.TextLines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs/assign.sh}: the exact assignment for scores computed elsewhere. */
@Command(
    name = "assign.sh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads mentee_id,mentor_id,score pairs (higher is better, any real number), optional"
          + " mentor_id,capacity rows (default 1), and writes the optimal assignment as"
          + " mentee_id,mentor_id,score: first as many mentees matched as possible, then the"
          + " largest total score, each mentor within capacity. The same solver as the nightly"
          + " job (OR-Tools min-cost flow per independent block); scores are compared exactly.",
      "Spark options: --master URL and --conf key=value are passed to spark-submit."
    })
public final class AssignJob implements Callable<Integer> {
  /** Most decimals scores are compared with; more are rounded (and the output says so). */
  static final int MAX_DECIMALS = 9;

  @Option(
      names = "--edges",
      required = true,
      paramLabel = "FILE",
      description = "CSV with header mentee_id,mentor_id,score.")
  String edges;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write mentee_id,mentor_id,score.")
  String out;

  @Option(
      names = "--capacities",
      paramLabel = "FILE",
      description = "CSV with header mentor_id,capacity; mentors not listed take 1.")
  String capacities;

  @Option(
      names = "--min-score",
      paramLabel = "X",
      description = "Pairs scoring below X are not allowed.")
  BigDecimal minScore;

  /** What one assignment reads and writes. */
  public record Options(String edges, String out, String capacities, BigDecimal minScore) {}

  /** What the command reports. */
  public record Result(
      long mentees,
      long matched,
      BigDecimal totalScore,
      long pairs,
      long blocks,
      long largestBlock,
      int decimals,
      boolean rounded) {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Commands.exit(new AssignJob(), args);
  }

  @Override
  public Integer call() {
    return Commands.run(
        "assign.sh",
        () -> {
          SparkSession spark = Sessions.open("mentor-match assign");
          try {
            Result r = run(spark, new Options(edges, out, capacities, minScore));
            report(r, out, System.out);
            return 0;
          } finally {
            spark.stop();
          }
        });
  }

  /** Solves the assignment of {@code options} and writes it. */
  public static Result run(SparkSession spark, Options options) throws IOException {
    FileStore files = new FileStore(spark.sparkContext().hadoopConfiguration());
    Dataset<Row> pairs =
        ScoredEdges.edges(spark, lines(spark, files, "--edges", options.edges()), options.edges());
    long mentees = pairs.select(Columns.MENTEE_ID).distinct().count();
    if (options.minScore() != null) {
      BigDecimal floor = options.minScore();
      pairs =
          pairs.filter(
              udf(
                      (UDF1<String, Boolean>) s -> new BigDecimal(s).compareTo(floor) >= 0,
                      DataTypes.BooleanType)
                  .apply(col(Columns.SCORE)));
    }
    Dataset<Row> capacity =
        options.capacities() == null
            ? null
            : ScoredEdges.capacities(
                spark,
                lines(spark, files, "--capacities", options.capacities()),
                options.capacities());

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
                max("scale"),
                max("abs"),
                countDistinct(Columns.MENTEE_ID),
                countDistinct(Columns.MENTOR_ID))
            .first();
    int needed = range.isNullAt(0) ? 0 : range.getInt(0);
    double largest = range.isNullAt(1) ? 0 : range.getDouble(1);
    long nodes = range.getLong(2) + range.getLong(3) + 3;
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
        capacity == null
            ? edges.withColumn(Columns.CAPACITY, lit(1))
            : edges
                .join(capacity, List.of(Columns.MENTOR_ID).toArray(new String[0]), "left")
                .withColumn(Columns.CAPACITY, coalesce(col(Columns.CAPACITY), lit(1)));
    Dataset<Row> blocked = AssignmentBlocks.withBlocks(edges).localCheckpoint();
    Row blocks =
        blocked
            .groupBy(BlockAssignment.BLOCK)
            .count()
            .agg(org.apache.spark.sql.functions.count(lit(1)), max("count"))
            .first();
    Dataset<Row> chosen = BlockAssignment.assign(blocked, new MinCostFlowSolver());
    Dataset<Row> written =
        chosen
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .join(
                blocked.select(Columns.MENTEE_ID, Columns.MENTOR_ID, "score_text"),
                List.of(Columns.MENTEE_ID, Columns.MENTOR_ID).toArray(new String[0]))
            .orderBy(Columns.MENTEE_ID, Columns.MENTOR_ID);
    AssignmentFile.Written w =
        AssignmentFile.write(
            files, Locations.of("--out", options.out()), written.toLocalIterator());
    return new Result(
        mentees,
        w.pairs(),
        w.totalScore(),
        blocked.count(),
        blocks.getLong(0),
        blocks.isNullAt(1) ? 0 : blocks.getLong(1),
        d,
        d < needed);
  }

  /** Prints what a user needs to know about the result. */
  static void report(Result r, String out, PrintStream to) {
    to.printf(
        Locale.ROOT,
        "matched %d of %d mentees, total score %s, written to %s%n",
        r.matched(),
        r.mentees(),
        r.totalScore().stripTrailingZeros().toPlainString(),
        out);
    to.printf(
        Locale.ROOT,
        "%d allowed pairs in %d independent block(s), the largest with %d pairs; solved exactly%n",
        r.pairs(),
        r.blocks(),
        r.largestBlock());
    if (r.rounded()) {
      to.printf(
          Locale.ROOT,
          "note: scores were compared after rounding to %d decimal places (the output keeps them as given)%n",
          r.decimals());
    }
  }

  private static JavaRDD<String> lines(
      SparkSession spark, FileStore files, String option, String file) {
    Path path = Locations.of(option, file);
    if (!files.exists(path)) {
      throw new UserError("the file " + file + " does not exist.");
    }
    return TextLines.read(spark, files, path, 2);
  }
}
