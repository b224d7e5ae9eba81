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
        phrases(profiles, Columns.IS_MENTEE, Columns.MENTEE_ID, Columns.GOAL_PHRASES, "goal");
    Dataset<Row> skills =
        phrases(profiles, Columns.IS_MENTOR, Columns.MENTOR_ID, Columns.SKILL_PHRASES, "skill");
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

  /**
   * One row per phrase of the members with {@code role} set: {@code idAs, <name>, <name>_vector}.
   */
  private static Dataset<Row> phrases(
      Dataset<Row> profiles, String role, String idAs, String phrasesColumn, String name) {
    return profiles
        .filter(col(role))
        .select(col(Columns.MEMBER_ID).as(idAs), explode(col(phrasesColumn)).as("p"))
        .select(
            col(idAs),
            col("p." + Columns.PHRASE_TEXT).as(name),
            col("p." + Columns.PHRASE_VECTOR).as(name + "_vector"));
  }
}
