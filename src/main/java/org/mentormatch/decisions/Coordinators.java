package org.mentormatch.decisions;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.UserError;

/**
 * The programme's coordinators ({@code <home>/coordinators.csv}: {@code
 * coordinator_id,name,email,scope}) and which mentees' pairs each may decide.
 */
public final class Coordinators {
  private static final String EVERYONE = "*";

  /**
   * One coordinator: the scope as written, and its {@code departments} lower-cased (or everyone).
   */
  public record Coordinator(
      String id,
      String name,
      String email,
      String scope,
      Set<String> departments,
      boolean everyone) {

    /** Whether this coordinator may decide a pair whose mentee is in {@code department}. */
    public boolean covers(String department) {
      return everyone
          || (department != null
              && departments.contains(department.trim().toLowerCase(Locale.ROOT)));
    }
  }

  private final Map<String, Coordinator> byId;

  private Coordinators(Map<String, Coordinator> byId) {
    this.byId = byId;
  }

  /**
   * Reads a coordinators file; {@code source} names it in messages.
   *
   * @throws UserError listing every bad line (missing id, name or scope, a repeated id)
   */
  public static Coordinators parse(Reader csv, String source) {
    Map<String, Coordinator> byId = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreHeaderCase(true)
            .get();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      for (String column : List.of("coordinator_id", "name", "email", "scope")) {
        if (parser.getHeaderMap().keySet().stream()
            .noneMatch(h -> h.trim().equalsIgnoreCase(column))) {
          throw new UserError(
              source
                  + " lacks the column '"
                  + column
                  + "' (header: coordinator_id,name,email,scope)");
        }
      }
      long line = 2; // the first line of the next record; a record may span lines
      for (CSVRecord r : parser) {
        long at = line;
        line = parser.getCurrentLineNumber() + 1;
        String id = cell(r, "coordinator_id");
        String name = cell(r, "name");
        String scope = cell(r, "scope");
        Set<String> departments = new LinkedHashSet<>();
        for (String d : scope.split(";")) {
          if (!d.isBlank()) {
            departments.add(d.trim().toLowerCase(Locale.ROOT));
          }
        }
        if (id.isEmpty() || name.isEmpty() || departments.isEmpty()) {
          problems.add("line " + at + ": coordinator_id, name and scope are all required");
          continue;
        }
        boolean everyone = departments.contains(EVERYONE);
        Coordinator c =
            new Coordinator(id, name, cell(r, "email"), scope, Set.copyOf(departments), everyone);
        if (byId.put(id, c) != null) {
          problems.add("line " + at + ": coordinator_id '" + id + "' appears twice");
        }
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw new UserError("cannot read " + source + " as CSV: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new UserError(source + " has problems:\n  " + String.join("\n  ", problems));
    }
    return new Coordinators(byId);
  }

  /** The trimmed cell, or empty when the row is too short to have it. */
  private static String cell(CSVRecord r, String column) {
    return r.isSet(column) ? r.get(column) : "";
  }

  /** Every coordinator, in the file's order. */
  public List<Coordinator> all() {
    return List.copyOf(byId.values());
  }

  /**
   * The coordinator {@code id}.
   *
   * @throws UserError naming the known ids when there is none
   */
  public Coordinator get(String id, String source) {
    Coordinator c = byId.get(id);
    if (c == null) {
      throw new UserError(
          "no coordinator '"
              + id
              + "' in "
              + source
              + " (known: "
              + String.join(", ", byId.keySet())
              + "). Add them there, with their scope, before they decide.");
    }
    return c;
  }
}
