package org.mentormatch.assignment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.text.CsvRecordSplitter;
import org.mentormatch.text.MalformedInputException;

/**
 * Reads bring-your-own-scores files for {@code jobs/assign.sh}: pairs {@code
 * mentee_id,mentor_id,score} and optional capacities {@code mentor_id,capacity}, checked row by row
 * on the executors with line numbers.
 *
 * <p>Unlike the members file, these inputs decide the assignment directly, so a bad row is a fatal
 * error (nothing is written) rather than a rejected row: every problem is listed with its line, up
 * to {@link #SHOWN} of them.
 */
public final class ScoredEdges {
  /** Most problems listed in one error message. */
  public static final int SHOWN = 20;

  private static final String ERROR = "error";

  // Column names in the users' files (the contract's), not the internal pair columns.
  static final String FILE_MENTEE = "mentee_id";
  static final String FILE_MENTOR = "mentor_id";
  static final String FILE_SCORE = "score";
  static final String FILE_CAPACITY = "capacity";

  private ScoredEdges() {}

  /** Parsed pairs: {@code line, mentee_id, mentor_id, score} (score as written, a decimal). */
  public static final StructType EDGES =
      new StructType()
          .add(Columns.LINE, DataTypes.LongType, false)
          .add(Columns.MENTEE_ID, DataTypes.StringType, true)
          .add(Columns.MENTOR_ID, DataTypes.StringType, true)
          .add(Columns.SCORE, DataTypes.StringType, true)
          .add(ERROR, DataTypes.StringType, true);

  /** Parsed capacities: {@code line, mentor_id, capacity}. */
  public static final StructType CAPACITIES =
      new StructType()
          .add(Columns.LINE, DataTypes.LongType, false)
          .add(Columns.MENTOR_ID, DataTypes.StringType, true)
          .add(Columns.CAPACITY, DataTypes.IntegerType, true)
          .add(ERROR, DataTypes.StringType, true);

  /** Which columns of a header hold what we need. */
  private record Layout(Map<String, Integer> positions, int width) implements Serializable {}

  /**
   * The pairs of an edges file, each checked; duplicates of a pair are errors too.
   *
   * @throws MalformedInputException listing every bad line, or a header without the columns
   */
  public static Dataset<Row> edges(SparkSession spark, JavaRDD<String> lines, String source) {
    Layout layout = layout(lines, source, List.of(FILE_MENTEE, FILE_MENTOR, FILE_SCORE));
    JavaRDD<Row> rows =
        new CsvRecordSplitter(100)
            .split(lines)
            .map(
                r -> {
                  List<String> f = fields(r.text());
                  String mentee = value(f, layout, FILE_MENTEE);
                  String mentor = value(f, layout, FILE_MENTOR);
                  String score = value(f, layout, FILE_SCORE);
                  String error = null;
                  if (f == null || f.size() != layout.width()) {
                    error = "is not a row of " + layout.width() + " fields";
                  } else if (mentee == null || mentor == null) {
                    error = "lacks a mentee_id or mentor_id";
                  } else if (score == null || decimal(score) == null) {
                    error = "score '" + (score == null ? "" : score) + "' is not a number";
                  }
                  return RowFactory.create(r.line(), mentee, mentor, score, error);
                });
    Dataset<Row> edges = spark.createDataFrame(rows, EDGES).localCheckpoint();
    failOnErrors(edges, source);
    Dataset<Row> duplicates =
        edges
            .groupBy(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .agg(count(lit(1)).as("n"), min(Columns.LINE).as("first"))
            .filter(col("n").gt(1));
    List<Row> dup = duplicates.orderBy("first").limit(SHOWN).collectAsList();
    if (!dup.isEmpty()) {
      long total = duplicates.count();
      StringBuilder m =
          new StringBuilder(source + ": " + total + " pair(s) appear more than once:");
      for (Row r : dup) {
        m.append(
            String.format(
                Locale.ROOT,
                "%n  line %d: %s -> %s appears %d times",
                r.<Long>getAs("first"),
                r.<String>getAs(Columns.MENTEE_ID),
                r.<String>getAs(Columns.MENTOR_ID),
                r.<Long>getAs("n")));
      }
      throw new MalformedInputException(m.append("\nKeep one score per pair.").toString());
    }
    return edges.drop(ERROR);
  }

  /**
   * The capacities file's {@code mentor_id, capacity} rows, each checked; a mentor listed twice is
   * an error.
   */
  public static Dataset<Row> capacities(SparkSession spark, JavaRDD<String> lines, String source) {
    Layout layout = layout(lines, source, List.of(FILE_MENTOR, FILE_CAPACITY));
    JavaRDD<Row> rows =
        new CsvRecordSplitter(100)
            .split(lines)
            .map(
                r -> {
                  List<String> f = fields(r.text());
                  String mentor = value(f, layout, FILE_MENTOR);
                  String text = value(f, layout, FILE_CAPACITY);
                  Integer capacity = null;
                  String error = null;
                  try {
                    capacity = text == null ? null : Integer.valueOf(text);
                  } catch (NumberFormatException e) {
                    capacity = null;
                  }
                  if (f == null || f.size() != layout.width()) {
                    error = "is not a row of " + layout.width() + " fields";
                  } else if (mentor == null) {
                    error = "lacks a mentor_id";
                  } else if (capacity == null || capacity < 0) {
                    error =
                        "capacity '" + (text == null ? "" : text) + "' is not a whole number >= 0";
                  }
                  return RowFactory.create(r.line(), mentor, capacity, error);
                });
    Dataset<Row> capacities = spark.createDataFrame(rows, CAPACITIES).localCheckpoint();
    failOnErrors(capacities, source);
    List<Row> dup =
        capacities
            .groupBy(Columns.MENTOR_ID)
            .agg(count(lit(1)).as("n"), min(Columns.LINE).as("first"))
            .filter(col("n").gt(1))
            .orderBy("first")
            .limit(SHOWN)
            .collectAsList();
    if (!dup.isEmpty()) {
      StringBuilder m = new StringBuilder(source + ": mentors listed more than once:");
      for (Row r : dup) {
        m.append(
            String.format(
                Locale.ROOT,
                "%n  line %d: %s",
                r.<Long>getAs("first"),
                r.<String>getAs(Columns.MENTOR_ID)));
      }
      throw new MalformedInputException(m.append("\nGive each mentor one capacity.").toString());
    }
    return capacities.drop(ERROR, Columns.LINE);
  }

  /** {@code text} as an exact decimal, or null if it is not a finite number. */
  public static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void failOnErrors(Dataset<Row> rows, String source) {
    Dataset<Row> bad = rows.filter(col(ERROR).isNotNull());
    List<Row> shown = bad.orderBy(Columns.LINE).limit(SHOWN).collectAsList();
    if (shown.isEmpty()) {
      return;
    }
    long total = bad.count();
    StringBuilder m =
        new StringBuilder(source + ": " + total + " bad row(s), nothing was assigned:");
    for (Row r : shown) {
      m.append(
          String.format(
              Locale.ROOT, "%n  line %d %s", r.<Long>getAs(Columns.LINE), r.<String>getAs(ERROR)));
    }
    if (total > shown.size()) {
      m.append(String.format(Locale.ROOT, "%n  ... and %d more", total - shown.size()));
    }
    throw new MalformedInputException(m.toString());
  }

  private static Layout layout(JavaRDD<String> lines, String source, List<String> required) {
    List<String> names = fields(CsvRecordSplitter.headerLine(lines));
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; names != null && i < names.size(); i++) {
      positions.putIfAbsent(names.get(i).trim().toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = new ArrayList<>();
    for (String c : required) {
      if (!positions.containsKey(c)) {
        missing.add(c);
      }
    }
    if (!missing.isEmpty()) {
      throw new MalformedInputException(
          source
              + " needs the column(s) "
              + String.join(", ", missing)
              + " in its header (found: "
              + (names == null ? "" : String.join(",", names))
              + ").");
    }
    return new Layout(Map.copyOf(positions), names.size());
  }

  private static List<String> fields(String record) {
    try (CSVParser p = CSVParser.parse(record, CSVFormat.RFC4180)) {
      List<CSVRecord> records = p.getRecords();
      return records.size() == 1 ? records.get(0).toList() : null;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return null;
    }
  }

  private static String value(List<String> fields, Layout layout, String column) {
    Integer i = layout.positions().get(column);
    if (fields == null || i == null || i >= fields.size()) {
      return null;
    }
    String v = fields.get(i).trim();
    return v.isEmpty() ? null : v;
  }
}
