package org.mentormatch.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes CSV with Commons CSV so that no cell can run as a spreadsheet formula.
 *
 * <p>A cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe
 * (OWASP's advice for CSV injection), unless it is a plain signed number such as {@code -0.5}, and
 * so does one already starting with an apostrophe; {@link #restore} takes one off again when a
 * sheet is read back.
 */
public final class SafeCsv implements AutoCloseable {
  private static final String TRIGGERS = "=+-@\t\r";
  private static final String ESCAPED = TRIGGERS + "'";

  /** A signed decimal number: a spreadsheet reads it as that number, nothing runs. */
  private static final java.util.regex.Pattern PLAIN_NUMBER =
      java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private static final char BOM = '\uFEFF';

  private final CSVPrinter printer;

  private SafeCsv(Writer writer, List<String> header) throws IOException {
    this.printer =
        CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get().print(writer);
  }

  /**
   * A writer of UTF-8 CSV with {@code header}; {@code forSpreadsheets} adds a byte-order mark so
   * spreadsheet programs read it as UTF-8.
   */
  public static SafeCsv open(OutputStream out, List<String> header, boolean forSpreadsheets)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    if (forSpreadsheets) {
      writer.write(BOM);
    }
    return new SafeCsv(writer, header);
  }

  /** Writes one record; null cells are written empty. */
  public void row(Object... cells) throws IOException {
    Object[] safe = new Object[cells.length];
    for (int i = 0; i < cells.length; i++) {
      safe[i] = cells[i] == null ? "" : neutralise(String.valueOf(cells[i]));
    }
    printer.printRecord(safe);
  }

  /**
   * {@code text} with a leading apostrophe if a spreadsheet would run it as a formula, or if it
   * already starts with an apostrophe (so that {@link #restore} can tell the two apart).
   */
  public static String neutralise(String text) {
    return !text.isEmpty()
            && ESCAPED.indexOf(text.charAt(0)) >= 0
            && !PLAIN_NUMBER.matcher(text).matches()
        ? "'" + text
        : text;
  }

  /** The text {@link #neutralise} was given, from what it wrote. */
  public static String restore(String cell) {
    return cell.length() >= 2 && cell.charAt(0) == '\'' && ESCAPED.indexOf(cell.charAt(1)) >= 0
        ? cell.substring(1)
        : cell;
  }

  @Override
  public void close() throws IOException {
    printer.close(true);
  }
}
