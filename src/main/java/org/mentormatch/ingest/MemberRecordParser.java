package org.mentormatch.ingest;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.Columns;
import org.mentormatch.config.IngestConfig;
import org.mentormatch.text.CellText;
import org.mentormatch.text.LenientUtf8;

/**
 * Parses one members CSV record and checks every row-level rule of the contract, collecting every
 * reason the row cannot be used rather than stopping at the first.
 *
 * <p>Rules that need other rows (duplicate ids) are checked later, in {@link MemberTriage}.
 */
public final class MemberRecordParser implements Serializable {
  private static final long serialVersionUID = 1L;

  static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  // No white space, separator, control, invisible format or unassigned character of any script
  // (\p{Z}, \p{C}): Java's \s alone is ASCII, and an address holding U+2028 or U+FEFF would reach
  // the outbox looking like another.
  static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s\\p{Z}\\p{C},;<>()\\[\\]\"]+@[^@\\s\\p{Z}\\p{C},;<>()\\[\\]\"]+\\.[A-Za-z]{2,}");
  private static final Pattern PHRASE_SEPARATOR = Pattern.compile("[;\\n\\r]+");
  private static final Set<String> CONSENT_YES = Set.of("yes", "true", "1");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  /** Lower-cased IANA zone id to its canonical spelling. */
  private static final Map<String, String> ZONES = zones();

  static final int DEFAULT_SENIORITY = 1;
  static final int DEFAULT_CAPACITY = 2;
  static final String DEFAULT_LANGUAGE = "en";
  static final String DEFAULT_TIMEZONE = "UTC";

  /** Most characters of a rejected row's raw text kept for the rejected-rows report. */
  static final int MAX_RAW_SHOWN = 2_000;

  /** Most characters of a cell a reason quotes; every valid value of a quoted column is shorter. */
  static final int MAX_QUOTED = 80;

  private final HeaderLayout layout;
  private final IngestConfig limits;

  /** A parser for records laid out as {@code layout} says, within {@code limits}. */
  public MemberRecordParser(HeaderLayout layout, IngestConfig limits) {
    this.layout = layout;
    this.limits = limits;
  }

  /**
   * Parses the record that starts on {@code line}; {@code raw} is its text as {@link LenientUtf8}
   * decoded it.
   */
  public ParsedMember parse(long line, String raw) {
    ParsedMember m = parseFields(line, raw);
    String shown = CellText.printable(raw, MAX_RAW_SHOWN);
    return shown.equals(raw) ? m : m.withRaw(shown);
  }

  private ParsedMember parseFields(long line, String raw) {
    List<String> reasons = new ArrayList<>();
    int bad = LenientUtf8.firstEscapedByte(raw);
    if (bad >= 0) {
      reasons.add(notUtf8(line, raw, bad));
    }
    List<String> fields;
    try (CSVParser parser = CSVParser.parse(raw, CSVFormat.RFC4180)) {
      List<CSVRecord> records = parser.getRecords();
      if (records.size() != 1) {
        return malformed(
            line, raw, null, "holds " + records.size() + " CSV records instead of one", reasons);
      }
      fields = records.get(0).toList();
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      return malformed(
          line,
          raw,
          null,
          "is not valid CSV (" + CellText.inline(rootMessage(e), MAX_QUOTED * 2) + ")",
          reasons);
    }
    if (fields.size() != layout.width()) {
      // Values are misaligned, so field checks would only add noise; keep a readable id.
      String id = layout.value(fields, Columns.MEMBER_ID);
      return malformed(
          line,
          raw,
          id != null && MEMBER_ID.matcher(id).matches() ? id : null,
          "has " + fields.size() + " fields where the header has " + layout.width(),
          reasons);
    }
    boolean oversized = false;
    for (int i = 0; i < fields.size(); i++) {
      String cell = fields.get(i);
      String column = layout.columnName(i);
      if (cell.length() > limits.maxCellChars()) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "%s has %,d characters; the most a cell may hold is %,d"
                    + " (ingest.max_cell_chars)",
                column,
                cell.length(),
                limits.maxCellChars()));
        oversized = true;
      } else if (bad < 0) {
        String problem =
            CellText.problem(cell, column.equals(Columns.GOALS) || column.equals(Columns.SKILLS));
        if (problem != null) {
          reasons.add(column + " holds " + problem);
        }
      }
    }
    if (oversized) {
      // Reading the other rules out of a pasted document would only add noise.
      return rejected(
          line, raw, validId(layout.value(fields, Columns.MEMBER_ID)), consent(fields), reasons);
    }

    String memberId = layout.value(fields, Columns.MEMBER_ID);
    if (memberId == null) {
      reasons.add("member_id is missing");
    } else if (!MEMBER_ID.matcher(memberId).matches()) {
      reasons.add(
          "member_id "
              + quoted(memberId)
              + " must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-'");
      memberId = null;
    }

    String name = layout.value(fields, Columns.NAME);
    if (name == null) {
      reasons.add("name is missing");
    } else if (name.length() > CellText.MAX_NAME_CHARS) {
      reasons.add(
          "name has " + name.length() + " characters; the most is " + CellText.MAX_NAME_CHARS);
    }

    String email = layout.value(fields, Columns.EMAIL);
    if (email == null) {
      reasons.add("email is missing");
    } else if (email.length() > CellText.MAX_EMAIL_CHARS) {
      reasons.add(
          "email has " + email.length() + " characters; the most is " + CellText.MAX_EMAIL_CHARS);
      email = null;
    } else if (!EMAIL.matcher(email).matches()) {
      reasons.add("email " + quoted(email) + " is not a plausible address (name@domain.tld)");
      email = null;
    }

    String role = layout.value(fields, Columns.ROLE);
    if (role == null) {
      reasons.add("role is missing (mentor, mentee or both)");
    } else {
      role = role.toLowerCase(Locale.ROOT);
      if (!Set.of(ParsedMember.MENTOR, ParsedMember.MENTEE, ParsedMember.BOTH).contains(role)) {
        reasons.add(
            "role "
                + quoted(layout.value(fields, Columns.ROLE))
                + " must be mentor, mentee or both");
        role = null;
      }
    }
    boolean mentors = ParsedMember.MENTOR.equals(role) || ParsedMember.BOTH.equals(role);
    boolean mentored = ParsedMember.MENTEE.equals(role) || ParsedMember.BOTH.equals(role);

    List<String> goals = phrases(layout.value(fields, Columns.GOALS));
    if (mentored && goals.isEmpty()) {
      reasons.add("goals are missing: a mentee needs at least one goal");
    }
    checkPhrases(Columns.GOALS, goals, reasons);
    List<String> skills = phrases(layout.value(fields, Columns.SKILLS));
    if (mentors && skills.isEmpty()) {
      reasons.add("skills are missing: a mentor needs at least one skill");
    }
    checkPhrases(Columns.SKILLS, skills, reasons);

    String department = layout.value(fields, Columns.DEPARTMENT);

    String managerId = layout.value(fields, Columns.MANAGER_ID);
    if (managerId != null && !MEMBER_ID.matcher(managerId).matches()) {
      reasons.add("manager_id " + quoted(managerId) + " is not a valid member_id");
      managerId = null;
    } else if (managerId != null && managerId.equals(memberId)) {
      reasons.add("manager_id is the member's own member_id");
      managerId = null;
    }

    String timezone = layout.value(fields, Columns.TIMEZONE);
    if (timezone == null) {
      timezone = DEFAULT_TIMEZONE;
    } else if (ZONES.containsKey(timezone.toLowerCase(Locale.ROOT))) {
      timezone = ZONES.get(timezone.toLowerCase(Locale.ROOT));
    } else {
      reasons.add(
          "timezone "
              + quoted(timezone)
              + " is not an IANA time zone (such as Europe/Berlin or UTC)");
      timezone = null;
    }

    Integer seniority =
        wholeNumber(
            layout.value(fields, Columns.SENIORITY),
            DEFAULT_SENIORITY,
            1,
            10,
            "seniority",
            reasons);

    List<String> languages = new ArrayList<>();
    String languageText = layout.value(fields, Columns.LANGUAGES);
    if (languageText == null) {
      languages.add(DEFAULT_LANGUAGE);
    } else {
      for (String code : languageText.split(";")) {
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.isEmpty()) {
          continue;
        }
        if (c.length() != 2 || !LANGUAGES.contains(c)) {
          reasons.add(
              "language " + quoted(code.trim()) + " is not an ISO 639-1 code (such as en, de, pt)");
        } else if (!languages.contains(c)) {
          languages.add(c);
        }
      }
      if (languages.isEmpty()) {
        languages.add(DEFAULT_LANGUAGE);
      }
    }

    Integer capacity =
        mentors
            ? wholeNumber(
                layout.value(fields, Columns.CAPACITY),
                DEFAULT_CAPACITY,
                0,
                10,
                "capacity",
                reasons)
            : Integer.valueOf(0);

    boolean consent = consent(fields);

    return new ParsedMember(
        line,
        raw,
        memberId,
        name,
        email,
        role,
        goals,
        skills,
        department,
        managerId,
        timezone,
        seniority,
        List.copyOf(languages),
        capacity,
        consent,
        true,
        List.copyOf(reasons));
  }

  private void checkPhrases(String column, List<String> phrases, List<String> reasons) {
    if (phrases.size() > limits.maxPhrasesPerCell()) {
      reasons.add(
          column
              + " hold "
              + phrases.size()
              + " phrases; the most is "
              + limits.maxPhrasesPerCell()
              + " (ingest.max_phrases_per_cell)");
    }
    for (int i = 0; i < phrases.size(); i++) {
      if (phrases.get(i).length() > limits.maxPhraseChars()) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "%s phrase %d has %,d characters; the most is %,d (ingest.max_phrase_chars):"
                    + " separate phrases with ';'",
                column,
                i + 1,
                phrases.get(i).length(),
                limits.maxPhraseChars()));
        return; // one is enough to say what to do
      }
    }
  }

  /** The reason for a record holding a byte that is not UTF-8, naming its line and the byte. */
  private static String notUtf8(long line, String raw, int at) {
    int lineInRecord = 0;
    int lineStart = 0;
    for (int i = 0; i < at; i++) {
      if (raw.charAt(i) == '\n') {
        lineInRecord++;
        lineStart = i + 1;
      }
    }
    return String.format(
        Locale.ROOT,
        "line %d holds the byte 0x%02X at character %d, which is not UTF-8: save the file as"
            + " UTF-8 (\"CSV UTF-8\") and run again",
        line + lineInRecord,
        LenientUtf8.escapedByte(raw.charAt(at)),
        at - lineStart + 1);
  }

  /**
   * A cell's value as a reason quotes it: a reason is one line of a report, so what the cell holds
   * must neither break that line nor hide in it, nor swell it.
   */
  private static String quoted(String value) {
    return CellText.quoted(value, MAX_QUOTED);
  }

  private static String validId(String id) {
    return id != null && MEMBER_ID.matcher(id).matches() ? id : null;
  }

  /** Splits a goals or skills cell into distinct phrases; line breaks separate like ';'. */
  static List<String> phrases(String cell) {
    if (cell == null) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String p : PHRASE_SEPARATOR.split(cell)) {
      String phrase = p.trim().replaceAll("\\s+", " ");
      if (!phrase.isEmpty() && seen.add(phrase.toLowerCase(Locale.ROOT))) {
        out.add(phrase);
      }
    }
    return List.copyOf(out);
  }

  private static Integer wholeNumber(
      String text, int def, int min, int max, String column, List<String> reasons) {
    if (text == null) {
      return def;
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    reasons.add(column + " " + quoted(text) + " must be a whole number from " + min + " to " + max);
    return null;
  }

  /** An unreadable row: not CSV, or misaligned, so no value can be trusted. */
  private static ParsedMember malformed(
      long line, String raw, String memberId, String problem, List<String> earlier) {
    List<String> reasons = new ArrayList<>(earlier);
    reasons.add("the row " + problem);
    return unused(line, raw, memberId, false, false, reasons);
  }

  /** A readable row rejected for {@code reasons} before its fields were read. */
  private static ParsedMember rejected(
      long line, String raw, String memberId, boolean consent, List<String> reasons) {
    return unused(line, raw, memberId, consent, true, reasons);
  }

  private static ParsedMember unused(
      long line,
      String raw,
      String memberId,
      boolean consent,
      boolean readable,
      List<String> reasons) {
    return new ParsedMember(
        line,
        raw,
        memberId,
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        List.of(),
        null,
        consent,
        readable,
        List.copyOf(reasons));
  }

  private boolean consent(List<String> fields) {
    String text = layout.value(fields, Columns.CONSENT);
    return text != null && CONSENT_YES.contains(text.toLowerCase(Locale.ROOT));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }

  private static Map<String, String> zones() {
    Map<String, String> zones = new TreeMap<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      zones.put(id.toLowerCase(Locale.ROOT), id);
    }
    for (String id : Arrays.asList("UTC", "GMT")) {
      zones.put(id.toLowerCase(Locale.ROOT), id);
    }
    return Map.copyOf(zones);
  }
}
