package org.mentormatch.ingest;

import static org.apache.spark.sql.functions.array_append;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.mentormatch.Columns;

/**
 * Decides, for every parsed row, whether it is used, excluded for a stated reason, or rejected with
 * every reason; adds the rules that need other rows (duplicate member ids).
 *
 * <p>Order of precedence: a row that is not readable CSV is rejected; otherwise a member without
 * consent is excluded before anything else is judged (their data is not copied into the rejected
 * rows); otherwise any problem rejects the row; a mentor offering capacity 0 is excluded; the rest
 * is used.
 *
 * <p>Input: {@link MemberTable#PARSED}. Output: the same columns plus {@code status} ({@code USED},
 * {@code EXCLUDED}, {@code REJECTED}), {@code is_mentee} and {@code is_mentor}; {@code reasons}
 * then holds every rejection reason, or the one exclusion reason.
 */
public final class MemberTriage {
  public static final String USED = "USED";
  public static final String EXCLUDED = "EXCLUDED";
  public static final String REJECTED = "REJECTED";

  public static final String NO_CONSENT = "did not consent to matching";
  public static final String ZERO_CAPACITY = "mentor offers capacity 0";

  private MemberTriage() {}

  /** Adds status, final reasons and the role flags. */
  public static Dataset<Row> triage(Dataset<Row> parsed) {
    Column readable = col("readable");
    Column firstLine =
        min(when(readable, col(Columns.LINE))).over(Window.partitionBy(col(Columns.MEMBER_ID)));
    Column duplicate =
        col(Columns.MEMBER_ID).isNotNull().and(readable).and(col(Columns.LINE).gt(firstLine));
    // Quoted as is: the parser keeps a member_id only when it is a plain valid id.
    Column duplicateReason =
        concat(
            lit("member_id '"),
            col(Columns.MEMBER_ID),
            lit("' is already used at line "),
            firstLine.cast("string"));
    Column reasons =
        when(duplicate, array_append(col(Columns.REASONS), duplicateReason))
            .otherwise(col(Columns.REASONS));

    Column mentorOnly = col(Columns.ROLE).equalTo(lit(ParsedMember.MENTOR));
    Column status =
        when(not(readable), lit(REJECTED))
            .when(not(col(Columns.CONSENT)), lit(EXCLUDED))
            .when(size(col("all_reasons")).gt(0), lit(REJECTED))
            .when(mentorOnly.and(col(Columns.CAPACITY).equalTo(0)), lit(EXCLUDED))
            .otherwise(lit(USED));
    Column finalReasons =
        when(col(Columns.STATUS).equalTo(REJECTED), col("all_reasons"))
            .when(not(col(Columns.CONSENT)), functions.array(lit(NO_CONSENT)))
            .when(col(Columns.STATUS).equalTo(EXCLUDED), functions.array(lit(ZERO_CAPACITY)))
            .otherwise(functions.array().cast("array<string>"));

    Column role = col(Columns.ROLE);
    Column used = col(Columns.STATUS).equalTo(USED);
    return parsed
        .withColumn("all_reasons", reasons)
        .withColumn(Columns.STATUS, status)
        .withColumn(Columns.REASONS, finalReasons)
        .withColumn(Columns.IS_MENTEE, used.and(role.isin(ParsedMember.MENTEE, ParsedMember.BOTH)))
        .withColumn(
            Columns.IS_MENTOR,
            used.and(role.isin(ParsedMember.MENTOR, ParsedMember.BOTH))
                .and(col(Columns.CAPACITY).gt(0)))
        .drop("all_reasons");
  }

  /**
   * The rows tonight's match uses, partitioned and sorted by member id for the joins that follow:
   * the parsed member columns with {@code is_mentee, is_mentor}, without the raw text and reasons.
   */
  public static Dataset<Row> used(Dataset<Row> triaged, int partitions) {
    return triaged
        .filter(col(Columns.STATUS).equalTo(USED))
        .drop(Columns.RAW, "readable", Columns.REASONS, Columns.STATUS)
        .repartition(partitions, col(Columns.MEMBER_ID))
        .sortWithinPartitions(Columns.MEMBER_ID);
  }

  /**
   * Rejected rows as {@code rejected-rows.csv} lists them: {@code line, member_id, reasons, raw}.
   */
  public static Dataset<Row> rejected(Dataset<Row> triaged) {
    return triaged
        .filter(col(Columns.STATUS).equalTo(REJECTED))
        .select(Columns.LINE, Columns.MEMBER_ID, Columns.REASONS, Columns.RAW)
        .orderBy(Columns.LINE);
  }

  /** Excluded rows as {@code excluded.csv} lists them: {@code line, member_id, reason}. */
  public static Dataset<Row> excluded(Dataset<Row> triaged) {
    return triaged
        .filter(col(Columns.STATUS).equalTo(EXCLUDED))
        .select(
            col(Columns.LINE),
            col(Columns.MEMBER_ID),
            functions.element_at(col(Columns.REASONS), 1).as("reason"))
        .orderBy(Columns.LINE);
  }
}
