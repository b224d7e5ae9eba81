package org.mentormatch.search;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentormatch.Columns;
import org.mentormatch.SparkTestSession;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.pipeline.MatchPipeline;
import org.mentormatch.pipeline.StageClock;
import org.mentormatch.scoring.PairScoring;
import org.mentormatch.scoring.PhraseSimilarity;
import org.mentormatch.tools.MemberGenerator;

/**
 * Lists kept from one night and updated with a search of the changed mentors alone give, night
 * after night, exactly what a whole search gives: over three nights of a generated programme in
 * which mentors lose their free places, skills and membership, and mentees their goals or decline a
 * mentor. A kept list no honest night could have written (naming a mentor a rule refuses or the
 * mentee themselves, a kind of similarity no explanation knows, a score that is not a number, or
 * one of two for the same mentee) is not used.
 */
class KeptListsIT {
  private static final MatchConfig CONFIG = MatchConfig.defaults();
  private static final int K = 4;
  private static final int KEEP = 6;

  private static MatchPipeline pipeline;
  private static PhraseSimilarity similarity;
  private static Dataset<Row> first;

  /** One night's mentees, mentors and the lists found for them. */
  private record Night(
      Dataset<Row> profiles, Dataset<Row> queries, MentorIndex index, Dataset<Row> lists) {}

  @BeforeAll
  static void aGeneratedProgramme() throws IOException {
    Path file = Files.createTempFile("kept-lists-", ".csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      MemberGenerator.write(
          new MemberGenerator.Options(
              1_000,
              23,
              true,
              MemberGenerator.HeaderOrder.CONTRACT,
              MemberGenerator.Style.REALISTIC),
          out);
    }
    pipeline =
        new MatchPipeline(
            SparkTestSession.get(),
            CONFIG,
            Taxonomy.builtIn(),
            PhraseEmbedder.shipped(),
            new MinCostFlowSolver(),
            new StageClock());
    similarity = pipeline.similarity();
    first =
        pipeline
            .prepare(
                JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                    .textFile(file.toUri().toString(), 2),
                file.toString(),
                2,
                LocalDate.of(2026, 12, 4),
                MemberFeatures.noEmbeddings(SparkTestSession.get()))
            .profiles()
            .localCheckpoint();
  }

  private static Broadcast<MentorIndex> broadcast(MentorIndex index) {
    return JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
        .broadcast(index);
  }

  /** One in 40 members by id, the {@code residue}-th. */
  private static Column oneIn40(int residue) {
    return abs(hash(col(Columns.MEMBER_ID))).mod(40).equalTo(residue);
  }

  /**
   * {@code profiles} after a day of changes: one mentor in 40 without a free place, one with a
   * skill fewer, one gone; one mentee in 40 with a goal fewer.
   */
  private static Dataset<Row> aDayLater(Dataset<Row> profiles, int seed) {
    return profiles
        .filter(not(col(Columns.IS_MENTOR).and(not(col(Columns.IS_MENTEE))).and(oneIn40(seed))))
        .withColumn(
            Columns.FREE_CAPACITY,
            when(col(Columns.IS_MENTOR).and(oneIn40(seed + 1)), lit(0))
                .otherwise(col(Columns.FREE_CAPACITY)))
        .withColumn(
            Columns.SKILL_PHRASES,
            when(
                    col(Columns.IS_MENTOR)
                        .and(oneIn40(seed + 2))
                        .and(size(col(Columns.SKILL_PHRASES)).gt(1)),
                    slice(col(Columns.SKILL_PHRASES), 2, 100))
                .otherwise(col(Columns.SKILL_PHRASES)))
        .withColumn(
            Columns.GOAL_PHRASES,
            when(
                    col(Columns.IS_MENTEE)
                        .and(oneIn40(seed + 3))
                        .and(size(col(Columns.GOAL_PHRASES)).gt(1)),
                    slice(col(Columns.GOAL_PHRASES), 2, 100))
                .otherwise(col(Columns.GOAL_PHRASES)))
        .localCheckpoint();
  }

  /** The first night: no lists kept, every mentee searched whole. */
  private static Night firstNight() {
    Dataset<Row> queries = TopMentors.queries(first, pipeline.noDeclinedPairs()).localCheckpoint();
    MentorIndex index = TopMentors.index(first);
    Dataset<Row> none = TopMentors.withoutKept(queries);
    Dataset<Row> lists =
        TopMentors.lists(none, broadcast(index), null, similarity, CONFIG, K, KEEP)
            .localCheckpoint();
    return new Night(first, queries, index, lists);
  }

  /** The night after {@code before}, over {@code profiles}, from {@code kept} lists. */
  private static Night nextNight(
      Night before, Dataset<Row> kept, Dataset<Row> profiles, Dataset<Row> declined) {
    Dataset<Row> queries = TopMentors.queries(profiles, declined).localCheckpoint();
    MentorIndex index = TopMentors.index(profiles);
    Set<String> changed =
        TopMentors.changedMentors(
            TopMentors.fingerprints(before.index()), TopMentors.fingerprints(index));
    assertTrue(changed.size() > 5 && changed.size() < index.size() / 5, changed.toString());
    Dataset<Row> withKept = TopMentors.withKept(queries, kept);
    Dataset<Row> lists =
        TopMentors.lists(
                withKept,
                broadcast(index),
                JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext())
                    .broadcast(new TopMentors.Changes(index.only(changed), changed)),
                similarity,
                CONFIG,
                K,
                KEEP)
            .localCheckpoint();
    return new Night(profiles, queries, index, lists);
  }

  private static List<String> lines(Dataset<Row> rows) {
    List<Column> c = new ArrayList<>();
    c.add(col(Columns.MENTEE_ID));
    c.add(col(Columns.MENTOR_ID));
    PairScoring.SCORE_COLUMNS.forEach(s -> c.add(col(s)));
    c.add(col(Columns.mentor(Columns.CLUSTER)));
    c.add(col("rank"));
    List<String> out = new ArrayList<>();
    for (Row r : rows.select(c.toArray(new Column[0])).collectAsList()) {
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  /**
   * The night's first K of every mentee are a whole search's, and each list it keeps is the start
   * of a whole search's first KEEP (all of them when it says it is complete).
   */
  private static void assertExact(Night n) {
    Broadcast<MentorIndex> index = broadcast(n.index());
    assertEquals(
        lines(TopMentors.best(n.queries(), index, similarity, CONFIG, K)),
        lines(TopMentors.firstOf(n.lists(), TopMentors.mentorClusters(n.profiles()), K)));
    Map<String, List<String>> whole = new HashMap<>();
    for (Row r :
        TopMentors.best(n.queries(), index, similarity, CONFIG, KEEP)
            .orderBy(Columns.MENTEE_ID, "rank")
            .collectAsList()) {
      whole
          .computeIfAbsent(r.getAs(Columns.MENTEE_ID), x -> new ArrayList<>())
          .add(r.getAs(Columns.MENTOR_ID) + " " + r.getAs(Columns.SCORE));
    }
    for (Row r : n.lists().collectAsList()) {
      List<String> kept = new ArrayList<>();
      for (Row e : r.<Row>getList(3)) {
        kept.add(e.getString(0) + " " + e.getDouble(1));
      }
      List<String> all = whole.getOrDefault(r.getString(0), List.of());
      assertTrue(kept.size() <= all.size(), r.getString(0) + ": " + kept + " of " + all);
      assertEquals(all.subList(0, kept.size()), kept, r.getString(0));
      assertTrue(kept.size() >= Math.min(K, all.size()), r.getString(0) + ": " + kept);
      if (r.getBoolean(2)) {
        assertEquals(all, kept, r.getString(0) + " says its list is complete");
      }
    }
    // A mentee said to have every fitting mentor listed is told how many fit without a walk.
    Map<String, Long> fitting = new HashMap<>();
    for (Row r :
        TopMentors.best(n.queries(), index, similarity, CONFIG, n.index().size())
            .groupBy(Columns.MENTEE_ID)
            .count()
            .collectAsList()) {
      fitting.put(r.getString(0), r.getLong(1));
    }
    List<Row> listed = TopMentors.everyFitListed(n.lists()).collectAsList();
    assertTrue(listed.size() > 10, "mentees with every fit listed: " + listed.size());
    assertTrue(
        fitting.values().stream().anyMatch(f -> f > KEEP), "some mentees have more than a list");
    for (Row r : listed) {
      assertEquals(
          fitting.get(r.getString(0)),
          (long) r.<Integer>getAs(Columns.FITTING_MENTORS),
          "mentors fitting " + r.getString(0));
    }
  }

  private static long searched(Night n, String how) {
    return n.lists().filter(col(TopMentors.SEARCHED).equalTo(how)).count();
  }

  @Test
  void threeNightsOfChangesGiveWhatWholeSearchesGive() {
    Night a = firstNight();
    assertExact(a);
    assertEquals(0, searched(a, TopMentors.KEPT));

    Night b = nextNight(a, a.lists(), aDayLater(first, 0), pipeline.noDeclinedPairs());
    assertExact(b);
    long mentees = b.lists().count();
    assertTrue(searched(b, TopMentors.KEPT) > mentees / 2, "kept: " + searched(b, "kept"));
    assertTrue(searched(b, TopMentors.WHOLE) >= 5, "whole: " + searched(b, "whole"));

    // The third night, some mentees also decline their first mentor of the second.
    Dataset<Row> declined =
        TopMentors.firstOf(b.lists(), TopMentors.mentorClusters(b.profiles()), 1)
            .filter(abs(hash(col(Columns.MENTEE_ID))).mod(10).equalTo(0))
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .localCheckpoint();
    assertTrue(declined.count() > 5);
    Night c = nextNight(b, b.lists(), aDayLater(aDayLater(first, 0), 10), declined);
    assertExact(c);
    assertTrue(searched(c, TopMentors.KEPT) > mentees / 2, "kept: " + searched(c, "kept"));
  }

  @Test
  void aKeptListNamingAMentorTheRulesRefuseOrKeptTwiceIsNotUsed() {
    Night a = firstNight();
    Dataset<Row> profiles = aDayLater(first, 20);
    // Each mentee's kept list gets, first, a mentor a rule keeps from them, at a score above all.
    MentorIndex index = TopMentors.index(profiles);
    PairRuleCheck rules = new PairRuleCheck(CONFIG.rules());
    // Not one of the changed mentors: those leave every list anyway.
    Set<String> changed =
        TopMentors.changedMentors(
            TopMentors.fingerprints(a.index()), TopMentors.fingerprints(index));
    Map<String, String> refused = new HashMap<>();
    for (Row q : TopMentors.queries(profiles, pipeline.noDeclinedPairs()).collectAsList()) {
      MenteeQuery mentee = TopMentors.query(q);
      for (int m = 0; m < index.size(); m++) {
        if (!changed.contains(index.mentor(m).id())
            && rules.firstFailure(mentee, index.mentor(m)) != PairRuleCheck.PASSES) {
          refused.put(mentee.id(), index.mentor(m).id());
          break;
        }
      }
    }
    List<Row> tampered = new ArrayList<>();
    int copied = 0;
    for (Row r : a.lists().collectAsList()) {
      if (copied < 20 && r.getList(3).size() > 1) {
        copied++;
        // A second row for the mentee, holding their list's second mentor alone, first.
        tampered.add(
            RowFactory.create(
                r.get(0), r.get(1), true, new Object[] {r.getList(3).get(1)}, "kept", 0, 0));
      }
      List<Object> found = new ArrayList<>(r.getList(3));
      String mentor = refused.get(r.getString(0));
      String someone = mentor != null ? mentor : "nobody";
      int kind = Math.floorMod(r.getString(0).hashCode(), 4);
      if (kind == 0) {
        // The mentee as their own mentor: no rule of PairRuleCheck says no, the search does.
        found.add(0, RowFactory.create(r.getString(0), 2.0, 1.0, 1.0, 1.0, 1.0, 8.0, new Row[0]));
      } else if (kind == 1) {
        Row unknown = RowFactory.create("a goal", "a skill", 0.9, "made-up kind");
        found.add(0, RowFactory.create(someone, 2.0, 1.0, 1.0, 1.0, 1.0, 8.0, new Row[] {unknown}));
      } else if (kind == 2) {
        found.add(0, RowFactory.create(someone, Double.NaN, 1.0, 1.0, 1.0, 1.0, 8.0, new Row[0]));
      } else if (mentor != null) {
        found.add(0, RowFactory.create(mentor, 2.0, 1.0, 1.0, 1.0, 1.0, 8.0, new Row[0]));
      }
      tampered.add(
          RowFactory.create(
              r.get(0), r.get(1), r.get(2), found.toArray(), r.get(4), r.get(5), r.get(6)));
    }
    assertTrue(refused.size() > 100, "mentees with a refused mentor: " + refused.size());
    assertEquals(20, copied);
    Night b =
        nextNight(
            a,
            SparkTestSession.get().createDataFrame(tampered, TopMentors.LISTS),
            profiles,
            pipeline.noDeclinedPairs());
    assertExact(b);
    assertTrue(searched(b, TopMentors.WHOLE) >= refused.size(), "whole: " + searched(b, "whole"));
  }
}
