package org.mentormatch.bench;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.Columns;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.candidates.CandidatePairs;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.io.EmbeddingCache;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.TextLines;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;
import org.mentormatch.search.MentorIndex;
import org.mentormatch.search.TopMentors;

/**
 * The measurements {@link ScaleBenchmark} runs in processes of their own: the floor, the recall of
 * the search, and the naive job.
 */
public final class ScaleRuns {
  private ScaleRuns() {}

  /** The floor: read the members CSV with Spark's own reader and write every row as Avro. */
  public static void floor(SparkSession spark, String members, String out) {
    spark
        .read()
        .option("header", "true")
        .csv(members)
        .write()
        .mode(SaveMode.Overwrite)
        .format("avro")
        .save(out);
  }

  private static MatchPipeline pipeline(SparkSession spark, MatchConfig config) {
    return new MatchPipeline(
        spark,
        config,
        Taxonomy.builtIn(),
        PhraseEmbedder.shipped(),
        new MinCostFlowSolver(),
        new StageClock());
  }

  private static MatchPipeline.Prepared prepare(
      SparkSession spark, MatchPipeline pipeline, MatchConfig config, String members, String home)
      throws IOException {
    FileStore files = new FileStore(spark.sparkContext().hadoopConfiguration());
    Dataset<Row> known = MemberFeatures.noEmbeddings(spark);
    if (home != null) {
      // A home's cache, so the measure embeds only what the nights did not.
      known =
          EmbeddingCache.read(
                  spark,
                  files,
                  Home.at(home),
                  PhraseEmbedder.shipped().identity(),
                  PhraseEmbedder.DIMENSIONS)
              .embeddings();
    }
    Path file = Path.of(members);
    int partitions = config.engine().partitionsFor(Files.size(file));
    spark.conf().set("spark.sql.shuffle.partitions", partitions);
    JavaRDD<String> lines =
        TextLines.read(
            spark, files, new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()), partitions);
    return pipeline.prepare(lines, members, partitions, LocalDate.of(2026, 12, 1), known);
  }

  /** The search's recall on about {@code sample} mentees (see {@link SearchRecall}). */
  public static Map<String, Object> recall(
      SparkSession spark, String members, String home, MatchConfig config, int sample, long seed)
      throws IOException {
    MatchPipeline pipeline = pipeline(spark, config);
    MatchPipeline.Prepared prepared = prepare(spark, pipeline, config, members, home);
    Dataset<Row> profiles = prepared.profiles();
    Dataset<Row> queries = TopMentors.queries(profiles, pipeline.noDeclinedPairs());
    Broadcast<MentorIndex> index =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(TopMentors.index(profiles));
    long start = System.nanoTime();
    SearchRecall.Figures f =
        SearchRecall.measure(
            SearchRecall.stratifiedSample(queries, profiles, sample, seed).localCheckpoint(),
            index,
            pipeline.similarity(),
            config,
            MatchPipeline.searchDepth(config));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("mentees", f.mentees());
    out.put("k", f.k());
    out.put("exhaustive_pairs", f.exhaustivePairs());
    out.put("mean_recall", f.meanRecall());
    out.put("min_recall", f.minRecall());
    out.put("whole_share", f.wholeShare());
    out.put("seconds", (System.nanoTime() - start) / 1e9);
    return out;
  }

  /**
   * The job a Spark user writes first: every mentee crossed with every mentor, the hard rules and
   * the score on every pair, the fitting pairs ranked, and a greedy pick (best pair first, while
   * the mentee is free and the mentor has a place). Writes its figures to {@code json} as it goes,
   * so a run stopped at its cap still says how far it got.
   */
  public static void naive(
      SparkSession spark,
      String members,
      String home,
      MatchConfig config,
      Path json,
      PrintStream log)
      throws IOException {
    Map<String, Object> figures = new LinkedHashMap<>();
    long start = System.nanoTime();
    MatchPipeline pipeline = pipeline(spark, config);
    MatchPipeline.Prepared prepared = prepare(spark, pipeline, config, members, home);
    Dataset<Row> profiles = prepared.profiles();
    figures.put("prepared_seconds", (System.nanoTime() - start) / 1e9);
    ScaleBenchmark.write(figures, json);
    Dataset<Row> every =
        CandidatePairs.withRules(
            profiles
                .filter(col(Columns.IS_MENTEE))
                .select(col(Columns.MEMBER_ID).as(Columns.MENTEE_ID))
                .crossJoin(
                    profiles
                        .filter(col(Columns.IS_MENTOR))
                        .select(col(Columns.MEMBER_ID).as(Columns.MENTOR_ID))),
            profiles,
            pipeline.rules(),
            pipeline.noDeclinedPairs());
    Dataset<Row> fitting =
        pipeline
            .score(every, profiles, prepared.phrasePairs())
            .filter(
                col(CandidatePairs.ALLOWED).and(pipeline.topical()).and(pipeline.reachesMinScore()))
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID, Columns.SCORE)
            .orderBy(col(Columns.SCORE).desc(), col(Columns.MENTEE_ID), col(Columns.MENTOR_ID));
    Map<String, Integer> places = new HashMap<>();
    for (Row r : pipeline.freeCapacity(profiles).collectAsList()) {
      places.put(r.getString(0), r.getInt(1));
    }
    Set<String> matched = new java.util.HashSet<>();
    double total = 0;
    long pairs = 0;
    Iterator<Row> it = fitting.toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      pairs++;
      String mentee = r.getString(0);
      String mentor = r.getString(1);
      if (!matched.contains(mentee) && places.getOrDefault(mentor, 0) > 0) {
        matched.add(mentee);
        places.merge(mentor, -1, Integer::sum);
        total += r.getDouble(2);
      }
    }
    figures.put("fitting_pairs", pairs);
    figures.put("matched", matched.size());
    figures.put("total_score", Math.round(total * 1e6) / 1e6);
    figures.put("job_seconds", (System.nanoTime() - start) / 1e9);
    ScaleBenchmark.write(figures, json);
    log.printf("naive: %d matched, total score %.3f%n", matched.size(), total);
  }
}
