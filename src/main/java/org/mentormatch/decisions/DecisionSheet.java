package org.mentormatch.decisions;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.UserError;
import org.mentormatch.text.SafeCsv;

/**
 * A coordinator's decisions file: the run's {@code review.csv} with the {@code decision} column
 * filled in (and perhaps {@code introduction} rewritten, {@code note} written), after a round trip
 * through a spreadsheet program.
 *
 * <p>Needs {@code proposal_id} and {@code decision}; reads {@code introduction} and {@code note}
 * when present; ignores other columns. Cells are taken back from their formula-safe form ({@link
 * SafeCsv#restore}); a byte-order mark and any line endings are fine.
 */
public final class DecisionSheet {
  private DecisionSheet() {}

  /** One row of the file: its line and what the coordinator wrote. */
  public record Row(
      long line, String proposalId, String decision, String introduction, String note) {}

  /**
   * The rows of {@code csv}; {@code source} names it in messages.
   *
   * @throws UserError when the file is not CSV or lacks a needed column
   */
  public static List<Row> parse(Reader csv, String source) {
    List<Row> rows = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setTrim(false)
            .setAllowMissingColumnNames(true)
            .get();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      Map<String, Integer> header = parser.getHeaderMap();
      String proposal = column(header, "proposal_id");
      String decision = column(header, "decision");
      if (proposal == null || decision == null) {
        throw new UserError(
            source
                + " is not a decisions file: it needs the columns proposal_id and decision (found: "
                + String.join(", ", parser.getHeaderNames())
                + "). Fill in the decision column of the run's review.csv and pass that file.");
      }
      String introduction = column(header, "introduction");
      String note = column(header, "note");
      long line = 2; // records after the one-line header; a record may span lines
      for (CSVRecord r : parser) {
        rows.add(
            new Row(
                line,
                cell(r, proposal),
                cell(r, decision).toLowerCase(Locale.ROOT),
                introduction == null ? null : restored(r, introduction),
                note == null ? null : restored(r, note)));
        line = parser.getCurrentLineNumber() + 1;
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw new UserError(
          "cannot read " + source + " as CSV (" + e.getMessage() + "); nothing was applied.");
    }
    return rows;
  }

  private static String column(Map<String, Integer> header, String name) {
    for (String h : header.keySet()) {
      if (h.replace("\uFEFF", "").trim().equalsIgnoreCase(name)) {
        return h;
      }
    }
    return null;
  }

  private static String cell(CSVRecord r, String column) {
    return r.isSet(column) ? SafeCsv.restore(r.get(column).trim()) : "";
  }

  private static String restored(CSVRecord r, String column) {
    if (!r.isSet(column)) {
      return null;
    }
    String text = SafeCsv.restore(r.get(column)).replace("\r\n", "\n").replace('\r', '\n');
    return text.isBlank() ? null : text;
  }
}
