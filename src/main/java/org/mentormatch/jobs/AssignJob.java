package org.mentormatch.jobs;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.pipeline.AssignPipeline;
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
            AssignPipeline.Result r =
                AssignPipeline.run(
                    spark, new AssignPipeline.Options(edges, out, capacities, minScore));
            report(r, out, System.out);
            return 0;
          } finally {
            spark.stop();
          }
        });
  }

  /** Prints what a user needs to know about the result. */
  static void report(AssignPipeline.Result r, String out, PrintStream to) {
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
}
