package org.mentormatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentormatch.SparkTestSession;

/** Record splitting on the executors agrees with Commons CSV reading the whole file. */
class CsvRecordSplitterIT {
  private static final JavaSparkContext SC =
      JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());

  /** Lines as Hadoop's text reader would give them, cut into {@code partitions} slices. */
  private static JavaRDD<String> lines(String text, int partitions) {
    return SC.parallelize(Arrays.asList(text.split("\n", -1)), partitions)
        .filter(l -> true); // keep Spark from re-slicing a parallelized collection
  }

  private static List<CsvRecordSplitter.RecordText> split(String text, int partitions) {
    List<CsvRecordSplitter.RecordText> out =
        new ArrayList<>(new CsvRecordSplitter(100).split(lines(text, partitions)).collect());
    out.sort(Comparator.comparingLong(CsvRecordSplitter.RecordText::line));
    return out;
  }

  /** What Commons CSV makes of the whole text: each record's first line and its values. */
  private static List<String[]> reference(String text) throws IOException {
    List<String[]> out = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
      long previousEnd = 1;
      for (CSVRecord r : p) {
        out.add(new String[] {String.valueOf(previousEnd), String.join("\u0001", r.toList())});
        previousEnd = p.getCurrentLineNumber() + 1;
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 40})
  void recordsAndLineNumbersMatchCommonsCsvWhateverThePartitioning(int partitions)
      throws IOException {
    StringBuilder text = new StringBuilder("id,note\n");
    SplittableRandom random = new SplittableRandom(partitions);
    for (int i = 0; i < 120; i++) {
      String note =
          switch (random.nextInt(5)) {
            case 0 -> "\"two\nlines\"";
            case 1 -> "\"three\n\"\"quoted\"\"\nlines, with comma\"";
            case 2 -> "plain";
            case 3 -> "\"\"";
            default -> "stray \" quote";
          };
      text.append("r").append(i).append(',').append(note).append('\n');
    }
    String csv = text.toString().stripTrailing();
    List<String[]> expected = reference(csv);
    List<CsvRecordSplitter.RecordText> actual = split(csv, partitions);
    assertEquals(expected.size() - 1, actual.size(), "records after the header");
    for (int i = 0; i < actual.size(); i++) {
      CsvRecordSplitter.RecordText r = actual.get(i);
      assertEquals(Long.parseLong(expected.get(i + 1)[0]), r.line(), "line of record " + i);
      try (CSVParser p = CSVParser.parse(r.text(), CSVFormat.RFC4180)) {
        assertEquals(expected.get(i + 1)[1], String.join("\u0001", p.getRecords().get(0).toList()));
      }
    }
  }

  @Test
  void blankLinesAreNotRecordsButCountAsLines() {
    List<CsvRecordSplitter.RecordText> records = split("a,b\n1,2\n\n   \n3,4", 2);
    assertEquals(
        List.of(2L, 5L), records.stream().map(CsvRecordSplitter.RecordText::line).toList());
  }

  @Test
  void theByteOrderMarkIsDroppedFromTheHeader() {
    assertEquals("a,b", CsvRecordSplitter.headerLine(lines("\uFEFFa,b\n1,2", 1)));
  }

  @Test
  void aQuotedFieldThatNeverClosesEndsAsOneRecordAtEndOfFile() {
    List<CsvRecordSplitter.RecordText> records = split("a,b\n1,\"open\n2,3\n4,5", 3);
    assertEquals(1, records.size());
    assertEquals(2, records.get(0).line());
    assertEquals("1,\"open\n2,3\n4,5", records.get(0).text());
  }

  @Test
  void aRecordLongerThanTheLimitStopsTheRunNamingItsLine() {
    String csv = "a,b\n1,2\n3,\"" + "x\n".repeat(150) + "\"";
    // Found on an executor (inside a partition) or by the driver (stitching across partitions).
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> new CsvRecordSplitter(100).split(lines(csv, 4)).collect());
    Throwable cause = e;
    while (cause != null && !(cause instanceof MalformedInputException)) {
      cause = cause.getCause();
    }
    assertTrue(cause != null, "a MalformedInputException, not " + e);
    assertTrue(cause.getMessage().startsWith("line 3 opens a quoted field"), cause.getMessage());
  }

  @Test
  void anEmptyFileIsAFatalError() {
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> CsvRecordSplitter.headerLine(SC.parallelize(List.<String>of(), 1)));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
  }
}
