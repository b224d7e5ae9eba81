package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
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
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;

/**
 * The benchmark's exhaustive baseline is exact: on the sample, the pairs it finds with any coverage
 * are exactly those of every mentee scored against every mentor; and the nightly clusters find a
 * subset of them.
 */
class ExactCandidatesIT {
  static MatchPipeline pipeline;
  static Dataset<Row> profiles;
  static MatchConfig config = MatchConfig.defaults();

  @BeforeAll
  static void prepareTheSample() {
    pipeline =
        new MatchPipeline(
            SparkTestSession.get(),
            config,
            new PhraseAnalyzer(Taxonomy.builtIn()),
            new MinCostFlowSolver(),
            new StageClock());
    profiles =
        pipeline
            .prepare(
                JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                    .textFile(SampleRun.SAMPLE.toAbsolutePath().toUri().toString(), 2),
                SampleRun.SAMPLE.toString(),
                2,
                LocalDate.of(2026, 11, 21))
            .profiles();
  }

  private static Set<String> coveredPairs(Dataset<Row> pairs) {
    Set<String> out = new HashSet<>();
    for (Row r :
        pipeline
            .score(pairs, profiles)
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
                profiles,
                pipeline.rules(),
                pipeline.noDeclinedPairs(),
                config.score().minPhraseSimilarity()));
    assertTrue(all.size() > 100, "enough pairs to mean something: " + all.size());
    assertEquals(all, exact);

    Set<String> clustered = coveredPairs(pipeline.candidates(profiles, pipeline.noDeclinedPairs()));
    assertTrue(exact.containsAll(clustered));
    assertTrue(clustered.size() > 0.9 * exact.size(), clustered.size() + " of " + exact.size());
  }
}
