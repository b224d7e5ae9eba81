package org.mentormatch.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.config.ScoreConfig;

/**
 * Scores candidate pairs on the executors with {@link PairScorer}, covering each goal from the
 * phrase-pair table ({@link PhrasePairs}).
 *
 * <p>Input: pairs with {@code mentee_member_id, mentor_member_id} and both sides' {@code seniority,
 * utc_offset_minutes, department}; member profiles with {@code goal_phrases, skill_phrases}; the
 * phrase-pair table. Output: the pairs plus {@code score, coverage, seniority_part, timezone_part,
 * department_part, shared_hours} and {@code matches} (array of {@code goal, skill, similarity,
 * how}: the goals covered, by which skill, how alike and how).
 */
public final class PairScoring {
  private PairScoring() {}

  /** The struct of one covered goal. */
  public static final StructType MATCH =
      new StructType()
          .add("goal", DataTypes.StringType, false)
          .add("skill", DataTypes.StringType, false)
          .add("similarity", DataTypes.DoubleType, false)
          .add("how", DataTypes.StringType, false);

  /** A pair's score and its parts, as {@link #score} adds them ({@link #SCORE_COLUMNS}). */
  public static final StructType SCORE =
      new StructType()
          .add(Columns.SCORE, DataTypes.DoubleType, false)
          .add(Columns.COVERAGE, DataTypes.DoubleType, false)
          .add(Columns.SENIORITY_PART, DataTypes.DoubleType, false)
          .add(Columns.TIMEZONE_PART, DataTypes.DoubleType, false)
          .add(Columns.DEPARTMENT_PART, DataTypes.DoubleType, false)
          .add(Columns.SHARED_HOURS, DataTypes.DoubleType, false)
          .add(Columns.MATCHES, DataTypes.createArrayType(MATCH, false), false);

  /** The columns {@link #score} adds, in order. */
  public static final List<String> SCORE_COLUMNS =
      List.of(
          Columns.SCORE,
          Columns.COVERAGE,
          Columns.SENIORITY_PART,
          Columns.TIMEZONE_PART,
          Columns.DEPARTMENT_PART,
          Columns.SHARED_HOURS,
          Columns.MATCHES);

  /**
   * Each mentee's scored pairs, best first (score, then mentor id for a fixed order among equal
   * scores): the order in which a mentee's mentors are kept and listed.
   */
  public static WindowSpec bestFirst() {
    return Window.partitionBy(Columns.MENTEE_ID)
        .orderBy(col(Columns.SCORE).desc(), col(Columns.MENTOR_ID));
  }

  /**
   * {@code pairs} with each pair's {@link Columns#RANK} in {@link #bestFirst} order. Pairs that
   * carry it already are returned as they are: the search lists each mentee's mentors in this
   * order, and ranking its 30 million pairs at a million members again cost a sort of them all.
   */
  public static Dataset<Row> ranked(Dataset<Row> pairs) {
    return java.util.Arrays.asList(pairs.columns()).contains(Columns.RANK)
        ? pairs
        : pairs.withColumn(Columns.RANK, row_number().over(bestFirst()));
  }

  /**
   * For each goal phrase and mentor, the mentor's skill that covers it best (the first in the
   * mentor's list among equals): {@code goal, mentor_member_id, skill, similarity, how}.
   */
  public static Dataset<Row> bestSkillPerMentor(Dataset<Row> profiles, Dataset<Row> phrasePairs) {
    Dataset<Row> skills =
        profiles
            .filter(col(Columns.IS_MENTOR))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
                posexplode(col(Columns.SKILL_PHRASES)))
            .select(
                col(Columns.MENTOR_ID),
                col("pos").as("skill_pos"),
                col("col." + Columns.PHRASE_TEXT).as(PhrasePairs.SKILL));
    return phrasePairs
        .join(skills, PhrasePairs.SKILL)
        .withColumn(
            "rank",
            row_number()
                .over(
                    Window.partitionBy(PhrasePairs.GOAL, Columns.MENTOR_ID)
                        .orderBy(col(PhrasePairs.SIMILARITY).desc(), col("skill_pos"))))
        .filter(col("rank").equalTo(1))
        .select(
            col(PhrasePairs.GOAL),
            col(Columns.MENTOR_ID),
            col(PhrasePairs.SKILL),
            col(PhrasePairs.SIMILARITY),
            col(PhrasePairs.HOW));
  }

  /** Adds the score columns to every pair. */
  public static Dataset<Row> score(
      Dataset<Row> pairs, Dataset<Row> profiles, Dataset<Row> phrasePairs, ScoreConfig config) {
    Dataset<Row> goals =
        profiles
            .filter(col(Columns.IS_MENTEE))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTEE_ID), posexplode(col(Columns.GOAL_PHRASES)))
            .select(
                col(Columns.MENTEE_ID),
                col("pos").as("goal_pos"),
                col("col." + Columns.PHRASE_TEXT).as(PhrasePairs.GOAL),
                col("col." + Columns.PHRASE_TOPICAL).as(Columns.PHRASE_TOPICAL));
    String[] pairKey = {Columns.MENTEE_ID, Columns.MENTOR_ID};
    Dataset<Row> covers =
        pairs
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .join(goals, Columns.MENTEE_ID)
            .join(
                bestSkillPerMentor(profiles, phrasePairs),
                new String[] {PhrasePairs.GOAL, Columns.MENTOR_ID},
                "left")
            .groupBy(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .agg(
                collect_list(
                        struct(
                            col("goal_pos"),
                            col(PhrasePairs.GOAL),
                            col(Columns.PHRASE_TOPICAL),
                            col(PhrasePairs.SKILL),
                            col(PhrasePairs.SIMILARITY),
                            col(PhrasePairs.HOW)))
                    .as("goals"));

    PairScorer scorer = new PairScorer(config);
    UserDefinedFunction scoreUdf =
        udf(
            (UDF3<scala.collection.Seq<Row>, Row, Row, Row>)
                (goalRows, mentee, mentor) -> {
                  PairScorer.Score s = scorer.score(goals(goalRows), side(mentee), side(mentor));
                  List<Row> matches = new ArrayList<>();
                  for (PairScorer.Match m : s.matches()) {
                    matches.add(RowFactory.create(m.goal(), m.skill(), m.similarity(), m.how()));
                  }
                  return RowFactory.create(
                      s.score(),
                      s.coverage(),
                      s.seniorityPart(),
                      s.timezonePart(),
                      s.departmentPart(),
                      s.sharedHours(),
                      matches.toArray(new Row[0]));
                },
            SCORE);
    Dataset<Row> scored =
        pairs
            .join(covers, pairKey, "left")
            .withColumn(
                "s",
                scoreUdf.apply(
                    col("goals"),
                    struct(
                        col(Columns.mentee(Columns.SENIORITY)).as(Columns.SENIORITY),
                        col(Columns.mentee(Columns.UTC_OFFSET_MINUTES))
                            .as(Columns.UTC_OFFSET_MINUTES),
                        col(Columns.mentee(Columns.DEPARTMENT)).as(Columns.DEPARTMENT)),
                    struct(
                        col(Columns.mentor(Columns.SENIORITY)).as(Columns.SENIORITY),
                        col(Columns.mentor(Columns.UTC_OFFSET_MINUTES))
                            .as(Columns.UTC_OFFSET_MINUTES),
                        col(Columns.mentor(Columns.DEPARTMENT)).as(Columns.DEPARTMENT))))
            .drop("goals");
    for (String part : SCORE_COLUMNS) {
      scored = scored.withColumn(part, col("s." + part));
    }
    return scored.drop("s");
  }

  /** The goals of a pair in the mentee's order, each with the mentor's best skill or none. */
  private static List<PairScorer.Goal> goals(scala.collection.Seq<Row> rows) {
    if (rows == null) {
      return List.of();
    }
    List<Row> sorted = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(rows));
    sorted.sort(java.util.Comparator.comparingInt(r -> r.getInt(0)));
    List<PairScorer.Goal> out = new ArrayList<>();
    for (Row r : sorted) {
      PairScorer.Match best =
          r.isNullAt(3)
              ? null
              : new PairScorer.Match(
                  r.getString(1), r.getString(3), r.getDouble(4), r.getString(5));
      out.add(new PairScorer.Goal(r.getString(1), r.getBoolean(2), best));
    }
    return out;
  }

  private static PairScorer.Side side(Row r) {
    return new PairScorer.Side(r.getInt(0), r.getInt(1), r.isNullAt(2) ? null : r.getString(2));
  }
}
