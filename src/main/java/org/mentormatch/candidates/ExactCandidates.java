package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentormatch.Columns;

/**
 * Candidates without clustering: every mentee-mentor pair in which some goal phrase and some skill
 * phrase are at least {@code score.min_phrase_similarity} alike (a row of the phrase-pair table),
 * with every hard rule marked. The quality benchmark's exhaustive baseline.
 *
 * <p>Exact: a pair's coverage counts only goal-skill phrase pairs at or above that similarity, so
 * every pair with any coverage at all is here; with {@code assignment.min_coverage} above 0 no pair
 * the assignment could use is missed. Cost: a join of the members' phrases through the table;
 * popular phrases make it large, which is why the nightly job uses clusters.
 *
 * <p>Output: as {@link CandidatePairs#generate}.
 */
public final class ExactCandidates {
  private ExactCandidates() {}

  /**
   * Every pair sharing a goal-skill phrase pair of {@code phrasePairs} ({@code goal, skill}, see
   * {@code scoring.PhrasePairs}).
   */
  public static Dataset<Row> generate(
      Dataset<Row> profiles,
      List<PairRules.PairRule> rules,
      Dataset<Row> declined,
      Dataset<Row> phrasePairs) {
    Dataset<Row> goals =
        phrases(profiles, Columns.IS_MENTEE, Columns.MENTEE_ID, Columns.GOAL_PHRASES, "goal");
    Dataset<Row> skills =
        phrases(profiles, Columns.IS_MENTOR, Columns.MENTOR_ID, Columns.SKILL_PHRASES, "skill");
    Dataset<Row> ids =
        goals
            .join(phrasePairs.select("goal", "skill"), "goal")
            .join(skills, "skill")
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .distinct();
    return CandidatePairs.withRules(ids, profiles, rules, declined);
  }

  /** One row per phrase of the members with {@code role} set: {@code idAs, <name>}. */
  private static Dataset<Row> phrases(
      Dataset<Row> profiles, String role, String idAs, String phrasesColumn, String name) {
    return profiles
        .filter(col(role))
        .select(col(Columns.MEMBER_ID).as(idAs), explode(col(phrasesColumn)).as("p"))
        .select(col(idAs), col("p." + Columns.PHRASE_TEXT).as(name))
        .distinct();
  }
}
