package org.mentormatch.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.config.ScoreConfig;

/**
 * Scores allowed pairs on the executors with {@link PairScorer}.
 *
 * <p>Input: pairs with {@code mentee_goal_phrases, mentor_skill_phrases} and both sides' {@code
 * seniority, utc_offset_minutes, department}. Output: the same plus {@code score, coverage,
 * seniority_part, timezone_part, department_part, shared_hours} and {@code matches} (array of
 * {@code goal, skill, similarity}: the goals covered and by which skill).
 */
public final class PairScoring {
  private PairScoring() {}

  /** The struct of one covered goal. */
  public static final StructType MATCH =
      new StructType()
          .add("goal", DataTypes.StringType, false)
          .add("skill", DataTypes.StringType, false)
          .add("similarity", DataTypes.DoubleType, false);

  private static final StructType SCORE =
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
   * Scores candidate {@code pairs} ({@code mentee_id, mentor_id} and any other columns) from the
   * members' {@code profiles}: the pairs with the score columns, without the phrases they were
   * computed from.
   */
  public static Dataset<Row> scoreCandidates(
      Dataset<Row> pairs, Dataset<Row> profiles, ScoreConfig config) {
    Dataset<Row> withPhrases =
        pairs
            .join(
                profiles.select(
                    col(Columns.MEMBER_ID).as(Columns.MENTEE_ID),
                    col(Columns.GOAL_PHRASES).as(Columns.mentee(Columns.GOAL_PHRASES))),
                Columns.MENTEE_ID)
            .join(
                profiles.select(
                    col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
                    col(Columns.SKILL_PHRASES).as(Columns.mentor(Columns.SKILL_PHRASES))),
                Columns.MENTOR_ID);
    return score(withPhrases, config)
        .drop(Columns.mentee(Columns.GOAL_PHRASES), Columns.mentor(Columns.SKILL_PHRASES));
  }

  /** Adds the score columns to every pair. */
  public static Dataset<Row> score(Dataset<Row> pairs, ScoreConfig config) {
    PairScorer scorer = new PairScorer(config);
    UserDefinedFunction scoreUdf =
        udf(
            (UDF2<Row, Row, Row>)
                (mentee, mentor) -> {
                  PairScorer.Score s = scorer.score(side(mentee), side(mentor));
                  List<Row> matches = new ArrayList<>();
                  for (PairScorer.Match m : s.matches()) {
                    matches.add(RowFactory.create(m.goal(), m.skill(), m.similarity()));
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
        pairs.withColumn(
            "s",
            scoreUdf.apply(
                struct(
                    col(Columns.mentee(Columns.GOAL_PHRASES)).as("phrases"),
                    col(Columns.mentee(Columns.SENIORITY)).as(Columns.SENIORITY),
                    col(Columns.mentee(Columns.UTC_OFFSET_MINUTES)).as(Columns.UTC_OFFSET_MINUTES),
                    col(Columns.mentee(Columns.DEPARTMENT)).as(Columns.DEPARTMENT)),
                struct(
                    col(Columns.mentor(Columns.SKILL_PHRASES)).as("phrases"),
                    col(Columns.mentor(Columns.SENIORITY)).as(Columns.SENIORITY),
                    col(Columns.mentor(Columns.UTC_OFFSET_MINUTES)).as(Columns.UTC_OFFSET_MINUTES),
                    col(Columns.mentor(Columns.DEPARTMENT)).as(Columns.DEPARTMENT))));
    for (String part : SCORE_COLUMNS) {
      scored = scored.withColumn(part, col("s." + part));
    }
    return scored.drop("s");
  }

  private static PairScorer.Side side(Row r) {
    List<PairScorer.Phrase> phrases = new ArrayList<>();
    for (Row p : r.<Row>getList(r.fieldIndex("phrases"))) {
      phrases.add(
          new PairScorer.Phrase(p.getAs(Columns.PHRASE_TEXT), p.getAs(Columns.PHRASE_VECTOR)));
    }
    return new PairScorer.Side(
        phrases,
        r.<Integer>getAs(Columns.SENIORITY),
        r.<Integer>getAs(Columns.UTC_OFFSET_MINUTES),
        r.<String>getAs(Columns.DEPARTMENT));
  }
}
