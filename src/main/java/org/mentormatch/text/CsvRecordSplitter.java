package org.mentormatch.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Groups the physical lines of a CSV file into RFC 4180 records, each with the number of the line
 * it starts on and its raw text, without parsing the file on the driver.
 *
 * <p>Three passes over the lines, all on the executors: the first learns, per partition, its line
 * count and how it changes the "inside a quoted field" state; the driver chains these few numbers
 * into each partition's first line number and start state; the second pass cuts records. A record
 * that crosses a partition border comes back as fragments (at most two per partition, each at most
 * {@code maxLinesPerRecord} lines) that the driver stitches. The header (line 1) and blank lines
 * are not records.
 */
public final class CsvRecordSplitter implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final char BOM = '\uFEFF';

  private final int maxLinesPerRecord;

  /** A splitter that stops the run on a record longer than {@code maxLinesPerRecord} lines. */
  public CsvRecordSplitter(int maxLinesPerRecord) {
    this.maxLinesPerRecord = maxLinesPerRecord;
  }

  /** One CSV record: the line it starts on (1-based) and its text, lines joined by "\n". */
  public record RecordText(long line, String text) implements Serializable {}

  /** How one partition changes the quote state, and how many lines it holds. */
  private record PartitionSummary(
      int index, long lines, boolean openIfStartClosed, boolean openIfStartOpen)
      implements Serializable {}

  /** A piece of the file cut by one partition; see the class comment. */
  private record Piece(Kind kind, int partition, long line, int lineCount, String text)
      implements Serializable {}

  private enum Kind {
    COMPLETE,
    HEAD,
    MIDDLE,
    TAIL
  }

  /** The first line of the file, without a byte-order mark; the header row. */
  public static String headerLine(JavaRDD<String> lines) {
    if (lines.isEmpty()) {
      throw new MalformedInputException(
          "the members file is empty: it needs a header row naming its columns.");
    }
    String first = lines.first();
    String header = !first.isEmpty() && first.charAt(0) == BOM ? first.substring(1) : first;
    int bad = LenientUtf8.firstEscapedByte(header);
    if (bad >= 0) {
      throw new MalformedInputException(
          String.format(
              java.util.Locale.ROOT,
              "the header row (line 1) holds the byte 0x%02X at character %d, which is not UTF-8:"
                  + " the file is in another encoding. Save it as UTF-8 (\"CSV UTF-8\") and run"
                  + " again.",
              LenientUtf8.escapedByte(header.charAt(bad)),
              bad + 1));
    }
    if (CsvQuoteState.openAfter(header, false)) {
      throw new MalformedInputException(
          "the header row (line 1) opens a quoted field that does not close on that line; the"
              + " header must be a single line of column names.");
    }
    return header;
  }

  /** Every record after the header, in no particular order. */
  public JavaRDD<RecordText> split(JavaRDD<String> lines) {
    List<PartitionSummary> summaries =
        lines.mapPartitionsWithIndex(CsvRecordSplitter::summarise, true).collect();
    int partitions = summaries.size();
    long[] firstLine = new long[partitions];
    boolean[] startOpen = new boolean[partitions];
    long nextLine = 1;
    boolean open = false;
    for (PartitionSummary s : summaries) {
      firstLine[s.index()] = nextLine;
      startOpen[s.index()] = open;
      nextLine += s.lines();
      open = open ? s.openIfStartOpen() : s.openIfStartClosed();
    }

    int limit = maxLinesPerRecord;
    JavaRDD<Piece> pieces =
        lines.mapPartitionsWithIndex(
            (index, it) -> cut(index, it, firstLine[index], startOpen[index], limit).iterator(),
            true);
    List<Piece> fragments = pieces.filter(p -> p.kind() != Kind.COMPLETE).collect();
    List<RecordText> stitched = stitch(fragments);
    JavaRDD<RecordText> complete =
        pieces.filter(p -> p.kind() == Kind.COMPLETE).map(p -> new RecordText(p.line(), p.text()));
    if (stitched.isEmpty()) {
      return complete;
    }
    return complete.union(
        JavaSparkContext.fromSparkContext(lines.context()).parallelize(stitched, 1));
  }

  private static Iterator<PartitionSummary> summarise(int index, Iterator<String> it) {
    long count = 0;
    boolean fromClosed = false;
    boolean fromOpen = true;
    while (it.hasNext()) {
      String line = it.next();
      fromClosed = CsvQuoteState.openAfter(line, fromClosed);
      fromOpen = CsvQuoteState.openAfter(line, fromOpen);
      count++;
    }
    return List.of(new PartitionSummary(index, count, fromClosed, fromOpen)).iterator();
  }

  private static List<Piece> cut(
      int index, Iterator<String> it, long firstLine, boolean startOpen, int limit) {
    List<Piece> out = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    long lineNo = firstLine - 1;
    long recordStart = -1;
    int recordLines = 0;
    boolean open = startOpen;
    boolean head = startOpen;
    while (it.hasNext()) {
      String line = it.next();
      lineNo++;
      if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == BOM) {
        line = line.substring(1);
      }
      if (!open && !head) {
        if (lineNo == 1 || line.isBlank()) {
          continue; // the header, or a blank line between records
        }
        recordStart = lineNo;
        recordLines = 0;
        text.setLength(0);
      } else {
        text.append('\n');
      }
      text.append(line);
      recordLines++;
      open = CsvQuoteState.openAfter(line, open);
      if (!head && recordLines > limit) {
        throw tooLong(recordStart, limit);
      }
      if (!open) {
        out.add(
            head
                ? new Piece(Kind.HEAD, index, lineNo, recordLines, text.substring(1))
                : new Piece(Kind.COMPLETE, index, recordStart, recordLines, text.toString()));
        head = false;
        text.setLength(0);
      }
    }
    if (open) {
      out.add(
          head
              ? new Piece(
                  Kind.MIDDLE,
                  index,
                  lineNo,
                  recordLines,
                  text.length() > 0 ? text.substring(1) : "")
              : new Piece(Kind.TAIL, index, recordStart, recordLines, text.toString()));
    }
    return out;
  }

  private List<RecordText> stitch(List<Piece> fragments) {
    List<Piece> ordered = new ArrayList<>(fragments);
    ordered.sort(
        (a, b) ->
            a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition())
                : Integer.compare(rank(a.kind()), rank(b.kind())));
    List<RecordText> out = new ArrayList<>();
    StringBuilder text = null;
    long start = 0;
    int lines = 0;
    for (Piece p : ordered) {
      if (p.kind() == Kind.TAIL) {
        text = new StringBuilder(p.text());
        start = p.line();
        lines = p.lineCount();
        continue;
      }
      if (text == null) {
        continue; // a head whose record began in the header: impossible after headerLine() checks
      }
      text.append('\n').append(p.text());
      lines += p.lineCount();
      if (lines > maxLinesPerRecord) {
        throw tooLong(start, maxLinesPerRecord);
      }
      if (p.kind() == Kind.HEAD) {
        out.add(new RecordText(start, text.toString()));
        text = null;
      }
    }
    if (text != null) {
      out.add(
          new RecordText(start, text.toString())); // unclosed at end of file: parsing rejects it
    }
    return out;
  }

  /** Heads close the record of an earlier partition, so they come before that partition's tail. */
  private static int rank(Kind kind) {
    return switch (kind) {
      case HEAD, MIDDLE -> 0;
      default -> 1;
    };
  }

  private static MalformedInputException tooLong(long start, int limit) {
    return new MalformedInputException(
        "line "
            + start
            + " opens a quoted field that is still open "
            + limit
            + " lines later, so the file's quoting is broken near line "
            + start
            + ". Check that line for a missing closing quote (\"), or raise"
            + " ingest.max_lines_per_record if cells really hold that many line breaks.");
  }
}
