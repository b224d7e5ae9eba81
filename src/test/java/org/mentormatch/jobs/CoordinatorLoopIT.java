package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.Members;
import org.mentormatch.RunFiles;
import org.mentormatch.SampleRun;
import org.mentormatch.SparkTestSession;
import org.mentormatch.UserError;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.io.FileStore;
import org.mentormatch.text.SafeCsv;

/**
 * A coordinator's programme over four nights: night 1 proposes; a mixed decisions file is applied
 * (approve, one approval holding a contested mentor's place, reject, an edited introduction,
 * formula-like notes, the rest left pending); night 2 remembers it; night 3 sees members leave;
 * night 4 comes after the pending proposals expire. Every rule of the loop is asserted where it
 * bites.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoordinatorLoopIT {
  static final String NIGHT1 = "2026-11-21";
  static final String NIGHT2 = "2026-11-22";
  static final String NIGHT3 = "2026-11-23";
  static final String NIGHT4 = "2026-12-10"; // after night 1-3 proposals expire (14 days)
  static final List<String> NIGHTS = List.of(NIGHT1, NIGHT2, NIGHT3, NIGHT4);
  static final String ADMIN = "c001"; // scope *
  static final String ADMIN_NAME = "Grace Okafor";
  static final String ENGINEERING = "c002"; // Engineering;Data;Design;Product

  @TempDir static Path dir;
  static Path home;
  static Members members;
  static List<CSVRecord> review1;
  static Map<String, String> decided = new LinkedHashMap<>(); // proposal id -> approve|reject
  static String edited;
  static String editedText = "=Dear both, I would love you two to meet. (rewritten)";

  @BeforeAll
  static void nightOne() throws IOException {
    // A name Spark's readers would take for a list and patterns: it must name only itself.
    home = dir.resolve("home, [2026] {a,b} *?");
    Files.createDirectories(home);
    Files.copy(Path.of("data/sample/coordinators.csv"), home.resolve("coordinators.csv"));
    members = Members.read(SampleRun.SAMPLE);
    match(SampleRun.SAMPLE, NIGHT1);
    review1 = RunFiles.csv(run(NIGHT1).resolve("review.csv"));
  }

  static void match(Path membersFile, String runId) throws IOException {
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(membersFile.toString(), home.toString(), runId, null));
  }

  static ApprovalGate.Result decide(Path file, String coordinator, String runId, String day)
      throws IOException {
    return DecideJob.run(
        new FileStore(new Configuration()),
        new DecideJob.Options(home.toString(), runId, file.toString(), coordinator),
        Clock.fixed(Instant.parse(day + "T09:00:00Z"), ZoneOffset.UTC));
  }

  static Path run(String runId) {
    return home.resolve("runs").resolve(runId);
  }

  /** The review sheet with some decisions filled in, written formula-safe as review.csv is. */
  static Path sheet(String name, List<CSVRecord> rows, Map<String, String[]> changes)
      throws IOException {
    Path file = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p =
            CSVFormat.RFC4180
                .builder()
                .setHeader(rows.get(0).getParser().getHeaderNames().toArray(new String[0]))
                .get()
                .print(w)) {
      for (CSVRecord r : rows) {
        Map<String, String> cells = new LinkedHashMap<>(r.toMap());
        String[] change = changes.get(r.get("proposal_id"));
        if (change != null) {
          cells.put("decision", change[0]);
          if (change[1] != null) {
            cells.put("introduction", SafeCsv.neutralise(change[1]));
          }
          if (change[2] != null) {
            cells.put("note", SafeCsv.neutralise(change[2]));
          }
        }
        p.printRecord(cells.values());
      }
    }
    return file;
  }

  static List<GenericRecord> outbox(String runId) throws IOException {
    Path dirOut = home.resolve("outbox").resolve(runId).resolve("introductions");
    List<GenericRecord> out = new ArrayList<>();
    if (!Files.exists(dirOut)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dirOut)) {
      for (Path f :
          files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        out.addAll(RunFiles.avro(f));
      }
    }
    return out;
  }

  static List<GenericRecord> ledger() throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    if (!Files.exists(home.resolve("ledger"))) {
      return out;
    }
    try (Stream<Path> files = Files.list(home.resolve("ledger"))) {
      for (Path f :
          files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList()) {
        out.addAll(RunFiles.avro(f));
      }
    }
    return out;
  }

  /** Every file under the ledger and outbox, with its bytes. */
  static Map<String, byte[]> snapshot() throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String d : List.of("ledger", "outbox")) {
      Path root = home.resolve(d);
      if (Files.exists(root)) {
        try (Stream<Path> all = Files.walk(root)) {
          for (Path f : all.filter(Files::isRegularFile).toList()) {
            out.put(home.relativize(f).toString(), Files.readAllBytes(f));
          }
        }
      }
    }
    return out;
  }

  @Test
  @Order(1)
  void aMixedDecisionsFileIsAppliedAndOnlyApprovalsReachTheOutbox() throws IOException {
    // Two approvals, one of them rewritten; two rejections with notes that look like formulas.
    List<String> ids = review1.stream().map(r -> r.get("proposal_id")).toList();
    Map<String, String[]> changes = new LinkedHashMap<>();
    edited = ids.get(0);
    changes.put(ids.get(0), new String[] {"approve", editedText, "+1 from me"});
    String contested = contestedProposal();
    changes.put(contested, new String[] {"Approve ", null, null});
    changes.put(ids.get(2), new String[] {"reject", null, "=not a fit"});
    changes.put(ids.get(3), new String[] {"reject", null, "@mentor asked for a break\twith a tab"});
    changes.put(ids.get(4), new String[] {"approve", null, "-"});
    changes.forEach((id, c) -> decided.put(id, c[0].trim().toLowerCase()));
    Path file = sheet("decisions-1.csv", review1, changes);

    ApprovalGate.Result r = decide(file, ADMIN, NIGHT1, NIGHT1);
    assertEquals(3, r.approved());
    assertEquals(2, r.rejected());
    assertEquals(review1.size() - 5, r.pending());

    Map<String, GenericRecord> sent = new HashMap<>();
    for (GenericRecord i : outbox(NIGHT1)) {
      sent.put(RunFiles.text(i, "proposal_id"), i);
    }
    Set<String> approved = new HashSet<>();
    decided.forEach(
        (id, d) -> {
          if (d.equals("approve")) {
            approved.add(id);
          }
        });
    assertEquals(approved, sent.keySet(), "no outbox record without approval");
    for (GenericRecord i : sent.values()) {
      assertEquals(ADMIN, RunFiles.text(i, "approved_by"));
      assertEquals(ADMIN_NAME, RunFiles.text(i, "approved_by_name"));
      assertEquals(Instant.parse(NIGHT1 + "T09:00:00Z").toEpochMilli(), i.get("approved_at"));
      String body = RunFiles.text(i, "body");
      assertTrue(body.endsWith(IntroductionWriter.confirmedNotice(ADMIN_NAME)), body);
      assertFalse(body.contains(IntroductionWriter.PENDING_NOTICE), body);
      assertTrue(RunFiles.text(i, "mentee_email").endsWith("@example.com"));
    }
    assertTrue(
        RunFiles.text(sent.get(edited), "body").startsWith(editedText),
        "the coordinator's text, as written");

    Map<String, GenericRecord> recorded = new HashMap<>();
    for (GenericRecord d : ledger()) {
      recorded.put(RunFiles.text(d, "proposal_id"), d);
    }
    assertEquals(decided.keySet(), recorded.keySet());
    assertEquals("=not a fit", RunFiles.text(recorded.get(ids.get(2)), "note"));
    assertEquals(
        "@mentor asked for a break\twith a tab", RunFiles.text(recorded.get(ids.get(3)), "note"));
    assertEquals("+1 from me", RunFiles.text(recorded.get(ids.get(0)), "note"));
    assertEquals(editedText, RunFiles.text(recorded.get(ids.get(0)), "edited_introduction"));
    assertNull(recorded.get(contested).get("edited_introduction"));
    assertEquals("REJECT", recorded.get(ids.get(2)).get("decision").toString());
  }

  /**
   * A proposal of night 1 whose mentor was also another mentee's better fit but had no place left:
   * once approved, its place is what keeps that mentee away on later nights, so capacity across
   * nights is tested where it bites. Rows 0-4 and 10 of the sheet have other parts to play.
   */
  static String contestedProposal() throws IOException {
    Set<String> contestedMentors = new HashSet<>();
    for (GenericRecord p : RunFiles.avro(run(NIGHT1).resolve("proposals/part-00000.avro"))) {
      for (Object a : (List<?>) p.get("alternatives")) {
        GenericRecord alternative = (GenericRecord) a;
        if (RunFiles.text(alternative, "why_not").contains("at capacity")
            && (double) alternative.get("score") > (double) p.get("score")) {
          contestedMentors.add(RunFiles.text(alternative, "mentor_id"));
        }
      }
    }
    for (int i = 5; i < review1.size(); i++) {
      if (i != 10 && contestedMentors.contains(review1.get(i).get("mentor_id"))) {
        return review1.get(i).get("proposal_id");
      }
    }
    throw new AssertionError("no proposal of night 1 holds a contested mentor's place");
  }

  @Test
  @Order(2)
  void applyingTheSameFileAgainChangesNothing() throws IOException {
    Map<String, byte[]> before = snapshot();
    List<CSVRecord> rows = review1;
    Map<String, String[]> same = new LinkedHashMap<>();
    decided.forEach(
        (id, d) -> same.put(id, new String[] {d, id.equals(edited) ? editedText : null, null}));
    ApprovalGate.Result r =
        decide(sheet("decisions-1-again.csv", rows, same), ADMIN, NIGHT1, NIGHT1);
    assertNull(r.applicationId());
    assertEquals(decided.size(), r.unchanged());
    Map<String, byte[]> after = snapshot();
    assertEquals(before.keySet(), after.keySet());
    before.forEach((f, bytes) -> assertArrayEquals(bytes, after.get(f), f));
  }

  @Test
  @Order(3)
  void anOutOfScopeOrContradictoryFileChangesNothingAndListsEveryLine() throws IOException {
    Map<String, byte[]> before = snapshot();
    String outsideScope = null;
    for (CSVRecord r : review1) {
      String dept = r.get("mentee_department");
      if (!decided.containsKey(r.get("proposal_id"))
          && !List.of("Engineering", "Data", "Design", "Product").contains(dept)) {
        outsideScope = r.get("proposal_id");
        break;
      }
    }
    String rejectedBefore = review1.get(2).get("proposal_id");
    Map<String, String[]> changes = new LinkedHashMap<>();
    changes.put(outsideScope, new String[] {"approve", null, null});
    changes.put(rejectedBefore, new String[] {"approve", null, null}); // was rejected
    changes.put(review1.get(10).get("proposal_id"), new String[] {"maybe", null, null});
    UserError e =
        assertThrows(
            UserError.class,
            () -> decide(sheet("bad.csv", review1, changes), ENGINEERING, NIGHT1, NIGHT1));
    String m = e.getMessage();
    assertTrue(m.contains("nothing was applied"), m);
    assertTrue(m.matches("(?s).*\\n  line \\d+: [^\\n]*outside c002's scope.*"), m);
    assertTrue(m.matches("(?s).*\\n  line \\d+: [^\\n]*'maybe' is not a decision word.*"), m);

    // A coordinator whose scope covers it still cannot reverse an earlier rejection.
    UserError reversal =
        assertThrows(
            UserError.class,
            () ->
                decide(
                    sheet(
                        "reverse.csv",
                        review1,
                        Map.of(rejectedBefore, new String[] {"approve", null, null})),
                    ADMIN,
                    NIGHT1,
                    NIGHT1));
    assertTrue(
        reversal
            .getMessage()
            .matches(
                "(?s).*\\n  line \\d+: proposal "
                    + rejectedBefore
                    + " was already rejected by c001 .*"),
        reversal.getMessage());
    assertSameFiles(before, snapshot());
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((f, bytes) -> assertArrayEquals(bytes, actual.get(f), f + " changed"));
  }

  @Test
  @Order(4)
  void nightTwoRemembersTheDecisionsAndPendingProposals() throws IOException {
    match(SampleRun.SAMPLE, NIGHT2);
    Map<String, Object> summary = RunFiles.summary(run(NIGHT2));
    List<GenericRecord> night1 = RunFiles.avro(run(NIGHT1).resolve("proposals/part-00000.avro"));
    List<GenericRecord> night2 = RunFiles.avro(run(NIGHT2).resolve("proposals/part-00000.avro"));
    assertEquals(3L, ((Number) summary.get("active_mentorships")).longValue());
    assertEquals(2L, ((Number) summary.get("declined_pairs")).longValue());
    assertEquals(
        (long) night1.size() - decided.size(),
        ((Number) summary.get("pending_carried_over")).longValue());

    Set<String> busy = new HashSet<>();
    Set<String> declinedPairs = new HashSet<>();
    for (GenericRecord p : night1) {
      String id = RunFiles.text(p, "proposal_id");
      String pair = RunFiles.text(p, "mentee_id") + ">" + RunFiles.text(p, "mentor_id");
      if ("reject".equals(decided.get(id))) {
        declinedPairs.add(pair);
      } else {
        busy.add(RunFiles.text(p, "mentee_id")); // approved or still pending
      }
    }
    Set<String> unmatched2 = new HashSet<>();
    for (CSVRecord r : RunFiles.csv(run(NIGHT2).resolve("unmatched.csv"))) {
      unmatched2.add(r.get("member_id"));
    }
    for (GenericRecord p : night2) {
      String mentee = RunFiles.text(p, "mentee_id");
      assertFalse(
          busy.contains(mentee), "a mentee in a mentorship or awaiting a decision: " + mentee);
      assertFalse(
          declinedPairs.contains(mentee + ">" + RunFiles.text(p, "mentor_id")),
          "a rejected pair proposed again");
    }
    for (String m : busy) {
      assertFalse(unmatched2.contains(m), "busy mentees are not 'unmatched': " + m);
    }
    assertCapacityHeldOn(NIGHT1, SampleRun.SAMPLE);
    assertCapacityHeldOn(NIGHT2, SampleRun.SAMPLE);
  }

  /**
   * For every mentor on {@code night}: the mentorships approved so far (both members still in the
   * programme), the earlier proposals still pending (undecided, not withdrawn, not expired by
   * tonight) and tonight's proposals never exceed the places the mentor offers in that night's
   * members file (none, if they are no longer in it or no longer consent). Decisions are read from
   * the ledger, withdrawals from each night's withdrawn.csv.
   */
  static void assertCapacityHeldOn(String night, Path membersFile) throws IOException {
    Members file = Members.read(membersFile);
    LocalDate tonight = LocalDate.parse(night);
    Map<String, String> decisions = new HashMap<>();
    for (GenericRecord d : ledger()) {
      decisions.put(RunFiles.text(d, "proposal_id"), d.get("decision").toString());
    }
    List<String> nights = NIGHTS.stream().filter(n -> n.compareTo(night) <= 0).toList();
    Set<String> withdrawn = new HashSet<>();
    for (String n : nights) {
      for (CSVRecord r : RunFiles.csv(run(n).resolve("withdrawn.csv"))) {
        withdrawn.add(r.get("proposal_id"));
      }
    }
    Map<String, Integer> load = new TreeMap<>();
    for (String n : nights) {
      for (GenericRecord p : RunFiles.avro(run(n).resolve("proposals/part-00000.avro"))) {
        String id = RunFiles.text(p, "proposal_id");
        String mentor = RunFiles.text(p, "mentor_id");
        String decision = decisions.get(id);
        boolean holds;
        if (n.equals(night)) {
          holds = true;
        } else if ("APPROVE".equals(decision)) {
          holds = inProgramme(file, RunFiles.text(p, "mentee_id")) && inProgramme(file, mentor);
        } else {
          holds =
              decision == null
                  && !withdrawn.contains(id)
                  && !LocalDate.parse(RunFiles.text(p, "expires_on")).isBefore(tonight);
        }
        if (holds) {
          load.merge(mentor, 1, Integer::sum);
        }
      }
    }
    assertFalse(load.isEmpty(), night);
    load.forEach(
        (mentor, n) -> {
          String capacity = inProgramme(file, mentor) ? file.byId(mentor).get("capacity") : "0";
          int places = capacity.isEmpty() ? 2 : Integer.parseInt(capacity);
          assertTrue(n <= places, night + ": " + mentor + " holds " + n + " of " + places);
        });
  }

  private static boolean inProgramme(Members file, String id) {
    Map<String, String> row = file.byId(id);
    return row != null
        && Set.of("yes", "true", "1").contains(row.get("consent").toLowerCase(Locale.ROOT));
  }

  @Test
  @Order(5)
  void membersWhoLeaveTakeTheirPendingProposalsWithThem() throws IOException {
    // Two pending proposals of night 1: one mentee leaves the file, one mentor withdraws consent.
    List<GenericRecord> pending = new ArrayList<>();
    for (GenericRecord p : RunFiles.avro(run(NIGHT1).resolve("proposals/part-00000.avro"))) {
      if (!decided.containsKey(RunFiles.text(p, "proposal_id"))) {
        pending.add(p);
      }
    }
    GenericRecord menteeLeaves = pending.get(0);
    GenericRecord mentorLeaves =
        pending.stream()
            .filter(
                p ->
                    !RunFiles.text(p, "mentor_id").equals(RunFiles.text(menteeLeaves, "mentor_id")))
            .filter(
                p ->
                    !RunFiles.text(p, "mentor_id").equals(RunFiles.text(menteeLeaves, "mentee_id")))
            .findFirst()
            .orElseThrow();
    String goneMentee = RunFiles.text(menteeLeaves, "mentee_id");
    String goneMentor = RunFiles.text(mentorLeaves, "mentor_id");

    Path changed = dir.resolve("members-night3.csv");
    String text = Files.readString(SampleRun.SAMPLE, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (CSVParser in =
            CSVParser.parse(
                new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get());
        Writer w = Files.newBufferedWriter(changed, StandardCharsets.UTF_8);
        CSVPrinter out =
            CSVFormat.RFC4180
                .builder()
                .setHeader(in.getHeaderNames().toArray(new String[0]))
                .get()
                .print(w)) {
      for (CSVRecord r : in) {
        Map<String, String> cells = new LinkedHashMap<>(r.toMap());
        if (goneMentee.equals(cells.get("member_id"))) {
          continue;
        }
        if (goneMentor.equals(cells.get("member_id"))) {
          cells.put("consent", "no");
        }
        out.printRecord(cells.values());
      }
    }
    match(changed, NIGHT3);
    Map<String, String> withdrawn = new HashMap<>();
    for (CSVRecord r : RunFiles.csv(run(NIGHT3).resolve("withdrawn.csv"))) {
      withdrawn.put(r.get("proposal_id"), r.get("reason"));
    }
    String p1 = RunFiles.text(menteeLeaves, "proposal_id");
    String p2 = RunFiles.text(mentorLeaves, "proposal_id");
    assertTrue(withdrawn.get(p1).contains("mentee is no longer"), withdrawn.toString());
    assertTrue(withdrawn.get(p2).contains("mentor is no longer"), withdrawn.toString());
    @SuppressWarnings("unchecked")
    List<String> listed = (List<String>) RunFiles.summary(run(NIGHT3)).get("withdrawn_proposals");
    assertTrue(listed.containsAll(List.of(p1, p2)), listed.toString());
    assertCapacityHeldOn(NIGHT3, changed);

    Map<String, String[]> approveWithdrawn = Map.of(p1, new String[] {"approve", null, null});
    UserError e =
        assertThrows(
            UserError.class,
            () -> decide(sheet("withdrawn.csv", review1, approveWithdrawn), ADMIN, NIGHT1, NIGHT3));
    assertTrue(e.getMessage().contains("was withdrawn"), e.getMessage());
  }

  @Test
  @Order(6)
  void pendingProposalsExpireAndReleaseTheirPlaces() throws IOException {
    match(SampleRun.SAMPLE, NIGHT4);
    Map<String, Object> summary = RunFiles.summary(run(NIGHT4));
    assertTrue(((Number) summary.get("pending_expired")).longValue() > 0, summary.toString());
    assertEquals(0L, ((Number) summary.get("pending_carried_over")).longValue());
    assertEquals(3L, ((Number) summary.get("active_mentorships")).longValue());
    assertCapacityHeldOn(NIGHT4, SampleRun.SAMPLE);

    String stillPending =
        review1.stream()
            .map(r -> r.get("proposal_id"))
            .filter(id -> !decided.containsKey(id))
            .reduce((a, b) -> b)
            .orElseThrow();
    UserError e =
        assertThrows(
            UserError.class,
            () ->
                decide(
                    sheet(
                        "late.csv",
                        review1,
                        Map.of(stillPending, new String[] {"approve", null, null})),
                    ADMIN,
                    NIGHT1,
                    NIGHT4));
    assertTrue(e.getMessage().contains("expired on 2026-12-05"), e.getMessage());
  }

  @Test
  @Order(7)
  void aDecidedRunCannotBeRunAgain() {
    UserError e = assertThrows(UserError.class, () -> match(SampleRun.SAMPLE, NIGHT1));
    assertTrue(e.getMessage().contains("already has 5 coordinator decision(s)"), e.getMessage());
  }
}
