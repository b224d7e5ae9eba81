package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.ProposalStatus;
import org.mentormatch.avro.ScoreParts;
import org.mentormatch.avro.SharedTopic;
import org.mentormatch.decisions.DecisionRecords;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.text.SafeCsv;

class DecisionStoreTest {
  private static final RunId RUN = RunId.of("2024-06-01");
  private static final String APP0 = "decisions-20240603T101530123Z-0000aaaa";
  private static final String APP1 = "decisions-20240603T101531123Z-1111bbbb";
  private static final String APP2 = "decisions-20240603T101532123Z-2222cccc";
  private static final Instant AT = Instant.parse("2024-06-03T10:15:30.123Z");

  @TempDir java.nio.file.Path dir;

  private FileStore files;
  private Home home;
  private DecisionStore store;

  @BeforeEach
  void setUp() {
    files = new FileStore(new Configuration());
    home = new Home(new Path(dir.toUri()));
    store = new DecisionStore(files, home);
  }

  private static Decision decision(String proposal, DecisionKind kind, String application) {
    return Decision.newBuilder()
        .setProposalId(proposal)
        .setRunId(RUN.value())
        .setMenteeId("m-" + proposal)
        .setMentorId("t-" + proposal)
        .setDecision(kind)
        .setCoordinatorId("eng")
        .setCoordinatorName("Eli Eng")
        .setDecidedAt(AT)
        .setNote(kind == DecisionKind.APPROVE ? null : "not a fit")
        .setEditedIntroduction(null)
        .setDecisionsFile("review.csv")
        .setLine(2)
        .setApplicationId(application)
        .build();
  }

  private static Proposal proposal(String id) {
    return Proposal.newBuilder()
        .setProposalId(id)
        .setRunId(RUN.value())
        .setProposedOn(RUN.value())
        .setExpiresOn("2024-06-15")
        .setMenteeId("m-" + id)
        .setMenteeName("Ana Lima")
        .setMenteeEmail("ana@example.org")
        .setMenteeDepartment("Engineering")
        .setMentorId("t-" + id)
        .setMentorName("Bo Berg")
        .setMentorEmail("bo@example.org")
        .setMentorDepartment("Research")
        .setScore(0.75)
        .setScoreParts(new ScoreParts(0.8, 0.7, 1.0, 1.0))
        .setShared(List.of(new SharedTopic("spark", "Apache Spark", 0.9, "similar meaning")))
        .setReasons(List.of("Bo knows Spark, which Ana wants to learn."))
        .setAlternatives(List.of())
        .setCluster(3)
        .setClusterLabel("spark, data")
        .setIntroductionSubject("Mentoring introduction: Ana and Bo")
        .setIntroduction("Hi Ana and Bo, about " + id + ".\n\n" + IntroductionWriter.PENDING_NOTICE)
        .setStatus(ProposalStatus.PENDING)
        .build();
  }

  /** The introduction an approval of {@code proposal} by Eli Eng publishes. */
  private static Introduction introduction(String proposal) {
    return DecisionRecords.introduction(
        proposal(proposal), decision(proposal, DecisionKind.APPROVE, "any"));
  }

  /** Writes the run's proposals, as match.sh would, so recovery can rebuild introductions. */
  private static void writeProposals(java.nio.file.Path root, String... ids) throws IOException {
    java.nio.file.Path file = root.resolve("runs/" + RUN + "/proposals/part-00000.avro");
    Files.createDirectories(file.getParent());
    try (DataFileWriter<Proposal> w =
        new DataFileWriter<>(new SpecificDatumWriter<>(Proposal.class))) {
      w.create(Proposal.getClassSchema(), file.toFile());
      for (String id : ids) {
        w.append(proposal(id));
      }
    }
  }

  /** Every file under the home, by path relative to it, with its bytes. */
  private static Map<String, byte[]> tree(java.nio.file.Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<java.nio.file.Path> walk = Files.walk(root)) {
      for (java.nio.file.Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private static void assertSameTree(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), name);
    }
  }

  /** Applies {@link #APP1}: P1 approved, with its introduction. */
  private static void approveP1(DecisionStore target) throws IOException {
    target.apply(
        APP1,
        RUN,
        List.of(decision("P1", DecisionKind.APPROVE, APP1)),
        List.of(introduction("P1")));
  }

  @BeforeEach
  void writeTheRun() throws IOException {
    writeProposals(dir, "P0", "P1", "P2", "P3");
  }

  /** Every file under the home, outside the run that the tests never change. */
  private Map<String, byte[]> state(java.nio.file.Path root) throws IOException {
    Map<String, byte[]> out = tree(root);
    out.keySet().removeIf(n -> n.startsWith("runs/"));
    return out;
  }

  private Set<String> pendingFiles() throws IOException {
    return tree(dir).keySet().stream()
        .filter(n -> n.endsWith(".pending"))
        .collect(Collectors.toSet());
  }

  @Test
  void applyWritesTheLedgerAndTheOutboxAndReadsThemBack() throws IOException {
    List<Decision> decisions =
        List.of(
            decision("P1", DecisionKind.APPROVE, APP1), decision("P2", DecisionKind.REJECT, APP1));
    List<Introduction> introductions = List.of(introduction("P1"));

    store.apply(APP1, RUN, decisions, introductions);

    assertEquals(
        Set.of("ledger/" + APP1 + ".avro", "outbox/" + RUN + "/introductions/" + APP1 + ".avro"),
        state(dir).keySet());
    assertEquals(decisions, store.ledger());
    assertEquals(introductions, store.outbox(RUN));
    assertEquals(List.of(), store.outbox(RunId.of("2024-05-01")));
  }

  @Test
  void theLedgerKeepsEveryApplicationInOrder() throws IOException {
    store.apply(APP1, RUN, List.of(decision("P1", DecisionKind.REJECT, APP1)), List.of());
    store.apply(
        APP2,
        RUN,
        List.of(decision("P2", DecisionKind.APPROVE, APP2)),
        List.of(introduction("P2")));

    assertEquals(
        List.of(
            decision("P1", DecisionKind.REJECT, APP1), decision("P2", DecisionKind.APPROVE, APP2)),
        store.ledger());
    assertEquals(List.of(introduction("P2")), store.outbox(RUN));
  }

  @Test
  void withoutApprovalsNoOutboxFileIsWritten() throws IOException {
    store.apply(APP1, RUN, List.of(decision("P2", DecisionKind.REJECT, APP1)), List.of());

    assertEquals(Set.of("ledger/" + APP1 + ".avro"), state(dir).keySet());
    assertFalse(Files.exists(dir.resolve("outbox")));
    assertEquals(List.of(), store.outbox(RUN));
    assertEquals(1, store.ledger().size());
  }

  @Test
  void theSameRecordsGiveTheSameBytes(@TempDir java.nio.file.Path other) throws IOException {
    List<Decision> decisions = List.of(decision("P1", DecisionKind.APPROVE, APP1));
    List<Introduction> introductions = List.of(introduction("P1"));

    store.apply(APP1, RUN, decisions, introductions);
    new DecisionStore(files, new Home(new Path(other.toUri())))
        .apply(APP1, RUN, decisions, introductions);

    assertSameTree(state(dir), state(other));
  }

  @Test
  void recoverIsANoOpWhenNothingNeedsRepair() throws IOException {
    assertEquals(List.of(), store.recover());
    assertEquals(Map.of(), state(dir));

    approveP1(store);
    Map<String, byte[]> before = tree(dir);

    assertEquals(List.of(), store.recover());
    assertSameTree(before, tree(dir));
  }

  @Test
  void readersIgnoreHiddenPendingFiles() throws IOException {
    store.apply(APP0, RUN, List.of(decision("P0", DecisionKind.REJECT, APP0)), List.of());
    Files.writeString(dir.resolve("ledger/." + APP1 + ".avro.pending"), "half written");
    Files.createDirectories(dir.resolve("outbox/" + RUN + "/introductions"));
    Files.writeString(
        dir.resolve("outbox/" + RUN + "/introductions/." + APP1 + ".avro.pending"), "half written");

    assertEquals(List.of(decision("P0", DecisionKind.REJECT, APP0)), store.ledger());
    assertEquals(List.of(), store.outbox(RUN));
  }

  // --- crash safety ---

  /** Where a simulated crash stops an application. */
  enum Crash {
    /** Half-way through writing the hidden ledger file. */
    WRITING_LEDGER(1, 0, false, true),
    /** Half-way through writing the hidden outbox file; the hidden ledger file is complete. */
    WRITING_OUTBOX(2, 0, false, true),
    /** Just before the ledger file is renamed into place (the commit). */
    BEFORE_COMMIT(0, 1, false, true),
    /** Just after the commit, before anything else. */
    RIGHT_AFTER_COMMIT(0, 1, true, false),
    /** Just before the outbox file is renamed into place (its publication). */
    BEFORE_PUBLICATION(0, 2, false, false);

    final int failingCreate;
    final int failingRename;
    final boolean renameHappens;
    final boolean beforeCommit;

    Crash(int failingCreate, int failingRename, boolean renameHappens, boolean beforeCommit) {
      this.failingCreate = failingCreate;
      this.failingRename = failingRename;
      this.renameHappens = renameHappens;
      this.beforeCommit = beforeCommit;
    }
  }

  /** A store whose Nth create or rename "crashes" the process with an IOException. */
  static final class CrashingStore extends FileStore {
    private final Crash crash;
    private int creates;
    private int renames;

    CrashingStore(Crash crash) {
      super(new Configuration());
      this.crash = crash;
    }

    @Override
    public OutputStream create(Path path) throws IOException {
      if (++creates == crash.failingCreate) {
        try (OutputStream half = super.create(path)) {
          half.write("Obj\u0001 half an avro file".getBytes(StandardCharsets.UTF_8));
        }
        throw new IOException("simulated crash while writing " + path);
      }
      return super.create(path);
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
      if (++renames == crash.failingRename) {
        if (crash.renameHappens) {
          super.rename(from, to);
        }
        throw new IOException("simulated crash at rename of " + from);
      }
      super.rename(from, to);
    }
  }

  private void assertNoIntroductionWithoutApproval() throws IOException {
    Set<String> approved =
        store.ledger().stream()
            .filter(d -> d.getDecision() == DecisionKind.APPROVE)
            .map(Decision::getProposalId)
            .collect(Collectors.toSet());
    for (Introduction i : store.outbox(RUN)) {
      assertTrue(
          approved.contains(i.getProposalId()),
          "outbox holds " + i.getProposalId() + " without an approval in the ledger");
    }
  }

  /** The files a reader sees under the home: not the run, not hidden (pending) files. */
  private Set<String> visibleFiles() throws IOException {
    return state(dir).keySet().stream()
        .filter(n -> !n.substring(n.lastIndexOf('/') + 1).startsWith("."))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** One record of a ledger or outbox file, read as any Avro reader would: field to text. */
  private static List<Map<String, String>> records(String relative, List<String> fields)
      throws IOException {
    List<Map<String, String>> out = new java.util.ArrayList<>();
    for (org.apache.avro.generic.GenericRecord r :
        org.mentormatch.RunFiles.avro(java.nio.file.Path.of(relative))) {
      Map<String, String> m = new java.util.LinkedHashMap<>();
      for (String f : fields) {
        m.put(f, String.valueOf(r.get(f)));
      }
      out.add(m);
    }
    return out;
  }

  private static Map<String, String> fields(String... keysAndValues) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  private static final List<String> LEDGER_FIELDS =
      List.of("proposal_id", "run_id", "decision", "coordinator_id", "note", "application_id");
  private static final List<String> OUTBOX_FIELDS =
      List.of(
          "proposal_id",
          "run_id",
          "mentee_email",
          "mentor_email",
          "subject",
          "body",
          "approved_by",
          "approved_by_name",
          "approved_at");

  /** The introduction of {@code proposal} as the mailer must get it, written out by hand. */
  private static Map<String, String> sent(String proposal) {
    return fields(
        "proposal_id", proposal,
        "run_id", "2024-06-01",
        "mentee_email", "ana@example.org",
        "mentor_email", "bo@example.org",
        "subject", "Mentoring introduction: Ana and Bo",
        "body",
            "Hi Ana and Bo, about "
                + proposal
                + ".\n\nThis introduction was suggested by mentor-match, our matching software,"
                + " and confirmed by Eli Eng, programme coordinator.",
        "approved_by", "eng",
        "approved_by_name", "Eli Eng",
        "approved_at", String.valueOf(AT.toEpochMilli()));
  }

  @ParameterizedTest
  @EnumSource(Crash.class)
  void aCrashLeavesEitherTheStateBeforeOrTheStateAfter(Crash crash) throws IOException {
    // An earlier application that must survive whatever happens next.
    List<Decision> earlier = List.of(decision("P0", DecisionKind.APPROVE, APP0));
    store.apply(APP0, RUN, earlier, List.of(introduction("P0")));
    Map<String, byte[]> before = tree(dir);

    List<Decision> decisions =
        List.of(
            decision("P1", DecisionKind.APPROVE, APP1),
            decision("P2", DecisionKind.REJECT, APP1),
            decision("P3", DecisionKind.APPROVE, APP1));
    List<Introduction> introductions = List.of(introduction("P1"), introduction("P3"));

    DecisionStore crashing = new DecisionStore(new CrashingStore(crash), home);
    IOException e =
        assertThrows(IOException.class, () -> crashing.apply(APP1, RUN, decisions, introductions));
    assertTrue(e.getMessage().contains("simulated crash"), e.getMessage());

    // What the home holds, stated independently of the store's own writing and reading.
    String ledger0 = "ledger/" + APP0 + ".avro";
    String ledger1 = "ledger/" + APP1 + ".avro";
    String outbox0 = "outbox/" + RUN + "/introductions/" + APP0 + ".avro";
    String outbox1 = "outbox/" + RUN + "/introductions/" + APP1 + ".avro";
    Set<String> committedBefore = Set.of(ledger0, outbox0);

    // Right after the crash, before any repair: the ledger file is the commit, and the outbox
    // never shows an introduction whose decision is not committed.
    assertNoIntroductionWithoutApproval();
    assertEquals(
        crash.beforeCommit ? committedBefore : Set.of(ledger0, ledger1, outbox0), visibleFiles());
    assertFalse(pendingFiles().isEmpty(), "the crash should leave a hidden file to repair");

    List<String> repaired = store.recover();

    assertEquals(expectedRepairs(crash), repaired);
    assertEquals(Set.of(), pendingFiles());
    assertNoIntroductionWithoutApproval();
    Map<String, byte[]> now = tree(dir);
    for (String untouched : committedBefore) {
      assertArrayEquals(before.get(untouched), now.get(untouched), untouched + " changed");
    }
    if (crash.beforeCommit) {
      assertEquals(committedBefore, visibleFiles());
      assertSameTree(before, now);
    } else {
      assertEquals(Set.of(ledger0, ledger1, outbox0, outbox1), visibleFiles());
      assertEquals(
          List.of(
              fields(
                  "proposal_id",
                  "P1",
                  "run_id",
                  "2024-06-01",
                  "decision",
                  "APPROVE",
                  "coordinator_id",
                  "eng",
                  "note",
                  "null",
                  "application_id",
                  APP1),
              fields(
                  "proposal_id",
                  "P2",
                  "run_id",
                  "2024-06-01",
                  "decision",
                  "REJECT",
                  "coordinator_id",
                  "eng",
                  "note",
                  "not a fit",
                  "application_id",
                  APP1),
              fields(
                  "proposal_id",
                  "P3",
                  "run_id",
                  "2024-06-01",
                  "decision",
                  "APPROVE",
                  "coordinator_id",
                  "eng",
                  "note",
                  "null",
                  "application_id",
                  APP1)),
          records(dir.resolve(ledger1).toString(), LEDGER_FIELDS));
      assertEquals(
          List.of(sent("P1"), sent("P3")), records(dir.resolve(outbox1).toString(), OUTBOX_FIELDS));
    }
    assertEquals(List.of(), store.recover());
  }

  private static List<String> expectedRepairs(Crash crash) {
    return switch (crash) {
      case WRITING_LEDGER -> List.of("removed uncommitted decisions (." + APP1 + ".avro.pending)");
      case WRITING_OUTBOX, BEFORE_COMMIT ->
          List.of(
              "removed uncommitted decisions (." + APP1 + ".avro.pending)",
              "removed the uncommitted introductions " + APP1 + " (" + RUN + ")");
      case RIGHT_AFTER_COMMIT, BEFORE_PUBLICATION ->
          List.of("completed the outbox of decisions " + APP1 + " (" + RUN + ")");
    };
  }

  @Test
  void aCrashAtTheCommitOfAnApplicationWithoutApprovalsLeavesNothing() throws IOException {
    DecisionStore crashing = new DecisionStore(new CrashingStore(Crash.BEFORE_COMMIT), home);

    assertThrows(
        IOException.class,
        () ->
            crashing.apply(
                APP1, RUN, List.of(decision("P2", DecisionKind.REJECT, APP1)), List.of()));

    assertEquals(List.of(), store.ledger());
    assertEquals(
        List.of("removed uncommitted decisions (." + APP1 + ".avro.pending)"), store.recover());
    assertEquals(Map.of(), tree(dir.resolve("ledger")));
  }

  // --- what recovery and readers never trust ---

  /** A file under the home, written by someone other than mentor-match. */
  private void plant(String relative, byte[] bytes) throws IOException {
    java.nio.file.Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  /** The bytes of an outbox file holding {@code introductions}. */
  private static byte[] outboxBytes(List<Introduction> introductions) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    AvroFiles.write(out, Introduction.getClassSchema(), introductions.iterator(), "planted");
    return out.toByteArray();
  }

  private static Introduction forged(String proposal) {
    return Introduction.newBuilder(introduction(proposal))
        .setMenteeEmail("attacker@example.net")
        .setBody("Click here.")
        .build();
  }

  @Test
  void aPlantedPendingFileNeverReplacesAPublishedIntroduction() throws IOException {
    approveP1(store);
    Map<String, byte[]> before = state(dir);
    plant(
        "outbox/" + RUN + "/introductions/." + APP1 + ".avro.pending",
        outboxBytes(List.of(forged("P1"))));

    assertEquals(
        List.of("removed a stray copy of the published introductions " + APP1), store.recover());

    assertSameTree(before, state(dir));
    assertEquals(List.of(introduction("P1")), store.outbox(RUN));
  }

  @Test
  void recoveryRebuildsIntroductionsFromTheLedgerNotFromTheFileItFinds() throws IOException {
    DecisionStore crashing = new DecisionStore(new CrashingStore(Crash.BEFORE_PUBLICATION), home);
    assertThrows(IOException.class, () -> approveP1(crashing));
    // Someone swaps the hidden outbox file for their own before the next command repairs it.
    plant(
        "outbox/" + RUN + "/introductions/." + APP1 + ".avro.pending",
        outboxBytes(List.of(forged("P1"), forged("P2"))));

    assertEquals(
        List.of("completed the outbox of decisions " + APP1 + " (" + RUN + ")"), store.recover());

    assertEquals(List.of(introduction("P1")), store.outbox(RUN));
    assertEquals(Set.of(), pendingFiles());
  }

  @Test
  void aPendingFileNoCommittedApprovalStandsBehindIsRemoved() throws IOException {
    store.apply(APP1, RUN, List.of(decision("P2", DecisionKind.REJECT, APP1)), List.of());
    plant(
        "outbox/" + RUN + "/introductions/." + APP1 + ".avro.pending",
        outboxBytes(List.of(forged("P2"))));
    plant(
        "outbox/" + RUN + "/introductions/.not-an-application.avro.pending",
        outboxBytes(List.of(forged("P3"))));
    plant("outbox/_x/introductions/." + APP1 + ".avro.pending", outboxBytes(List.of(forged("P3"))));

    List<String> repaired = store.recover();

    assertEquals(3, repaired.size(), repaired.toString());
    assertEquals(List.of(), store.outbox(RUN));
    assertEquals(Set.of(), pendingFiles());
  }

  @Test
  void anOutboxFolderThatIsALinkIsNeverWrittenThrough() throws IOException {
    java.nio.file.Path shared = Files.createDirectories(dir.resolve("shared"));
    Files.createDirectories(dir.resolve("outbox"));
    Files.createSymbolicLink(dir.resolve("outbox/" + RUN), shared);
    Map<String, byte[]> before = tree(dir);

    UserError e = assertThrows(UserError.class, () -> approveP1(store));

    assertTrue(e.getMessage().contains("outbox/" + RUN + " is a symbolic link"), e.getMessage());
    assertSameTree(before, tree(dir));
    try (Stream<java.nio.file.Path> s = Files.list(shared)) {
      assertEquals(0, s.count(), "no personal data left the home");
    }
  }

  @Test
  void recoveryLeavesALinkedOutboxFolderAndWhatItPointsAtAlone() throws IOException {
    java.nio.file.Path shared = Files.createDirectories(dir.resolve("shared/introductions"));
    java.nio.file.Path theirs = shared.resolve("." + APP1 + ".avro.pending");
    Files.writeString(theirs, "someone else's");
    Files.createDirectories(dir.resolve("outbox"));
    Files.createSymbolicLink(dir.resolve("outbox/" + RUN), shared.getParent());

    List<String> repaired = store.recover();

    assertEquals(1, repaired.size(), repaired.toString());
    assertTrue(repaired.get(0).contains("symbolic link"), repaired.get(0));
    assertEquals("someone else's", Files.readString(theirs));
  }

  @Test
  void proposalsBehindALinkAreRefused() throws IOException {
    java.nio.file.Path outside = Files.createDirectories(dir.resolve("outside"));
    java.nio.file.Path part = dir.resolve("runs/" + RUN + "/proposals/part-00000.avro");
    Files.move(part, outside.resolve("forged.avro"));
    Files.createSymbolicLink(part, outside.resolve("forged.avro"));

    UserError e = assertThrows(UserError.class, () -> store.proposals(RUN));
    assertTrue(e.getMessage().contains("part-00000.avro is a symbolic link"), e.getMessage());
  }

  /** The bytes of a ledger file holding {@code decisions}. */
  private static byte[] ledgerBytes(List<Decision> decisions) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    AvroFiles.write(out, Decision.getClassSchema(), decisions.iterator(), "planted");
    return out.toByteArray();
  }

  /** Replaces the ledger file of {@code id} by a link to a file outside holding {@code forged}. */
  private java.nio.file.Path linkLedgerFile(String id, List<Decision> forged) throws IOException {
    java.nio.file.Path outside =
        Files.createDirectories(dir.resolve("outside")).resolve(id + ".avro");
    Files.write(outside, ledgerBytes(forged));
    java.nio.file.Path file = dir.resolve("ledger/" + id + ".avro");
    Files.delete(file);
    Files.createSymbolicLink(file, outside);
    return outside;
  }

  @Test
  void aLedgerFileThatIsALinkIsNeverCounted() throws IOException {
    store.apply(APP1, RUN, List.of(decision("P2", DecisionKind.REJECT, APP1)), List.of());
    linkLedgerFile(APP1, List.of(decision("P2", DecisionKind.APPROVE, APP1)));

    for (org.junit.jupiter.api.function.Executable read :
        List.<org.junit.jupiter.api.function.Executable>of(store::ledger, store::ledgerFiles)) {
      UserError e = assertThrows(UserError.class, read);
      assertTrue(e.getMessage().contains(APP1 + ".avro is a symbolic link"), e.getMessage());
    }
  }

  @Test
  void recoveryNeverPublishesApprovalsFromALinkedLedgerFile() throws IOException {
    DecisionStore crashing = new DecisionStore(new CrashingStore(Crash.BEFORE_PUBLICATION), home);
    assertThrows(IOException.class, () -> approveP1(crashing));
    // The committed ledger file swapped for one that also approves P2, before the repair.
    java.nio.file.Path outside =
        linkLedgerFile(
            APP1,
            List.of(
                decision("P1", DecisionKind.APPROVE, APP1),
                decision("P2", DecisionKind.APPROVE, APP1)));
    Map<String, byte[]> before = tree(dir);
    byte[] theirs = Files.readAllBytes(outside);

    UserError e = assertThrows(UserError.class, store::recover);

    assertTrue(e.getMessage().contains(APP1 + ".avro is a symbolic link"), e.getMessage());
    assertSameTree(before, tree(dir));
    assertEquals(List.of(), store.outbox(RUN), "nothing was published");
    assertArrayEquals(theirs, Files.readAllBytes(outside), "what the link points at is untouched");
  }

  @Test
  void aLedgerNameTakenByALinkToAFolderIsNotRenamedInto() throws IOException {
    // The application id shows once its hidden file appears: its final name, planted as a link to
    // a folder, would have the rename move the decisions into that folder.
    java.nio.file.Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(dir.resolve("ledger"));
    Files.createSymbolicLink(dir.resolve("ledger/" + APP1 + ".avro"), elsewhere);

    UserError e = assertThrows(UserError.class, () -> approveP1(store));

    assertTrue(e.getMessage().contains(APP1 + ".avro is a symbolic link"), e.getMessage());
    try (Stream<java.nio.file.Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count(), "nothing moved out of the home");
    }
    assertFalse(Files.exists(dir.resolve("outbox/" + RUN + "/introductions/" + APP1 + ".avro")));
  }

  @Test
  void anOutboxNameTakenByALinkToAFolderIsNotRenamedInto() throws IOException {
    java.nio.file.Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    java.nio.file.Path introductions = dir.resolve("outbox/" + RUN + "/introductions");
    Files.createDirectories(introductions);
    Files.createSymbolicLink(introductions.resolve(APP1 + ".avro"), elsewhere);

    DecisionStore.RecordedButNotPublished e =
        assertThrows(DecisionStore.RecordedButNotPublished.class, () -> approveP1(store));

    assertTrue(e.getMessage().contains(APP1 + ".avro is a symbolic link"), e.getMessage());
    try (Stream<java.nio.file.Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count(), "no introduction (names, e-mail addresses) left the home");
    }
    assertEquals(List.of(decision("P1", DecisionKind.APPROVE, APP1)), store.ledger());
  }

  @Test
  void filesInTheLedgerThatAreNotLedgerFilesAreIgnored() throws IOException {
    store.apply(APP1, RUN, List.of(decision("P2", DecisionKind.REJECT, APP1)), List.of());
    plant("ledger/notes.txt", "remember to call Ana".getBytes(StandardCharsets.UTF_8));
    plant("ledger/backup.avro", "not avro".getBytes(StandardCharsets.UTF_8));
    // A link by another name is never read either, so it stops nothing.
    Files.createSymbolicLink(dir.resolve("ledger/notes-link.txt"), dir.resolve("ledger/notes.txt"));

    assertEquals(List.of(decision("P2", DecisionKind.REJECT, APP1)), store.ledger());
    assertEquals(1, store.ledgerFiles().size());
    assertEquals(List.of(), store.recover());
  }

  @Test
  void aDamagedLedgerFileStopsWithItsName() throws IOException {
    store.apply(APP1, RUN, List.of(decision("P2", DecisionKind.REJECT, APP1)), List.of());
    java.nio.file.Path file = dir.resolve("ledger/" + APP1 + ".avro");
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    UserError e = assertThrows(UserError.class, () -> store.ledger());

    assertTrue(e.getMessage().contains(APP1 + ".avro"), e.getMessage());
    assertTrue(e.getMessage().contains("nothing was changed"), e.getMessage());
    assertThrows(UserError.class, () -> store.ledgerFiles());
  }

  // --- withdrawn ---

  private void writeWithdrawn(String run, String... rows) throws IOException {
    try (SafeCsv csv =
        SafeCsv.open(
            files.create(new Path(new Path(home.runs(), run), RunOutputs.WITHDRAWN)),
            List.of("proposal_id", "run_id", "mentee_id", "mentor_id", "reason"),
            false)) {
      for (String r : rows) {
        String[] cells = r.split("\\|");
        csv.row(cells[0], "2024-05-01", "m1", "t1", cells[1]);
      }
    }
  }

  private void complete(String run) throws IOException {
    files.create(new Path(new Path(home.runs(), run), Home.SUCCESS)).close();
  }

  @Test
  void withdrawnReadsOnlyCompleteRuns() throws IOException {
    writeWithdrawn("2024-06-02", "P1|the mentor left the programme", "P2|the mentee paused");
    complete("2024-06-02");
    writeWithdrawn("2024-06-03", "P3|the mentor left the programme");
    // 2024-06-03 has no _SUCCESS: still being written, or failed.
    complete("2024-06-04");
    writeWithdrawn("_tmp", "P4|scratch");
    complete("_tmp");

    assertEquals(
        Map.of(
            "P1", "the mentor left the programme, run 2024-06-02",
            "P2", "the mentee paused, run 2024-06-02"),
        store.withdrawn());
  }

  @Test
  void withdrawnIsEmptyWithoutRuns() throws IOException {
    assertEquals(Map.of(), store.withdrawn());
  }
}
