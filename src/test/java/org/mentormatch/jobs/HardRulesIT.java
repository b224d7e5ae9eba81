package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.io.FileStore;

/**
 * Each hard rule, alone, keeps an otherwise fitting mentor from a mentee, so each test fails if its
 * rule is removed.
 *
 * <p>One members file holds an island per rule: a mentee and a mentor who share a topic nobody else
 * has, differing only in what the rule forbids. Islands cannot match across: their topics are
 * taxonomy concepts of different areas (which the similarity never lets meet), or of one area but
 * far apart in meaning. The control island has no obstacle and is proposed. Two runs in all:
 * defaults, and a config that allows same-manager peers and raises the minimum score.
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
  static List<Map<String, String>> members;
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
    m.add(with(mentor("chain-mid", "recruiting"), "manager_id", "chain-r"));
    m.add(mentor("chain-r", "budgeting"));
    // reporting line through a rejected row: the middle manager's e-mail is broken tonight
    m.add(with(mentee("rej-e", "incident management"), "manager_id", "rej-mid"));
    m.add(with(with(mentor("rej-mid", "recruiting"), "manager_id", "rej-r"), "email", "broken"));
    m.add(mentor("rej-r", "incident management"));
    // reporting line, the other way: the mentor reports to the mentee
    m.add(mentee("rev-e", "logistics"));
    m.add(with(mentor("rev-r", "logistics"), "manager_id", "rev-e"));
    // same manager: both report to boss; this mentor is 4 levels up, different department
    m.add(with(mentee("peer-e", "product strategy"), "manager_id", "boss"));
    m.add(with(with(mentor("peer-r", "product strategy"), "manager_id", "boss"), "seniority", "6"));
    // consent: the mentor did not opt in
    m.add(mentee("con-e", "ux research"));
    m.add(with(mentor("con-r", "ux research"), "consent", "no"));
    // self: one member who both wants and offers video editing, which no other mentor here is near
    m.add(with(with(mentee("self-b", "video editing"), "role", "both"), "skills", "video editing"));
    // capacity: one place, two mentees who want it
    m.add(mentee("cap-e1", "seo"));
    m.add(mentee("cap-e2", "seo"));
    m.add(with(mentor("cap-r", "seo"), "capacity", "1"));
    // declined, the only mentor: a coordinator rejects this pair after the first night
    m.add(mentee("dec-e", "conflict resolution"));
    m.add(mentor("dec-r", "conflict resolution"));
    // declined, the best of two: a coordinator rejects the better one after the first night
    m.add(mentee("alt-e", "gdpr"));
    m.add(with(mentor("alt-r1", "gdpr"), "seniority", "5"));
    m.add(with(mentor("alt-r2", "gdpr"), "seniority", "3"));

    members = m;
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
    return night(file, dir.resolve(name), RUN_ID, configFile);
  }

  /** Runs the job on {@code file} into {@code home} under {@code runId}. */
  private static Outcome night(Path file, Path home, String runId, String configFile)
      throws IOException {
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(file.toString(), home.toString(), runId, configFile));
    Path run = home.resolve("runs").resolve(runId);
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
    String capacityWinner = defaults.proposed().containsKey("cap-e1") ? "cap-e1" : "cap-e2";
    assertEquals(
        Map.of("ctl-e", "ctl-r", capacityWinner, "cap-r", "dec-e", "dec-r", "alt-e", "alt-r1"),
        defaults.proposed());
  }

  @Test
  void everyProposalPassesEveryHardRuleOnTheMembersOwnData() {
    assertFalse(defaults.proposed().isEmpty());
    assertFalse(relaxed.proposed().isEmpty());
    assertEveryRuleHolds(defaults, false);
    assertEveryRuleHolds(relaxed, true);
  }

  /**
   * Checks each proposal of {@code o} against each hard rule, reading only the members file as
   * written above: self, role, consent and a usable row, shared language, time zones on the run
   * date, seniority gap, management chain both ways, same manager (unless allowed), capacity.
   */
  private static void assertEveryRuleHolds(Outcome o, boolean sameManagerAllowed) {
    Instant noon = Instant.parse(RUN_ID + "T12:00:00Z");
    Map<String, Integer> perMentor = new TreeMap<>();
    o.proposed()
        .forEach(
            (menteeId, mentorId) -> {
              String pair = menteeId + " -> " + mentorId;
              Map<String, String> mentee = member(menteeId);
              Map<String, String> mentor = member(mentorId);
              assertFalse(menteeId.equals(mentorId), "self: " + pair);
              assertTrue(List.of("mentee", "both").contains(mentee.get("role")), "role: " + pair);
              assertTrue(List.of("mentor", "both").contains(mentor.get("role")), "role: " + pair);
              for (Map<String, String> side : List.of(mentee, mentor)) {
                assertEquals("yes", side.get("consent"), "consent: " + pair);
                assertTrue(side.get("email").contains("@"), "a rejected row: " + pair);
              }
              Set<String> shared = new TreeSet<>(List.of(mentee.get("languages").split(";")));
              shared.retainAll(List.of(mentor.get("languages").split(";")));
              assertFalse(shared.isEmpty(), "no shared language: " + pair);
              int minutes =
                  Math.abs(
                      offsetMinutes(mentee.get("timezone"), noon)
                          - offsetMinutes(mentor.get("timezone"), noon));
              assertTrue(Math.min(minutes, 24 * 60 - minutes) <= 6 * 60, "time zones: " + pair);
              assertTrue(
                  Integer.parseInt(mentor.get("seniority"))
                      >= Integer.parseInt(mentee.get("seniority")) + 1,
                  "seniority gap: " + pair);
              assertFalse(chain(menteeId).contains(mentorId), "mentee's reporting line: " + pair);
              assertFalse(chain(mentorId).contains(menteeId), "mentor's reporting line: " + pair);
              String manager = mentee.get("manager_id");
              assertTrue(
                  sameManagerAllowed
                      || manager.isEmpty()
                      || !manager.equals(mentor.get("manager_id")),
                  "same manager: " + pair);
              perMentor.merge(mentorId, 1, Integer::sum);
            });
    perMentor.forEach(
        (mentorId, n) -> {
          String capacity = member(mentorId).get("capacity");
          assertTrue(
              n <= (capacity.isEmpty() ? 2 : Integer.parseInt(capacity)),
              mentorId + " has " + n + " mentees");
        });
  }

  private static Map<String, String> member(String id) {
    return members.stream()
        .filter(r -> r.get("member_id").equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("not in the members file: " + id));
  }

  private static int offsetMinutes(String zone, Instant at) {
    return ZoneId.of(zone).getRules().getOffset(at).getTotalSeconds() / 60;
  }

  /** Everyone above {@code id}, following manager_id through every row, rejected ones too. */
  private static List<String> chain(String id) {
    List<String> chain = new ArrayList<>();
    String manager = member(id).get("manager_id");
    while (!manager.isEmpty() && !chain.contains(manager)) {
      chain.add(manager);
      String above = manager;
      manager =
          members.stream()
              .filter(r -> r.get("member_id").equals(above))
              .map(r -> r.get("manager_id"))
              .findFirst()
              .orElse("");
    }
    return chain;
  }

  /**
   * A pair a coordinator rejected is never proposed again, even when it is the mentee's only fit or
   * their best: the first night proposes both pairs, a coordinator rejects them, and the second
   * night, on the same members, proposes the second-best mentor or tells the mentee why not.
   */
  @Test
  void aRejectedPairIsNotProposedAgainEvenWhenItWouldBeTheBest() throws IOException {
    assertEquals("dec-r", defaults.proposed().get("dec-e"), "the only fit, proposed on night 1");
    assertEquals("alt-r1", defaults.proposed().get("alt-e"), "the best fit, proposed on night 1");
    Path home = dir.resolve("defaults");
    Files.writeString(
        home.resolve("coordinators.csv"),
        "coordinator_id,name,email,scope\nc1,Coordinator One,c1@example.com,*\n");
    StringBuilder sheet = new StringBuilder("proposal_id,mentee_id,decision\n");
    for (CSVRecord r : RunFiles.csv(home.resolve("runs").resolve(RUN_ID).resolve("review.csv"))) {
      boolean reject = List.of("dec-e", "alt-e").contains(r.get("mentee_id"));
      sheet.append(r.get("proposal_id")).append(',').append(r.get("mentee_id")).append(',');
      sheet.append(reject ? "reject" : "").append('\n');
    }
    Path decisions = dir.resolve("decisions.csv");
    Files.writeString(decisions, sheet);
    ApprovalGate.Result decided =
        DecideJob.run(
            new FileStore(new Configuration()),
            new DecideJob.Options(home.toString(), RUN_ID, decisions.toString(), "c1"),
            Clock.fixed(Instant.parse(RUN_ID + "T18:00:00Z"), ZoneOffset.UTC));
    assertEquals(2, decided.rejected());

    Outcome next = night(dir.resolve("defaults.csv"), home, "2026-11-22", null);

    assertBlocked(next, "dec-e", "declined for this mentee by a coordinator");
    assertEquals("alt-r2", next.proposed().get("alt-e"), next.proposed().toString());
  }
}
