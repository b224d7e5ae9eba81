package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.ProposalStatus;
import org.mentormatch.avro.ScoreParts;
import org.mentormatch.avro.SharedTopic;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.HomeLock;
import org.mentormatch.io.RunOutputs;
import org.mentormatch.text.SafeCsv;

/** decide.sh on the driver alone: a small programme home in a temporary directory. */
class DecideJobTest {
  private static final String RUN = "2024-06-01";
  private static final Instant NOW = Instant.parse("2024-06-03T10:15:30.123Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Clock NEXT_DAY = Clock.fixed(NOW.plus(Duration.ofDays(1)), ZoneOffset.UTC);
  private static final String ELI = "Eli Eng";

  @TempDir Path tmp;

  private Path home;
  private FileStore files;
  private final Map<String, Proposal> proposals = new LinkedHashMap<>();

  @BeforeEach
  void setUp() throws IOException {
    home = tmp.resolve("home");
    files = new FileStore(new Configuration());
    add(proposal("P-1", "Ana Lima", "Engineering", "Bo Berg"));
    add(proposal("P-2", "Cai Chen", "engineering", "Dee Dunn"));
    add(proposal("P-3", "Eva Eek", "Sales", "Finn Falk"));
    add(proposal("P-4", "Gus Gray", "Finance", "Hal Hart"));
    writeRun(RUN, new ArrayList<>(proposals.values()), true);
    Files.writeString(
        home.resolve("coordinators.csv"),
        "\uFEFFcoordinator_id,name,email,scope\r\n"
            + "eng,Eli Eng,eli@example.org,Engineering;Sales\r\n"
            + "all,Ann All,ann@example.org,*\r\n",
        StandardCharsets.UTF_8);
  }

  // --- the programme home ---

  private void add(Proposal p) {
    proposals.put(p.getProposalId(), p);
  }

  private static String first(String name) {
    return name.substring(0, name.indexOf(' '));
  }

  /** A draft as IntroductionWriter writes it: six lines in a review sheet cell. */
  private static String draft(String mentee, String mentor) {
    return "Hi "
        + first(mentee)
        + " and "
        + first(mentor)
        + ",\n\nYou both like Spark.\n\n"
        + IntroductionWriter.PENDING_NOTICE
        + "\n";
  }

  private static Proposal proposal(
      String id, String mentee, String menteeDepartment, String mentor) {
    String menteeId = "m-" + id.substring(2);
    String mentorId = "t-" + id.substring(2);
    return Proposal.newBuilder()
        .setProposalId(id)
        .setRunId(RUN)
        .setProposedOn(RUN)
        .setExpiresOn("2024-06-15")
        .setMenteeId(menteeId)
        .setMenteeName(mentee)
        .setMenteeEmail(first(mentee).toLowerCase() + "@example.org")
        .setMenteeDepartment(menteeDepartment)
        .setMentorId(mentorId)
        .setMentorName(mentor)
        .setMentorEmail(first(mentor).toLowerCase() + "@example.org")
        .setMentorDepartment("Research")
        .setScore(0.75)
        .setScoreParts(new ScoreParts(0.8, 0.7, 1.0, 1.0))
        .setShared(List.of(new SharedTopic("spark", "Apache Spark", 0.9, "similar meaning")))
        .setReasons(List.of("Bo knows Spark, which Ana wants to learn."))
        .setAlternatives(List.of())
        .setCluster(3)
        .setClusterLabel("spark, data")
        .setIntroductionSubject(
            "Mentoring introduction: " + first(mentee) + " and " + first(mentor))
        .setIntroduction(draft(mentee, mentor))
        .setStatus(ProposalStatus.PENDING)
        .build();
  }

  private void writeRun(String run, List<Proposal> records, boolean complete) throws IOException {
    Path dir = home.resolve("runs").resolve(run);
    Files.createDirectories(dir.resolve("proposals"));
    try (DataFileWriter<Proposal> w =
        new DataFileWriter<>(new SpecificDatumWriter<>(Proposal.class))) {
      w.create(Proposal.getClassSchema(), dir.resolve("proposals/part-00000.avro").toFile());
      for (Proposal p : records) {
        w.append(p);
      }
    }
    if (complete) {
      Files.writeString(dir.resolve(Home.SUCCESS), "");
    }
  }

  /** One row a coordinator filled in: {@code introduction} null keeps the draft. */
  private record Filled(String proposalId, String decision, String introduction, String note) {}

  private static Filled row(String id, String decision) {
    return new Filled(id, decision, null, null);
  }

  /** A review sheet as decide.sh gets it back: BOM, CRLF, formula-safe cells, every column. */
  private Path sheet(String name, Filled... rows) throws IOException {
    Path file = tmp.resolve(name);
    try (OutputStream out = Files.newOutputStream(file);
        SafeCsv csv = SafeCsv.open(out, RunOutputs.REVIEW_HEADER, true)) {
      for (Filled f : rows) {
        Proposal p = proposals.get(f.proposalId());
        csv.row(
            f.proposalId(),
            p == null ? "" : p.getMenteeId(),
            p == null ? "" : p.getMenteeName(),
            p == null ? "" : p.getMenteeDepartment(),
            p == null ? "" : p.getMentorId(),
            p == null ? "" : p.getMentorName(),
            p == null ? "" : p.getMentorDepartment(),
            p == null ? "" : p.getScore(),
            "spark ~ Apache Spark",
            "Bo knows Spark.",
            "",
            f.introduction() != null ? f.introduction() : p == null ? "" : p.getIntroduction(),
            f.decision(),
            f.note());
      }
    }
    return file;
  }

  private ApprovalGate.Result decide(Path sheet, String coordinator, Clock clock)
      throws IOException {
    return decide(files, sheet, coordinator, clock);
  }

  private ApprovalGate.Result decide(FileStore store, Path sheet, String coordinator, Clock clock)
      throws IOException {
    return DecideJob.run(
        store, new DecideJob.Options(home.toString(), RUN, sheet.toString(), coordinator), clock);
  }

  private UserError decideFails(DecideJob.Options options) {
    return assertThrows(UserError.class, () -> DecideJob.run(files, options, CLOCK));
  }

  private DecisionStore store() {
    return new DecisionStore(files, Home.at(home.toString()));
  }

  /** Every file under the ledger and the outbox, by relative path, with its bytes. */
  private Map<String, byte[]> decisionFiles() throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (String top : List.of("ledger", "outbox")) {
      Path root = home.resolve(top);
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).toList()) {
          out.put(home.relativize(p).toString(), Files.readAllBytes(p));
        }
      }
    }
    return out;
  }

  private void assertNothingWritten() {
    assertFalse(Files.exists(home.resolve("ledger")), "ledger written");
    assertFalse(Files.exists(home.resolve("outbox")), "outbox written");
  }

  // --- a valid file ---

  private static final String EDITED =
      "Hi Ana and Bo,\n\nYou both love Spark; let's meet on Tuesday.\n\n"
          + IntroductionWriter.PENDING_NOTICE;

  /** P-1 approved with an edit, P-2 approved as drafted, P-3 rejected, P-4 left pending. */
  private Path validSheet() throws IOException {
    return sheet(
        "decisions.csv",
        new Filled("P-1", "approve", EDITED, "Both asked for Spark"),
        new Filled(
            "P-2", "Approve ", proposals.get("P-2").getIntroduction().replace("\n", "\r\n"), null),
        new Filled("P-3", "reject", null, "Finn is overloaded"),
        row("P-4", ""));
  }

  @Test
  void aValidFileRecordsEveryDecisionAndPublishesOnlyTheApprovals() throws IOException {
    ApprovalGate.Result r = decide(validSheet(), "eng", CLOCK);

    assertNotNull(r.applicationId());
    assertTrue(
        r.applicationId().matches("decisions-20240603T101530123Z-[0-9a-f]{8}"), r.applicationId());
    assertEquals(new ApprovalGate.Result(r.applicationId(), 2, 1, 0, 1, List.of()), r);
    assertEquals(
        List.of(
            "ledger/" + r.applicationId() + ".avro",
            "outbox/" + RUN + "/introductions/" + r.applicationId() + ".avro"),
        new ArrayList<>(decisionFiles().keySet()));

    List<Introduction> outbox = store().outbox(RunId.of(RUN));
    assertEquals(List.of("P-1", "P-2"), outbox.stream().map(Introduction::getProposalId).toList());
    for (Introduction i : outbox) {
      Proposal p = proposals.get(i.getProposalId());
      assertEquals(RUN, i.getRunId());
      assertEquals(p.getMenteeId(), i.getMenteeId());
      assertEquals(p.getMenteeName(), i.getMenteeName());
      assertEquals(p.getMenteeEmail(), i.getMenteeEmail());
      assertEquals(p.getMentorId(), i.getMentorId());
      assertEquals(p.getMentorName(), i.getMentorName());
      assertEquals(p.getMentorEmail(), i.getMentorEmail());
      assertEquals(p.getIntroductionSubject(), i.getSubject());
      assertEquals("eng", i.getApprovedBy());
      assertEquals(ELI, i.getApprovedByName());
      assertEquals(NOW, i.getApprovedAt());
      assertFalse(i.getBody().contains(IntroductionWriter.PENDING_NOTICE), i.getBody());
    }
    assertEquals("Mentoring introduction: Ana and Bo", outbox.get(0).getSubject());
    assertEquals(
        "Hi Ana and Bo,\n\nYou both love Spark; let's meet on Tuesday.\n\n"
            + "This introduction was suggested by mentor-match, our matching software, and"
            + " confirmed by Eli Eng, programme coordinator.",
        outbox.get(0).getBody());
    assertEquals(IntroductionWriter.confirmed(EDITED, ELI), outbox.get(0).getBody());
    assertEquals(
        "Hi Cai and Dee,\n\nYou both like Spark.\n\n" + IntroductionWriter.confirmedNotice(ELI),
        outbox.get(1).getBody());

    List<Decision> ledger = store().ledger();
    assertEquals(
        List.of("P-1", "P-2", "P-3"), ledger.stream().map(Decision::getProposalId).toList());
    for (Decision d : ledger) {
      Proposal p = proposals.get(d.getProposalId());
      assertEquals(RUN, d.getRunId());
      assertEquals(p.getMenteeId(), d.getMenteeId());
      assertEquals(p.getMentorId(), d.getMentorId());
      assertEquals("eng", d.getCoordinatorId());
      assertEquals(ELI, d.getCoordinatorName());
      assertEquals(NOW, d.getDecidedAt());
      assertEquals("decisions.csv", d.getDecisionsFile());
      assertEquals(r.applicationId(), d.getApplicationId());
    }
    assertEquals(
        List.of(DecisionKind.APPROVE, DecisionKind.APPROVE, DecisionKind.REJECT),
        ledger.stream().map(Decision::getDecision).toList());
    assertEquals(EDITED, ledger.get(0).getEditedIntroduction());
    assertNull(ledger.get(1).getEditedIntroduction(), "the draft with CRLF is not an edit");
    assertNull(ledger.get(2).getEditedIntroduction());
    assertEquals("Both asked for Spark", ledger.get(0).getNote());
    assertNull(ledger.get(1).getNote());
    assertEquals("Finn is overloaded", ledger.get(2).getNote());
    // Each record spans the lines of its introduction: P-1's edit has 5, the drafts 6.
    assertEquals(List.of(2L, 7L, 13L), ledger.stream().map(Decision::getLine).toList());
  }

  @Test
  void anIntroductionWhoseEditDroppedTheNoticeStillSaysWhoConfirmedIt() throws IOException {
    decide(
        sheet("decisions.csv", new Filled("P-1", "approve", "Hi both, meet Tuesday!", null)),
        "eng",
        CLOCK);

    Introduction sent = store().outbox(RunId.of(RUN)).get(0);
    assertEquals(
        "Hi both, meet Tuesday!\n\n" + IntroductionWriter.confirmedNotice(ELI), sent.getBody());
  }

  @Test
  void applyingTheSameFileAgainChangesNothing() throws IOException {
    Path sheet = validSheet();
    ApprovalGate.Result first = decide(sheet, "eng", CLOCK);
    Map<String, byte[]> after = decisionFiles();

    ApprovalGate.Result again = decide(sheet, "eng", NEXT_DAY);

    assertNotNull(first.applicationId());
    assertEquals(new ApprovalGate.Result(null, 0, 0, 3, 1, List.of()), again);
    Map<String, byte[]> now = decisionFiles();
    assertEquals(after.keySet(), now.keySet());
    for (String name : after.keySet()) {
      assertArrayEquals(after.get(name), now.get(name), name);
    }
  }

  @Test
  void anInvalidRowAmongGoodOnesChangesNothingAndIsListed() throws IOException {
    Path sheet =
        sheet("decisions.csv", row("P-1", "approve"), row("P-2", "yes"), row("P-3", "reject"));

    UserError e = assertThrows(UserError.class, () -> decide(sheet, "eng", CLOCK));

    assertEquals(
        "1 problem(s) in "
            + sheet
            + "; nothing was applied:\n"
            + "  line 8: decision 'yes' is not a decision word; write approve or reject, or leave"
            + " it blank to decide later\n"
            + "Fix them (or clear those rows' decision cells) and run decide.sh again.",
        e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aPairOutsideTheCoordinatorsScopeChangesNothing() throws IOException {
    Path sheet = sheet("decisions.csv", row("P-1", "approve"), row("P-4", "approve"));

    UserError e = assertThrows(UserError.class, () -> decide(sheet, "eng", CLOCK));

    assertTrue(
        e.getMessage()
            .contains(
                "line 8: proposal P-4 is for a mentee in Finance, outside eng's scope"
                    + " (Engineering;Sales)"),
        e.getMessage());
    assertNothingWritten();
    assertNotNull(decide(sheet, "all", CLOCK).applicationId());
  }

  @Test
  void anExpiredProposalChangesNothing() throws IOException {
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));
    Clock late = Clock.fixed(Instant.parse("2024-06-16T00:00:00Z"), ZoneOffset.UTC);

    UserError e = assertThrows(UserError.class, () -> decide(sheet, "eng", late));

    assertTrue(
        e.getMessage().contains("line 2: proposal P-1 expired on 2024-06-15"), e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aProposalWithdrawnByALaterCompleteRunCannotBeDecided() throws IOException {
    writeRun("2024-06-02", List.of(), true);
    try (OutputStream out =
            Files.newOutputStream(home.resolve("runs/2024-06-02/" + RunOutputs.WITHDRAWN));
        SafeCsv csv =
            SafeCsv.open(
                out, List.of("proposal_id", "run_id", "mentee_id", "mentor_id", "reason"), false)) {
      csv.row("P-2", RUN, "m-2", "t-2", "the mentor left the programme");
    }
    Path sheet = sheet("decisions.csv", row("P-2", "approve"));

    UserError e = assertThrows(UserError.class, () -> decide(sheet, "eng", CLOCK));

    assertTrue(
        e.getMessage()
            .contains(
                "line 2: proposal P-2 was withdrawn (the mentor left the programme, run"
                    + " 2024-06-02)"),
        e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aDecisionWhileAnotherCommandWorksOnTheHomeChangesNothing() throws IOException {
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));
    try (HomeLock other =
        HomeLock.acquire(files, Home.at(home.toString()), "decide.sh --run-id x")) {
      UserError e = assertThrows(UserError.class, () -> decide(sheet, "eng", CLOCK));
      assertTrue(e.getMessage().contains("decide.sh --run-id x (process "), e.getMessage());
    }
    assertNothingWritten();
    decide(sheet, "eng", CLOCK);
    assertEquals(1, store().ledger().size());
  }

  @Test
  void aSheetSavedInAnotherEncodingChangesNothing() throws IOException {
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));
    // What a spreadsheet's plain "CSV" export does to a name like Zoë: Windows-1252, not UTF-8.
    String text = Files.readString(sheet, StandardCharsets.UTF_8).replace("Ana", "Zoë");
    assertTrue(text.contains("Zoë"), text);
    Files.write(sheet, text.getBytes(java.nio.charset.Charset.forName("windows-1252")));

    UserError e = assertThrows(UserError.class, () -> decide(sheet, "eng", CLOCK));

    assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    assertNothingWritten();
  }

  @Test
  void sparkFlagsThatScriptsPassToEveryCommandAreAcceptedAndIgnored() throws IOException {
    // The command line decides on today's clock: proposals that have not expired yet.
    List<Proposal> current =
        proposals.values().stream()
            .map(p -> Proposal.newBuilder(p).setExpiresOn("2999-12-31").build())
            .toList();
    writeRun(RUN, current, true);
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));
    String[] args = {
      "--home",
      home.toString(),
      "--run-id",
      RUN,
      "--decisions",
      sheet.toString(),
      "--coordinator",
      "eng",
      // A master nobody listens on: decide.sh would fail if it started Spark with it.
      "--master",
      "spark://cluster.invalid:7077",
      "--conf",
      "spark.executor.memory=4g"
    };
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(said, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = new picocli.CommandLine(new DecideJob()).execute(args);
    } finally {
      System.setOut(out);
    }

    assertEquals(0, code, said.toString(StandardCharsets.UTF_8));
    assertTrue(
        said.toString(StandardCharsets.UTF_8).startsWith("applied 1 decision(s) as decisions-"),
        said.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("P-1"), store().ledger().stream().map(Decision::getProposalId).toList());
    assertTrue(org.apache.spark.sql.SparkSession.getDefaultSession().isEmpty(), "no Spark started");
  }

  // --- what cannot be decided at all ---

  @Test
  void aRunThatDoesNotExist() throws IOException {
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));

    UserError e =
        decideFails(new DecideJob.Options(home.toString(), "2024-07-01", sheet.toString(), "eng"));

    assertEquals(
        "there is no run '2024-07-01' under "
            + home.resolve("runs")
            + "; pass the --run-id of a run jobs/match.sh wrote there.",
        e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aRunWithoutSuccess() throws IOException {
    writeRun("2024-06-02", List.of(proposals.get("P-1")), false);
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));

    UserError e =
        decideFails(new DecideJob.Options(home.toString(), "2024-06-02", sheet.toString(), "eng"));

    assertTrue(
        e.getMessage().startsWith("run 2024-06-02 is not complete (it has no _SUCCESS)"),
        e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aMissingCoordinatorsFile() throws IOException {
    Files.delete(home.resolve("coordinators.csv"));
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));

    UserError e = decideFails(new DecideJob.Options(home.toString(), RUN, sheet.toString(), "eng"));

    assertTrue(
        e.getMessage()
            .startsWith(
                "no coordinators file at "
                    + home.resolve("coordinators.csv")
                    + "; create it with the columns coordinator_id,name,email,scope"),
        e.getMessage());
    assertNothingWritten();
  }

  @Test
  void anUnknownCoordinator() throws IOException {
    Path sheet = sheet("decisions.csv", row("P-1", "approve"));

    UserError e = decideFails(new DecideJob.Options(home.toString(), RUN, sheet.toString(), "zed"));

    assertEquals(
        "no coordinator 'zed' in "
            + home.resolve("coordinators.csv")
            + " (known: eng, all). Add them there, with their scope, before they decide.",
        e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aMissingDecisionsFile() {
    String missing = tmp.resolve("nope.csv").toString();

    UserError e = decideFails(new DecideJob.Options(home.toString(), RUN, missing, "eng"));

    assertEquals("the decisions file " + missing + " does not exist.", e.getMessage());
    assertNothingWritten();
  }

  // --- run ids and paths that are not the home's own runs ---

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "../runs/2024-06-01",
        "runs/2024-06-01",
        "2024-06-01/",
        "/tmp/2024-06-01",
        "_2024-06-01",
        ".2024-06-01",
        "a:b",
        "hdfs://elsewhere/runs/2024-06-01",
        ""
      })
  void aRunIdThatIsNotAPlainNameIsRefusedAndChangesNothing(String runId) throws IOException {
    UserError e =
        decideFails(new DecideJob.Options(home.toString(), runId, validSheet().toString(), "eng"));

    assertTrue(e.getMessage().contains("is not valid: a run id is"), e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aRunThatIsALinkToFilesOutsideTheHomeIsRefused() throws IOException {
    // A copy of the run, outside the home, whose Finance proposal now claims to be Engineering.
    Path outside = tmp.resolve("outside");
    Path copy = outside.resolve("runs").resolve(RUN);
    Files.createDirectories(copy.getParent());
    try (Stream<Path> walk = Files.walk(home.resolve("runs").resolve(RUN))) {
      for (Path p : walk.toList()) {
        Path to = copy.resolve(home.resolve("runs").resolve(RUN).relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    Files.createSymbolicLink(home.resolve("runs").resolve("2024-06-09"), copy);

    UserError e =
        decideFails(
            new DecideJob.Options(home.toString(), "2024-06-09", validSheet().toString(), "eng"));

    assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aRunWhoseProposalsAreLinksToFilesOutsideTheHomeIsRefused() throws IOException {
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    Path proposalsCopy = outside.resolve("proposals");
    Files.createDirectories(proposalsCopy);
    Files.copy(
        home.resolve("runs").resolve(RUN).resolve("proposals/part-00000.avro"),
        proposalsCopy.resolve("part-00000.avro"));
    // One run whose proposals folder is a link, one whose proposals file is.
    Path folderLinked = home.resolve("runs").resolve("2024-06-09");
    Files.createDirectories(folderLinked);
    Files.writeString(folderLinked.resolve(Home.SUCCESS), "");
    Files.createSymbolicLink(folderLinked.resolve("proposals"), proposalsCopy);
    Path fileLinked = home.resolve("runs").resolve("2024-06-10");
    Files.createDirectories(fileLinked.resolve("proposals"));
    Files.writeString(fileLinked.resolve(Home.SUCCESS), "");
    Files.createSymbolicLink(
        fileLinked.resolve("proposals/part-00000.avro"), proposalsCopy.resolve("part-00000.avro"));

    for (String run : List.of("2024-06-09", "2024-06-10")) {
      UserError e =
          decideFails(new DecideJob.Options(home.toString(), run, validSheet().toString(), "eng"));
      assertTrue(e.getMessage().contains("symbolic link"), run + ": " + e.getMessage());
    }
    assertNothingWritten();
  }

  @Test
  void aCoordinatorsFileThatIsALinkIsRefusedWhateverScopeItGives() throws IOException {
    // A copy outside the home that widens eng's scope to everything, linked in its place.
    Path outside = Files.createDirectories(tmp.resolve("outside")).resolve("coordinators.csv");
    Files.writeString(
        outside,
        "coordinator_id,name,email,scope\neng,Eli Eng,eli@example.org,*\n",
        StandardCharsets.UTF_8);
    Files.delete(home.resolve("coordinators.csv"));
    Files.createSymbolicLink(home.resolve("coordinators.csv"), outside);
    Path sheet = sheet("decisions.csv", row("P-4", "approve"));

    UserError e = decideFails(new DecideJob.Options(home.toString(), RUN, sheet.toString(), "eng"));

    assertTrue(e.getMessage().contains("coordinators.csv is a symbolic link"), e.getMessage());
    assertNothingWritten();
  }

  @Test
  void aHomeOrFileThatReadsAsAUriSchemeGetsAPlainMessage() throws IOException {
    UserError home =
        decideFails(new DecideJob.Options("my:home", RUN, validSheet().toString(), "eng"));
    UserError sheet = decideFails(new DecideJob.Options(this.home.toString(), RUN, "a:b", "eng"));

    assertTrue(home.getMessage().contains("write it as ./my:home"), home.getMessage());
    assertTrue(sheet.getMessage().startsWith("--decisions 'a:b'"), sheet.getMessage());
  }

  // --- decisions over several files ---

  @Test
  void partialDecisionsLeaveTheOthersPending() throws IOException {
    ApprovalGate.Result first =
        decide(
            sheet(
                "monday.csv",
                row("P-1", "approve"),
                row("P-2", ""),
                row("P-3", ""),
                row("P-4", "")),
            "eng",
            CLOCK);
    assertEquals(new ApprovalGate.Result(first.applicationId(), 1, 0, 0, 3, List.of()), first);

    Path tuesday =
        sheet(
            "tuesday.csv",
            row("P-1", "approve"),
            row("P-2", "reject"),
            row("P-3", ""),
            row("P-4", ""));
    ApprovalGate.Result second = decide(tuesday, "eng", NEXT_DAY);

    assertNotNull(second.applicationId());
    assertNotEquals(first.applicationId(), second.applicationId());
    assertEquals(new ApprovalGate.Result(second.applicationId(), 0, 1, 1, 2, List.of()), second);
    List<Decision> ledger = store().ledger();
    assertEquals(List.of("P-1", "P-2"), ledger.stream().map(Decision::getProposalId).toList());
    assertEquals(
        List.of(first.applicationId(), second.applicationId()),
        ledger.stream().map(Decision::getApplicationId).toList());
    assertEquals(
        List.of("monday.csv", "tuesday.csv"),
        ledger.stream().map(Decision::getDecisionsFile).toList());
    assertEquals(
        List.of("P-1"),
        store().outbox(RunId.of(RUN)).stream().map(Introduction::getProposalId).toList());
    assertEquals(
        List.of(
            "ledger/" + first.applicationId() + ".avro",
            "ledger/" + second.applicationId() + ".avro",
            "outbox/" + RUN + "/introductions/" + first.applicationId() + ".avro"),
        new ArrayList<>(decisionFiles().keySet()));

    assertNull(decide(tuesday, "eng", NEXT_DAY).applicationId());
  }

  @Test
  void aSecondCoordinatorCannotReverseADecision() throws IOException {
    decide(sheet("eng.csv", row("P-3", "reject")), "eng", CLOCK);
    Map<String, byte[]> before = decisionFiles();

    UserError e =
        assertThrows(
            UserError.class,
            () -> decide(sheet("all.csv", row("P-3", "approve")), "all", NEXT_DAY));

    assertTrue(
        e.getMessage().contains("line 2: proposal P-3 was already rejected by eng on 2024-06-03"),
        e.getMessage());
    assertEquals(before.keySet(), decisionFiles().keySet());
  }

  // --- formula-safe cells ---

  static Stream<Arguments> formulaStarts() {
    return Stream.of(
        Arguments.of("=SUM(A1) of skills", "=SUM(A1) of skills", "=SUM(A1) of skills"),
        Arguments.of("+1 for this pair", "+1 for this pair", "+1 for this pair"),
        Arguments.of("-- meet soon", "-- meet soon", "-- meet soon"),
        Arguments.of("@Ana meet Bo", "@Ana meet Bo", "@Ana meet Bo"),
        // A leading tab is kept in the note; an edited introduction is stripped.
        Arguments.of("\tindented", "\tindented", "indented"),
        // A carriage return is a line break: notes get "\n", an edit is stripped.
        Arguments.of("\rsecond line", "\nsecond line", "second line"));
  }

  @ParameterizedTest
  @MethodSource("formulaStarts")
  void formulaSafeCellsArriveAsTheOriginalText(String text, String note, String introduction)
      throws IOException {
    Path sheet =
        sheet(
            "decisions.csv",
            new Filled("P-1", "approve", text, text),
            new Filled("P-3", "reject", null, text));
    assertTrue(
        Files.readString(sheet, StandardCharsets.UTF_8).contains("'" + text),
        "the sheet holds the text formula-safe");

    decide(sheet, "eng", CLOCK);

    List<Decision> ledger = store().ledger();
    assertEquals(note, ledger.get(0).getNote());
    assertEquals(note, ledger.get(1).getNote());
    assertEquals(introduction, ledger.get(0).getEditedIntroduction());
    assertEquals(
        introduction + "\n\n" + IntroductionWriter.confirmedNotice(ELI),
        store().outbox(RunId.of(RUN)).get(0).getBody());
  }

  // --- crash and retry ---

  /** A store that "crashes" at the second rename: after the commit, before the publication. */
  static final class CrashAtPublication extends FileStore {
    private int renames;

    CrashAtPublication() {
      super(new Configuration());
    }

    @Override
    public void rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to)
        throws IOException {
      if (++renames == 2) {
        throw new IOException("simulated crash at rename of " + from);
      }
      super.rename(from, to);
    }
  }

  @Test
  void aCrashAfterTheCommitIsCompletedByTheNextRun() throws IOException {
    Path sheet = validSheet();
    java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(said, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          Commands.run(
              "decide.sh",
              () -> {
                decide(new CrashAtPublication(), sheet, "eng", CLOCK);
                return 0;
              });
    } finally {
      System.setErr(err);
    }
    assertEquals(Commands.FAILURE, code);
    String message = said.toString(StandardCharsets.UTF_8);
    assertTrue(
        message.startsWith("decide.sh stopped half way: the decisions are recorded"), message);
    assertTrue(message.contains("Do not apply the file again"), message);
    assertFalse(message.contains("Nothing was published"), message);
    List<Decision> ledger = store().ledger();
    assertEquals(3, ledger.size());
    assertEquals(List.of(), store().outbox(RunId.of(RUN)));
    String id = ledger.get(0).getApplicationId();

    ApprovalGate.Result retry = decide(sheet, "eng", NEXT_DAY);

    assertEquals(
        new ApprovalGate.Result(
            null,
            0,
            0,
            3,
            1,
            List.of("completed the outbox of decisions " + id + " (" + RUN + ")")),
        retry);
    assertEquals(
        List.of("P-1", "P-2"),
        store().outbox(RunId.of(RUN)).stream().map(Introduction::getProposalId).toList());
    assertEquals(3, store().ledger().size());
  }
}
