package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.udf;

import java.util.List;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Columns;
import org.mentormatch.features.SparseVectors;

/**
 * Candidates without clustering: every mentee-mentor pair in which some goal phrase and some skill
 * phrase are at least {@code score.min_phrase_similarity} alike, with every hard rule marked. The
 * quality benchmark's exhaustive baseline.
 *
 * <p>Exact: a pair's coverage counts only goal-skill phrase pairs at or above that similarity, so
 * every pair with any coverage at all is here; with {@code assignment.min_coverage} above 0 no pair
 * the assignment could use is missed. Cost: one similarity per distinct goal phrase and distinct
 * skill phrase, then a join through the phrases; popular phrases make it large, which is why the
 * nightly job uses clusters.
 *
 * <p>Output: as {@link CandidatePairs#generate}.
 */
public final class ExactCandidates {
  private ExactCandidates() {}

  /** Every pair sharing a goal-skill phrase pair at or above {@code minSimilarity}. */
  public static Dataset<Row> generate(
      Dataset<Row> profiles,
      List<PairRules.PairRule> rules,
      Dataset<Row> declined,
      double minSimilarity) {
    Dataset<Row> goals =
        profiles
            .filter(col(Columns.IS_MENTEE))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTEE_ID),
                explode(col(Columns.GOAL_PHRASES)).as("p"))
            .select(
                col(Columns.MENTEE_ID),
                col("p." + Columns.PHRASE_TEXT).as("goal"),
                col("p." + Columns.PHRASE_VECTOR).as("goal_vector"));
    Dataset<Row> skills =
        profiles
            .filter(col(Columns.IS_MENTOR))
            .select(
                col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
                explode(col(Columns.SKILL_PHRASES)).as("p"))
            .select(
                col(Columns.MENTOR_ID),
                col("p." + Columns.PHRASE_TEXT).as("skill"),
                col("p." + Columns.PHRASE_VECTOR).as("skill_vector"));
    // A phrase's vector depends only on its text, so one per distinct text suffices.
    Dataset<Row> goalTexts = goals.dropDuplicates("goal").select("goal", "goal_vector");
    Dataset<Row> skillTexts = skills.dropDuplicates("skill").select("skill", "skill_vector");
    Dataset<Row> alike =
        goalTexts
            .crossJoin(broadcast(skillTexts))
            .filter(
                udf((UDF2<Vector, Vector, Double>) SparseVectors::dot, DataTypes.DoubleType)
                    .apply(col("goal_vector"), col("skill_vector"))
                    .geq(minSimilarity))
            .select("goal", "skill")
            .localCheckpoint();
    Dataset<Row> ids =
        goals
            .select(Columns.MENTEE_ID, "goal")
            .join(alike, "goal")
            .join(skills.select(Columns.MENTOR_ID, "skill"), "skill")
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .distinct();
    return CandidatePairs.withRules(ids, profiles, rules, declined);
  }
}
