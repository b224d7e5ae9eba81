package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentormatch.Columns;
import org.mentormatch.SampleRun;
import org.mentormatch.SparkTestSession;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * The phrase-pair table and the benchmark's exhaustive baseline are exact: on the sample, the table
 * holds exactly the goal-skill phrase pairs whose similarity reaches the minimum, the pairs the
 * baseline finds with any coverage are exactly those of every mentee scored against every mentor,
 * and the nightly clusters find a subset of them whose assignment comes within 1% of the exact
 * optimum (the quality benchmark measures the same at 20,000 members).
 */
class ExactCandidatesIT {
  static MatchPipeline pipeline;
  static Dataset<Row> profiles;
  static Dataset<Row> phrasePairs;
  static MatchConfig config = MatchConfig.defaults();

  @BeforeAll
  static void prepareTheSample() {
    pipeline =
        new MatchPipeline(
            SparkTestSession.get(),
            config,
            Taxonomy.builtIn(),
            PhraseEmbedder.shipped(),
            new MinCostFlowSolver(),
            new StageClock());
    MatchPipeline.Prepared prepared =
        pipeline.prepare(
            JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                .textFile(SampleRun.SAMPLE.toAbsolutePath().toUri().toString(), 2),
            SampleRun.SAMPLE.toString(),
            2,
            LocalDate.of(2026, 11, 21),
            MemberFeatures.noEmbeddings(SparkTestSession.get()));
    profiles = prepared.profiles();
    phrasePairs = prepared.phrasePairs();
  }

  private static List<PhraseSimilarity.Phrase> phrases(String role, String column) {
    List<PhraseSimilarity.Phrase> out = new ArrayList<>();
    for (Row r :
        profiles
            .filter(col(role))
            .select(explode(col(column)).as("p"))
            .select("p.*")
            .dropDuplicates(Columns.PHRASE_TEXT)
            .collectAsList()) {
      out.add(
          new PhraseSimilarity.Phrase(
              r.getAs(Columns.PHRASE_TEXT),
              r.getList(r.fieldIndex(Columns.PHRASE_CONCEPTS)),
              r.<Double>getAs(Columns.PHRASE_COVERAGE),
              r.<Boolean>getAs(Columns.PHRASE_TOPICAL),
              r.getAs(Columns.PHRASE_EMBEDDING)));
    }
    return out;
  }

  @Test
  void thePhrasePairTableHoldsEveryPairReachingTheMinimumAndNoOther() {
    PhraseSimilarity similarity =
        new PhraseSimilarity(Taxonomy.builtIn(), PhraseEmbedder.shipped().model());
    Set<String> expected = new HashSet<>();
    for (PhraseSimilarity.Phrase g : phrases(Columns.IS_MENTEE, Columns.GOAL_PHRASES)) {
      for (PhraseSimilarity.Phrase s : phrases(Columns.IS_MENTOR, Columns.SKILL_PHRASES)) {
        PhraseSimilarity.Similarity sim = similarity.of(g, s);
        if (sim.value() >= config.score().minPhraseSimilarity()) {
          expected.add(
              g.text() + " | " + s.text() + " | " + sim.value() + " | " + sim.kind().words());
        }
      }
    }
    Set<String> table = new HashSet<>();
    for (Row r : phrasePairs.collectAsList()) {
      table.add(
          r.getString(0)
              + " | "
              + r.getString(1)
              + " | "
              + r.getDouble(2)
              + " | "
              + r.getString(3));
    }
    assertTrue(expected.size() > 100, "enough pairs to mean something: " + expected.size());
    assertEquals(expected, table);
  }

  private static Set<String> coveredPairs(Dataset<Row> pairs) {
    Set<String> out = new HashSet<>();
    for (Row r :
        pipeline
            .score(pairs, profiles, phrasePairs)
            .filter(col(Columns.COVERAGE).gt(0))
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .collectAsList()) {
      out.add(r.getString(0) + ">" + r.getString(1));
    }
    return out;
  }

  @Test
  void findsEveryPairWithAnyCoverageAndNothingElseMatters() {
    Dataset<Row> everyPair =
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
    Set<String> all = coveredPairs(everyPair);
    Set<String> exact =
        coveredPairs(
            ExactCandidates.generate(
                profiles, pipeline.rules(), pipeline.noDeclinedPairs(), phrasePairs));
    assertTrue(all.size() > 100, "enough pairs to mean something: " + all.size());
    assertEquals(all, exact);

    Set<String> clustered = coveredPairs(pipeline.candidates(profiles, pipeline.noDeclinedPairs()));
    assertTrue(exact.containsAll(clustered));
  }

  /**
   * The total score of the assignment over {@code pairs}, each mentee keeping {@code perMentee}.
   */
  private static double assignedTotal(Dataset<Row> pairs, int perMentee) {
    Dataset<Row> fitting =
        pipeline
            .score(pairs.filter(col(CandidatePairs.ALLOWED)), profiles, phrasePairs)
            .filter(pipeline.topical().and(pipeline.reachesMinScore()));
    Row total =
        pipeline
            .assign(fitting, pipeline.freeCapacity(profiles), perMentee)
            .chosen()
            .agg(org.apache.spark.sql.functions.sum(Columns.SCORE))
            .first();
    return total.getDouble(0);
  }

  @Test
  void theNightlyClustersLoseAlmostNothingOfTheExactOptimum() {
    double clustered =
        assignedTotal(
            pipeline.candidates(profiles, pipeline.noDeclinedPairs()),
            config.assignment().maxCandidatesPerMentee());
    double exact =
        assignedTotal(
            ExactCandidates.generate(
                profiles, pipeline.rules(), pipeline.noDeclinedPairs(), phrasePairs),
            Integer.MAX_VALUE);
    assertTrue(clustered <= exact + 1e-9, clustered + " > " + exact);
    assertTrue(clustered >= 0.99 * exact, clustered + " of " + exact);
  }
}
