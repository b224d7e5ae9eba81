package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentormatch.Members;
import org.mentormatch.RunFiles;
import org.mentormatch.SampleRun;
import org.mentormatch.introductions.IntroductionWriter;

/**
 * The nightly job on the sample data, checked against the input read independently: counts, hard
 * rules, capacity, explanations, introductions and the review sheet.
 */
class MatchJobIT {
  static final Path SAMPLE = SampleRun.SAMPLE;
  static final String RUN_ID = SampleRun.RUN_ID;

  static Path home;
  static Path run;
  static Members members;
  static List<GenericRecord> proposals;
  static Map<String, Object> summary;

  @BeforeAll
  static void runTheJobOnTheSample() throws Exception {
    home = SampleRun.home();
    run = SampleRun.run();
    members = Members.read(SAMPLE);
    proposals = RunFiles.avro(run.resolve("proposals/part-00000.avro"));
    summary = RunFiles.summary(run);
  }

  @Test
  void theRunIsCompleteAndNothingElseIsLeftBehind() throws Exception {
    for (String f :
        List.of(
            "_SUCCESS",
            "proposals/part-00000.avro",
            "review.csv",
            "unmatched.csv",
            "rejected-rows.csv",
            "excluded.csv",
            "summary.json")) {
      assertTrue(Files.exists(run.resolve(f)), f);
    }
    try (var entries = Files.list(home.resolve("runs"))) {
      assertEquals(List.of(RUN_ID), entries.map(p -> p.getFileName().toString()).toList());
    }
    try (var entries = Files.list(home.resolve(".checkpoints"))) {
      assertEquals(List.of(), entries.toList(), "the stage checkpoints are deleted");
    }
  }

  /**
   * Each count is taken on its own: records and their lines from the file (Commons CSV, not the
   * job's reader), rejected and excluded lines from their files, used members from the proposals
   * and unmatched lists. Then every record must be exactly one of used, excluded, rejected.
   */
  @Test
  void everyRowIsUsedExcludedOrRejectedAndTheCountsAddUp() throws Exception {
    Set<Long> records = new TreeSet<>(members.lines());
    assertEquals(members.rows().size(), records.size(), "one first line per record");
    Set<Long> rejected = new TreeSet<>();
    for (CSVRecord r : RunFiles.csv(run.resolve("rejected-rows.csv"))) {
      assertTrue(rejected.add(Long.parseLong(r.get("line"))), "rejected twice: " + r);
    }
    Set<Long> excluded = new TreeSet<>();
    for (CSVRecord r : RunFiles.csv(run.resolve("excluded.csv"))) {
      assertTrue(excluded.add(Long.parseLong(r.get("line"))), "excluded twice: " + r);
    }
    assertTrue(records.containsAll(rejected), "rejected lines that start no record");
    assertTrue(records.containsAll(excluded), "excluded lines that start no record");
    Set<Long> both = new TreeSet<>(rejected);
    both.retainAll(excluded);
    assertEquals(Set.of(), both, "rejected and excluded");

    // Used: every record neither rejected nor excluded, read from the file.
    List<Map<String, String>> used = new ArrayList<>();
    for (int i = 0; i < members.rows().size(); i++) {
      long line = members.lines().get(i);
      if (!rejected.contains(line) && !excluded.contains(line)) {
        used.add(members.rows().get(i));
      }
    }
    assertEquals(members.rows().size(), used.size() + excluded.size() + rejected.size());
    assertEquals(members.rows().size(), number("rows_read"), "CSV records after the header");
    assertEquals(used.size(), number("rows_used"));
    assertEquals(excluded.size(), number("rows_excluded"));
    assertEquals(rejected.size(), number("rows_rejected"));

    // And every used mentee is accounted for: proposed or told why not.
    Set<String> accounted = new TreeSet<>();
    proposals.forEach(p -> accounted.add(RunFiles.text(p, "mentee_id")));
    for (CSVRecord r : RunFiles.csv(run.resolve("unmatched.csv"))) {
      accounted.add(r.get("member_id"));
    }
    Set<String> usedMentees = new TreeSet<>();
    long usedMentors = 0;
    for (Map<String, String> row : used) {
      if (role(row).contains("mentee")) {
        usedMentees.add(row.get("member_id"));
      }
      // One who is both but offers no place is matched as a mentee only.
      usedMentors += role(row).contains("mentor") && !row.get("capacity").equals("0") ? 1 : 0;
    }
    Set<String> silent = new TreeSet<>(usedMentees);
    silent.removeAll(accounted);
    assertEquals(Set.of(), silent, "used mentees neither proposed nor told why not");
    Set<String> unknown = new TreeSet<>(accounted);
    unknown.removeAll(usedMentees);
    assertEquals(Set.of(), unknown, "proposed or unmatched but not a used mentee in the file");
    assertEquals(usedMentees.size(), number("mentees_in_programme"));
    assertEquals(usedMentors, number("mentors_in_programme"));
    assertEquals(List.of("office"), summary.get("unknown_columns"));
  }

  private static long number(String key) {
    return ((Number) summary.get(key)).longValue();
  }

  @Test
  void theDeliberatelyBrokenRowsAreRejectedWithTheirLineAndRawText() throws Exception {
    Map<Long, CSVRecord> byLine = new HashMap<>();
    for (CSVRecord r : RunFiles.csv(run.resolve("rejected-rows.csv"))) {
      byLine.put(Long.parseLong(r.get("line")), r);
    }
    // Lines and problems as data/README.md lists them.
    Map<Long, String> expected =
        Map.ofEntries(
            Map.entry(18L, "skills are missing"),
            Map.entry(30L, "seniority 'senior'"),
            Map.entry(37L, "name is missing"),
            Map.entry(101L, "role 'mentr'"),
            Map.entry(113L, "fields where the header has"),
            Map.entry(142L, "timezone 'Mars/Olympus'"),
            Map.entry(143L, "language 'english'"),
            Map.entry(173L, "capacity 'two'"),
            Map.entry(222L, "email"),
            Map.entry(240L, "seniority '12'"),
            Map.entry(269L, "member_id 'm 01!'"),
            Map.entry(272L, "already used at line 128"),
            Map.entry(284L, "capacity '11'"),
            Map.entry(289L, "goals are missing"));
    assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(byLine.keySet()));
    List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
    expected.forEach(
        (line, reason) -> {
          CSVRecord r = byLine.get(line);
          assertTrue(r.get("reasons").contains(reason), line + ": " + r.get("reasons"));
          assertEquals(lines.get((int) (line - 1)), r.get("raw"), "raw text of line " + line);
        });
  }

  @Test
  void excludedMembersAreThoseWithoutConsentOrCapacity() throws Exception {
    for (CSVRecord r : RunFiles.csv(run.resolve("excluded.csv"))) {
      Map<String, String> row = members.byId(r.get("member_id"));
      String consent = row.get("consent").toLowerCase(Locale.ROOT);
      boolean consented = Set.of("yes", "true", "1").contains(consent);
      if (r.get("reason").contains("consent")) {
        assertFalse(consented, r.get("member_id"));
      } else {
        assertTrue(consented);
        assertEquals("0", row.get("capacity"), r.get("member_id"));
      }
    }
  }

  @Test
  void proposalsRespectEveryHardRuleAndCapacity() {
    assertFalse(proposals.isEmpty());
    Map<String, Integer> perMentor = new HashMap<>();
    Set<String> mentees = new HashSet<>();
    Instant noon = Instant.parse(RUN_ID + "T12:00:00Z");
    for (GenericRecord p : proposals) {
      String menteeId = RunFiles.text(p, "mentee_id");
      String mentorId = RunFiles.text(p, "mentor_id");
      Map<String, String> mentee = members.byId(menteeId);
      Map<String, String> mentor = members.byId(mentorId);
      assertTrue(mentees.add(menteeId), "mentee proposed twice: " + menteeId);
      perMentor.merge(mentorId, 1, Integer::sum);
      assertFalse(menteeId.equals(mentorId), "self-pair");
      assertTrue(role(mentee).contains("mentee"));
      assertTrue(role(mentor).contains("mentor"));
      assertTrue(consented(mentee) && consented(mentor));
      assertTrue(
          Integer.parseInt(mentor.get("seniority"))
              > Integer.parseInt(or(mentee.get("seniority"), "1")),
          "mentor more senior: " + menteeId + "/" + mentorId);
      Set<String> shared = new HashSet<>(languages(mentee));
      shared.retainAll(languages(mentor));
      assertFalse(shared.isEmpty(), "a shared language");
      double hours = Math.abs(offsetHours(mentee, noon) - offsetHours(mentor, noon));
      assertTrue(Math.min(hours, 24 - hours) <= 6, "time zones within 6 h");
      assertFalse(chain(menteeId).contains(mentorId), "mentor in the mentee's chain");
      assertFalse(chain(mentorId).contains(menteeId), "mentee in the mentor's chain");
      String mgr = mentee.get("manager_id");
      assertFalse(!mgr.isEmpty() && mgr.equals(mentor.get("manager_id")), "same-manager peers");
      assertEquals("PENDING", p.get("status").toString());
      assertEquals(RUN_ID, RunFiles.text(p, "run_id"));
    }
    perMentor.forEach(
        (mentor, n) ->
            assertTrue(
                n <= Integer.parseInt(or(members.byId(mentor).get("capacity"), "2")), mentor));
  }

  @Test
  void everyEligibleMenteeIsProposedOrToldWhyNot() throws Exception {
    Set<String> proposed =
        proposals.stream().map(p -> RunFiles.text(p, "mentee_id")).collect(Collectors.toSet());
    Map<String, String> unmatched = new HashMap<>();
    for (CSVRecord r : RunFiles.csv(run.resolve("unmatched.csv"))) {
      assertFalse(r.get("reason").isBlank(), r.get("member_id"));
      assertTrue(r.get("role").equals("mentee") || r.get("role").equals("both"));
      unmatched.put(r.get("member_id"), r.get("reason"));
    }
    Set<String> overlap = new HashSet<>(proposed);
    overlap.retainAll(unmatched.keySet());
    assertTrue(overlap.isEmpty(), "proposed and unmatched: " + overlap);
    long eligible = ((Number) summary.get("mentees_eligible")).longValue();
    assertEquals(eligible, proposed.size() + unmatched.size());
    assertEquals(proposed.size(), ((Number) summary.get("proposals")).intValue());
  }

  /**
   * The score is rebuilt from the record's own parts and the weights the run says were in force,
   * and each part from the members' own data: seniorities, time zones on the run date, departments,
   * and the similarities of the goals the record says are covered.
   */
  @Test
  void aProposalsScoreAddsUpFromItsPartsAndEachPartFromTheMembers() {
    @SuppressWarnings("unchecked")
    Map<String, String> settings = (Map<String, String>) summary.get("settings");
    double wCoverage = setting(settings, "score.weight.coverage");
    double wSeniority = setting(settings, "score.weight.seniority");
    double wTimezone = setting(settings, "score.weight.timezone");
    double wDepartment = setting(settings, "score.weight.department");
    // The run's weights are the documented defaults (README, "Configuration").
    assertEquals(
        List.of(0.7, 0.1, 0.15, 0.05), List.of(wCoverage, wSeniority, wTimezone, wDepartment));
    double idealGap = setting(settings, "score.ideal_seniority_gap");
    double dayStart = setting(settings, "score.workday_start_hour") * 60;
    double dayEnd = setting(settings, "score.workday_end_hour") * 60;
    double minSimilarity = setting(settings, "score.min_phrase_similarity");
    Instant noon = Instant.parse(RUN_ID + "T12:00:00Z");
    for (GenericRecord p : proposals) {
      String pair = RunFiles.text(p, "mentee_id") + " -> " + RunFiles.text(p, "mentor_id");
      Map<String, String> mentee = members.byId(RunFiles.text(p, "mentee_id"));
      Map<String, String> mentor = members.byId(RunFiles.text(p, "mentor_id"));
      GenericRecord parts = (GenericRecord) p.get("score_parts");
      double coverage = (double) parts.get("coverage");
      double seniority = (double) parts.get("seniority");
      double timezone = (double) parts.get("timezone");
      double department = (double) parts.get("department");

      double rebuilt =
          (wCoverage * coverage
                  + wSeniority * seniority
                  + wTimezone * timezone
                  + wDepartment * department)
              / (wCoverage + wSeniority + wTimezone + wDepartment);
      assertEquals(rebuilt, (double) p.get("score"), 1e-9, "score of " + pair);

      int gap =
          Integer.parseInt(or(mentor.get("seniority"), "1"))
              - Integer.parseInt(or(mentee.get("seniority"), "1"));
      assertEquals(Math.min(Math.max(gap, 0), idealGap) / idealGap, seniority, 1e-12, pair);

      double a = offsetHours(mentee, noon) * 60;
      double b = offsetHours(mentor, noon) * 60;
      double overlap = 0;
      for (int day = -1; day <= 1; day++) {
        double from = Math.max(dayStart - a, dayStart - b + day * 24 * 60);
        double to = Math.min(dayEnd - a, dayEnd - b + day * 24 * 60);
        overlap = Math.max(overlap, to - from);
      }
      assertEquals(overlap / (dayEnd - dayStart), timezone, 1e-12, "time zone part of " + pair);

      String d1 = mentee.get("department").toLowerCase(Locale.ROOT);
      String d2 = mentor.get("department").toLowerCase(Locale.ROOT);
      assertEquals(
          !d1.isEmpty() && !d2.isEmpty() && !d1.equals(d2) ? 1.0 : 0.0,
          department,
          "department part of " + pair);

      // Coverage: the similarities of the covered goals, averaged over all the mentee's goals.
      List<String> goals = phrases(mentee.get("goals"));
      double covered = 0;
      for (Object s : (List<?>) p.get("shared")) {
        GenericRecord topic = (GenericRecord) s;
        double similarity = (double) topic.get("similarity");
        assertTrue(similarity >= minSimilarity && similarity <= 1, pair + ": " + topic);
        assertTrue(goals.contains(RunFiles.text(topic, "goal")), pair + ": " + topic);
        assertTrue(
            phrases(mentor.get("skills")).contains(RunFiles.text(topic, "skill")),
            pair + ": " + topic);
        covered += similarity;
      }
      assertEquals(covered / goals.size(), coverage, 1e-9, "coverage of " + pair + " " + goals);

      assertTrue((double) p.get("score") >= setting(settings, "assignment.min_score"), pair);
      assertTrue(coverage >= setting(settings, "assignment.min_coverage"), pair);
    }
  }

  @Test
  void aProposalExplainsItself() {
    for (GenericRecord p : proposals) {

      List<?> shared = (List<?>) p.get("shared");
      assertFalse(shared.isEmpty(), "a proposal covers at least one goal");
      String reasons =
          ((List<?>) p.get("reasons"))
              .stream().map(Object::toString).collect(Collectors.joining("\n"));
      for (Object s : shared) {
        GenericRecord topic = (GenericRecord) s;
        assertTrue(reasons.contains(RunFiles.text(topic, "goal")), reasons);
        assertTrue(reasons.contains(RunFiles.text(topic, "skill")), reasons);
      }
      assertTrue(reasons.contains("more senior"), reasons);
      assertTrue(reasons.contains("shared working hours"), reasons);
      // The exact search (the default) looks past clusters: the words must not say otherwise.
      assertTrue(
          reasons.contains(
              "Found among all mentors with a skill similar to a goal; this mentor's"
                  + " skills are in topic cluster "),
          reasons);
      assertFalse(reasons.contains("Found in topic cluster"), reasons);
      for (Object a : (List<?>) p.get("alternatives")) {
        GenericRecord alt = (GenericRecord) a;
        assertFalse(RunFiles.text(alt, "why_not").isBlank());
        assertFalse(RunFiles.text(alt, "mentor_id").equals(RunFiles.text(p, "mentor_id")));
      }
    }
  }

  @Test
  void introductionsAddressBothAndSaySoftwareSuggestedThePair() {
    for (GenericRecord p : proposals) {
      String body = RunFiles.text(p, "introduction");
      String menteeFirst = RunFiles.text(p, "mentee_name").split(" ")[0];
      String mentorFirst = RunFiles.text(p, "mentor_name").split(" ")[0];
      assertTrue(body.startsWith("Hi " + menteeFirst + " and " + mentorFirst), body);
      assertTrue(body.strip().endsWith(IntroductionWriter.PENDING_NOTICE), body);
      assertTrue(RunFiles.text(p, "introduction_subject").contains(menteeFirst));
    }
  }

  @Test
  void theReviewSheetHasOneUndecidedRowPerProposalAndNoFormulas() throws Exception {
    byte[] bytes = Files.readAllBytes(run.resolve("review.csv"));
    assertTrue(
        bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF,
        "a UTF-8 byte order mark for spreadsheets");
    List<CSVRecord> rows = RunFiles.csv(run.resolve("review.csv"));
    assertEquals(
        proposals.stream().map(p -> RunFiles.text(p, "proposal_id")).toList(),
        rows.stream().map(r -> r.get("proposal_id")).toList());
    for (CSVRecord r : rows) {
      assertEquals("", r.get("decision"));
      assertEquals("", r.get("note"));
      for (String cell : r.values()) {
        assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
      }
    }
  }

  private static double setting(Map<String, String> settings, String key) {
    assertTrue(settings.containsKey(key), key + " in summary.json's settings");
    return Double.parseDouble(String.valueOf(settings.get(key)));
  }

  /** A goals or skills cell as its distinct phrases (README: separated by ';' or line breaks). */
  private static List<String> phrases(String cell) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String p : cell.split("[;\\n\\r]+")) {
      String phrase = p.trim().replaceAll("\\s+", " ");
      if (!phrase.isEmpty() && seen.add(phrase.toLowerCase(Locale.ROOT))) {
        out.add(phrase);
      }
    }
    return out;
  }

  private static String role(Map<String, String> row) {
    String r = row.get("role").toLowerCase(Locale.ROOT);
    return r.equals("both") ? "mentee mentor" : r;
  }

  private static boolean consented(Map<String, String> row) {
    return Set.of("yes", "true", "1").contains(row.get("consent").toLowerCase(Locale.ROOT));
  }

  private static List<String> languages(Map<String, String> row) {
    String l = row.get("languages");
    return l.isEmpty()
        ? List.of("en")
        : Arrays.stream(l.split(";")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
  }

  private static double offsetHours(Map<String, String> row, Instant at) {
    String zone = or(row.get("timezone"), "UTC");
    return ZoneId.of(zone).getRules().getOffset(at).getTotalSeconds() / 3600.0;
  }

  private static List<String> chain(String id) {
    List<String> chain = new ArrayList<>();
    Map<String, String> row = members.byId(id);
    while (row != null
        && !row.get("manager_id").isEmpty()
        && !chain.contains(row.get("manager_id"))) {
      chain.add(row.get("manager_id"));
      row = members.byId(row.get("manager_id"));
    }
    return chain;
  }

  private static String or(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
