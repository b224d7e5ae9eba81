package org.mentormatch.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.Columns;
import org.mentormatch.text.CellText;
import org.mentormatch.text.MalformedInputException;

/**
 * Where each known column sits in the members CSV, read from its header row.
 *
 * @param positions each known column's index, by lower-case name
 * @param names every column's name as written (trimmed), in order
 * @param unknownColumns the names of columns the job ignores, as they can be shown (at most {@link
 *     #MAX_UNKNOWN_LISTED}, then a count of the rest)
 */
public record HeaderLayout(
    Map<String, Integer> positions, List<String> names, List<String> unknownColumns)
    implements Serializable {

  /** Most unknown column names listed in the summary; a file may have thousands. */
  public static final int MAX_UNKNOWN_LISTED = 50;

  /** Columns every members file must have. */
  public static final List<String> REQUIRED =
      List.of(
          Columns.MEMBER_ID,
          Columns.NAME,
          Columns.EMAIL,
          Columns.ROLE,
          Columns.GOALS,
          Columns.SKILLS,
          Columns.CONSENT);

  /** Columns that may be absent; every row then takes the default. */
  public static final List<String> OPTIONAL =
      List.of(
          Columns.DEPARTMENT,
          Columns.MANAGER_ID,
          Columns.TIMEZONE,
          Columns.SENIORITY,
          Columns.LANGUAGES,
          Columns.CAPACITY);

  /**
   * Reads the header; column names are matched ignoring case and surrounding spaces.
   *
   * @throws MalformedInputException naming a missing required column or a repeated one
   */
  public static HeaderLayout parse(String headerLine, String source) {
    List<String> names;
    try (CSVParser parser = CSVParser.parse(headerLine, CSVFormat.RFC4180)) {
      List<CSVRecord> records = parser.getRecords();
      names = records.isEmpty() ? List.of() : records.get(0).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new MalformedInputException(
          "the header row of " + source + " is not valid CSV: " + e.getMessage());
    }
    Map<String, Integer> positions = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue; // spreadsheet exports often end rows with empty, unnamed columns
      }
      if (positions.containsKey(name)) {
        throw new MalformedInputException(
            "the header of "
                + source
                + " names the column '"
                + name
                + "' twice (columns "
                + (positions.get(name) + 1)
                + " and "
                + (i + 1)
                + "); keep one.");
      }
      positions.put(name, i);
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        unknown.add(names.get(i).trim());
      }
    }
    List<String> missing = REQUIRED.stream().filter(c -> !positions.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new MalformedInputException(
          "the header of "
              + source
              + " lacks the required column"
              + (missing.size() > 1 ? "s " : " ")
              + String.join(", ", missing)
              + " (found: "
              + String.join(", ", names)
              + "). Columns may come in any order; names ignore case.");
    }
    positions.keySet().removeIf(k -> !REQUIRED.contains(k) && !OPTIONAL.contains(k));
    List<String> listed = new ArrayList<>();
    for (String u : unknown.subList(0, Math.min(unknown.size(), MAX_UNKNOWN_LISTED))) {
      listed.add(CellText.printable(u, 100));
    }
    if (unknown.size() > MAX_UNKNOWN_LISTED) {
      listed.add("... and " + (unknown.size() - MAX_UNKNOWN_LISTED) + " more");
    }
    return new HeaderLayout(
        Map.copyOf(positions), names.stream().map(String::trim).toList(), List.copyOf(listed));
  }

  /** How many columns the header has. */
  public int width() {
    return names.size();
  }

  /** How column {@code index} is named in messages: its header name, or its number. */
  public String columnName(int index) {
    String n = index < names.size() ? names.get(index).toLowerCase(Locale.ROOT) : "";
    return n.isEmpty() ? "column " + (index + 1) : CellText.inline(n, 60);
  }

  /** The trimmed value of {@code column} in {@code fields}, or null when absent or blank. */
  String value(List<String> fields, String column) {
    Integer i = positions.get(column);
    if (i == null || i >= fields.size()) {
      return null;
    }
    String v = fields.get(i).trim();
    return v.isEmpty() ? null : v;
  }
}
