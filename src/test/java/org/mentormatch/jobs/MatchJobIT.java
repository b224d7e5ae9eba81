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
import org.mentormatch.config.MatchConfig;
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
  }

  @Test
  void everyRowIsUsedExcludedOrRejectedAndTheCountsAddUp() throws Exception {
    long read = ((Number) summary.get("rows_read")).longValue();
    long used = ((Number) summary.get("rows_used")).longValue();
    long excluded = ((Number) summary.get("rows_excluded")).longValue();
    long rejected = ((Number) summary.get("rows_rejected")).longValue();
    assertEquals(members.rows().size(), read, "CSV records after the header");
    assertEquals(read, used + excluded + rejected);
    assertEquals(rejected, RunFiles.csv(run.resolve("rejected-rows.csv")).size());
    assertEquals(excluded, RunFiles.csv(run.resolve("excluded.csv")).size());
    assertEquals(List.of("office"), summary.get("unknown_columns"));
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

  @Test
  void aProposalExplainsItselfAndItsScoreAddsUp() {
    MatchConfig c = MatchConfig.defaults();
    double sum = c.score().weightSum();
    for (GenericRecord p : proposals) {
      GenericRecord parts = (GenericRecord) p.get("score_parts");
      double expected =
          (c.score().coverageWeight() * (double) parts.get("coverage")
                  + c.score().seniorityWeight() * (double) parts.get("seniority")
                  + c.score().timezoneWeight() * (double) parts.get("timezone")
                  + c.score().departmentWeight() * (double) parts.get("department"))
              / sum;
      assertEquals(expected, (double) p.get("score"), 1e-9);
      assertTrue((double) p.get("score") >= c.assignment().minScore());
      assertTrue((double) parts.get("coverage") >= c.assignment().minCoverage());

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
      assertTrue(reasons.contains("topic cluster"), reasons);
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
