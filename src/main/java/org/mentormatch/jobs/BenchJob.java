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
import org.mentormatch.bench.ScaleBenchmark;
import org.mentormatch.bench.ScaleRuns;
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
      "  embedding  phrases per second the sentence model embeds, per core and on every core",
      "  scale    the floor, the nightly job (first and warm night) and the naive job at given"
          + " sizes, with the search's recall",
      "  floor, recall, naive  one measurement of scale, on --members-file (run by scale)"
    })
public final class BenchJob implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "BENCHMARK",
      description = "orlib, quality, paraphrase, ablation, calibration, embedding or scale")
  String benchmark;

  @Option(
      names = "--sizes",
      split = ",",
      description = "scale: members of each size (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes = List.of(500, 10_000, 100_000, 1_000_000);

  @Option(
      names = "--naive-sizes",
      paramLabel = "N,N...",
      description =
          "scale: members for the naive job, comma-separated; none if empty (\"\") (default:"
              + " ${DEFAULT-VALUE}).")
  String naiveSizes = "20000,50000";

  /** The member counts {@code text} lists, comma-separated; none when it is empty. */
  static List<Integer> sizesOf(String option, String text) {
    if (text.isBlank()) {
      return List.of();
    }
    List<Integer> sizes = new java.util.ArrayList<>();
    for (String part : text.split(",", -1)) {
      try {
        sizes.add(Integer.parseInt(part.strip()));
      } catch (NumberFormatException e) {
        throw new UserError(
            option
                + " takes member counts separated by commas: '"
                + part.strip()
                + "' is not one.");
      }
    }
    return List.copyOf(sizes);
  }

  @Option(
      names = "--naive-minutes",
      description = "scale: minutes the naive job may run (default: ${DEFAULT-VALUE}).")
  int naiveMinutes = 30;

  @Option(
      names = "--sample",
      description = "scale, recall: mentees sampled for recall (default: ${DEFAULT-VALUE}).")
  int sample = 1_000;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description =
          "scale: directory for generated files and homes (default: a new temporary one).")
  Path workDir;

  @Option(
      names = "--members-file",
      paramLabel = "FILE",
      description = "floor, recall, naive: the members CSV.")
  String membersFile;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "recall, naive: a home whose embedding cache to use (default: none).")
  String homeDir;

  @Option(names = "--out", paramLabel = "DIR", description = "floor: where the Avro goes.")
  String outDir;

  @Option(
      names = "--json",
      paramLabel = "FILE",
      description = "scale, recall, naive: where the figures go as JSON.")
  Path json;

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
          if (benchmark.equals("scale")) {
            return scale(root, out);
          }
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
                    "score ratio search %.4f, clustered %.4f; matched %d, %d vs %d%n",
                    r.searchedRatio(),
                    r.scoreRatio(),
                    r.searched().matched(),
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
              case "floor" -> {
                ScaleRuns.floor(
                    spark, required(membersFile, "--members-file"), required(outDir, "--out"));
                return 0;
              }
              case "recall" -> {
                ScaleBenchmark.write(
                    ScaleRuns.recall(
                        spark,
                        required(membersFile, "--members-file"),
                        homeDir,
                        loadConfig(),
                        sample,
                        seed),
                    required(json, "--json"));
                return 0;
              }
              case "naive" -> {
                ScaleRuns.naive(
                    spark,
                    required(membersFile, "--members-file"),
                    homeDir,
                    loadConfig(),
                    required(json, "--json"),
                    System.out);
                return 0;
              }
              default ->
                  throw new UserError(
                      "unknown benchmark '"
                          + benchmark
                          + "': use orlib, quality, paraphrase, ablation, calibration, embedding or scale.");
            }
          } finally {
            spark.stop();
            if (!List.of("floor", "recall", "naive").contains(benchmark)) {
              System.out.println("report: " + out);
            }
          }
        });
  }

  private static <T> T required(T value, String option) {
    if (value == null) {
      throw new UserError("this benchmark needs " + option + ".");
    }
    return value;
  }

  private int scale(Path root, Path out) throws IOException {
    Path work = workDir != null ? workDir : Files.createTempDirectory("mentor-match-scale-");
    Files.createDirectories(work);
    List<Integer> naive = sizesOf("--naive-sizes", naiveSizes);
    ScaleBenchmark.Options o =
        new ScaleBenchmark.Options(sizes, naive, naiveMinutes, sample, seed, root, work);
    Map<String, Object> figures = ScaleBenchmark.run(o, System.out);
    String command =
        "jobs/bench.sh scale --sizes "
            + join(sizes)
            + " --naive-sizes "
            + join(naive)
            + " --naive-minutes "
            + naiveMinutes
            + " --sample "
            + sample
            + " --seed "
            + seed;
    figures.put("command", command);
    Path figuresFile = json != null ? json : out.resolveSibling("scale.json");
    ScaleBenchmark.write(figures, figuresFile);
    BenchmarkReport.replaceSection(out, "scale", ScaleBenchmark.section(figures, command));
    System.out.println("figures: " + figuresFile + "; work files in " + work);
    System.out.println("report: " + out);
    return 0;
  }

  private static String join(List<Integer> values) {
    return values.isEmpty()
        ? "\"\""
        : String.join(",", values.stream().map(String::valueOf).toList());
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
