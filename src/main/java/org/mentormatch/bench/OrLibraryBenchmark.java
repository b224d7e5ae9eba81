package org.mentormatch.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.assignment.AssignmentProblem;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.pipeline.AssignPipeline;

/**
 * Certifies the solver against the published OR-Library optima and times it: the solver alone, and
 * end to end through {@code jobs/assign.sh}'s code (CSV read on Spark, blocks, solve, write).
 */
public final class OrLibraryBenchmark {
  private OrLibraryBenchmark() {}

  /** One instance's result. */
  public record Result(
      String name,
      int n,
      int pairs,
      long published,
      long solverCost,
      int solverMatched,
      double solverSeconds,
      BigDecimal endToEndCost,
      long endToEndMatched,
      double endToEndSeconds) {

    /** Whether both paths reproduced the optimum with everyone matched. */
    public boolean exact() {
      return solverCost == published
          && solverMatched == n
          && endToEndCost.compareTo(BigDecimal.valueOf(published)) == 0
          && endToEndMatched == n;
    }
  }

  /** Runs every instance of {@code dir}; {@code work} holds the edge files it writes. */
  public static List<Result> run(SparkSession spark, Path dir, Path work, PrintStream log)
      throws IOException {
    Map<String, Long> optima = OrLibraryInstance.optima(dir);
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, Long> instance : optima.entrySet()) {
      OrLibraryInstance in = OrLibraryInstance.read(dir, instance.getKey());
      AssignmentProblem p = in.problem();

      long start = System.nanoTime();
      int[] chosen = new MinCostFlowSolver().solve(p);
      double solverSeconds = (System.nanoTime() - start) / 1e9;
      long cost = 0;
      for (int e : chosen) {
        cost -= p.edgeScore()[e];
      }

      Path edges = work.resolve(in.name() + ".csv");
      StringBuilder csv = new StringBuilder("mentee_id,mentor_id,score\n");
      for (int e = 0; e < p.edges(); e++) {
        csv.append('a')
            .append(p.edgeMentee()[e] + 1)
            .append(",t")
            .append(p.edgeMentor()[e] + 1)
            .append(',')
            .append(p.edgeScore()[e])
            .append('\n');
      }
      Files.writeString(edges, csv, StandardCharsets.UTF_8);
      start = System.nanoTime();
      AssignPipeline.Result r =
          AssignPipeline.run(
              spark,
              new AssignPipeline.Options(
                  edges.toString(), work.resolve(in.name() + "-out.csv").toString(), null, null));
      double endToEnd = (System.nanoTime() - start) / 1e9;

      Result result =
          new Result(
              in.name(),
              in.size(),
              p.edges(),
              instance.getValue(),
              cost,
              chosen.length,
              solverSeconds,
              r.totalScore().negate(),
              r.matched(),
              endToEnd);
      results.add(result);
      log.printf(
          Locale.ROOT,
          "%-12s n=%5d pairs=%7d published=%6d solver=%6d (%s s) assign.sh=%s (%s s) %s%n",
          result.name(),
          result.n(),
          result.pairs(),
          result.published(),
          result.solverCost(),
          BenchmarkReport.seconds(result.solverSeconds()),
          result.endToEndCost().toPlainString(),
          BenchmarkReport.seconds(result.endToEndSeconds()),
          result.exact() ? "exact" : "WRONG");
    }
    return results;
  }

  /** The report section for {@code results}. */
  public static String section(List<Result> results, String command) {
    StringBuilder s = new StringBuilder("## OR-Library assignment instances\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Machine: ").append(BenchmarkReport.machine()).append("\n\n");
    s.append(
        "Beasley's instances with their published optimal costs (`data/benchmarks/orlib`),"
            + " converted to pairs with score = -cost and capacity 1. *Solver* is"
            + " `MinCostFlowSolver` alone on the instance in memory; *assign.sh* is the whole"
            + " bring-your-own-scores path on the local Spark: CSV read and checked, blocks,"
            + " solve, output written (its first instance also pays for Spark warming up).\n\n");
    s.append(
        "| instance | n | pairs | published optimum | solver | solver s | assign.sh | assign.sh s |"
            + " exact |\n");
    s.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %s | %s | %s | %s |%n",
              r.name(),
              r.n(),
              r.pairs(),
              r.published(),
              r.solverCost(),
              BenchmarkReport.seconds(r.solverSeconds()),
              r.endToEndCost().toPlainString(),
              BenchmarkReport.seconds(r.endToEndSeconds()),
              r.exact() ? "yes" : "**no**"));
    }
    return s.toString();
  }
}
