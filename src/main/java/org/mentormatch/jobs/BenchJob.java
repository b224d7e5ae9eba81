package org.mentormatch.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.UserError;
import org.mentormatch.bench.BenchmarkReport;
import org.mentormatch.bench.BlockingQualityBenchmark;
import org.mentormatch.bench.EmbeddingSpeed;
import org.mentormatch.bench.OrLibraryBenchmark;
import org.mentormatch.bench.ParaphraseAblation;
import org.mentormatch.bench.ParaphraseBenchmark;
import org.mentormatch.bench.PhraseSimilarities;
import org.mentormatch.bench.SimilarityCalibration;
import org.mentormatch.config.MatchConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jobs/bench.sh}: benchmarks with a written report, never timed tests. */
@Command(
    name = "bench.sh",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a benchmark and writes its section of the report (docs/benchmarks.md by default).",
      "  orlib    certify the solver on the OR-Library table and time it",
      "  quality  clustered nightly assignment against the exact optimum on generated members",
      "  paraphrase  planted members whose goals are written in their own words",
      "  ablation  the paraphrase benchmark's members, the phrase similarity built up step by step",
      "  calibration  fit the phrase similarity on labelled pairs and measure it on held-out ones",
      "  embedding  phrases per second the sentence model embeds, per core and on every core"
    })
public final class BenchJob implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "BENCHMARK",
      description = "orlib, quality, paraphrase, ablation, calibration or embedding")
  String benchmark;

  @Option(
      names = "--members",
      description = "quality: generated members (default: ${DEFAULT-VALUE}).")
  int members = 20_000;

  @Option(
      names = "--seed",
      description = "quality, paraphrase, ablation: generator seed (default: ${DEFAULT-VALUE}).")
  long seed = 7;

  @Option(
      names = "--before",
      paramLabel = "FILE",
      description =
          "paraphrase: figures of an earlier run (its JSON) to report beside this one, labelled by"
              + " its 'label' field.")
  Path before;

  @Option(names = "--config", paramLabel = "FILE", description = "quality: settings file.")
  Path config;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Report to update (default: docs/benchmarks.md in the project).")
  Path report;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Commands.exit(new BenchJob(), args);
  }

  @Override
  public Integer call() {
    return Commands.run(
        "bench.sh",
        () -> {
          Path root = Path.of(System.getProperty("mentormatch.root", "."));
          Path out = report != null ? report : root.resolve("docs/benchmarks.md");
          Path work = Files.createTempDirectory("mentor-match-bench-");
          SparkSession spark = Sessions.open("mentor-match bench " + benchmark);
          try {
            switch (benchmark) {
              case "orlib" -> {
                List<OrLibraryBenchmark.Result> results =
                    OrLibraryBenchmark.run(
                        spark, root.resolve("data/benchmarks/orlib"), work, System.out);
                BenchmarkReport.replaceSection(
                    out, "orlib", OrLibraryBenchmark.section(results, "jobs/bench.sh orlib"));
                return results.stream().allMatch(OrLibraryBenchmark.Result::exact) ? 0 : 1;
              }
              case "quality" -> {
                MatchConfig c = loadConfig();
                BlockingQualityBenchmark.Result r =
                    BlockingQualityBenchmark.run(spark, members, seed, c, work, System.out);
                String command =
                    "jobs/bench.sh quality --members "
                        + members
                        + " --seed "
                        + seed
                        + (config == null ? "" : " --config " + config);
                BenchmarkReport.replaceSection(
                    out, "quality", BlockingQualityBenchmark.section(r, c, command));
                System.out.printf(
                    java.util.Locale.ROOT,
                    "score ratio %.4f, matched %d vs %d%n",
                    r.scoreRatio(),
                    r.clustered().matched(),
                    r.exact().matched());
                return 0;
              }
              case "paraphrase" -> {
                int n = 2000;
                ParaphraseBenchmark.Result r =
                    ParaphraseBenchmark.run(
                        spark,
                        root.resolve("data/benchmarks/paraphrase/topics.csv"),
                        n,
                        0.2,
                        seed,
                        (file, home) ->
                            MatchJob.run(
                                spark,
                                new MatchJob.Options(
                                    file.toString(),
                                    home.toString(),
                                    ParaphraseBenchmark.RUN_ID,
                                    null)),
                        PhraseSimilarities.current(),
                        work,
                        System.out);
                String command = "jobs/bench.sh paraphrase --seed " + seed;
                Map<String, Object> earlier = null;
                if (before != null) {
                  earlier =
                      new ObjectMapper()
                          .readValue(
                              Files.readString(before, StandardCharsets.UTF_8),
                              new TypeReference<Map<String, Object>>() {});
                }
                BenchmarkReport.replaceSection(
                    out, "paraphrase", ParaphraseBenchmark.section(r, earlier, command));
                Path figures = out.resolveSibling("paraphrase.json");
                Files.writeString(
                    figures, ParaphraseBenchmark.json(r, command), StandardCharsets.UTF_8);
                System.out.printf(
                    java.util.Locale.ROOT,
                    "matched %.1f%%, in topic %.1f%%, phrase top-1 %.1f%%; figures in %s%n",
                    100 * r.matchedShare(),
                    100 * r.inTopicShare(),
                    100 * r.top1Share(),
                    figures);
                return 0;
              }
              case "ablation" -> {
                List<ParaphraseAblation.Step> steps =
                    ParaphraseAblation.run(
                        root.resolve("data/benchmarks/paraphrase/topics.csv"),
                        root.resolve("data/calibration/phrases.csv"),
                        seed);
                BenchmarkReport.replaceSection(
                    out,
                    "ablation",
                    ParaphraseAblation.section(steps, "jobs/bench.sh ablation --seed " + seed));
                for (ParaphraseAblation.Step st : steps) {
                  System.out.printf(
                      java.util.Locale.ROOT,
                      "%-64s best in topic %.1f%%, assigned %d, in topic %d%n",
                      st.name(),
                      100 * st.bestInTopic(),
                      st.assigned(),
                      st.assignedInTopic());
                }
                return 0;
              }
              case "calibration" -> {
                SimilarityCalibration.Result r =
                    SimilarityCalibration.run(root.resolve("data/calibration/phrases.csv"));
                BenchmarkReport.replaceSection(
                    out,
                    "calibration",
                    SimilarityCalibration.section(r, "jobs/bench.sh calibration"));
                System.out.printf(
                    java.util.Locale.ROOT,
                    "fitted: cosine counts from %.2f, certain from %.2f; holdout top-1 %d of %d%n",
                    r.fit().cosineCounts(),
                    r.fit().cosineCertain(),
                    r.holdout().top1Right(),
                    r.holdout().goals());
                return 0;
              }
              case "embedding" -> {
                int cores = Runtime.getRuntime().availableProcessors();
                String load =
                    String.format(
                        java.util.Locale.ROOT,
                        "%.1f",
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
                EmbeddingSpeed.Result r =
                    EmbeddingSpeed.run(EmbeddingSpeed.phrases(members, seed, 5000), cores);
                BenchmarkReport.replaceSection(
                    out,
                    "embedding",
                    EmbeddingSpeed.section(
                        r, "jobs/bench.sh embedding --members " + members, load));
                System.out.printf(
                    java.util.Locale.ROOT,
                    "%d phrases: %.0f/s on one thread, %.0f/s on %d%n",
                    r.phrases(),
                    r.oneThread(),
                    r.allThreads(),
                    r.threads());
                return 0;
              }
              default ->
                  throw new UserError(
                      "unknown benchmark '"
                          + benchmark
                          + "': use orlib, quality, paraphrase, ablation, calibration or embedding.");
            }
          } finally {
            spark.stop();
            System.out.println("report: " + out);
          }
        });
  }

  private MatchConfig loadConfig() throws IOException {
    if (config == null) {
      return MatchConfig.defaults();
    }
    try (Reader r = new InputStreamReader(Files.newInputStream(config), StandardCharsets.UTF_8)) {
      return MatchConfig.parse(r, config.toString());
    }
  }
}
