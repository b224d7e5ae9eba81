package org.mentormatch.jobs;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.Columns;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.assignment.AssignmentSolver;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.config.Setting;
import org.mentormatch.decisions.History;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.io.EmbeddingCache;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.HistoryReader;
import org.mentormatch.io.Home;
import org.mentormatch.io.HomeLock;
import org.mentormatch.io.KeptListStore;
import org.mentormatch.io.Locations;
import org.mentormatch.io.RunCheckpoints;
import org.mentormatch.io.RunOutputs;
import org.mentormatch.io.RunWriter;
import org.mentormatch.io.TextLines;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;
import org.mentormatch.review.ReportBuilder;
import org.mentormatch.review.ReportData;
import org.mentormatch.review.ReportJson;
import org.mentormatch.review.ReportPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/match.sh}: the nightly match of a members CSV into pending, explained proposals. */
@Command(
    name = "match.sh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Reads a members CSV, clusters members by goals and skills, scores allowed mentee-mentor"
          + " pairs and assigns mentors within their capacity. Writes the run to"
          + " <home>/runs/<run-id>/: proposals (Avro, all PENDING), review.csv, unmatched.csv,"
          + " rejected-rows.csv, excluded.csv, summary.json, then _SUCCESS. Nobody is contacted:"
          + " a coordinator decides with decide.sh.",
      "Spark options: --master URL and --conf key=value are passed to spark-submit."
    })
public final class MatchJob implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger("mentor-match");

  @Option(
      names = "--members",
      paramLabel = "FILE",
      description = "Members CSV (default: data/sample/members.csv in the project).")
  String members = ProjectPaths.resolve("data/sample/members.csv");

  @Mixin HomeOption home;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "Run id (default: today's UTC date, YYYY-MM-DD).")
  String runId;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Settings file (properties); see --settings.")
  String configFile;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "The date of the run, YYYY-MM-DD: time-zone offsets, proposal expiry and what has"
              + " expired are taken at it (default: the date the run id starts with, else today"
              + " in UTC).")
  String asOfDate;

  @Option(
      names = "--settings",
      description = "List every setting with its meaning, rule and default, and exit.")
  boolean listSettings;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Commands.exit(new MatchJob(), args);
  }

  @Override
  public Integer call() {
    return Commands.run(
        "match.sh",
        () -> {
          if (listSettings) {
            System.out.print(settingsText());
            return 0;
          }
          String id = runId == null ? today() : runId;
          Options options =
              new Options(members, home.dir, RunId.of(id), configFile, asOf(id, asOfDate));
          try (Sessions.CommandSession session = Sessions.open("mentor-match", home.dir)) {
            run(session.spark(), options);
            return 0;
          }
        });
  }

  /**
   * What one match run reads and where it writes; {@code asOf} is the date of the run (see {@code
   * --as-of}).
   */
  public record Options(
      String members, String home, RunId runId, String configFile, LocalDate asOf) {
    /** A run dated by its run id (see {@link MatchJob#asOf}). */
    public Options(String members, String home, String runId, String configFile) {
      this(members, home, RunId.of(runId), configFile, MatchJob.asOf(runId, null));
    }
  }

  /** Runs the match and publishes the run; returns the summary written. */
  public static Map<String, Object> run(SparkSession spark, Options options) throws IOException {
    FileStore files = new FileStore(spark.sparkContext().hadoopConfiguration());
    MatchConfig config = loadConfig(files, options.configFile());
    Taxonomy taxonomy = Taxonomy.builtIn();
    if (!config.features().taxonomyFile().isEmpty()) {
      Path extra = Locations.of("features.taxonomy", config.features().taxonomyFile());
      try (Reader r = files.openText(extra)) {
        taxonomy = taxonomy.extendedWith(r, extra.toString());
      } catch (java.io.FileNotFoundException e) {
        throw new UserError("features.taxonomy names " + extra + ", which does not exist.");
      }
    }
    Path membersPath = Locations.of("--members", options.members());
    if (!files.exists(membersPath)) {
      throw new UserError(
          "the members file "
              + options.members()
              + " does not exist. Pass --members FILE (a local path or Hadoop URI).");
    }

    Home programme = Home.at(options.home());
    try (HomeLock lock =
        HomeLock.acquire(files, programme, "match.sh --run-id " + options.runId())) {
      for (String repaired : lock.recovered()) {
        LOG.info("recovered: {}", repaired);
      }
      RunCheckpoints checkpoints =
          RunCheckpoints.open(spark.sparkContext(), files, programme, options.runId());
      try {
        return runLocked(spark, options, files, config, taxonomy, membersPath, programme);
      } finally {
        checkpoints.close();
      }
    }
  }

  /** The run itself, while this command holds the home's lock. */
  private static Map<String, Object> runLocked(
      SparkSession spark,
      Options options,
      FileStore files,
      MatchConfig config,
      Taxonomy taxonomy,
      Path membersPath,
      Home programme)
      throws IOException {
    RunWriter.refuseLinkedRun(files, programme, options.runId());
    History.Files history = HistoryReader.read(spark, files, programme, options.runId());
    long decidedHere =
        history.decisions().filter(col("run_id").equalTo(options.runId().value())).count();
    if (decidedHere > 0) {
      throw new UserError(
          "run "
              + options.runId()
              + " already has "
              + decidedHere
              + " coordinator decision(s) in "
              + programme.ledger()
              + "; running it again would replace the proposals they refer to. Use a new"
              + " --run-id (the default is today's date).");
    }

    StageClock clock = new StageClock();
    clock.countJobsOf(spark.sparkContext());
    try {
      return runStages(
          spark, options, files, programme, history, config, taxonomy, membersPath, clock);
    } finally {
      clock.stopCounting(spark.sparkContext());
    }
  }

  /** The stages and the writing of the run, timed by {@code clock}. */
  private static Map<String, Object> runStages(
      SparkSession spark,
      Options options,
      FileStore files,
      Home programme,
      History.Files history,
      MatchConfig config,
      Taxonomy taxonomy,
      Path membersPath,
      StageClock clock)
      throws IOException {
    AssignmentSolver solver = new MinCostFlowSolver();
    PhraseEmbedder embedder = PhraseEmbedder.shipped();
    EmbeddingCache.Contents cache =
        EmbeddingCache.read(
            spark, files, programme, embedder.identity(), PhraseEmbedder.DIMENSIONS);
    for (String problem : cache.problems()) {
      LOG.info("{}", problem);
    }
    KeptListStore.refuseLinks(files, programme);
    MatchPipeline pipeline = new MatchPipeline(spark, config, taxonomy, embedder, solver, clock);
    int partitions = config.engine().partitionsFor(files.length(membersPath));
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    JavaRDD<String> lines = TextLines.read(spark, files, membersPath, partitions);
    MatchPipeline.Outcome outcome =
        pipeline.run(
            lines,
            options.members(),
            partitions,
            options.runId().value(),
            options.asOf(),
            history,
            cache.embeddings(),
            new KeptListStore(spark, files, programme, line -> LOG.info("{}", line)));
    // The new embeddings are kept whatever becomes of the run: they are right either way.
    EmbeddingCache.append(
        files,
        programme,
        embedder.identity(),
        PhraseEmbedder.DIMENSIONS,
        outcome.embedded().orderBy(Columns.PHRASE_KEY).toLocalIterator());
    EmbeddingCache.delete(files, cache.damaged());

    RunWriter run = RunWriter.begin(files, programme, options.runId());
    try {
      long proposals =
          RunOutputs.writeProposals(
              run, options.runId().value(), outcome.proposals().toLocalIterator());
      long unmatched = RunOutputs.writeUnmatched(run, outcome.unmatched().toLocalIterator());
      RunOutputs.writeRejected(run, outcome.rejected().toLocalIterator());
      RunOutputs.writeExcluded(run, outcome.excluded().toLocalIterator());
      List<String> withdrawn =
          outcome.withdrawn().select("proposal_id").as(Encoders.STRING()).collectAsList();
      RunOutputs.writeWithdrawn(run, outcome.withdrawn().toLocalIterator());
      clock.end(
          "write",
          String.format(
              "%d proposals, %d unmatched, rejected and excluded rows, withdrawals written",
              proposals, unmatched));
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("run_id", options.runId().value());
      summary.put("as_of", options.asOf().toString());
      summary.put("members_file", options.members());
      summary.putAll(outcome.figures());
      summary.put("unmatched", unmatched);
      summary.put("withdrawn_proposals", withdrawn);
      summary.put("settings", config.effectiveValues());
      ReportData report =
          ReportBuilder.build(
              options.runId().value(),
              outcome.proposals(),
              outcome.unmatched(),
              outcome.eligibleMentees(),
              ReportBuilder.figures(summary));
      RunOutputs.writeReport(run, ReportPage.render(report));
      RunOutputs.writeReportData(run, ReportJson.write(report));
      clock.end("report", "report.html: proposals, unmatched, score histogram, fairness tables");
      summary.put("stage_seconds", rounded(clock.seconds()));
      RunOutputs.writeSummary(run, summary);
      run.commit();
      LOG.info(
          "run {} written to {}: open report.html or review.csv there, then"
              + " jobs/decide.sh --run-id {} --decisions FILE --coordinator ID",
          options.runId(),
          programme.run(options.runId()),
          options.runId());
      return summary;
    } finally {
      run.abort();
    }
  }

  private static MatchConfig loadConfig(FileStore files, String configFile) throws IOException {
    if (configFile == null) {
      return MatchConfig.defaults();
    }
    Path path = Locations.of("--config", configFile);
    if (!files.exists(path)) {
      throw new UserError("the config file " + configFile + " does not exist.");
    }
    try (Reader r = files.openText(path)) {
      return MatchConfig.parse(r, configFile);
    }
  }

  /**
   * The date of a run: {@code given} if set, else the date the run id starts with ({@code
   * 2026-11-21}, {@code 2026-11-21-rerun}), else today in UTC. Dated run ids make a re-run give the
   * same bytes on any day.
   */
  static LocalDate asOf(String runId, String given) {
    String date = given != null ? given : runId.length() >= 10 ? runId.substring(0, 10) : "";
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException e) {
      if (given != null) {
        throw new UserError("--as-of '" + given + "' is not a date of the form YYYY-MM-DD.");
      }
      return LocalDate.now(ZoneOffset.UTC);
    }
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  private static Map<String, Double> rounded(Map<String, Double> seconds) {
    Map<String, Double> out = new LinkedHashMap<>();
    seconds.forEach((k, v) -> out.put(k, Math.round(v * 100) / 100.0));
    return out;
  }

  /** Every setting as a commented properties file, defaults filled in. */
  public static String settingsText() {
    StringBuilder out =
        new StringBuilder("# mentor-match settings: every key, its meaning, rule and default.\n");
    for (Setting<?> s : MatchConfig.settings()) {
      out.append("\n# ").append(s.meaning()).append("\n# Must be ").append(s.rule()).append(".\n");
      out.append(s.key()).append(" = ").append(s.defaultText()).append('\n');
    }
    return out.toString();
  }
}
