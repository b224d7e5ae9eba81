package org.mentormatch.pipeline;

import java.io.IOException;
import java.math.BigDecimal;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.UserError;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.assignment.ScoredAssignment;
import org.mentormatch.assignment.ScoredEdges;
import org.mentormatch.io.AssignmentFile;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Locations;
import org.mentormatch.io.TextLines;

/**
 * {@code assign.sh} from files to file: scored pairs read and checked ({@link ScoredEdges}),
 * assigned exactly ({@link ScoredAssignment}), written atomically ({@link AssignmentFile}).
 */
public final class AssignPipeline {
  private AssignPipeline() {}

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

  /** Solves the assignment of {@code options} and writes it. */
  public static Result run(SparkSession spark, Options options) throws IOException {
    FileStore files = new FileStore(spark.sparkContext().hadoopConfiguration());
    Dataset<Row> pairs =
        ScoredEdges.edges(spark, lines(spark, files, "--edges", options.edges()), options.edges());
    Dataset<Row> capacities =
        options.capacities() == null
            ? null
            : ScoredEdges.capacities(
                spark,
                lines(spark, files, "--capacities", options.capacities()),
                options.capacities());
    ScoredAssignment.Result solved =
        ScoredAssignment.solve(pairs, capacities, options.minScore(), new MinCostFlowSolver());
    AssignmentFile.Written w =
        AssignmentFile.write(
            files, Locations.of("--out", options.out()), solved.chosen().toLocalIterator());
    return new Result(
        solved.mentees(),
        w.pairs(),
        w.totalScore(),
        solved.edges(),
        solved.blocks(),
        solved.largestBlock(),
        solved.decimals(),
        solved.rounded());
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
