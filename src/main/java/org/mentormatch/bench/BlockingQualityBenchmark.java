package org.mentormatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.Columns;
import org.mentormatch.assignment.ExactAssignment;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.candidates.CandidatePairs;
import org.mentormatch.candidates.ExactCandidates;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.TextLines;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;
import org.mentormatch.search.MentorIndex;
import org.mentormatch.search.TopMentors;
import org.mentormatch.tools.MemberGenerator;

/**
 * What clustering costs in quality: the nightly job's assignment (candidates from the nearest topic
 * clusters, each mentee's best {@code assignment.max_candidates_per_mentee}) against the exact
 * optimum over every allowed pair (no clustering, no cap), on generated members, with the same
 * features, rules, scores and solver.
 */
public final class BlockingQualityBenchmark {
  private BlockingQualityBenchmark() {}

  /** One side of the comparison, with the seconds of its candidates, scoring and assignment. */
  public record Side(
      long candidatePairs,
      long fittingPairs,
      long matched,
      double totalScore,
      long blocks,
      long largestBlock,
      double candidateSeconds,
      double scoringSeconds,
      double assignmentSeconds) {
    /** All three stages. */
    public double seconds() {
      return candidateSeconds + scoringSeconds + assignmentSeconds;
    }
  }

  /** The comparison. */
  public record Result(
      int members,
      long seed,
      long mentees,
      long mentors,
      int k,
      Side searched,
      Side clustered,
      Side exact) {
    /** Clustered total score as a share of the exact one. */
    public double scoreRatio() {
      return ratio(clustered);
    }

    /** The nightly search's total score as a share of the exact one. */
    public double searchedRatio() {
      return ratio(searched);
    }

    private double ratio(Side side) {
      return exact.totalScore() == 0 ? 1 : side.totalScore() / exact.totalScore();
    }
  }

  /** Generates {@code members} members into {@code work} and compares the two assignments. */
  public static Result run(
      SparkSession spark, int members, long seed, MatchConfig config, Path work, PrintStream log)
      throws IOException {
    Path file = work.resolve("members-" + members + "-" + seed + ".csv");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      MemberGenerator.write(
          new MemberGenerator.Options(members, seed, false, MemberGenerator.HeaderOrder.CONTRACT),
          w);
    }
    int partitions = config.engine().partitionsFor(Files.size(file));
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    JavaRDD<String> lines =
        TextLines.read(
            spark,
            new FileStore(spark.sparkContext().hadoopConfiguration()),
            new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()),
            partitions);
    MatchPipeline pipeline =
        new MatchPipeline(
            spark,
            config,
            Taxonomy.builtIn(),
            PhraseEmbedder.shipped(),
            new MinCostFlowSolver(),
            new StageClock());
    MatchPipeline.Prepared prepared =
        pipeline.prepare(
            lines,
            file.toString(),
            partitions,
            LocalDate.of(2026, 11, 21),
            MemberFeatures.noEmbeddings(spark));
    Dataset<Row> profiles = prepared.profiles();
    Dataset<Row> capacity = pipeline.freeCapacity(profiles);
    // The phrase-pair table is built before the clocks start, as the clustered path's clusters
    // stage builds it: each side below is timed on finding and assigning pairs (the search
    // compares goals with skills as it walks, so its side includes that work).
    prepared.phrasePairs().count();

    // The nightly default (engine.exact_search): each mentee's best fitting mentors, searched.
    long start = System.nanoTime();
    Dataset<Row> queries =
        TopMentors.queries(profiles, pipeline.noDeclinedPairs()).localCheckpoint();
    Broadcast<MentorIndex> index =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(TopMentors.index(profiles));
    Dataset<Row> best =
        TopMentors.best(
                queries, index, pipeline.similarity(), config, MatchPipeline.searchDepth(config))
            .localCheckpoint();
    Side searched =
        side(
            pipeline,
            best,
            UnaryOperator.identity(), // the search keeps only allowed, fitting, scored pairs
            false,
            capacity,
            config.assignment().maxCandidatesPerMentee(),
            start);
    log.printf(Locale.ROOT, "searched:  %s%n", searched);

    start = System.nanoTime();
    Dataset<Row> clusteredPairs = pipeline.candidates(profiles, pipeline.noDeclinedPairs());
    // The nightly job scores every candidate: unmatched mentees' reasons need it.
    Side clustered =
        side(
            pipeline,
            clusteredPairs,
            pairs -> pipeline.score(pairs, profiles, prepared.phrasePairs()),
            true,
            capacity,
            config.assignment().maxCandidatesPerMentee(),
            start);
    log.printf(Locale.ROOT, "clustered: %s%n", clustered);

    start = System.nanoTime();
    Dataset<Row> allPairs =
        ExactCandidates.generate(
                profiles, pipeline.rules(), pipeline.noDeclinedPairs(), prepared.phrasePairs())
            .localCheckpoint();
    // Only allowed pairs can be assigned, so only those are scored here.
    Side exact =
        side(
            pipeline,
            allPairs,
            pairs ->
                pipeline.score(
                    pairs.filter(col(CandidatePairs.ALLOWED)), profiles, prepared.phrasePairs()),
            true,
            capacity,
            Integer.MAX_VALUE,
            start);
    log.printf(Locale.ROOT, "exact:     %s%n", exact);

    return new Result(
        members,
        seed,
        ((Number) prepared.figures().get("mentees_in_programme")).longValue(),
        ((Number) prepared.figures().get("mentors_in_programme")).longValue(),
        ((Number) prepared.figures().get("clusters")).intValue(),
        searched,
        clustered,
        exact);
  }

  private static Side side(
      MatchPipeline pipeline,
      Dataset<Row> pairs,
      UnaryOperator<Dataset<Row>> score,
      boolean filter,
      Dataset<Row> capacity,
      int perMentee,
      long start) {
    long pairCount = pairs.count();
    long scoring = System.nanoTime();
    Dataset<Row> scored = score.apply(pairs);
    Dataset<Row> fitting =
        filter
            ? scored.filter(
                col(CandidatePairs.ALLOWED).and(pipeline.topical()).and(pipeline.reachesMinScore()))
            : scored;
    long fittingCount = fitting.count();
    long assignment = System.nanoTime();
    ExactAssignment.Result a = pipeline.assign(fitting, capacity, perMentee);
    Row totals =
        a.chosen().agg(count(lit(1)).as("matched"), sum(col(Columns.SCORE)).as("total")).first();
    long end = System.nanoTime();
    return new Side(
        pairCount,
        fittingCount,
        totals.<Long>getAs("matched"),
        totals.isNullAt(totals.fieldIndex("total")) ? 0 : totals.<Double>getAs("total"),
        a.blocks(),
        a.largestBlock(),
        (scoring - start) / 1e9,
        (assignment - scoring) / 1e9,
        (end - assignment) / 1e9);
  }

  /** The report section for {@code r}. */
  public static String section(Result r, MatchConfig config, String command) {
    StringBuilder s =
        new StringBuilder(
            "## Blocking quality: the nightly search and clusters against the exact optimum\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Machine: ").append(BenchmarkReport.machine()).append("\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "%d generated members (`MemberGenerator`, seed %d, no broken rows): %d eligible"
                + " mentees and %d mentors, so %d possible pairs; k = %d topic clusters. Both"
                + " sides use the same features, hard rules, scores, minimums and exact solver;"
                + " they differ only in which pairs they consider.%n%n"
                + "- *Search* is the nightly job (`engine.exact_search`, the default): each"
                + " mentee's %d best fitting mentors, found from the phrase-pair table without"
                + " scoring every pair, go to the assignment.%n"
                + "- *Clustered* is the earlier path (`engine.exact_search = false`): a mentor is filed under the cluster nearest"
                + " their skills and the cluster nearest each skill phrase; a mentee searches the"
                + " 1 + `clusters.neighbours` (%d) clusters nearest their goals and the cluster"
                + " nearest each goal phrase; the assignment takes each mentee's best %d fitting"
                + " mentors. It scores every candidate, allowed or not, because unmatched"
                + " mentees' reasons need that.%n"
                + "- *Exact* considers every pair in which some goal phrase and some skill phrase"
                + " are at least `score.min_phrase_similarity` alike: every pair with any coverage,"
                + " hence every allowed pair the assignment could use (checked against all pairs"
                + " in `ExactCandidatesIT`). It scores only the allowed ones, and caps nothing.%n%n"
                + "Times cover candidates, scoring and assignment; ingest, features and clustering"
                + " are shared and not counted.%n%n",
            r.members(),
            r.seed(),
            r.mentees(),
            r.mentors(),
            r.mentees() * r.mentors(),
            r.k(),
            config.assignment().maxCandidatesPerMentee(),
            config.clusters().neighbours(),
            config.assignment().maxCandidatesPerMentee()));
    List<Side> sides = List.of(r.searched(), r.clustered(), r.exact());
    s.append(
        "| | search (nightly) | clustered (earlier path) | exact (all allowed pairs) |\n"
            + "|---|---|---|---|\n");
    row(s, "pairs considered", sides, Side::candidatePairs);
    row(s, "pairs that fit (allowed, coverage and score minimums)", sides, Side::fittingPairs);
    row(s, "mentees matched", sides, Side::matched);
    row(s, "total score", sides, x -> String.format(Locale.ROOT, "%.3f", x.totalScore()));
    row(s, "blocks (largest, pairs)", sides, x -> x.blocks() + " (" + x.largestBlock() + ")");
    row(
        s,
        "seconds: candidates + scoring + assignment",
        sides,
        x ->
            BenchmarkReport.seconds(x.candidateSeconds())
                + " + "
                + BenchmarkReport.seconds(x.scoringSeconds())
                + " + "
                + BenchmarkReport.seconds(x.assignmentSeconds())
                + " = "
                + BenchmarkReport.seconds(x.seconds()));
    s.append("\n");
    s.append(
        String.format(
            Locale.ROOT,
            "Total score ratio search / exact: **%.2f%%** (target >= 99.5%%); mentees matched: %d"
                + " of the exact %d.%n%n",
            100 * r.searchedRatio(),
            r.searched().matched(),
            r.exact().matched()));
    long lost = r.exact().matched() - r.clustered().matched();
    s.append(
        String.format(
            Locale.ROOT,
            "Total score ratio clustered / exact: **%.2f%%** (target >= 99.5%%). Mentees matched:"
                + " %s.%n",
            100 * r.scoreRatio(),
            lost == 0
                ? "equal"
                : lost
                    + " fewer with clustering ("
                    + String.format(
                        Locale.ROOT, "%.2f%%", 100.0 * lost / Math.max(1, r.exact().matched()))
                    + ")"));
    return s.toString();
  }

  private static void row(
      StringBuilder s, String name, List<Side> sides, java.util.function.Function<Side, ?> value) {
    s.append("| ").append(name);
    for (Side side : sides) {
      s.append(" | ").append(value.apply(side));
    }
    s.append(" |\n");
  }
}
