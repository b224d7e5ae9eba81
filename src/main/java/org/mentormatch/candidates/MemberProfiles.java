package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Columns;

/**
 * Each used member as the hard rules and the score read them: their row, their phrases and
 * clusters, their management chain, their UTC offset on the run's date and their places.
 *
 * <p>Input: used members ({@code MemberTriage.used}), clustered members ({@code member_id,
 * goal_phrases, skill_phrases, cluster, mentor_clusters, search_clusters}) and management chains
 * ({@link ManagementChains}). Output: the used members' columns plus those, {@code
 * management_chain} (empty when the member has no manager), {@code utc_offset_minutes} (at noon UTC
 * of the run date, so daylight saving time is that of the night) and {@code free_capacity} (their
 * capacity, before the programme's memory takes its share).
 */
public final class MemberProfiles {
  private MemberProfiles() {}

  /** The profiles of {@code used} members, dated {@code asOf}. */
  public static Dataset<Row> assemble(
      Dataset<Row> used, Dataset<Row> clustered, Dataset<Row> chains, LocalDate asOf) {
    UDF1<String, Integer> offset =
        zone ->
            ZoneId.of(zone)
                    .getRules()
                    .getOffset(asOf.atTime(12, 0).toInstant(ZoneOffset.UTC))
                    .getTotalSeconds()
                / 60;
    return used.join(
            clustered.select(
                Columns.MEMBER_ID,
                Columns.GOAL_PHRASES,
                Columns.SKILL_PHRASES,
                Columns.CLUSTER,
                Columns.MENTOR_CLUSTERS,
                Columns.SEARCH_CLUSTERS),
            Columns.MEMBER_ID)
        .join(chains, List.of(Columns.MEMBER_ID).toArray(new String[0]), "left")
        .withColumn(
            Columns.MANAGEMENT_CHAIN,
            coalesce(col(Columns.MANAGEMENT_CHAIN), array().cast("array<string>")))
        .withColumn(
            Columns.UTC_OFFSET_MINUTES,
            udf(offset, DataTypes.IntegerType).apply(col(Columns.TIMEZONE)))
        .withColumn(Columns.FREE_CAPACITY, col(Columns.CAPACITY));
  }
}
