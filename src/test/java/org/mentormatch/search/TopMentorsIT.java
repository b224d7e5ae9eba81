package org.mentormatch.search;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentormatch.Columns;
import org.mentormatch.SampleRun;
import org.mentormatch.SparkTestSession;
import org.mentormatch.assignment.ExactAssignment;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.candidates.CandidatePairs;
import org.mentormatch.candidates.ExactCandidates;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.explain.Explanations;
import org.mentormatch.explain.ProposalExplainer;
import org.mentormatch.explain.UnmatchedReasons;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;
import org.mentormatch.scoring.PairScoring;
import org.mentormatch.tools.MemberGenerator;

/**
 * The search is exact: on the sample and on a generated file, each mentee's first k fitting pairs
 * it finds are, row for row (ids, score, parts, matches, rank), those of scoring every pair with
 * any coverage (the exhaustive candidates); the funnels are the same; and the proposals and
 * unmatched reasons built on either are the same rows.
 */
class TopMentorsIT {
  private static final MatchConfig CONFIG = MatchConfig.defaults();
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 21);

  /**
   * One members file prepared up to the phrase-pair table, with some pairs declined, searched with
   * goals' first lists {@code firstList} long.
   */
  record Night(
      MatchPipeline pipeline,
      MatchPipeline.Prepared prepared,
      Dataset<Row> declined,
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      int firstList) {}

  private static Night sample;
  private static Night generated;

  private static synchronized Night sample() {
    if (sample == null) {
      sample = night(SampleRun.SAMPLE, TopMentors.FIRST_LIST);
    }
    return sample;
  }

  private static synchronized Night generated() {
    if (generated == null) {
      try {
        Path file = Files.createTempFile("top-mentors-", ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          MemberGenerator.write(
              new MemberGenerator.Options(
                  1_000,
                  11,
                  true,
                  MemberGenerator.HeaderOrder.CONTRACT,
                  MemberGenerator.Style.REALISTIC),
              out);
        }
        generated = night(file, GENERATED_FIRST_LIST);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return generated;
  }

  /**
   * The generated night's first lists hold two similar skills a goal, so most walks and most scores
   * reach beyond them: the search must still equal the whole table's answer.
   */
  private static final int GENERATED_FIRST_LIST = 2;

  private static Night night(Path members, int firstList) {
    MatchPipeline pipeline =
        new MatchPipeline(
            SparkTestSession.get(),
            CONFIG,
            Taxonomy.builtIn(),
            PhraseEmbedder.shipped(),
            new MinCostFlowSolver(),
            new StageClock());
    MatchPipeline.Prepared prepared =
        pipeline.prepare(
            JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                .textFile(members.toAbsolutePath().toUri().toString(), 2),
            members.toString(),
            2,
            AS_OF,
            MemberFeatures.noEmbeddings(SparkTestSession.get()));
    Dataset<Row> profiles = prepared.profiles();
    // Decline every seventh exhaustive pair, so the rule has pairs to refuse.
    Dataset<Row> declined =
        ExactCandidates.generate(
                profiles, pipeline.rules(), pipeline.noDeclinedPairs(), prepared.phrasePairs())
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .withColumn(
                "n",
                row_number()
                    .over(
                        org.apache.spark.sql.expressions.Window.orderBy(
                            Columns.MENTEE_ID, Columns.MENTOR_ID)))
            .filter(col("n").mod(7).equalTo(0))
            .drop("n")
            .localCheckpoint();
    Dataset<Row> queries = TopMentors.queries(profiles, declined).localCheckpoint();
    Broadcast<MentorIndex> index =
        JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
            .broadcast(TopMentors.index(profiles));
    return new Night(pipeline, prepared, declined, queries, index, firstList);
  }

  private static final java.util.Map<Night, Dataset<Row>> SCORED = new java.util.HashMap<>();

  /** Every exhaustive candidate pair scored, with its rules marked (computed once per night). */
  private static synchronized Dataset<Row> exhaustiveScored(Night n) {
    return SCORED.computeIfAbsent(n, TopMentorsIT::scoreEveryCandidate);
  }

  private static Dataset<Row> scoreEveryCandidate(Night n) {
    return n.pipeline()
        .score(
            ExactCandidates.generate(
                n.prepared().profiles(),
                n.pipeline().rules(),
                n.declined(),
                n.prepared().phrasePairs()),
            n.prepared().profiles(),
            n.prepared().phrasePairs());
  }

  private static Dataset<Row> exhaustiveFitting(Night n) {
    return exhaustiveScored(n)
        .filter(
            col(CandidatePairs.ALLOWED)
                .and(n.pipeline().topical())
                .and(n.pipeline().reachesMinScore()));
  }

  private static List<String> lines(Dataset<Row> rows, Column... columns) {
    List<String> out = new ArrayList<>();
    for (Row r : rows.select(columns).collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  private static Column[] pairColumns() {
    List<Column> c = new ArrayList<>();
    c.add(col(Columns.MENTEE_ID));
    c.add(col(Columns.MENTOR_ID));
    PairScoring.SCORE_COLUMNS.forEach(s -> c.add(col(s)));
    c.add(col(Columns.mentor(Columns.CLUSTER)));
    c.add(col("rank"));
    return c.toArray(new Column[0]);
  }

  static Stream<Arguments> nightsAndK() {
    return Stream.of(
        Arguments.of("sample", 1),
        Arguments.of("sample", 50),
        Arguments.of("generated", 1),
        Arguments.of("generated", 4),
        Arguments.of("generated", 50));
  }

  private static Night night(String name) {
    return name.equals("sample") ? sample() : generated();
  }

  @ParameterizedTest(name = "{0}, k = {1}")
  @MethodSource("nightsAndK")
  void findsExactlyTheFirstKFittingPairsOfEveryMentee(String name, int k) {
    Night n = night(name);
    Dataset<Row> expected =
        exhaustiveFitting(n)
            .withColumn("rank", row_number().over(PairScoring.bestFirst()))
            .filter(col("rank").leq(k));
    Dataset<Row> found =
        TopMentors.best(
            n.queries(), n.index(), n.pipeline().similarity(), CONFIG, k, n.firstList());
    List<String> want = lines(expected, pairColumns());
    assertTrue(want.size() > (name.equals("sample") ? 50 : 500), "pairs: " + want.size());
    assertEquals(want, lines(found, pairColumns()));
    if (name.equals("generated")) {
      long extended =
          found
              .filter(col("rank").equalTo(1))
              .agg(sum(TopMentors.GOALS_EXTENDED))
              .first()
              .getLong(0);
      assertTrue(extended > 100, "walks read beyond their first lists: " + extended);
    }
    assertEquals(
        want,
        lines(
            TopMentors.exhaustive(n.queries(), n.index(), n.pipeline().similarity(), CONFIG, k),
            pairColumns()));
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"sample", "generated"})
  void meetsFewerMentorsThanTheExhaustiveSearch(String name) {
    Night n = night(name);
    Row met =
        TopMentors.best(n.queries(), n.index(), n.pipeline().similarity(), CONFIG, 4, n.firstList())
            .filter(col("rank").equalTo(1))
            .agg(org.apache.spark.sql.functions.sum("mentors_met"))
            .first();
    long candidates = exhaustiveScored(n).count();
    assertTrue(met.getLong(0) < candidates, met.getLong(0) + " met of " + candidates);
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"sample", "generated"})
  void theFunnelIsTheExhaustiveOne(String name) {
    Night n = night(name);
    Dataset<Row> scored = exhaustiveScored(n);
    Column topical = n.pipeline().topical();
    Dataset<Row> best =
        scored
            .filter(col(CandidatePairs.ALLOWED).and(topical))
            .groupBy(Columns.MENTEE_ID)
            .agg(
                org.apache.spark.sql.functions.max(Columns.SCORE).as(TopMentors.BEST_SCORE),
                org.apache
                    .spark
                    .sql
                    .functions
                    .sum(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .when(n.pipeline().reachesMinScore(), 1)
                            .otherwise(0))
                    .cast("int")
                    .as(TopMentors.ABOVE_MINIMUM));
    Dataset<Row> expected =
        CandidatePairs.funnel(scored, n.pipeline().rules(), topical)
            .join(best, new String[] {Columns.MENTEE_ID}, "left")
            .na()
            .fill(0.0, new String[] {TopMentors.BEST_SCORE})
            .na()
            .fill(0, new String[] {TopMentors.ABOVE_MINIMUM});
    Dataset<Row> funnel =
        TopMentors.funnel(n.queries(), n.index(), n.pipeline().similarity(), CONFIG, n.firstList())
            .filter(col("candidates").gt(0));
    Column[] columns =
        expected.columns().length == funnel.columns().length
            ? java.util.Arrays.stream(expected.columns()).map(c -> col(c)).toArray(Column[]::new)
            : null;
    assertTrue(columns != null, "same columns");
    List<String> want = lines(expected, columns);
    assertTrue(want.size() > 100, "mentees: " + want.size());
    assertEquals(want, lines(funnel, columns));
  }

  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"sample", "generated"})
  void proposalsAndUnmatchedReasonsAreTheExhaustivePathsRowForRow(String name) {
    Night n = night(name);
    MatchPipeline p = n.pipeline();
    Dataset<Row> profiles = n.prepared().profiles();
    Dataset<Row> capacity = p.freeCapacity(profiles);
    int m = CONFIG.assignment().maxCandidatesPerMentee();
    int k = Math.max(m, CONFIG.assignment().alternatives() + 1);
    Explanations.Settings settings =
        new Explanations.Settings(
            "2026-11-21",
            AS_OF,
            CONFIG.decisions().pendingExpiryDays(),
            CONFIG.assignment().alternatives(),
            new ProposalExplainer(CONFIG.score()));
    UnmatchedReasons reasons =
        new UnmatchedReasons(
            CONFIG.assignment().minScore(),
            CONFIG.assignment().minCoverage(),
            CONFIG.rules().minSeniorityGap(),
            CONFIG.rules().maxTimezoneDifferenceHours());
    List<String> ruleNames = Explanations.ruleNames(p.rules());

    Dataset<Row> scored = exhaustiveScored(n);
    Dataset<Row> allowedTopical = scored.filter(col(CandidatePairs.ALLOWED).and(p.topical()));
    Dataset<Row> fitting = allowedTopical.filter(p.reachesMinScore());
    ExactAssignment.Result a = p.assign(fitting, capacity, m);
    Dataset<Row> proposalsA =
        Explanations.proposals(
            profiles, fitting, a.chosen(), capacity, n.prepared().clusterLabels(), settings);
    Dataset<Row> unmatchedA =
        Explanations.unmatched(
            profiles,
            CandidatePairs.funnel(scored, p.rules(), p.topical()),
            allowedTopical,
            p.reachesMinScore(),
            a.chosen(),
            ruleNames,
            reasons);

    Dataset<Row> best =
        TopMentors.best(n.queries(), n.index(), n.pipeline().similarity(), CONFIG, k, n.firstList())
            .localCheckpoint();
    ExactAssignment.Result b = p.assign(best, capacity, m);
    Dataset<Row> proposalsB =
        Explanations.proposals(
            profiles, best, b.chosen(), capacity, n.prepared().clusterLabels(), settings);
    Dataset<Row> unmatchedQueries =
        n.queries()
            .join(
                b.chosen().select(Columns.MENTEE_ID),
                new String[] {Columns.MENTEE_ID},
                "left_anti");
    // Fewer than k found: every mentor who fits was found, and the funnel is not walked for them.
    Dataset<Row> everyFitFound =
        best.groupBy(Columns.MENTEE_ID)
            .agg(org.apache.spark.sql.functions.count("*").cast("int").as(Columns.FITTING_MENTORS))
            .filter(col(Columns.FITTING_MENTORS).lt(k));
    Dataset<Row> unmatchedB =
        Explanations.unmatched(
            profiles,
            TopMentors.funnel(
                    unmatchedQueries.join(
                        everyFitFound, new String[] {Columns.MENTEE_ID}, "left_anti"),
                    n.index(),
                    n.pipeline().similarity(),
                    CONFIG,
                    n.firstList())
                .filter(col("candidates").gt(0)),
            everyFitFound,
            b.chosen(),
            ruleNames,
            reasons);

    Column[] all =
        java.util.Arrays.stream(proposalsA.columns()).map(c -> col(c)).toArray(Column[]::new);
    List<String> want = lines(proposalsA, all);
    assertTrue(want.size() > 50, "proposals: " + want.size());
    assertEquals(want, lines(proposalsB, all));
    assertTrue(
        alternativesAreTheNextBest(proposalsB, fitting) > ("sample".equals(name) ? 0 : 20),
        "proposals whose chosen mentor is among the first alternatives, with more behind");
    Column[] u = {col(Columns.MEMBER_ID), col(Columns.ROLE), col("reason")};
    List<String> wantUnmatched = lines(unmatchedA, u);
    // Few on the sample: scoring every mentor finds most mentees someone (the clusters did not).
    assertTrue(wantUnmatched.size() > 2, "unmatched: " + wantUnmatched.size());
    assertEquals(wantUnmatched, lines(unmatchedB, u));
    long toldWithoutAWalk =
        unmatchedQueries.join(everyFitFound, new String[] {Columns.MENTEE_ID}, "left_semi").count();
    assertTrue(
        "sample".equals(name) || toldWithoutAWalk > 5,
        "mentees left unmatched told so without a walk of their funnel: " + toldWithoutAWalk);
  }

  /**
   * Asserts that each proposal lists as alternatives its mentee's next best {@code fitting}
   * mentors, by score then id, the chosen one skipped; returns how many proposals had their chosen
   * mentor among the first alternatives with more fitting mentors behind (where the list must reach
   * one place further).
   */
  private static int alternativesAreTheNextBest(Dataset<Row> proposals, Dataset<Row> fitting) {
    int alternatives = CONFIG.assignment().alternatives();
    java.util.Map<String, List<Row>> byMentee = new java.util.HashMap<>();
    for (Row r :
        fitting.select(Columns.MENTEE_ID, Columns.MENTOR_ID, Columns.SCORE).collectAsList()) {
      byMentee.computeIfAbsent(r.getString(0), x -> new ArrayList<>()).add(r);
    }
    int reachingFurther = 0;
    for (Row p :
        proposals
            .select(
                col(Columns.MENTEE_ID),
                col(Columns.MENTOR_ID),
                col("alternatives." + Columns.MENTOR_ID))
            .collectAsList()) {
      String chosen = p.getString(1);
      List<Row> pairs = new ArrayList<>(byMentee.get(p.getString(0)));
      pairs.sort(
          java.util.Comparator.comparingDouble((Row r) -> -r.getDouble(2))
              .thenComparing(r -> r.getString(1)));
      List<String> ids = pairs.stream().map(r -> r.getString(1)).toList();
      List<String> next =
          ids.stream().filter(id -> !id.equals(chosen)).limit(alternatives).toList();
      assertEquals(next, p.getList(2), "alternatives of " + p.getString(0));
      if (ids.indexOf(chosen) < alternatives && ids.size() > alternatives) {
        reachingFurther++;
      }
    }
    return reachingFurther;
  }

  @Test
  void theJavaRulesAreTheSparkRulesOnEveryPairOfTheSample() {
    Night n = sample();
    // A mentor in four has no free place, so the last rule has pairs to refuse too.
    Dataset<Row> profiles =
        n.prepared()
            .profiles()
            .withColumn(
                Columns.FREE_CAPACITY,
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(
                        org.apache
                            .spark
                            .sql
                            .functions
                            .pmod(
                                org.apache.spark.sql.functions.xxhash64(col(Columns.MEMBER_ID)),
                                org.apache.spark.sql.functions.lit(4))
                            .equalTo(0),
                        0)
                    .otherwise(col(Columns.FREE_CAPACITY)));
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
            n.pipeline().rules(),
            n.declined());
    assertEquals(
        PairRuleCheck.NAMES,
        Explanations.ruleNames(n.pipeline().rules()),
        "same rules, same order");
    java.util.Map<String, MenteeQuery> queries = new java.util.HashMap<>();
    for (Row r : n.queries().collectAsList()) {
      MenteeQuery q = TopMentors.query(r);
      queries.put(q.id(), q);
    }
    MentorIndex index = TopMentors.index(profiles);
    java.util.Map<String, Integer> mentorNumber = new java.util.HashMap<>();
    for (int i = 0; i < index.size(); i++) {
      mentorNumber.put(index.mentor(i).id(), i);
    }
    PairRuleCheck check = new PairRuleCheck(CONFIG.rules());
    int[] failures = new int[PairRuleCheck.PASSES + 1];
    List<Column> columns = new ArrayList<>();
    columns.add(col(Columns.MENTEE_ID));
    columns.add(col(Columns.MENTOR_ID));
    for (String rule : PairRuleCheck.NAMES) {
      columns.add(col(CandidatePairs.ruleColumn(rule)));
    }
    long pairs = 0;
    for (Row r : every.select(columns.toArray(new Column[0])).collectAsList()) {
      int spark = PairRuleCheck.PASSES;
      for (int i = 0; i < PairRuleCheck.NAMES.size(); i++) {
        if (r.isNullAt(2 + i) || !r.getBoolean(2 + i)) {
          spark = i;
          break;
        }
      }
      MenteeQuery mentee = queries.get(r.getString(0));
      int mentor = mentorNumber.get(r.getString(1));
      int java = check.firstFailure(mentee, index.mentor(mentor));
      assertEquals(spark, java, r.getString(0) + " > " + r.getString(1));
      assertEquals(
          java,
          check.firstFailure(index.rules(), index.rules().query(mentee), mentor),
          "numbered: " + r.getString(0) + " > " + r.getString(1));
      failures[java]++;
      pairs++;
    }
    assertTrue(pairs > 10_000, "pairs: " + pairs);
    for (int i = 0; i < failures.length; i++) {
      // every rule refuses some pair first, and some pairs pass them all
      assertTrue(
          failures[i] > 0, "no pair stopped at " + i + ": " + java.util.Arrays.toString(failures));
    }
  }
}
