package org.mentormatch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A members CSV read independently of the job (plain Commons CSV, whole file), so tests check the
 * job's output against the input rather than against the job's own reading of it.
 *
 * @param rows every CSV record after the header, column (lower case) to trimmed cell
 * @param lines the line each record starts on (the header is line 1), in the same order
 */
public record Members(List<Map<String, String>> rows, List<Long> lines) {

  /** Reads {@code file}; a byte-order mark is skipped, column names are lower-cased. */
  public static Members read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(text), format)) {
      long line = p.getCurrentLineNumber() + 1; // the header's line breaks are behind us
      for (CSVRecord rec : p) {
        lines.add(line);
        line = p.getCurrentLineNumber() + 1;
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : p.getHeaderNames()) {
          row.put(column.toLowerCase(Locale.ROOT), rec.isSet(column) ? rec.get(column).trim() : "");
        }
        rows.add(row);
      }
    }
    return new Members(List.copyOf(rows), List.copyOf(lines));
  }

  /** The first row with {@code id}, or null. */
  public Map<String, String> byId(String id) {
    return rows.stream().filter(r -> id.equals(r.get("member_id"))).findFirst().orElse(null);
  }
}
