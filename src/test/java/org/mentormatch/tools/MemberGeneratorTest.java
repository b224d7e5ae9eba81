package org.mentormatch.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mentormatch.tools.MemberGenerator.HeaderOrder;
import org.mentormatch.tools.MemberGenerator.NotableRow;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MemberGenerator.Summary;

class MemberGeneratorTest {

  private static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Set<String> ROLES = Set.of("mentor", "mentee", "both");
  private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
  private static final List<String> CONTRACT_COLUMNS =
      List.of(
          "member_id",
          "name",
          "email",
          "role",
          "goals",
          "skills",
          "department",
          "manager_id",
          "timezone",
          "seniority",
          "languages",
          "capacity",
          "consent");

  @Test
  void sameOptionsGiveSameBytes() {
    Options o = new Options(2_000, 7, true, HeaderOrder.SHUFFLED);
    assertEquals(generate(o).text(), generate(o).text());
  }

  @Test
  void differentSeedGivesDifferentFile() {
    assertNotEquals(
        generate(new Options(500, 1, false, HeaderOrder.CONTRACT)).text(),
        generate(new Options(500, 2, false, HeaderOrder.CONTRACT)).text());
  }

  @Test
  void withoutBrokenRowsEveryRowFollowsTheContract() {
    Generated g = generate(new Options(3_000, 11, false, HeaderOrder.CONTRACT));
    assertFalse(g.text().startsWith("\uFEFF"), "a byte order mark only comes with broken rows");
    Parsed p = parse(g.text());
    assertEquals(3_000, p.records().size());
    for (CSVRecord r : p.records()) {
      assertEquals(List.of(), p.violations().get(r), () -> "record " + r.getRecordNumber());
    }
    assertEquals(3_000, g.summary().validRows());
    assertEquals(List.of(), g.summary().brokenRows());
    assertEquals(List.of(), g.summary().trickyRows());
  }

  @Test
  void headerHasEveryContractColumnAndTheUnknownOffice() {
    for (HeaderOrder order : HeaderOrder.values()) {
      List<String> header = parse(generate(new Options(50, 3, true, order)).text()).header();
      assertTrue(header.containsAll(CONTRACT_COLUMNS), order + ": " + header);
      assertTrue(header.contains("office"), order + ": " + header);
      assertEquals(CONTRACT_COLUMNS.size() + 1, header.size(), order + ": " + header);
    }
    List<String> contract =
        parse(generate(new Options(50, 3, false, HeaderOrder.CONTRACT)).text()).header();
    assertEquals(CONTRACT_COLUMNS, contract.subList(0, CONTRACT_COLUMNS.size()));
  }

  @Test
  void shuffledHeaderOnlyMovesColumns() {
    Parsed contract = parse(generate(new Options(300, 5, true, HeaderOrder.CONTRACT)).text());
    Parsed shuffled = parse(generate(new Options(300, 5, true, HeaderOrder.SHUFFLED)).text());
    assertNotEquals(contract.header(), shuffled.header());
    assertEquals(contract.records().size(), shuffled.records().size());
    for (int i = 0; i < contract.records().size(); i++) {
      CSVRecord a = contract.records().get(i);
      CSVRecord b = shuffled.records().get(i);
      if (a.isConsistent()) {
        assertEquals(a.toMap(), b.toMap(), "record " + a.getRecordNumber());
      }
    }
  }

  @Test
  void everyManagerIsAMemberAndEveryChainEndsAtAHead() {
    Parsed p = parse(generate(new Options(5_000, 13, false, HeaderOrder.CONTRACT)).text());
    Map<String, String> managerOf = new HashMap<>();
    for (CSVRecord r : p.records()) {
      managerOf.put(r.get("member_id"), r.get("manager_id"));
    }
    Set<String> managers = new HashSet<>();
    int heads = 0;
    for (Map.Entry<String, String> e : managerOf.entrySet()) {
      String boss = e.getValue();
      if (boss.isEmpty()) {
        heads++;
        continue;
      }
      assertTrue(managerOf.containsKey(boss), e.getKey() + " reports to unknown " + boss);
      managers.add(boss);
      String at = e.getKey();
      for (int steps = 0; !managerOf.get(at).isEmpty(); steps++) {
        assertTrue(steps < 20, "management chain of " + e.getKey() + " does not end");
        at = managerOf.get(at);
      }
    }
    assertTrue(heads >= 8, "one head per department, found " + heads);
    assertTrue(managers.size() > heads * 3, "managers: " + managers.size());
  }

  @Test
  void sampleHasExactlyOneRejectableRowPerDefectWhereTheSummarySaysSo() {
    Generated g = generate(Options.defaults());
    Parsed p = parse(g.text());
    List<Long> badLines = new ArrayList<>();
    for (CSVRecord r : p.records()) {
      List<String> problems = p.violations().get(r);
      if (!problems.isEmpty()) {
        assertEquals(1, problems.size(), () -> "line " + p.line(r) + ": " + problems);
        badLines.add(p.line(r));
      }
    }
    int defects = MemberGenerator.Defect.values().length;
    assertEquals(defects, badLines.size(), "rows failing the contract: " + badLines);
    assertEquals(badLines, g.summary().brokenRows().stream().map(NotableRow::line).toList());
    assertEquals(320 + defects, p.records().size());
    assertEquals(320, g.summary().validRows());
  }

  @Test
  void sampleStartsWithBomAndHasTheAwkwardValidRows() {
    Generated g = generate(Options.defaults());
    assertTrue(g.text().startsWith("\uFEFF"));
    Parsed p = parse(g.text());
    assertTrue(
        p.records().stream().anyMatch(r -> r.isConsistent() && r.get("goals").contains("\n")));
    assertTrue(
        p.records().stream().anyMatch(r -> r.isConsistent() && r.get("name").startsWith("=")));
    assertTrue(p.records().stream().anyMatch(r -> r.isConsistent() && r.get("name").contains(",")));
    assertEquals(3, g.summary().trickyRows().size());
    for (NotableRow t : g.summary().trickyRows()) {
      CSVRecord r =
          p.records().stream().filter(x -> p.line(x) == t.line()).findFirst().orElseThrow();
      assertEquals(t.memberId(), r.get("member_id"));
      assertEquals(List.of(), p.violations().get(r), "line " + t.line());
    }
  }

  @Test
  void membersLookLikeAMentoringProgramme() {
    Parsed p = parse(generate(new Options(5_000, 17, false, HeaderOrder.CONTRACT)).text());
    Map<String, Integer> roles = new HashMap<>();
    Set<String> departments = new TreeSet<>();
    long withoutEnglish = 0;
    double mentorSeniority = 0;
    double menteeSeniority = 0;
    int mentors = 0;
    int mentees = 0;
    for (CSVRecord r : p.records()) {
      String role = r.get("role").toLowerCase(Locale.ROOT);
      roles.merge(role, 1, Integer::sum);
      departments.add(r.get("department"));
      String langs = r.get("languages");
      if (!langs.isEmpty() && !List.of(langs.split(";")).contains("en")) {
        withoutEnglish++;
      }
      if (!r.get("seniority").isEmpty()) {
        int s = Integer.parseInt(r.get("seniority"));
        if (role.equals("mentor")) {
          mentorSeniority += s;
          mentors++;
        } else if (role.equals("mentee")) {
          menteeSeniority += s;
          mentees++;
        }
      }
    }
    double n = p.records().size();
    assertBetween(0.42, 0.58, roles.get("mentee") / n, "mentee share");
    assertBetween(0.28, 0.42, roles.get("mentor") / n, "mentor share");
    assertBetween(0.10, 0.22, roles.get("both") / n, "both share");
    assertTrue(mentorSeniority / mentors > menteeSeniority / mentees + 1, "mentors are senior");
    departments.remove("");
    assertTrue(departments.size() >= 8, "departments: " + departments);
    assertTrue(withoutEnglish > 0, "some members speak no English");
  }

  @Test
  void everyTopicNamesATaxonomyConceptAndReadsAsGoalAndSkill() throws IOException {
    Set<String> concepts = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream("/taxonomy/concepts.csv")) {
      assertTrue(in != null, "taxonomy/concepts.csv is on the classpath");
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : CSVParser.parse(reader, f)) {
        concepts.add(r.get("concept"));
      }
    }
    for (TopicBank.Topic t : TopicBank.allTopics()) {
      assertTrue(concepts.contains(t.concept()), "not in the taxonomy: " + t.concept());
      assertTrue(t.phrasings().stream().anyMatch(TopicBank.Phrasing::forGoals), t.concept());
      assertTrue(t.phrasings().stream().anyMatch(TopicBank.Phrasing::forSkills), t.concept());
    }
  }

  @Test
  void typoDropsOrSwapsOneLetterButNeverTheFirst() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      String t = Typo.introduce("machine learning", random);
      assertNotEquals("machine learning", t);
      assertTrue(t.startsWith("m") && t.contains(" l"), t);
      assertTrue(t.length() >= "machine learning".length() - 1, t);
    }
    assertEquals("ML", Typo.introduce("ML", random));
  }

  @Test
  void optionsNeedAtLeastOneMember() {
    assertThrows(
        IllegalArgumentException.class, () -> new Options(0, 1, false, HeaderOrder.CONTRACT));
  }

  // ---------------------------------------------------------------------------------------------

  private record Generated(String text, Summary summary) {}

  private static Generated generate(Options o) {
    StringWriter out = new StringWriter();
    try {
      Summary s = MemberGenerator.write(o, out);
      return new Generated(out.toString(), s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parsed file with each record's contract violations and the line each record starts on. */
  private record Parsed(
      String text,
      List<String> header,
      List<CSVRecord> records,
      Map<CSVRecord, List<String>> violations) {

    long line(CSVRecord r) {
      long line = 1;
      for (int i = 0; i < r.getCharacterPosition(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  private static Parsed parse(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), f)) {
      List<CSVRecord> records = parser.getRecords();
      Map<CSVRecord, List<String>> violations = new HashMap<>();
      Set<String> seen = new HashSet<>();
      for (CSVRecord r : records) {
        violations.put(r, violations(r, seen));
      }
      return new Parsed(body, parser.getHeaderNames(), records, violations);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    if ((role.equals("mentee") || role.equals("both")) && phrases(r.get("goals")) == 0) {
      v.add("mentee without goals");
    }
    if ((role.equals("mentor") || role.equals("both")) && phrases(r.get("skills")) == 0) {
      v.add("mentor without skills");
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

  private static int phrases(String cell) {
    int n = 0;
    for (String p : cell.split(";")) {
      if (!p.isBlank()) {
        n++;
      }
    }
    return n;
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

  private static void assertBetween(double low, double high, double actual, String what) {
    assertTrue(
        actual >= low && actual <= high, what + " " + actual + " not in " + low + ".." + high);
  }
}
