package org.mentormatch.ingest;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.config.IngestConfig;
import org.mentormatch.text.CsvRecordSplitter;
import org.mentormatch.text.LenientUtf8;

/**
 * The ingest stage: physical lines of a members CSV to triaged member rows, on the executors.
 *
 * <p>Output: {@link MemberTable#PARSED} columns plus {@code status, is_mentee, is_mentor} (see
 * {@link MemberTriage}); one row per CSV record after the header.
 */
public final class MemberIngest {
  private MemberIngest() {}

  /** The ingested rows and what the header said. */
  public record Result(Dataset<Row> members, HeaderLayout layout) {}

  /**
   * Reads every record of {@code lines} (decoded by {@link LenientUtf8}, so bytes that are not
   * UTF-8 are still visible); {@code source} names the file in error messages.
   */
  public static Result ingest(
      SparkSession spark, JavaRDD<String> lines, String source, IngestConfig config) {
    HeaderLayout layout = HeaderLayout.parse(CsvRecordSplitter.headerLine(lines), source);
    MemberRecordParser parser = new MemberRecordParser(layout, config);
    JavaRDD<Row> rows =
        new CsvRecordSplitter(config.maxLinesPerRecord())
            .split(lines)
            .map(r -> MemberTable.toRow(parser.parse(r.line(), r.text())));
    Dataset<Row> parsed = spark.createDataFrame(rows, MemberTable.PARSED);
    return new Result(MemberTriage.triage(parsed), layout);
  }
}
