package org.mentormatch.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.features.PhraseEmbedder;

/**
 * The phrase-pair table: every distinct goal phrase with every distinct skill phrase that covers it
 * at least {@code score.min_phrase_similarity} ({@link PhraseSimilarity}). Scoring and the exact
 * candidates aggregate member pairs from it, so how it is found can change without touching them.
 *
 * <p>Found here by comparing every distinct goal with every distinct skill (the skills collected
 * and broadcast, the goals in their partitions): exact, and quick while the distinct phrases number
 * in the thousands (7,000 goals by 4,000 skills at 20,000 sample-style members); at 20,000 members
 * of the realistic generator (22,000 by 13,000) it is the slow step.
 *
 * <p>Input: distinct phrases with the fields of {@code MemberFeatures.PHRASE}, once for goals and
 * once for skills. Output: {@link #PAIR} rows.
 */
public final class PhrasePairs {
  private PhrasePairs() {}

  public static final String GOAL = "goal";
  public static final String SKILL = "skill";
  public static final String SIMILARITY = "similarity";
  public static final String HOW = "how";

  /** One row of the table. */
  public static final StructType PAIR =
      new StructType()
          .add(GOAL, DataTypes.StringType, false)
          .add(SKILL, DataTypes.StringType, false)
          .add(SIMILARITY, DataTypes.DoubleType, false)
          .add(HOW, DataTypes.StringType, false);

  /**
   * The table for members' {@code profiles}: each distinct goal phrase of a mentee with each
   * distinct skill phrase of a mentor whose similarity reaches {@code min}.
   */
  public static Dataset<Row> between(
      Dataset<Row> profiles, PhraseSimilarity similarity, double min) {
    return alike(
        distinct(profiles, Columns.IS_MENTEE, Columns.GOAL_PHRASES),
        distinct(profiles, Columns.IS_MENTOR, Columns.SKILL_PHRASES),
        similarity,
        min);
  }

  /** The distinct phrases in column {@code phrases} of the members with {@code role} set. */
  private static Dataset<Row> distinct(Dataset<Row> profiles, String role, String phrases) {
    return profiles
        .filter(col(role))
        .select(explode(col(phrases)).as("p"))
        .select("p.*")
        .dropDuplicates(Columns.PHRASE_TEXT);
  }

  /** The goal-skill phrase pairs whose similarity reaches {@code min}. */
  public static Dataset<Row> alike(
      Dataset<Row> goals, Dataset<Row> skills, PhraseSimilarity similarity, double min) {
    List<PhraseSimilarity.Phrase> skillList = new ArrayList<>();
    for (Row r : skills.select(fields()).collectAsList()) {
      skillList.add(phrase(r));
    }
    Broadcast<List<PhraseSimilarity.Phrase>> shared =
        JavaSparkContext.fromSparkContext(goals.sparkSession().sparkContext()).broadcast(skillList);
    return goals
        .select(fields())
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows -> {
                  List<PhraseSimilarity.Phrase> all = shared.value();
                  List<Row> out = new ArrayList<>();
                  rows.forEachRemaining(
                      r -> {
                        PhraseSimilarity.Phrase g = phrase(r);
                        for (PhraseSimilarity.Phrase sk : all) {
                          // Only the model's cosine needs all 384 numbers; the taxonomy's verdict
                          // matters only where both phrases name concepts.
                          boolean concepts = !g.concepts().isEmpty() && !sk.concepts().isEmpty();
                          if (!concepts
                              && similarity.meaning(
                                      PhraseEmbedder.cosine(g.embedding(), sk.embedding()))
                                  < min) {
                            continue;
                          }
                          PhraseSimilarity.Similarity sim = similarity.of(g, sk);
                          if (sim.value() >= min) {
                            out.add(
                                RowFactory.create(
                                    g.text(), sk.text(), sim.value(), sim.kind().words()));
                          }
                        }
                      });
                  return out.iterator();
                },
            ExpressionEncoder.apply(PAIR));
  }

  private static org.apache.spark.sql.Column[] fields() {
    return List.of(
            Columns.PHRASE_TEXT,
            Columns.PHRASE_CONCEPTS,
            Columns.PHRASE_COVERAGE,
            Columns.PHRASE_TOPICAL,
            Columns.PHRASE_EMBEDDING)
        .stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /** A phrase struct ({@code MemberFeatures.PHRASE} fields) as the similarity reads it. */
  static PhraseSimilarity.Phrase phrase(Row r) {
    return new PhraseSimilarity.Phrase(
        r.getAs(Columns.PHRASE_TEXT),
        r.getList(r.fieldIndex(Columns.PHRASE_CONCEPTS)),
        r.<Double>getAs(Columns.PHRASE_COVERAGE),
        r.<Boolean>getAs(Columns.PHRASE_TOPICAL),
        r.getAs(Columns.PHRASE_EMBEDDING));
  }
}
