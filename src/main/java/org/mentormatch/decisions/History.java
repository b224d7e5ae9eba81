package org.mentormatch.decisions;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;

/**
 * What earlier nights' proposals and coordinators' decisions mean for tonight's run.
 *
 * <ul>
 *   <li>An approved pair is an active mentorship while both members are still in the programme: its
 *       mentee is not matched again and it takes one of its mentor's places.
 *   <li>A rejected pair is never proposed again; its mentee may get another mentor.
 *   <li>An undecided proposal keeps its mentee waiting and holds its mentor's place until it
 *       expires ({@code expires_on} before tonight) or a member drops out (no longer in the file,
 *       or no longer consenting), when it is withdrawn and listed; either way the place is
 *       released.
 * </ul>
 *
 * <p>Input: tonight's profiles (with {@code capacity}), the ids of members still in the programme,
 * and the history files ({@link Files}). Output: profiles with {@code is_mentee} cleared for
 * mentees in a mentorship or awaiting a decision and {@code free_capacity} set; the declined pairs;
 * the proposals withdrawn tonight with the reason.
 */
public final class History {
  private History() {}

  /** Earlier runs' proposals: what the history needs of them. */
  public static final StructType PROPOSALS =
      new StructType()
          .add("proposal_id", DataTypes.StringType)
          .add("run_id", DataTypes.StringType)
          .add("mentee_id", DataTypes.StringType)
          .add("mentor_id", DataTypes.StringType)
          .add("expires_on", DataTypes.StringType);

  /** Ledger decisions: what the history needs of them. */
  public static final StructType DECISIONS =
      new StructType()
          .add("proposal_id", DataTypes.StringType)
          .add("mentee_id", DataTypes.StringType)
          .add("mentor_id", DataTypes.StringType)
          .add("decision", DataTypes.StringType)
          .add("run_id", DataTypes.StringType);

  /** Proposals earlier runs withdrew. */
  public static final StructType WITHDRAWN =
      new StructType().add("proposal_id", DataTypes.StringType);

  /** The history as read from the programme's home. */
  public record Files(Dataset<Row> proposals, Dataset<Row> decisions, Dataset<Row> withdrawn) {}

  /**
   * Tonight's members and pairs after the history.
   *
   * @param withdrawn {@code proposal_id, run_id, mentee_id, mentor_id, reason}
   */
  public record Effect(
      Dataset<Row> profiles,
      Dataset<Row> declinedPairs,
      Dataset<Row> withdrawn,
      Map<String, Long> figures) {}

  /**
   * Applies {@code history} to {@code profiles} as of {@code asOf}; {@code present} lists the
   * {@code member_id} of everyone still in the programme (consenting, readable row).
   */
  public static Effect apply(
      Dataset<Row> profiles, Dataset<Row> present, Files history, LocalDate asOf) {
    Dataset<Row> here = present.select(col(Columns.MEMBER_ID).as("present_id")).distinct();
    Column bothPresent = col("mentee_here").isNotNull().and(col("mentor_here").isNotNull());

    Dataset<Row> decided = history.decisions();
    Dataset<Row> approved =
        withPresence(decided.filter(col("decision").equalTo("APPROVE")), here).localCheckpoint();
    Dataset<Row> active = approved.filter(bothPresent);
    Dataset<Row> declined =
        decided
            .filter(col("decision").equalTo("REJECT"))
            .select(col("mentee_id").as(Columns.MENTEE_ID), col("mentor_id").as(Columns.MENTOR_ID))
            .distinct()
            .localCheckpoint();

    Dataset<Row> undecided =
        history
            .proposals()
            .join(decided.select("proposal_id"), new String[] {"proposal_id"}, "left_anti")
            .join(history.withdrawn(), new String[] {"proposal_id"}, "left_anti");
    Column live = col("expires_on").geq(lit(asOf.toString()));
    Dataset<Row> pending = withPresence(undecided.filter(live), here).localCheckpoint();
    long expired = undecided.filter(col("expires_on").lt(lit(asOf.toString()))).count();
    Dataset<Row> held = pending.filter(bothPresent);
    Dataset<Row> withdrawn =
        pending
            .filter(bothPresent.unary_$bang())
            .select(
                col("proposal_id"),
                col("run_id"),
                col("mentee_id"),
                col("mentor_id"),
                when(col("mentee_here").isNull(), lit("the mentee is no longer in the programme"))
                    .otherwise(lit("the mentor is no longer in the programme"))
                    .as("reason"))
            .orderBy("proposal_id")
            .localCheckpoint();

    Dataset<Row> load =
        active
            .select("mentor_id")
            .union(held.select("mentor_id"))
            .groupBy(col("mentor_id").as(Columns.MEMBER_ID))
            .agg(count(lit(1)).cast("int").as("load"));
    Dataset<Row> busy =
        active
            .select(col("mentee_id").as(Columns.MEMBER_ID), lit("active").as("busy"))
            .union(held.select(col("mentee_id").as(Columns.MEMBER_ID), lit("pending").as("busy")))
            .dropDuplicates(Columns.MEMBER_ID);
    String[] byMember = {Columns.MEMBER_ID};
    Dataset<Row> after =
        profiles
            .drop(Columns.FREE_CAPACITY)
            .join(load, byMember, "left")
            .join(busy, byMember, "left")
            .withColumn(
                Columns.FREE_CAPACITY,
                greatest(lit(0), col(Columns.CAPACITY).minus(coalesce(col("load"), lit(0)))))
            .withColumn(Columns.IS_MENTEE, col(Columns.IS_MENTEE).and(col("busy").isNull()))
            .drop("load", "busy")
            .localCheckpoint();

    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("active_mentorships", active.count());
    figures.put("mentees_in_mentorship", active.select("mentee_id").distinct().count());
    figures.put("pending_carried_over", held.count());
    figures.put("mentees_awaiting_decision", held.select("mentee_id").distinct().count());
    figures.put("pending_expired", expired);
    figures.put("pending_withdrawn", withdrawn.count());
    figures.put("declined_pairs", declined.count());
    return new Effect(after, declined, withdrawn, figures);
  }

  private static Dataset<Row> withPresence(Dataset<Row> pairs, Dataset<Row> here) {
    return pairs
        .join(
            here.withColumnRenamed("present_id", "mentee_here"),
            col("mentee_id").equalTo(col("mentee_here")),
            "left")
        .join(
            here.withColumnRenamed("present_id", "mentor_here"),
            col("mentor_id").equalTo(col("mentor_here")),
            "left");
  }
}
