package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;

/**
 * Each hard rule, alone, keeps an otherwise fitting mentor from a mentee, so each test fails if its
 * rule is removed.
 *
 * <p>One members file holds an island per rule: a mentee and a mentor who share a topic nobody else
 * has (so islands cannot match across), differing only in what the rule forbids. The control island
 * has no obstacle and is proposed. Two runs in all: defaults, and a config that allows same-manager
 * peers and raises the minimum score.
 */
class HardRulesIT {
  private static final String RUN_ID = "2026-11-21";
  private static final List<String> HEADER =
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

  @TempDir static Path dir;
  static Outcome defaults;
  static Outcome relaxed;

  /** The run's proposals (mentee to mentor) and unmatched reasons (mentee to reason). */
  record Outcome(Map<String, String> proposed, Map<String, String> unmatched) {}

  @BeforeAll
  static void runBothConfigs() throws IOException {
    List<Map<String, String>> m = new ArrayList<>();
    // control: nothing in the way; mentor 2 levels up (score below 1)
    m.add(mentee("ctl-e", "negotiation"));
    m.add(mentor("ctl-r", "negotiation"));
    // language: the mentor speaks only German and French
    m.add(mentee("lang-e", "contract law"));
    m.add(with(mentor("lang-r", "contract law"), "languages", "de;fr"));
    // time zone: Berlin (UTC+1 in November) and Tokyo (UTC+9), 8 hours apart
    m.add(mentee("tz-e", "python"));
    m.add(with(mentor("tz-r", "python"), "timezone", "Asia/Tokyo"));
    // seniority: the mentor is at the mentee's level
    m.add(mentee("sen-e", "sql"));
    m.add(with(mentor("sen-r", "sql"), "seniority", "2"));
    // reporting line: the mentor is the mentee's direct manager
    m.add(with(mentee("mgr-e", "public speaking"), "manager_id", "mgr-r"));
    m.add(mentor("mgr-r", "public speaking"));
    // reporting line: the mentor manages the mentee's manager
    m.add(with(mentee("chain-e", "budgeting"), "manager_id", "chain-mid"));
    m.add(with(mentor("chain-mid", "tax law"), "manager_id", "chain-r"));
    m.add(mentor("chain-r", "budgeting"));
    // reporting line through a rejected row: the middle manager's e-mail is broken tonight
    m.add(with(mentee("rej-e", "incident management"), "manager_id", "rej-mid"));
    m.add(with(with(mentor("rej-mid", "tax law"), "manager_id", "rej-r"), "email", "broken"));
    m.add(mentor("rej-r", "incident management"));
    // reporting line, the other way: the mentor reports to the mentee
    m.add(mentee("rev-e", "accounting"));
    m.add(with(mentor("rev-r", "accounting"), "manager_id", "rev-e"));
    // same manager: both report to boss; this mentor is 4 levels up, different department
    m.add(with(mentee("peer-e", "product strategy"), "manager_id", "boss"));
    m.add(with(with(mentor("peer-r", "product strategy"), "manager_id", "boss"), "seniority", "6"));
    // consent: the mentor did not opt in
    m.add(mentee("con-e", "ux research"));
    m.add(with(mentor("con-r", "ux research"), "consent", "no"));
    // self: one member who both wants and offers kubernetes
    m.add(with(with(mentee("self-b", "kubernetes"), "role", "both"), "skills", "kubernetes"));
    // capacity: one place, two mentees who want it
    m.add(mentee("cap-e1", "seo"));
    m.add(mentee("cap-e2", "seo"));
    m.add(with(mentor("cap-r", "seo"), "capacity", "1"));

    defaults = run(m, "defaults", null);
    relaxed =
        run(m, "relaxed", "rules.allow_same_manager_peers = true\nassignment.min_score = 0.99\n");
  }

  private static Map<String, String> mentee(String id, String goal) {
    return member(id, "mentee", goal, "", "2", "");
  }

  private static Map<String, String> mentor(String id, String skill) {
    return member(id, "mentor", "", skill, "4", "2");
  }

  private static Map<String, String> member(
      String id, String role, String goals, String skills, String seniority, String capacity) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("member_id", id);
    row.put("name", "Name " + id);
    row.put("email", id + "@example.com");
    row.put("role", role);
    row.put("goals", goals);
    row.put("skills", skills);
    row.put("department", role.equals("mentee") ? "Sales" : "Legal");
    row.put("manager_id", "");
    row.put("timezone", "Europe/Berlin");
    row.put("seniority", seniority);
    row.put("languages", "en");
    row.put("capacity", capacity);
    row.put("consent", "yes");
    return row;
  }

  private static Map<String, String> with(Map<String, String> row, String column, String value) {
    row.put(column, value);
    return row;
  }

  private static Outcome run(List<Map<String, String>> members, String name, String config)
      throws IOException {
    StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
    for (Map<String, String> row : members) {
      csv.append(String.join(",", HEADER.stream().map(row::get).toList())).append('\n');
    }
    Path file = dir.resolve(name + ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    String configFile = null;
    if (config != null) {
      Path c = dir.resolve(name + ".properties");
      Files.writeString(c, config);
      configFile = c.toString();
    }
    Path home = dir.resolve(name);
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(file.toString(), home.toString(), RUN_ID, configFile));
    Path run = home.resolve("runs").resolve(RUN_ID);
    Map<String, String> proposed = new TreeMap<>();
    for (GenericRecord p : RunFiles.avro(run.resolve("proposals/part-00000.avro"))) {
      proposed.put(RunFiles.text(p, "mentee_id"), RunFiles.text(p, "mentor_id"));
    }
    Map<String, String> unmatched = new TreeMap<>();
    for (CSVRecord r : RunFiles.csv(run.resolve("unmatched.csv"))) {
      unmatched.put(r.get("member_id"), r.get("reason"));
    }
    return new Outcome(proposed, unmatched);
  }

  private static void assertBlocked(Outcome o, String mentee, String reasonPart) {
    assertFalse(o.proposed().containsKey(mentee), mentee + " proposed: " + o.proposed());
    String reason = o.unmatched().get(mentee);
    assertTrue(reason != null && reason.contains(reasonPart), mentee + ": " + reason);
  }

  @Test
  void theControlPairIsProposed() {
    assertEquals("ctl-r", defaults.proposed().get("ctl-e"));
  }

  @Test
  void noSharedLanguageBlocksThePair() {
    assertBlocked(defaults, "lang-e", "a language the mentee speaks");
  }

  @Test
  void aTimeZoneTooFarAwayBlocksThePair() {
    assertBlocked(defaults, "tz-e", "time zone");
  }

  @Test
  void aMentorWhoIsNotMoreSeniorIsNotProposed() {
    assertBlocked(defaults, "sen-e", "more senior");
  }

  @Test
  void theDirectManagerIsNotProposed() {
    assertBlocked(defaults, "mgr-e", "reporting line");
  }

  @Test
  void aManagerHigherUpTheChainIsNotProposed() {
    assertBlocked(defaults, "chain-e", "reporting line");
  }

  @Test
  void aManagerAboveAMemberWhoseRowIsRejectedIsStillInTheChain() {
    assertBlocked(defaults, "rej-e", "reporting line");
  }

  @Test
  void aMentorReportingToTheMenteeIsNotProposed() {
    assertBlocked(defaults, "rev-e", "reporting line");
  }

  @Test
  void peersOfTheSameManagerArePairedOnlyWhenTheConfigAllowsIt() {
    assertBlocked(defaults, "peer-e", "own manager");
    assertEquals("peer-r", relaxed.proposed().get("peer-e"));
  }

  @Test
  void aMentorWithoutConsentIsNeverProposed() {
    assertBlocked(defaults, "con-e", "no mentor");
  }

  @Test
  void aMemberIsNeverProposedAsTheirOwnMentor() {
    assertBlocked(defaults, "self-b", "no mentor");
  }

  @Test
  void capacityIsNeverExceededAndTheMenteeLeftOverIsToldWhy() {
    boolean first = "cap-r".equals(defaults.proposed().get("cap-e1"));
    boolean second = "cap-r".equals(defaults.proposed().get("cap-e2"));
    assertTrue(first ^ second, "exactly one of the two: " + defaults.proposed());
    assertBlocked(defaults, first ? "cap-e2" : "cap-e1", "at capacity");
  }

  @Test
  void aPairUnderTheMinimumScoreIsNotProposed() {
    assertBlocked(relaxed, "ctl-e", "minimum score");
  }

  @Test
  void nothingElseIsProposed() {
    assertEquals(
        Map.of("ctl-e", "ctl-r", "cap-e1", "cap-r"),
        Map.of(
            "ctl-e",
            defaults.proposed().get("ctl-e"),
            "cap-e1",
            defaults.proposed().getOrDefault("cap-e1", defaults.proposed().get("cap-e2")) == null
                ? ""
                : "cap-r"));
    assertEquals(2, defaults.proposed().size(), defaults.proposed().toString());
  }
}
