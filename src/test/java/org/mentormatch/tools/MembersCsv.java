package org.mentormatch.tools;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MemberGenerator.Summary;

/**
 * A generated members file, parsed independently of the generator: header, records, each record's
 * violations of the contract's members-CSV rules, and the line each record starts on.
 */
record MembersCsv(
    String text,
    List<String> header,
    List<CSVRecord> records,
    Map<CSVRecord, List<String>> violations,
    int[] newlines) {

  /** A generated file and the summary the generator gave of it. */
  record Generated(String text, Summary summary) {}

  private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> ROLES = Set.of("mentor", "mentee", "both");
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

  static Generated generate(Options o) {
    StringWriter out = new StringWriter();
    try {
      Summary s = MemberGenerator.write(o, out);
      return new Generated(out.toString(), s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MembersCsv parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), f)) {
      List<CSVRecord> records = parser.getRecords();
      Map<CSVRecord, List<String>> violations = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (CSVRecord r : records) {
        violations.put(r, violations(r, seen));
      }
      int[] newlines = new int[body.length()];
      int n = 0;
      for (int i = 0; i < body.length(); i++) {
        if (body.charAt(i) == '\n') {
          newlines[n++] = i;
        }
      }
      return new MembersCsv(
          body, parser.getHeaderNames(), records, violations, Arrays.copyOf(newlines, n));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file line {@code r} starts on; the header is line 1. */
  long line(CSVRecord r) {
    int before = Arrays.binarySearch(newlines, (int) r.getCharacterPosition());
    return 1 + (before >= 0 ? before : -before - 1);
  }

  /** The phrases of a goals or skills cell, as the contract splits them. */
  static List<String> phrases(String cell) {
    List<String> out = new ArrayList<>();
    for (String p : cell.split("[;\n]")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /** The members-CSV rules of CONTRACT.md that a single row (plus the ids before it) can break. */
  private static List<String> violations(CSVRecord r, Set<String> seenIds) {
    List<String> v = new ArrayList<>();
    if (!r.isConsistent()) {
      v.add("has " + r.size() + " fields");
      return v;
    }
    String id = r.get("member_id");
    if (!MEMBER_ID.matcher(id).matches()) {
      v.add("member_id '" + id + "'");
    } else if (!seenIds.add(id)) {
      v.add("duplicate member_id " + id);
    }
    if (r.get("name").isBlank()) {
      v.add("no name");
    }
    if (!EMAIL.matcher(r.get("email")).matches()) {
      v.add("email '" + r.get("email") + "'");
    }
    String role = r.get("role").toLowerCase(Locale.ROOT);
    if (!ROLES.contains(role)) {
      v.add("role '" + r.get("role") + "'");
    }
    if ((role.equals("mentee") || role.equals("both")) && phrases(r.get("goals")).isEmpty()) {
      v.add("mentee without goals");
    }
    if ((role.equals("mentor") || role.equals("both")) && phrases(r.get("skills")).isEmpty()) {
      v.add("mentor without skills");
    }
    String manager = r.get("manager_id");
    if (!manager.isEmpty() && !MEMBER_ID.matcher(manager).matches()) {
      v.add("manager_id '" + manager + "'");
    } else if (manager.equals(id)) {
      v.add("manages themself");
    }
    String zone = r.get("timezone");
    if (!zone.isEmpty()) {
      try {
        ZoneId.of(zone);
      } catch (DateTimeException e) {
        v.add("timezone '" + zone + "'");
      }
    }
    if (!inRange(r.get("seniority"), 1, 10)) {
      v.add("seniority '" + r.get("seniority") + "'");
    }
    if (!inRange(r.get("capacity"), 0, 10)) {
      v.add("capacity '" + r.get("capacity") + "'");
    }
    String languages = r.get("languages");
    if (!languages.isEmpty()) {
      for (String code : languages.split(";")) {
        if (!ISO_639_1.contains(code.strip())) {
          v.add("language '" + code + "'");
        }
      }
    }
    return v;
  }

  private static boolean inRange(String cell, int min, int max) {
    if (cell.isEmpty()) {
      return true;
    }
    try {
      int value = Integer.parseInt(cell);
      return value >= min && value <= max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
