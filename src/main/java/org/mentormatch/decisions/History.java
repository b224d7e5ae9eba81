package org.mentormatch.decisions;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.ingest.MemberTriage;
import org.mentormatch.ingest.ParsedMember;

/**
 * What earlier nights' proposals and coordinators' decisions mean for tonight's run.
 *
 * <ul>
 *   <li>An approved pair is an active mentorship while both members are still in the programme: its
 *       mentee is not matched again and it takes one of its mentor's places.
 *   <li>A rejected pair is never proposed again; its mentee may get another mentor.
 *   <li>An undecided proposal keeps its mentee waiting and holds its mentor's place until it is
 *       withdrawn, which releases the place and is listed with the reason: it expired ({@code
 *       expires_on} before tonight); a member dropped out (no longer in the file, or no longer
 *       consenting); the mentee no longer asks for a mentor; or the mentor now offers fewer places
 *       than active mentorships and pending proposals take (the oldest proposals keep theirs). Once
 *       withdrawn, {@code decide.sh} refuses it, so capacity holds whatever the calendar.
 * </ul>
 *
 * <p>Input: tonight's profiles (with {@code capacity}), the members still in the programme ({@link
 * #PRESENT}), and the history files ({@link Files}). Output: profiles with {@code is_mentee}
 * cleared for mentees in a mentorship or awaiting a decision and {@code free_capacity} set; the
 * declined pairs; the proposals withdrawn tonight with the reason.
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

  /**
   * Members still in the programme (a readable row with consent): how many mentees they may mentor
   * ({@code places}) and whether they ask for a mentor ({@code seeks_mentor}), both null when
   * tonight's row is rejected and so says nothing reliable.
   */
  public static final StructType PRESENT =
      new StructType()
          .add(Columns.MEMBER_ID, DataTypes.StringType)
          .add("places", DataTypes.IntegerType)
          .add("seeks_mentor", DataTypes.BooleanType);

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
   * Everyone still in the programme tonight, as {@link #PRESENT}: one row per member with a
   * readable row and consent, used or not, with the places they offer and whether they seek a
   * mentor. A rejected row keeps its member present (a typo must not end a mentorship) but offers
   * nothing and seeks nothing.
   */
  public static Dataset<Row> present(Dataset<Row> triaged) {
    Column reliable = col(Columns.STATUS).notEqual(MemberTriage.REJECTED);
    Column role = col(Columns.ROLE);
    return triaged
        .filter(col("readable").and(col(Columns.CONSENT)).and(col(Columns.MEMBER_ID).isNotNull()))
        .groupBy(Columns.MEMBER_ID)
        .agg(
            max(when(
                    reliable,
                    when(role.isin(ParsedMember.MENTOR, ParsedMember.BOTH), col(Columns.CAPACITY))
                        .otherwise(0)))
                .cast("int")
                .as("places"),
            max(when(reliable, role.isin(ParsedMember.MENTEE, ParsedMember.BOTH)))
                .as("seeks_mentor"));
  }

  /**
   * Applies {@code history} to {@code profiles} as of {@code asOf}; {@code present} lists everyone
   * still in the programme ({@link #PRESENT}).
   */
  public static Effect apply(
      Dataset<Row> profiles, Dataset<Row> present, Files history, LocalDate asOf) {
    Dataset<Row> here = present.select(col(Columns.MEMBER_ID).as("present_id")).distinct();
    Column bothPresent = col("mentee_here").isNotNull().and(col("mentor_here").isNotNull());

    Dataset<Row> decided = history.decisions();
    Dataset<Row> approved =
        withPresence(decided.filter(col("decision").equalTo("APPROVE")), here)
            .transform(Checkpoints::keep);
    Dataset<Row> active = approved.filter(bothPresent);
    Dataset<Row> declined =
        decided
            .filter(col("decision").equalTo("REJECT"))
            .select(col("mentee_id").as(Columns.MENTEE_ID), col("mentor_id").as(Columns.MENTOR_ID))
            .distinct()
            .transform(Checkpoints::keep);

    Dataset<Row> undecided =
        history
            .proposals()
            .join(decided.select("proposal_id"), new String[] {"proposal_id"}, "left_anti")
            .join(history.withdrawn(), new String[] {"proposal_id"}, "left_anti");
    Column live = col("expires_on").geq(lit(asOf.toString()));
    Dataset<Row> expired =
        undecided
            .filter(not(live))
            .withColumn(
                "reason",
                concat(lit("expired on "), col("expires_on"), lit(" without a decision")));
    Dataset<Row> pending = ranked(withPresence(undecided.filter(live), here), active, present);
    Column seeksNoMentor = col("seeks_mentor").equalTo(false);
    Column overCapacity = col("places").isNotNull().and(col("place").gt(col("places")));
    Column keeps = bothPresent.and(not(seeksNoMentor)).and(not(overCapacity));
    Dataset<Row> held = pending.filter(keeps);
    Dataset<Row> dropped =
        pending
            .filter(not(keeps))
            .withColumn(
                "reason",
                when(col("mentee_here").isNull(), lit("the mentee is no longer in the programme"))
                    .when(
                        col("mentor_here").isNull(),
                        lit("the mentor is no longer in the programme"))
                    .when(seeksNoMentor, lit("the mentee no longer asks for a mentor"))
                    .otherwise(
                        concat(
                            lit("the mentor now offers "),
                            col("places").cast("string"),
                            lit(" place(s), taken by active mentorships and earlier proposals"))));
    Dataset<Row> withdrawn =
        expired
            .select(WITHDRAWN_COLUMNS)
            .union(dropped.select(WITHDRAWN_COLUMNS))
            .orderBy("proposal_id")
            .transform(Checkpoints::keep);

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
            .transform(Checkpoints::keep);

    long expiredTonight = expired.count();
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("active_mentorships", active.count());
    figures.put("mentees_in_mentorship", active.select("mentee_id").distinct().count());
    figures.put("pending_carried_over", held.count());
    figures.put("mentees_awaiting_decision", held.select("mentee_id").distinct().count());
    figures.put("pending_expired", expiredTonight);
    figures.put("pending_withdrawn", withdrawn.count() - expiredTonight);
    figures.put("declined_pairs", declined.count());
    return new Effect(after, declined, withdrawn, figures);
  }

  private static final Column[] WITHDRAWN_COLUMNS = {
    col("proposal_id"), col("run_id"), col("mentee_id"), col("mentor_id"), col("reason")
  };

  /**
   * Live proposals with their members' presence, {@code places} and {@code seeks_mentor}, and
   * {@code place}: the mentor's places this proposal needs, counting the mentor's active
   * mentorships first and then the proposals that expire sooner (older ones), so that a mentor who
   * lowers their capacity keeps the proposals made first.
   */
  private static Dataset<Row> ranked(
      Dataset<Row> pending, Dataset<Row> active, Dataset<Row> present) {
    Dataset<Row> activeLoad =
        active.groupBy("mentor_id").agg(count(lit(1)).cast("int").as("active_load"));
    Dataset<Row> places = present.select(col(Columns.MEMBER_ID).as("mentor_id"), col("places"));
    Dataset<Row> seeks =
        present.select(col(Columns.MEMBER_ID).as("mentee_id"), col("seeks_mentor"));
    WindowSpec soFar =
        Window.partitionBy("mentor_id")
            .orderBy(col("expires_on"), col("proposal_id"))
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Column stillWanted =
        col("mentee_here")
            .isNotNull()
            .and(col("mentor_here").isNotNull())
            .and(coalesce(col("seeks_mentor"), lit(true)));
    return pending
        .join(activeLoad, new String[] {"mentor_id"}, "left")
        .join(places, new String[] {"mentor_id"}, "left")
        .join(seeks, new String[] {"mentee_id"}, "left")
        .withColumn(
            "place",
            coalesce(col("active_load"), lit(0))
                .plus(sum(when(stillWanted, 1).otherwise(0)).over(soFar))
                .cast("int"))
        .transform(Checkpoints::keep);
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
