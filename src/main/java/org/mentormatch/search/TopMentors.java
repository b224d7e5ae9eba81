package org.mentormatch.search;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.candidates.CandidatePairs;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.scoring.PairScorer;
import org.mentormatch.scoring.PairScoring;
import org.mentormatch.scoring.PhrasePairs;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * The search stage on Spark: each mentee's best fitting mentors ({@link TopMentorSearch#top}), and
 * the funnel of the mentees asked for ({@link TopMentorSearch#funnel}).
 *
 * <p>The mentors' index ({@link MentorIndex}) is built on the driver and broadcast: a few hundred
 * bytes per mentor. The mentees, with their goal phrases, are searched where they lie, one task per
 * partition; the mentees an executor searches share each goal's comparison with the skills.
 *
 * <p>Output of {@link #best}: {@code mentee_member_id, mentor_member_id}, {@link
 * PairScoring#SCORE_COLUMNS} and {@code mentor_cluster}, the columns the assignment and the
 * explanations read of a fitting pair. Output of {@link #funnel}: {@code mentee_member_id,
 * candidates, best_coverage, topical, left_after_<rule>...} as {@link CandidatePairs#funnel}, plus
 * {@code best_score} and {@code above_minimum}.
 */
public final class TopMentors {
  private TopMentors() {}

  public static final String BEST_SCORE = "best_score";
  public static final String ABOVE_MINIMUM = "above_minimum";

  /**
   * How many similar skills a goal's first list holds; a walk that needs more reads a longer one.
   */
  public static final int FIRST_LIST = SkillLists.FIRST;

  /** Of a mentee's goals, how many the search read beyond their first list of similar skills. */
  public static final String GOALS_EXTENDED = "goals_extended";

  /**
   * {@code columns} followed by a pair's score and its parts ({@link PairScoring#SCORE_COLUMNS}).
   */
  private static StructType withScore(StructType columns) {
    for (org.apache.spark.sql.types.StructField f : PairScoring.SCORE.fields()) {
      columns = columns.add(f);
    }
    return columns;
  }

  private static final StructType FOUND =
      withScore(
              new StructType()
                  .add(Columns.MENTEE_ID, DataTypes.StringType, false)
                  .add(Columns.MENTOR_ID, DataTypes.StringType, false))
          .add(Columns.mentor(Columns.CLUSTER), DataTypes.IntegerType, false)
          .add("rank", DataTypes.IntegerType, false)
          .add("mentors_met", DataTypes.IntegerType, false)
          .add(GOALS_EXTENDED, DataTypes.IntegerType, false);

  private static final StructType FUNNEL = funnelSchema();

  private static StructType funnelSchema() {
    StructType s =
        new StructType()
            .add(Columns.MENTEE_ID, DataTypes.StringType, false)
            .add("candidates", DataTypes.IntegerType, false)
            .add("best_coverage", DataTypes.DoubleType, false)
            .add("topical", DataTypes.IntegerType, false);
    for (String rule : PairRuleCheck.NAMES) {
      s = s.add(CandidatePairs.leftAfterColumn(rule), DataTypes.IntegerType, false);
    }
    return s.add(BEST_SCORE, DataTypes.DoubleType, false)
        .add(ABOVE_MINIMUM, DataTypes.IntegerType, false);
  }

  /**
   * One row per mentee: the rule columns, {@code declined} (mentor ids) and {@code goals} (the goal
   * phrases in the mentee's order, with the fields the similarity reads).
   *
   * @param declined pairs ({@code mentee_member_id, mentor_member_id}) coordinators rejected
   */
  public static Dataset<Row> queries(Dataset<Row> profiles, Dataset<Row> declined) {
    Dataset<Row> declinedBy =
        declined
            .groupBy(Columns.MENTEE_ID)
            .agg(collect_list(col(Columns.MENTOR_ID)).as("declined"));
    return profiles
        .filter(col(Columns.IS_MENTEE))
        .select(
            col(Columns.MEMBER_ID).as(Columns.MENTEE_ID),
            col(Columns.LANGUAGES),
            col(Columns.UTC_OFFSET_MINUTES),
            col(Columns.SENIORITY),
            col(Columns.DEPARTMENT),
            col(Columns.MANAGER_ID),
            col(Columns.MANAGEMENT_CHAIN),
            col(Columns.GOAL_PHRASES).as("goals"))
        .join(declinedBy, new String[] {Columns.MENTEE_ID}, "left");
  }

  /** The index of every mentor in {@code profiles}, collected to the driver. */
  public static MentorIndex index(Dataset<Row> profiles) {
    List<MentorIndex.Mentor> mentors = new ArrayList<>();
    java.util.Map<String, PhraseSimilarity.Phrase> phrases = new java.util.HashMap<>();
    for (Row r :
        profiles
            .filter(col(Columns.IS_MENTOR))
            .select(
                col(Columns.MEMBER_ID),
                col(Columns.LANGUAGES),
                col(Columns.UTC_OFFSET_MINUTES),
                col(Columns.SENIORITY),
                col(Columns.DEPARTMENT),
                col(Columns.MANAGER_ID),
                col(Columns.MANAGEMENT_CHAIN),
                col(Columns.FREE_CAPACITY),
                col(Columns.CLUSTER),
                col(Columns.SKILL_PHRASES + "." + Columns.PHRASE_TEXT).as("skills"))
            .collectAsList()) {
      mentors.add(
          new MentorIndex.Mentor(
              r.getString(0),
              r.isNullAt(1) ? null : List.copyOf(r.getList(1)),
              r.getInt(2),
              r.getInt(3),
              r.isNullAt(4) ? null : r.getString(4),
              r.isNullAt(5) ? null : r.getString(5),
              new HashSet<>(r.<String>getList(6)),
              r.getInt(7),
              r.getInt(8),
              List.copyOf(r.getList(9))));
    }
    // Each skill phrase's embedding once, not once per mentor offering it.
    for (PhraseSimilarity.Phrase p : PhrasePairs.skillsOf(profiles)) {
      phrases.put(p.text(), p);
    }
    return new MentorIndex(mentors, phrases);
  }

  /** Settings of a search, shipped to the tasks with the broadcast index. */
  private record Setup(
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config,
      int k,
      int firstList)
      implements java.io.Serializable {
    TopMentorSearch search() {
      return new TopMentorSearch(
          index.value(),
          config.score(),
          config.assignment(),
          new PairRuleCheck(config.rules()),
          similarity,
          firstList,
          TopMentorSearch.SKILLS_PER_MENTOR_SCANNED);
    }
  }

  /** Each mentee's first {@code k} fitting pairs (see {@link TopMentorSearch#top}). */
  public static Dataset<Row> best(
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config,
      int k) {
    return best(queries, index, similarity, config, k, FIRST_LIST);
  }

  /** {@link #best}, with goals' first lists of similar skills {@code firstList} long. */
  static Dataset<Row> best(
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config,
      int k,
      int firstList) {
    return found(queries, new Setup(index, similarity, config, k, firstList), TopMentorSearch::top);
  }

  /** The funnel of each mentee in {@code queries} (see {@link TopMentorSearch#funnel}). */
  public static Dataset<Row> funnel(
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config) {
    return funnel(queries, index, similarity, config, FIRST_LIST);
  }

  /** {@link #funnel}, with goals' first lists of similar skills {@code firstList} long. */
  static Dataset<Row> funnel(
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config,
      int firstList) {
    Setup setup = new Setup(index, similarity, config, 0, firstList);
    return queries.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            rows -> {
              TopMentorSearch search = setup.search();
              return lazily(
                  rows,
                  (window, out) -> {
                    List<MenteeQuery> mentees = menteesOf(window);
                    search.prepareWhole(mentees);
                    for (MenteeQuery q : mentees) {
                      TopMentorSearch.Funnel f = search.funnel(q, 0);
                      List<Object> values = new ArrayList<>();
                      values.add(q.id());
                      values.add(f.candidates());
                      values.add(f.bestCoverage());
                      values.add(f.topical());
                      for (int left : f.leftAfter()) {
                        values.add(left);
                      }
                      values.add(f.bestScore());
                      values.add(f.aboveMinimum());
                      out.add(RowFactory.create(values.toArray()));
                    }
                  });
            },
        Encoders.row(FUNNEL));
  }

  /**
   * Each mentee's first {@code k} fitting pairs found by scoring every mentor sharing a similar
   * phrase: the exhaustive search the recall measure compares {@link #best} with.
   */
  public static Dataset<Row> exhaustive(
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      PhraseSimilarity similarity,
      MatchConfig config,
      int k) {
    return found(
        queries,
        new Setup(index, similarity, config, k, FIRST_LIST),
        (search, q, depth) -> {
          TopMentorSearch.Funnel f = search.funnel(q, depth);
          return new TopMentorSearch.Result(f.best(), f.candidates(), 0);
        });
  }

  /** A kept list's entry: a fitting mentor by id, with the pair's score and parts. */
  public static final StructType ENTRY =
      withScore(new StructType().add(Columns.MENTOR_ID, DataTypes.StringType, false));

  /** How a mentee's list was found tonight: {@link #WHOLE} or {@link #KEPT}. */
  public static final String SEARCHED = "searched";

  /** Searched over every mentor. */
  public static final String WHOLE = "whole";

  /** Last night's list, less the changed mentors, merged with a search of the changed mentors. */
  public static final String KEPT = "kept";

  /**
   * One row per mentee of {@link #lists}: the mentee's fingerprint, their first fitting mentors
   * ({@link KeptList}), how they were found and the search's work on the way.
   */
  public static final StructType LISTS =
      new StructType()
          .add(Columns.MENTEE_ID, DataTypes.StringType, false)
          .add("fingerprint", DataTypes.LongType, false)
          .add("complete", DataTypes.BooleanType, false)
          .add("found", DataTypes.createArrayType(ENTRY, false), false)
          .add(SEARCHED, DataTypes.StringType, false)
          .add("mentors_met", DataTypes.IntegerType, false)
          .add(GOALS_EXTENDED, DataTypes.IntegerType, false);

  /** Beside a query row ({@link #withKept}): the mentee's fingerprint when their list was kept. */
  public static final String KEPT_FINGERPRINT = "kept_fingerprint";

  /** Beside a query row: whether the kept list holds every fitting mentor of its night. */
  public static final String KEPT_COMPLETE = "kept_complete";

  /** Beside a query row: the kept list's entries ({@link #ENTRY}), best first. */
  public static final String KEPT_FOUND = "kept_found";

  /**
   * The mentors who changed since the night kept lists were found: tonight's index of those still
   * indexed ({@code delta}), and the ids of all of them ({@code changed}: a different fingerprint,
   * or indexed then and not now).
   */
  public record Changes(MentorIndex delta, java.util.Set<String> changed)
      implements java.io.Serializable {}

  /**
   * A fingerprint of everything besides mentees and mentors that a kept list depends on: the lists'
   * lengths, the score, assignment and rule settings, the similarity (taxonomy and calibration) and
   * this build's search and scoring code. Lists kept under another fingerprint are never read.
   */
  public static long settingsFingerprint(
      PhraseSimilarity similarity, MatchConfig config, int k, int keep) {
    return new Fingerprint()
        .add("mentor-match kept lists 1")
        .add(k)
        .add(keep)
        .add(Fingerprint.serialised(config.score()))
        .add(Fingerprint.serialised(config.assignment()))
        .add(Fingerprint.serialised(config.rules()))
        .add(Fingerprint.serialised(similarity))
        .add(Fingerprint.ofCode(TopMentorSearch.class))
        .value();
  }

  /** Each mentor's fingerprint ({@link MentorIndex#fingerprint}) by id, in the index's order. */
  public static java.util.Map<String, Long> fingerprints(MentorIndex index) {
    java.util.Map<String, Long> out = new java.util.LinkedHashMap<>();
    for (int m = 0; m < index.size(); m++) {
      out.put(index.mentor(m).id(), index.fingerprint(m));
    }
    return out;
  }

  /**
   * The ids of the mentors whose fingerprint differs between {@code then} and {@code now}, or who
   * are in only one of them.
   */
  public static java.util.Set<String> changedMentors(
      java.util.Map<String, Long> then, java.util.Map<String, Long> now) {
    java.util.Set<String> changed = new java.util.HashSet<>();
    then.forEach(
        (id, print) -> {
          if (!print.equals(now.get(id))) {
            changed.add(id);
          }
        });
    now.forEach(
        (id, print) -> {
          if (!then.containsKey(id)) {
            changed.add(id);
          }
        });
    return changed;
  }

  /**
   * {@code queries} with each mentee's list of {@code kept} ({@link #LISTS} rows) beside it, as
   * {@link #lists} reads it: none for a mentee with no list, or with more than one (no night writes
   * two; a damaged or edited store might, and neither is trusted).
   */
  public static Dataset<Row> withKept(Dataset<Row> queries, Dataset<Row> kept) {
    Dataset<Row> once =
        kept.withColumn(
                "copies",
                org.apache
                    .spark
                    .sql
                    .functions
                    .count(org.apache.spark.sql.functions.lit(1))
                    .over(org.apache.spark.sql.expressions.Window.partitionBy(Columns.MENTEE_ID)))
            .filter(col("copies").equalTo(1))
            .select(
                col(Columns.MENTEE_ID),
                col("fingerprint").as(KEPT_FINGERPRINT),
                col("complete").as(KEPT_COMPLETE),
                col("found").as(KEPT_FOUND));
    return queries.join(once, new String[] {Columns.MENTEE_ID}, "left");
  }

  /** {@code queries} with no kept list beside any mentee: every one is searched whole. */
  public static Dataset<Row> withoutKept(Dataset<Row> queries) {
    return queries
        .withColumn(
            KEPT_FINGERPRINT, org.apache.spark.sql.functions.lit(null).cast(DataTypes.LongType))
        .withColumn(
            KEPT_COMPLETE, org.apache.spark.sql.functions.lit(null).cast(DataTypes.BooleanType))
        .withColumn(
            KEPT_FOUND,
            org.apache.spark.sql.functions.lit(null).cast(DataTypes.createArrayType(ENTRY, false)));
  }

  /**
   * Each mentee's first {@code keep} fitting mentors ({@link #LISTS} rows), found from last night's
   * list where it can be ({@link KeptList#update}) and by a whole search otherwise.
   *
   * @param queries {@link #queries} rows with {@link #KEPT_FINGERPRINT}, {@link #KEPT_COMPLETE} and
   *     {@link #KEPT_FOUND} of last night's list, null where there is none
   * @param changes the mentors changed since the kept lists were found; null to search every mentee
   *     whole
   * @param k how many entries a list must hold to be used tonight, unless it holds every fitting
   *     mentor
   */
  public static Dataset<Row> lists(
      Dataset<Row> queries,
      Broadcast<MentorIndex> index,
      Broadcast<Changes> changes,
      PhraseSimilarity similarity,
      MatchConfig config,
      int k,
      int keep) {
    Setup setup = new Setup(index, similarity, config, keep, FIRST_LIST);
    PairRuleCheck rules = new PairRuleCheck(config.rules());
    return queries.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            rows -> {
              TopMentorSearch whole = setup.search();
              MentorIndex mentors = index.value();
              Changes sinceKept = changes == null ? null : changes.value();
              TopMentorSearch ofChanged =
                  sinceKept == null || sinceKept.delta().size() == 0
                      ? null
                      : new TopMentorSearch(
                          sinceKept.delta(),
                          config.score(),
                          config.assignment(),
                          rules,
                          similarity);
              return lazily(
                  rows,
                  (window, out) -> {
                    List<MenteeQuery> mentees = menteesOf(window);
                    if (ofChanged != null) {
                      ofChanged.prepare(mentees); // their goals against the changed skills at once
                    }
                    Row[] found = new Row[mentees.size()];
                    long[] prints = new long[mentees.size()];
                    List<MenteeQuery> searchedWhole = new ArrayList<>();
                    List<Integer> at = new ArrayList<>();
                    for (int i = 0; i < mentees.size(); i++) {
                      MenteeQuery q = mentees.get(i);
                      long print = q.fingerprint();
                      prints[i] = print;
                      KeptList kept =
                          sinceKept == null
                              ? null
                              : kept(window.get(i), print, q, mentors, sinceKept, rules);
                      KeptList tonight =
                          kept == null
                              ? null
                              : kept.update(
                                  sinceKept.changed(),
                                  ofChanged == null
                                      ? List.of()
                                      : entries(sinceKept.delta(), ofChanged.top(q, keep).best()),
                                  k,
                                  keep);
                      if (tonight == null) {
                        searchedWhole.add(q);
                        at.add(i);
                      } else if (tonight.equals(kept)) {
                        // Unchanged: the row's own list is written back as it was read.
                        Row row = window.get(i);
                        found[i] =
                            RowFactory.create(
                                q.id(),
                                print,
                                kept.complete(),
                                row.get(row.fieldIndex(KEPT_FOUND)),
                                KEPT,
                                0,
                                0);
                      } else {
                        found[i] = listRow(q.id(), tonight, KEPT, 0, 0);
                      }
                    }
                    whole.prepare(searchedWhole);
                    for (int j = 0; j < searchedWhole.size(); j++) {
                      MenteeQuery q = searchedWhole.get(j);
                      TopMentorSearch.Result r = whole.top(q, keep);
                      KeptList list =
                          new KeptList(
                              prints[at.get(j)],
                              entries(mentors, r.best()),
                              r.best().size() < keep);
                      found[at.get(j)] =
                          listRow(q.id(), list, WHOLE, r.mentorsMet(), r.goalsExtended());
                    }
                    out.addAll(java.util.Arrays.asList(found));
                  });
            },
        Encoders.row(LISTS));
  }

  /**
   * Last night's list of the mentee of query row {@code row}, or null when there is none, the
   * mentee changed ({@code print} differs), or an entry names a mentor who is neither indexed nor
   * changed, or breaks a rule: a list the settings and mentors cannot have given is not used.
   */
  private static KeptList kept(
      Row row,
      long print,
      MenteeQuery q,
      MentorIndex mentors,
      Changes sinceKept,
      PairRuleCheck rules) {
    int printAt = row.fieldIndex(KEPT_FINGERPRINT);
    int foundAt = row.fieldIndex(KEPT_FOUND);
    int completeAt = row.fieldIndex(KEPT_COMPLETE);
    if (row.isNullAt(printAt) || row.getLong(printAt) != print) {
      return null;
    }
    if (row.isNullAt(foundAt) || row.isNullAt(completeAt)) {
      return null;
    }
    List<KeptList.Entry> entries = new ArrayList<>();
    for (Row e : row.<Row>getList(foundAt)) {
      KeptList.Entry entry = e == null ? null : entry(e);
      if (entry == null) {
        return null; // a field missing or out of range
      }
      if (!entries.isEmpty()
          && KeptList.BEST_FIRST.compare(entries.get(entries.size() - 1), entry) >= 0) {
        return null; // not in order, or a mentor twice
      }
      if (entry.mentor().equals(q.id())) {
        return null; // no member mentors themselves: the search leaves them out, not a rule
      }
      if (!sinceKept.changed().contains(entry.mentor())) {
        int m = mentors.numberOf(entry.mentor());
        if (m < 0 || rules.firstFailure(q, mentors.mentor(m)) != PairRuleCheck.PASSES) {
          return null;
        }
      }
      entries.add(entry);
    }
    return new KeptList(print, entries, row.getBoolean(completeAt));
  }

  /**
   * An {@link #ENTRY} row as a list entry, or null when a field is missing, a number is not one
   * from 0 up (shared hours may exceed 1) or a match names no kind of similarity the explanations
   * know.
   */
  private static KeptList.Entry entry(Row e) {
    for (int f = 0; f < ENTRY.size(); f++) {
      if (e.isNullAt(f)) {
        return null;
      }
    }
    for (int f = 1; f <= 6; f++) {
      double v = e.getDouble(f);
      if (!(v >= 0) || Double.isInfinite(v)) {
        return null;
      }
    }
    List<PairScorer.Match> matches = new ArrayList<>();
    for (Row m : e.<Row>getList(7)) {
      if (m == null || m.isNullAt(0) || m.isNullAt(1) || m.isNullAt(2) || m.isNullAt(3)) {
        return null;
      }
      if (!KNOWN_KINDS.contains(m.getString(3)) || !(m.getDouble(2) >= 0)) {
        return null;
      }
      matches.add(
          new PairScorer.Match(m.getString(0), m.getString(1), m.getDouble(2), m.getString(3)));
    }
    return new KeptList.Entry(
        e.getString(0),
        new PairScorer.Score(
            e.getDouble(1),
            e.getDouble(2),
            e.getDouble(3),
            e.getDouble(4),
            e.getDouble(5),
            e.getDouble(6),
            matches));
  }

  /** The words of every kind of similarity, as a match's {@code how} holds them. */
  private static final java.util.Set<String> KNOWN_KINDS = knownKinds();

  private static java.util.Set<String> knownKinds() {
    java.util.Set<String> kinds = new HashSet<>();
    for (PhraseSimilarity.Kind k : PhraseSimilarity.Kind.values()) {
      kinds.add(k.words());
    }
    return java.util.Set.copyOf(kinds);
  }

  /** Found mentors of {@code index} as list entries, in order. */
  private static List<KeptList.Entry> entries(
      MentorIndex index, List<TopMentorSearch.Found> found) {
    List<KeptList.Entry> out = new ArrayList<>(found.size());
    for (TopMentorSearch.Found f : found) {
      out.add(new KeptList.Entry(index.mentor(f.mentor()).id(), f.score()));
    }
    return out;
  }

  private static Row listRow(String mentee, KeptList list, String how, int met, int extended) {
    List<Row> entries = new ArrayList<>(list.entries().size());
    for (KeptList.Entry e : list.entries()) {
      PairScorer.Score s = e.score();
      entries.add(
          RowFactory.create(
              e.mentor(),
              s.score(),
              s.coverage(),
              s.seniorityPart(),
              s.timezonePart(),
              s.departmentPart(),
              s.sharedHours(),
              matchRows(s)));
    }
    return RowFactory.create(
        mentee, list.mentee(), list.complete(), entries.toArray(new Row[0]), how, met, extended);
  }

  /** The goals {@code s} covers, as {@link PairScoring#MATCH} rows. */
  private static Row[] matchRows(PairScorer.Score s) {
    Row[] rows = new Row[s.matches().size()];
    for (int i = 0; i < rows.length; i++) {
      PairScorer.Match m = s.matches().get(i);
      rows[i] = RowFactory.create(m.goal(), m.skill(), m.similarity(), m.how());
    }
    return rows;
  }

  /** Each mentor's id and cluster, as {@link #firstOf} joins them to the lists' entries. */
  public static Dataset<Row> mentorClusters(Dataset<Row> profiles) {
    return profiles
        .filter(col(Columns.IS_MENTOR))
        .select(
            col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
            col(Columns.CLUSTER).as(Columns.mentor(Columns.CLUSTER)));
  }

  /**
   * {@code mentee_id, fitting_mentors}: the mentees of {@code lists} whose list holds every mentor
   * who fits them, one or more, and how many. Left unmatched, such a mentee's reason is that all of
   * them are full, which needs no walk of the funnel.
   */
  public static Dataset<Row> everyFitListed(Dataset<Row> lists) {
    return lists
        .filter(col("complete").and(size(col("found")).gt(0)))
        .select(col(Columns.MENTEE_ID), size(col("found")).as(Columns.FITTING_MENTORS));
  }

  /**
   * The first {@code k} entries of each of {@code lists} as {@link #best} rows, with each mentor's
   * cluster from {@code mentorClusters} ({@link #mentorClusters}).
   *
   * <p>In Spark's own rows: converting each entry to Java objects and back took a fifth of a warm
   * night's search.
   */
  public static Dataset<Row> firstOf(Dataset<Row> lists, Dataset<Row> mentorClusters, int k) {
    Dataset<Row> entries =
        lists
            .select(
                col(Columns.MENTEE_ID),
                posexplode(col("found")).as(new String[] {"at", "entry"}),
                col("mentors_met"),
                col(GOALS_EXTENDED))
            .filter(col("at").lt(k));
    List<Column> columns = new ArrayList<>();
    columns.add(col(Columns.MENTEE_ID));
    columns.add(col("entry." + Columns.MENTOR_ID).as(Columns.MENTOR_ID));
    for (String part : PairScoring.SCORE_COLUMNS) {
      columns.add(col("entry." + part).as(part));
    }
    columns.add(col(Columns.mentor(Columns.CLUSTER)));
    columns.add(col("at").plus(1).as("rank"));
    columns.add(col("mentors_met"));
    columns.add(col(GOALS_EXTENDED));
    return entries
        .join(
            broadcast(mentorClusters),
            entries
                .col("entry." + Columns.MENTOR_ID)
                .equalTo(mentorClusters.col(Columns.MENTOR_ID)))
        .select(columns.toArray(new Column[0]));
  }

  /** One way to find a mentee's first {@code k} fitting pairs: the search, or every mentor. */
  @FunctionalInterface
  private interface Finder extends java.io.Serializable {
    TopMentorSearch.Result find(TopMentorSearch search, MenteeQuery q, int k);
  }

  /** The {@link #FOUND} rows {@code finder} gives for each mentee, one task per partition. */
  private static Dataset<Row> found(Dataset<Row> queries, Setup setup, Finder finder) {
    return queries.mapPartitions(
        (MapPartitionsFunction<Row, Row>)
            rows -> {
              TopMentorSearch search = setup.search();
              MentorIndex mentors = setup.index().value();
              return lazily(
                  rows,
                  (window, out) -> {
                    List<MenteeQuery> mentees = menteesOf(window);
                    search.prepare(mentees);
                    for (MenteeQuery q : mentees) {
                      TopMentorSearch.Result r = finder.find(search, q, setup.k());
                      addRows(out, q, mentors, r.best(), r.mentorsMet(), r.goalsExtended());
                    }
                  });
            },
        Encoders.row(FOUND));
  }

  /** The mentees of a window of query rows, in order. */
  private static List<MenteeQuery> menteesOf(List<Row> window) {
    List<MenteeQuery> mentees = new ArrayList<>(window.size());
    for (Row row : window) {
      mentees.add(query(row));
    }
    return mentees;
  }

  /**
   * Mentees searched together: enough goals to compare a few blocks of them with the skills at once
   * ({@link TopMentorSearch#prepare}), few enough rows to hold.
   */
  static final int MENTEES_AT_ONCE = 64;

  /** What a few mentees' query rows give: the rows they add to {@code out}. */
  private interface PerWindow {
    void rows(List<Row> queries, List<Row> out);
  }

  /**
   * The rows {@code each} gives for every query, computed {@link #MENTEES_AT_ONCE} mentees at a
   * time as Spark pulls them, so a task never holds more than those mentees' rows.
   */
  private static Iterator<Row> lazily(Iterator<Row> queries, PerWindow each) {
    return new Iterator<>() {
      private final List<Row> buffer = new ArrayList<>();
      private final List<Row> window = new ArrayList<>(MENTEES_AT_ONCE);
      private int next;

      @Override
      public boolean hasNext() {
        while (next == buffer.size() && queries.hasNext()) {
          buffer.clear();
          next = 0;
          window.clear();
          while (window.size() < MENTEES_AT_ONCE && queries.hasNext()) {
            window.add(queries.next());
          }
          each.rows(window, buffer);
        }
        return next < buffer.size();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return buffer.get(next++);
      }
    };
  }

  private static void addRows(
      List<Row> out,
      MenteeQuery q,
      MentorIndex mentors,
      List<TopMentorSearch.Found> found,
      int met,
      int extended) {
    int rank = 0;
    for (TopMentorSearch.Found f : found) {
      PairScorer.Score s = f.score();
      MentorIndex.Mentor mentor = mentors.mentor(f.mentor());
      out.add(
          RowFactory.create(
              q.id(),
              mentor.id(),
              s.score(),
              s.coverage(),
              s.seniorityPart(),
              s.timezonePart(),
              s.departmentPart(),
              s.sharedHours(),
              matchRows(s),
              mentor.cluster(),
              ++rank,
              met,
              extended));
    }
  }

  /** A query row of {@link #queries} as the search reads it. */
  static MenteeQuery query(Row r) {
    int goalsAt = r.fieldIndex("goals");
    List<MenteeQuery.Goal> goals = new ArrayList<>();
    if (!r.isNullAt(goalsAt)) {
      for (Row g : r.<Row>getList(goalsAt)) {
        PhraseSimilarity.Phrase phrase =
            new PhraseSimilarity.Phrase(
                g.getAs(Columns.PHRASE_TEXT),
                List.copyOf(g.<String>getList(g.fieldIndex(Columns.PHRASE_CONCEPTS))),
                g.<Double>getAs(Columns.PHRASE_COVERAGE),
                g.<Boolean>getAs(Columns.PHRASE_TOPICAL),
                g.<byte[]>getAs(Columns.PHRASE_EMBEDDING));
        goals.add(new MenteeQuery.Goal(phrase.text(), phrase.topical(), phrase));
      }
    }
    int declinedAt = r.fieldIndex("declined");
    // Java copies of Spark's list views: the rules read them once for every mentor met.
    return new MenteeQuery(
        r.getAs(Columns.MENTEE_ID),
        r.isNullAt(r.fieldIndex(Columns.LANGUAGES))
            ? null
            : new ArrayList<>(r.<String>getList(r.fieldIndex(Columns.LANGUAGES))),
        r.<Integer>getAs(Columns.UTC_OFFSET_MINUTES),
        r.<Integer>getAs(Columns.SENIORITY),
        r.getAs(Columns.DEPARTMENT),
        r.getAs(Columns.MANAGER_ID),
        new HashSet<>(r.<String>getList(r.fieldIndex(Columns.MANAGEMENT_CHAIN))),
        goals,
        r.isNullAt(declinedAt) ? java.util.Set.of() : new HashSet<>(r.<String>getList(declinedAt)));
  }
}
