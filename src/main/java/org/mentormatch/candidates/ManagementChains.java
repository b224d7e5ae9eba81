package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_append;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.ingest.MemberTriage;

/**
 * Each member's management chain: manager, manager's manager, and so on up to a depth limit.
 *
 * <p>Built by repeated self-joins, one level per round, stopping when no chain grows; a cycle in
 * the data stops at the first repeated id. Input: {@code member_id, manager_id}, one row per member
 * known to the file (used, excluded or rejected: a manager who is not in the programme, or whose
 * row is broken tonight, still manages). Output: {@code member_id, management_chain} (array, direct
 * manager first; empty at the top).
 */
public final class ManagementChains {

  private ManagementChains() {}

  /**
   * The chains of every member of tonight's file, from its triaged rows ({@code MemberTriage}): a
   * member whose row is rejected tonight (a typo in their e-mail, say) still manages their reports,
   * so every readable row counts, one per member, a usable row before a rejected one.
   */
  public static Dataset<Row> fromMembers(Dataset<Row> triaged, int maxDepth) {
    WindowSpec firstRowOfMember =
        Window.partitionBy(Columns.MEMBER_ID)
            .orderBy(col(Columns.STATUS).equalTo(MemberTriage.REJECTED), col(Columns.LINE));
    return build(
        triaged
            .filter(col("readable").and(col(Columns.MEMBER_ID).isNotNull()))
            .withColumn("row_of_member", row_number().over(firstRowOfMember))
            .filter(col("row_of_member").equalTo(1))
            .select(Columns.MEMBER_ID, Columns.MANAGER_ID),
        maxDepth);
  }

  /** The chains of every member in {@code links}, following at most {@code maxDepth} levels. */
  public static Dataset<Row> build(Dataset<Row> links, int maxDepth) {
    Dataset<Row> managers =
        links
            .filter(col(Columns.MANAGER_ID).isNotNull())
            .select(col(Columns.MEMBER_ID).as("m_id"), col(Columns.MANAGER_ID).as("m_manager"))
            .transform(Checkpoints::keep);
    Dataset<Row> chains =
        links
            .select(
                col(Columns.MEMBER_ID),
                when(col(Columns.MANAGER_ID).isNotNull(), array(col(Columns.MANAGER_ID)))
                    .otherwise(array().cast("array<string>"))
                    .as(Columns.MANAGEMENT_CHAIN),
                col(Columns.MANAGER_ID).as("top"))
            .transform(Checkpoints::keep);
    for (int depth = 2; depth <= maxDepth; depth++) {
      Column next = col("m_manager");
      Column grows =
          next.isNotNull()
              .and(next.notEqual(col(Columns.MEMBER_ID)))
              .and(lit(false).equalTo(array_contains(col(Columns.MANAGEMENT_CHAIN), next)));
      Dataset<Row> longer =
          chains
              .join(managers, col("top").equalTo(col("m_id")), "left")
              .select(
                  col(Columns.MEMBER_ID),
                  when(grows, array_append(col(Columns.MANAGEMENT_CHAIN), next))
                      .otherwise(col(Columns.MANAGEMENT_CHAIN))
                      .as(Columns.MANAGEMENT_CHAIN),
                  when(grows, next).as("top"))
              .transform(
                  Checkpoints::keep); // a fresh plan per round, not one that grows a join per round
      chains = longer;
      if (longer.filter(col("top").isNotNull()).isEmpty()) {
        break;
      }
    }
    return chains.drop("top");
  }
}
