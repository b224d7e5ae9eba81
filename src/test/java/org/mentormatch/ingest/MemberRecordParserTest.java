package org.mentormatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentormatch.config.IngestConfig;
import org.mentormatch.text.LenientUtf8;

class MemberRecordParserTest {

  private static final String HEADER =
      "member_id,name,email,role,goals,skills,department,manager_id,timezone,seniority,languages,"
          + "capacity,consent";
  private static final MemberRecordParser PARSER =
      new MemberRecordParser(HeaderLayout.parse(HEADER, "test"), IngestConfig.defaults());

  /** A valid member who both mentors and is mentored, every column filled. */
  private static Map<String, String> valid() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("member_id", "m-1.a_B");
    row.put("name", "Ana Lima");
    row.put("email", "ana.lima@example.com");
    row.put("role", "both");
    row.put("goals", "negotiation");
    row.put("skills", "SQL");
    row.put("department", "Sales");
    row.put("manager_id", "boss1");
    row.put("timezone", "Europe/Berlin");
    row.put("seniority", "5");
    row.put("languages", "en;pt");
    row.put("capacity", "3");
    row.put("consent", "yes");
    return row;
  }

  /** The CSV record of {@link #valid} with {@code changes} applied (column, value, ...). */
  private static String row(String... changes) {
    Map<String, String> row = valid();
    for (int i = 0; i < changes.length; i += 2) {
      if (!row.containsKey(changes[i])) {
        throw new IllegalArgumentException("no column " + changes[i]);
      }
      row.put(changes[i], changes[i + 1]);
    }
    return CSVFormat.RFC4180.format(row.values().toArray());
  }

  private static ParsedMember parse(String raw) {
    return PARSER.parse(7, raw);
  }

  @Test
  void validRowHasNoReasonsAndTypedValues() {
    ParsedMember m = parse(row());
    assertEquals(List.of(), m.reasons());
    assertTrue(m.readable());
    assertEquals(7, m.line());
    assertEquals(row(), m.raw());
    assertEquals("m-1.a_B", m.memberId());
    assertEquals("Ana Lima", m.name());
    assertEquals("ana.lima@example.com", m.email());
    assertEquals("both", m.role());
    assertEquals(List.of("negotiation"), m.goals());
    assertEquals(List.of("SQL"), m.skills());
    assertEquals("Sales", m.department());
    assertEquals("boss1", m.managerId());
    assertEquals("Europe/Berlin", m.timezone());
    assertEquals(5, m.seniority());
    assertEquals(List.of("en", "pt"), m.languages());
    assertEquals(3, m.capacity());
    assertTrue(m.consent());
  }

  private static final String ID_RULE = "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', '-'";

  /** One case per reject reason: the row, and the one reason it must give. */
  static Stream<Arguments> rejectReasons() {
    return Stream.of(
        reject("missing member_id", row("member_id", ""), "member_id is missing"),
        reject("blank member_id", row("member_id", "   "), "member_id is missing"),
        reject("member_id with a space", row("member_id", "m 1"), "member_id 'm 1' " + ID_RULE),
        reject("member_id with '@'", row("member_id", "ana@x"), "member_id 'ana@x' " + ID_RULE),
        reject(
            "member_id of 65 characters",
            row("member_id", "a".repeat(65)),
            "member_id '" + "a".repeat(65) + "' " + ID_RULE),
        reject("missing name", row("name", ""), "name is missing"),
        reject("missing email", row("email", " "), "email is missing"),
        reject(
            "email without '@'",
            row("email", "ana.example.com"),
            "email 'ana.example.com' is not a plausible address (name@domain.tld)"),
        reject(
            "email without top-level domain",
            row("email", "ana@example"),
            "email 'ana@example' is not a plausible address (name@domain.tld)"),
        reject(
            "email with two '@'",
            row("email", "ana@b@example.com"),
            "email 'ana@b@example.com' is not a plausible address (name@domain.tld)"),
        reject(
            "email with a line separator",
            row("email", "ana@exa\u2028mple.com"),
            "email 'ana@exa<U+2028>mple.com' is not a plausible address (name@domain.tld)"),
        reject(
            "email with a byte order mark inside",
            row("email", "ana@exam\uFEFFple.com"),
            "email 'ana@exam<U+FEFF>ple.com' is not a plausible address (name@domain.tld)"),
        reject(
            "email with a zero-width space",
            row("email", "ana\u200B@example.com"),
            "email 'ana<U+200B>@example.com' is not a plausible address (name@domain.tld)"),
        reject(
            "email with a no-break space",
            row("email", "ana\u00A0lima@example.com"),
            "email 'ana\u00A0lima@example.com' is not a plausible address (name@domain.tld)"),
        reject("missing role", row("role", ""), "role is missing (mentor, mentee or both)"),
        reject("bad role", row("role", "Coach"), "role 'Coach' must be mentor, mentee or both"),
        reject(
            "mentee without goals",
            row("role", "mentee", "goals", ""),
            "goals are missing: a mentee needs at least one goal"),
        reject(
            "mentee with only separators as goals",
            row("role", "mentee", "goals", " ; ;\n"),
            "goals are missing: a mentee needs at least one goal"),
        reject(
            "mentor without skills",
            row("role", "mentor", "skills", ""),
            "skills are missing: a mentor needs at least one skill"),
        reject(
            "both without goals and without skills",
            row("role", "both", "goals", "", "skills", ""),
            "goals are missing: a mentee needs at least one goal",
            "skills are missing: a mentor needs at least one skill"),
        reject(
            "bad manager_id",
            row("manager_id", "boss #1"),
            "manager_id 'boss #1' is not a valid member_id"),
        reject(
            "manager_id equal to own id",
            row("manager_id", "m-1.a_B"),
            "manager_id is the member's own member_id"),
        reject(
            "unknown time zone",
            row("timezone", "Mars/Olympus_Mons"),
            "timezone 'Mars/Olympus_Mons' is not an IANA time zone (such as Europe/Berlin or UTC)"),
        reject(
            "seniority not a number",
            row("seniority", "senior"),
            "seniority 'senior' must be a whole number from 1 to 10"),
        reject(
            "seniority 0",
            row("seniority", "0"),
            "seniority '0' must be a whole number from 1 to 10"),
        reject(
            "seniority 11",
            row("seniority", "11"),
            "seniority '11' must be a whole number from 1 to 10"),
        reject(
            "language written out",
            row("languages", "en;english"),
            "language 'english' is not an ISO 639-1 code (such as en, de, pt)"),
        reject(
            "language code that does not exist",
            row("languages", "xx"),
            "language 'xx' is not an ISO 639-1 code (such as en, de, pt)"),
        reject(
            "capacity not a number",
            row("capacity", "two"),
            "capacity 'two' must be a whole number from 0 to 10"),
        reject(
            "capacity 11",
            row("capacity", "11"),
            "capacity '11' must be a whole number from 0 to 10"),
        reject(
            "capacity -1",
            row("capacity", "-1"),
            "capacity '-1' must be a whole number from 0 to 10"));
  }

  private static Arguments reject(String what, String raw, String... reasons) {
    return Arguments.of(what, raw, List.of(reasons));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejectReasons")
  void eachRejectReason(String what, String raw, List<String> reasons) {
    ParsedMember m = parse(raw);
    assertEquals(reasons, m.reasons(), raw);
    assertTrue(m.readable(), "a row with readable fields is readable");
    assertEquals(raw, m.raw());
    assertEquals(7, m.line());
  }

  @Test
  void valuesThatFailAreNullAndTheOthersKept() {
    ParsedMember m = parse(row("email", "nope", "timezone", "Nowhere/Else", "seniority", "0"));
    assertNull(m.email());
    assertNull(m.timezone());
    assertNull(m.seniority());
    assertEquals("m-1.a_B", m.memberId());
    assertEquals("Ana Lima", m.name());
    assertEquals(3, m.capacity());
  }

  static Stream<Arguments> unreadableRows() {
    String twelveFields =
        CSVFormat.RFC4180.format(
            "m1", "Ana", "a@b.org", "mentee", "sql", "", "", "", "", "", "", "yes");
    return Stream.of(
        Arguments.of(
            "one field too few",
            twelveFields,
            "m1",
            "the row has 12 fields where the header has 13"),
        Arguments.of(
            "one field too many",
            row() + ",extra",
            "m-1.a_B",
            "the row has 14 fields where the header has 13"),
        Arguments.of(
            "too few fields and no readable id",
            "m 1,Ana",
            null,
            "the row has 2 fields where the header has 13"),
        Arguments.of(
            "two CSV records",
            row() + "\r\n" + row(),
            null,
            "the row holds 2 CSV records instead of one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unreadableRows")
  void unreadableRowGivesOnlyThatReason(String what, String raw, String id, String reason) {
    ParsedMember m = parse(raw);
    assertFalse(m.readable());
    assertEquals(List.of(reason), m.reasons());
    assertEquals(id, m.memberId());
    assertEquals(raw, m.raw());
    assertNull(m.name());
    assertFalse(m.consent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,\"b\"c,d,e,f,g,h,i,j,k,l,m,n",
        "m1,\"Ana,a@b.org,mentee,sql,,,,,,,,yes",
      })
  void invalidCsvIsUnreadable(String raw) {
    ParsedMember m = parse(raw);
    assertFalse(m.readable());
    assertEquals(1, m.reasons().size(), m.reasons().toString());
    assertTrue(m.reasons().get(0).startsWith("the row is not valid CSV ("), m.reasons().get(0));
    assertNull(m.memberId());
    assertEquals(raw, m.raw());
  }

  @Test
  void everyProblemOfOneRowIsGiven() {
    ParsedMember m =
        parse(
            row(
                "member_id", "",
                "name", "",
                "email", "nope",
                "role", "mentee",
                "goals", "",
                "timezone", "Mars/Base",
                "seniority", "99",
                "languages", "en;xx",
                "capacity", "lots"));
    assertEquals(
        List.of(
            "member_id is missing",
            "name is missing",
            "email 'nope' is not a plausible address (name@domain.tld)",
            "goals are missing: a mentee needs at least one goal",
            "timezone 'Mars/Base' is not an IANA time zone (such as Europe/Berlin or UTC)",
            "seniority '99' must be a whole number from 1 to 10",
            "language 'xx' is not an ISO 639-1 code (such as en, de, pt)"),
        m.reasons());
    assertTrue(m.readable());
  }

  @Test
  void optionalColumnsLeftBlankTakeTheDefaults() {
    ParsedMember mentor =
        parse(
            row(
                "role", "mentor",
                "department", "",
                "manager_id", "",
                "timezone", "",
                "seniority", "",
                "languages", "",
                "capacity", ""));
    assertEquals(List.of(), mentor.reasons());
    assertEquals("UTC", mentor.timezone());
    assertEquals(1, mentor.seniority());
    assertEquals(List.of("en"), mentor.languages());
    assertEquals(2, mentor.capacity());
    assertNull(mentor.department());
    assertNull(mentor.managerId());

    ParsedMember mentee = parse(row("role", "mentee", "capacity", ""));
    assertEquals(0, mentee.capacity());
  }

  @Test
  void optionalColumnsAbsentFromTheHeaderTakeTheDefaults() {
    MemberRecordParser parser =
        new MemberRecordParser(
            HeaderLayout.parse("consent,skills,goals,role,email,name,member_id", "test"),
            IngestConfig.defaults());
    ParsedMember mentor = parser.parse(2, "YES,SQL,,Mentor,bo@example.org,Bo Chen,m2");
    assertEquals(List.of(), mentor.reasons());
    assertEquals("mentor", mentor.role());
    assertEquals("UTC", mentor.timezone());
    assertEquals(1, mentor.seniority());
    assertEquals(List.of("en"), mentor.languages());
    assertEquals(2, mentor.capacity());
    assertTrue(mentor.consent());

    ParsedMember mentee = parser.parse(3, "no,,public speaking,MENTEE,cy@example.org,Cy,m3");
    assertEquals(List.of(), mentee.reasons());
    assertEquals(0, mentee.capacity());
    assertFalse(mentee.consent());
  }

  @Test
  void capacityOfZeroIsAllowedForMentors() {
    ParsedMember m = parse(row("role", "mentor", "capacity", "0"));
    assertEquals(List.of(), m.reasons());
    assertEquals(0, m.capacity());
  }

  @ParameterizedTest
  @CsvSource({
    "europe/berlin, Europe/Berlin",
    "EUROPE/BERLIN, Europe/Berlin",
    "america/new_york, America/New_York",
    "utc, UTC",
    "Utc, UTC",
    "gmt, GMT",
    "Asia/Kolkata, Asia/Kolkata",
  })
  void timeZoneIsCaseInsensitiveAndCanonicalised(String given, String canonical) {
    ParsedMember m = parse(row("timezone", given));
    assertEquals(List.of(), m.reasons());
    assertEquals(canonical, m.timezone());
  }

  @ParameterizedTest
  @CsvSource(
      value = {
        "yes, true",
        "YES, true",
        "Yes, true",
        "true, true",
        "TRUE, true",
        "1, true",
        "no, false",
        "'', false",
        "y, false",
        "0, false",
        "false, false",
        "yes please, false"
      })
  void consentOnlyForTheDocumentedWords(String consent, boolean expected) {
    ParsedMember m = parse(row("consent", consent));
    assertEquals(List.of(), m.reasons(), "consent never rejects a row");
    assertEquals(expected, m.consent());
  }

  @Test
  void goalsSplitOnSemicolonsAndLineBreaksTrimmedAndDeduplicated() {
    ParsedMember m =
        parse(
            row(
                "goals",
                " negotiation ; public speaking\nSQL;;  Negotiation ;sql\r\nmachine   learning\n",
                "skills",
                "Kubernetes;\nkubernetes ; Go"));
    assertEquals(List.of(), m.reasons());
    assertEquals(List.of("negotiation", "public speaking", "SQL", "machine learning"), m.goals());
    assertEquals(List.of("Kubernetes", "Go"), m.skills());
  }

  @Test
  void languagesAreLowerCasedAndDeduplicated() {
    ParsedMember m = parse(row("languages", " EN ; pt;en;;De"));
    assertEquals(List.of(), m.reasons());
    assertEquals(List.of("en", "pt", "de"), m.languages());
  }

  @ParameterizedTest
  @ValueSource(strings = {"lots", "11", "-1"})
  void menteeCapacityIsIgnored(String capacity) {
    ParsedMember m = parse(row("role", "mentee", "capacity", capacity));
    assertEquals(List.of(), m.reasons());
    assertEquals(0, m.capacity());
  }

  @Test
  void roleIsCaseInsensitive() {
    assertEquals("mentor", parse(row("role", " MENTOR ")).role());
    assertEquals("mentee", parse(row("role", "Mentee")).role());
  }

  // --- what a cell may hold, and how much ---

  /** {@code text} with each {@code \\xHH} turned into that raw byte, decoded as ingest does. */
  private static String withBytes(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\x", i)) {
        out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
        i += 3;
      } else {
        byte[] b = String.valueOf(text.charAt(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    byte[] bytes = out.toByteArray();
    return LenientUtf8.decode(bytes, bytes.length);
  }

  @Test
  void bytesThatAreNotUtf8RejectTheRowNamingLineAndByte() {
    // "Benoît" saved as Latin-1: the i-circumflex is the single byte 0xEE.
    ParsedMember m = parse(withBytes(row("name", "Beno\\xEEt Roux")));

    assertTrue(
        m.reasons()
            .contains(
                "line 7 holds the byte 0xEE at character 13, which is not UTF-8: save the file"
                    + " as UTF-8 (\"CSV UTF-8\") and run again"),
        m.reasons().toString());
    assertFalse(m.raw().contains("\uFFFD"));
    assertTrue(m.raw().contains("Beno\\xEEt Roux"), m.raw());
  }

  @Test
  void aBadByteOnALaterLineOfAQuotedCellNamesThatLine() {
    ParsedMember m = parse(withBytes(row("goals", "SQL\nnegoti\\xE9ting")));

    assertTrue(
        m.reasons().get(0).startsWith("line 8 holds the byte 0xE9 at character 7"),
        m.reasons().toString());
  }

  @Test
  void validTextOutsideTheBasicPlaneIsNotTakenForABadByte() {
    // U+10080 is the pair D800 DC80: its second half looks like an escaped byte 0x80 alone.
    ParsedMember m = parse(row("name", "Ana \uD800\uDC80 Lima"));

    assertEquals(List.of(), m.reasons());
  }

  @ParameterizedTest
  @CsvSource({
    "name, 'Ana\u0000Lima', name holds the control character U+0000 at character 4",
    "name, 'Ana\u202ELima', 'name holds the bidirectional control U+202E, which makes text display"
        + " reordered, at character 4'",
    "email, 'ana\uFFFD@example.com', email holds the replacement character U+FFFD (left by an"
        + " earlier encoding error) at character 4",
    "department, 'Sales\u0085', department holds the control character U+0085 at character 6",
    "goals, 'SQL\u0007', goals holds the control character U+0007 at character 4",
    "name, 'Ana\nLima', name holds the control character U+000A at character 4",
    "skills, 'x\uFFFF', skills holds the noncharacter U+FFFF at character 2"
  })
  void refusedCharactersRejectTheRow(String column, String value, String reason) {
    ParsedMember m = parse(row(column, value));

    assertTrue(m.reasons().contains(reason), m.reasons().toString());
    assertFalse(m.raw().contains("\u0000"), "raw shows the character escaped");
  }

  /** Characters that would break a reason's line, or hide in it, if quoted raw. */
  private static final List<String> HIDDEN =
      List.of("\u0000", "\u0085", "\u2028", "\u2029", "\r", "\n", "\t", "\u001B", "\u200B");

  static Stream<Arguments> quotedCells() {
    List<String[]> cells =
        List.of(
            new String[] {"member_id", "m%s1", "member_id '"},
            new String[] {"email", "ana%sexample.com", "email '"},
            new String[] {"role", "men%stor", "role '"},
            new String[] {"manager_id", "bo%sss", "manager_id '"},
            new String[] {"timezone", "Europe/%sBerlin", "timezone '"},
            new String[] {"seniority", "1%s0", "seniority '"},
            new String[] {"languages", "e%sn", "language '"},
            new String[] {"capacity", "2%s3", "capacity '"});
    return cells.stream()
        .flatMap(
            c ->
                HIDDEN.stream()
                    .map(
                        h ->
                            Arguments.of(
                                c[0],
                                String.format(c[1], h),
                                c[2],
                                String.format("<U+%04X>", (int) h.charAt(0)))));
  }

  @ParameterizedTest(name = "{0} with {3}")
  @MethodSource("quotedCells")
  void aReasonQuotesACellWithItsHiddenCharactersShown(
      String column, String value, String reasonStart, String shown) {
    ParsedMember m = parse(row(column, value));

    String reason =
        m.reasons().stream().filter(r -> r.startsWith(reasonStart)).findFirst().orElseThrow();
    assertTrue(reason.contains(shown), reason);
    for (String r : m.reasons()) {
      for (String h : HIDDEN) {
        assertFalse(r.contains(h), () -> "raw " + HIDDEN.indexOf(h) + " in: " + r);
      }
    }
  }

  @Test
  void anInvalidMemberIdIsQuotedEscaped() {
    ParsedMember m = parse(row("member_id", "a\u0000b\u2028c"));

    assertEquals(
        List.of(
            "member_id holds the control character U+0000 at character 2",
            "member_id 'a<U+0000>b<U+2028>c' must be 1-64 characters of A-Z, a-z, 0-9, '.', '_',"
                + " '-'"),
        m.reasons());
  }

  @Test
  void aLongInvalidValueIsQuotedCutWithItsLength() {
    ParsedMember m = parse(row("member_id", "x".repeat(1_500), "timezone", "Z".repeat(300)));

    assertEquals(
        List.of(
            "member_id '"
                + "x".repeat(80)
                + "...' (1,500 characters in all) must be 1-64 characters of A-Z, a-z, 0-9, '.',"
                + " '_', '-'",
            "timezone '"
                + "Z".repeat(80)
                + "...' (300 characters in all) is not an IANA time zone (such as Europe/Berlin or"
                + " UTC)"),
        m.reasons());
  }

  @Test
  void aColumnNameInAReasonHasItsHiddenCharactersShown() {
    MemberRecordParser parser =
        new MemberRecordParser(
            HeaderLayout.parse(HEADER + ",\"no\tte\u2028s\"", "test"), IngestConfig.defaults());

    ParsedMember m = parser.parse(7, row() + ",x\u0000");

    assertEquals(
        List.of("no<U+0009>te<U+2028>s holds the control character U+0000 at character 2"),
        m.reasons());
  }

  @Test
  void lineBreaksAndTabsInGoalsAndSkillsStillSeparatePhrases() {
    ParsedMember m = parse(row("goals", "SQL\r\nnegotiation\tskills", "skills", "Go;\nRust"));

    assertEquals(List.of(), m.reasons());
    assertEquals(List.of("SQL", "negotiation skills"), m.goals());
  }

  @Test
  void aHugeCellRejectsTheRowAndIsNotCopiedWhole() {
    String huge = "kubernetes ".repeat(1_000_000);
    ParsedMember m = parse(row("goals", huge));

    assertEquals(
        List.of(
            "goals has 11,000,000 characters; the most a cell may hold is 2,000"
                + " (ingest.max_cell_chars)"),
        m.reasons());
    assertEquals("m-1.a_B", m.memberId());
    assertTrue(m.consent());
    assertTrue(m.raw().length() < 2_100, "raw kept: " + m.raw().length());
    assertTrue(m.raw().endsWith("characters in all)"), m.raw().substring(1_990));
  }

  @Test
  void aHugeCellOfAMemberWithoutConsentLeavesThemExcludedNotRejected() {
    ParsedMember m = parse(row("skills", "x".repeat(5_000), "consent", "no"));

    assertFalse(m.consent());
  }

  @Test
  void phrasesHaveLimitsOfTheirOwn() {
    ParsedMember longPhrase = parse(row("goals", "SQL;" + "a".repeat(151)));
    ParsedMember many =
        parse(
            row(
                "skills",
                String.join(
                    ";",
                    java.util.stream.IntStream.rangeClosed(1, 21)
                        .mapToObj(n -> "skill " + n)
                        .toList())));

    assertEquals(
        List.of(
            "goals phrase 2 has 151 characters; the most is 150 (ingest.max_phrase_chars):"
                + " separate phrases with ';'"),
        longPhrase.reasons());
    assertEquals(
        List.of("skills hold 21 phrases; the most is 20 (ingest.max_phrases_per_cell)"),
        many.reasons());
  }

  @Test
  void namesAndEmailsHaveLengthLimits() {
    ParsedMember m = parse(row("name", "N".repeat(201), "email", "a".repeat(250) + "@example.com"));

    assertEquals(
        List.of(
            "name has 201 characters; the most is 200",
            "email has 262 characters; the most is 254"),
        m.reasons());
  }
}
