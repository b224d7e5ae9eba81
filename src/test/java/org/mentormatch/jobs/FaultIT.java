package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.JobProcess;
import org.mentormatch.RunFiles;
import org.mentormatch.SampleRun;
import org.mentormatch.SparkTestSession;

/**
 * The commands killed with SIGKILL where a night dies: {@code match.sh} during ingest, during the
 * assignment and while it writes a run (a first run and a replacement), {@code decide.sh} at random
 * moments and while it commits. After every kill no run looks complete unless it is whole, and the
 * ledger and outbox hold an application completely or not at all; the next command finishes or
 * removes what was left, and the re-runs write exactly what an uninterrupted run writes (the
 * reference, run in this JVM: a kill needs its own process, the reference does not).
 *
 * <p>The moments are chosen by watching what the commands print and write, never by hooks in the
 * product. {@code -Dfaults.seed=N} replays other random moments and {@code -Dfaults.decide.kills=N}
 * kills {@code decide.sh} more often; the figures go to the test's output.
 */
@Tag("long") // jobs/test.sh --long
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultIT {
  /** decide.sh judges expiry by today's date, so the run is today's. */
  static final String RUN_ID = LocalDate.now(ZoneOffset.UTC).toString();

  static final long SEED = Long.getLong("faults.seed", 20261201L);
  static final String MEMBERS = SampleRun.SAMPLE.toAbsolutePath().toString();
  static final String COORDINATOR = "c001"; // scope: every department

  /** Kills of decide.sh, alternately at a random moment and while it commits. */
  static final int DECIDE_KILLS = Integer.getInteger("faults.decide.kills", 4);

  static final int ROWS_PER_SHEET = 6;
  static final int SIGKILLED = 128 + 9;

  @TempDir static Path dir;
  static Path home;
  static Path reference;
  static SplittableRandom random;
  static int processes;
  static final Map<String, Integer> figures = new LinkedHashMap<>();
  static final List<JobProcess> started = new ArrayList<>();

  @BeforeAll
  static void anUninterruptedRunKeptAsTheReference() throws IOException {
    home = dir.resolve("home");
    Files.createDirectories(home);
    Files.copy(Path.of("data/sample/coordinators.csv"), home.resolve("coordinators.csv"));
    random = new SplittableRandom(SEED);
    figures.put("partial runs seen", 0);
    figures.put("half-applied decisions seen", 0);
    Path referenceHome = dir.resolve("reference");
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(MEMBERS, referenceHome.toString(), RUN_ID, null));
    reference = referenceHome.resolve("runs").resolve(RUN_ID);
  }

  @AfterAll
  static void printTheFiguresAndEndWhatAFailedTestLeftRunning() throws InterruptedException {
    System.out.println("fault figures (seed " + SEED + "):");
    figures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    for (JobProcess p : started) {
      if (!p.ended()) {
        p.kill(); // only after a failure: every test ends the commands it starts
      }
    }
  }

  private static void count(String figure) {
    figures.merge(figure, 1, Integer::sum);
  }

  private static Path run() {
    return home.resolve("runs").resolve(RUN_ID);
  }

  private static Path referenceRun() {
    return reference;
  }

  private static JobProcess match(String... extra) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--master",
                "local[2]",
                "--members",
                MEMBERS,
                "--home",
                home.toString(),
                "--run-id",
                RUN_ID));
    args.addAll(List.of(extra));
    JobProcess p =
        JobProcess.start(
            dir.resolve("match-" + ++processes + ".log"),
            Map.of(),
            "match.sh",
            args.toArray(new String[0]));
    started.add(p);
    return p;
  }

  private static JobProcess decide(Path sheet) throws IOException {
    JobProcess p =
        JobProcess.start(
            dir.resolve("decide-" + ++processes + ".log"),
            Map.of(),
            "decide.sh",
            "--home",
            home.toString(),
            "--run-id",
            RUN_ID,
            "--decisions",
            sheet.toString(),
            "--coordinator",
            COORDINATOR);
    started.add(p);
    return p;
  }

  /** Kills {@code p}; counts the fault only if it was still running when the signal came. */
  private static boolean kill(JobProcess p, String fault) throws InterruptedException {
    p.kill();
    if (p.waitFor() == SIGKILLED) {
      count("faults injected: " + fault);
      return true;
    }
    count("ended before the kill came: " + fault);
    return false;
  }

  private static void completes(JobProcess p, String what) {
    assertEquals(0, p.waitFor(), what + ":\n" + p.output());
    count("commands completed: " + what);
  }

  /** Every run a reader can see has _SUCCESS and all its files, and is the uninterrupted run. */
  private static void assertNoPartialRun() throws IOException {
    for (Path r : list(home.resolve("runs"))) {
      String name = r.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      boolean whole = Files.exists(r.resolve("summary.json"));
      for (String f : RunFiles.SAME_BYTES) {
        whole &= Files.exists(r.resolve(f));
      }
      if (!whole) {
        count("partial runs seen");
      }
      assertTrue(whole, "a visible run without all its files: " + r);
      RunFiles.assertSameRun(referenceRun(), r);
    }
  }

  private static List<Path> list(Path d) throws IOException {
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }

  /** Whether anything under {@code d}, to {@code depth} levels, is named by {@code regex}. */
  private static boolean exists(Path d, int depth, String regex) {
    try (Stream<Path> s = Files.walk(d, depth)) {
      return s.anyMatch(p -> p.getFileName().toString().matches(regex));
    } catch (IOException | UncheckedIOException e) {
      return false; // not there yet, or changing under the walk
    }
  }

  /** Whether the draft of the run being written holds {@code file}. */
  private static boolean draftHolds(String file) {
    try {
      for (Path p : list(home.resolve("runs"))) {
        if (p.getFileName().toString().startsWith("." + RUN_ID + "~writing-")
            && Files.exists(p.resolve(file))) {
          return true;
        }
      }
      return false;
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  @Test
  @Order(1)
  void matchKilledDuringIngestAssignmentAndWriteLeavesNoRunAndTheReRunIsTheSame() throws Exception {
    List<Path> earlier = list(home.resolve(".checkpoints"));
    JobProcess ingest = match();
    // Ingest keeps its first outputs as stage checkpoints under the home (<run>-<nonce>/<Spark's
    // id>/rdd-N, in a directory of this run's own): it is at work.
    ingest.await(
        "ingest's first stage checkpoint",
        () -> {
          try {
            return list(home.resolve(".checkpoints")).stream()
                .anyMatch(d -> !earlier.contains(d) && exists(d, 2, "rdd-\\d+"));
          } catch (IOException | UncheckedIOException e) {
            return false; // changing under the listing
          }
        });
    Thread.sleep(random.nextInt(300));
    assertTrue(kill(ingest, "match.sh during ingest"));
    assertFalse(ingest.printed(JobProcess.stageLine("ingest")), ingest.output());
    assertNoPartialRun();

    JobProcess assignment = match();
    // The stage before the assignment: the exact search (the default; "scoring" with clusters).
    assignment.await("search", () -> assignment.printed(JobProcess.stageLine("search")));
    Thread.sleep(random.nextInt(500));
    assertTrue(kill(assignment, "match.sh during the assignment"));
    assertFalse(assignment.printed(JobProcess.stageLine("assignment")), assignment.output());
    assertNoPartialRun();

    List<String> written = new ArrayList<>(RunFiles.SAME_BYTES);
    written.add("summary.json");
    String file = written.get(random.nextInt(written.size()));
    JobProcess write = match();
    write.await("the draft's " + file, () -> draftHolds(file));
    kill(write, "match.sh while writing the run (at " + file + ")");
    if (!draftHolds("")) {
      count("write kills that came after the commit"); // the new run is whole: checked next
    }
    assertNoPartialRun();

    boolean leftovers =
        list(home.resolve("runs")).stream()
                .anyMatch(r -> r.getFileName().toString().startsWith("."))
            || !list(home.resolve(".checkpoints")).isEmpty()
            || !list(home.resolve(".scratch")).isEmpty();
    JobProcess again = match();
    completes(again, "match.sh");
    assertEquals(leftovers, again.printed("recovered: "), "it cleans up:\n" + again.output());
    RunFiles.assertSameRun(referenceRun(), run());
    count("outputs identical to the uninterrupted run");
    assertEquals(List.of(run()), list(home.resolve("runs")), "nothing hidden is left");
    assertEquals(List.of(), list(home.resolve(".checkpoints")), "no stage checkpoints are left");
    assertEquals(List.of(), list(home.resolve(".scratch")), "no Spark scratch files are left");
  }

  @Test
  @Order(2)
  void aReplacementKilledWhileWritingLeavesTheEarlierRunWhole() throws Exception {
    Path stricter = dir.resolve("stricter.properties");
    Files.writeString(stricter, "assignment.min_score = 0.35\n"); // fewer proposals: other bytes
    String file =
        List.of("proposals/part-00000.avro", "review.csv", "unmatched.csv").get(random.nextInt(3));
    JobProcess replace = match("--config", stricter.toString());
    replace.await("the draft's " + file, () -> draftHolds(file));
    assertTrue(kill(replace, "match.sh while replacing a run (at " + file + ")"));
    // The earlier run, whole, or (killed between the commit's two renames) not visible at all.
    assertNoPartialRun();

    // The next command on the home (here the first decide.sh below) puts it back if need be.
  }

  @Test
  @Order(3)
  void decideKilledAtRandomMomentsAppliesEachFileExactlyOnce() throws Exception {
    List<CSVRecord> proposals = RunFiles.csv(referenceRun().resolve("review.csv"));
    assertTrue(proposals.size() >= (DECIDE_KILLS + 1) * ROWS_PER_SHEET, "enough proposals");
    Map<String, String> expected = new TreeMap<>(); // proposal id -> APPROVE | REJECT

    long started = System.nanoTime();
    Path first = sheet(0, proposals, expected);
    completes(decide(first), "decide.sh"); // it recovers what the killed replacement left
    long cleanMillis = (System.nanoTime() - started) / 1_000_000;
    assertEquals(expected, ledger(), "the first file, applied whole");
    RunFiles.assertSameRun(referenceRun(), run());
    count("outputs identical to the uninterrupted run");
    assertEquals(List.of(run()), list(home.resolve("runs")), "nothing hidden is left");
    assertEquals(List.of(), list(home.resolve(".checkpoints")), "the killed run's checkpoints");
    assertEquals(List.of(), list(home.resolve(".scratch")), "the killed run's Spark scratch");

    for (int i = 1; i <= DECIDE_KILLS; i++) {
      Map<String, String> before = new TreeMap<>(expected);
      Path sheet = sheet(i, proposals, expected);
      JobProcess d = decide(sheet);
      String moment;
      if (i % 2 == 0) {
        moment = "decide.sh while committing";
        awaitOrEnd(d, () -> pendingFiles() > 0);
      } else {
        moment = "decide.sh at a random moment";
        Thread.sleep(random.nextLong(cleanMillis + 1));
      }
      kill(d, moment);

      // The application is in the ledger completely or not at all ...
      Map<String, String> recorded = ledger();
      if (!recorded.equals(before) && !recorded.equals(expected)) {
        count("half-applied decisions seen");
      }
      assertTrue(
          recorded.equals(before) || recorded.equals(expected),
          "ledger after a kill: " + recorded.size() + " decisions, neither before nor after");
      // ... and the outbox never holds an introduction the ledger does not approve.
      Map<String, Integer> outbox = outbox();
      for (Map.Entry<String, Integer> e : outbox.entrySet()) {
        assertEquals("APPROVE", recorded.get(e.getKey()), "outbox holds " + e.getKey());
        assertEquals(1, e.getValue(), "once: " + e.getKey());
      }
      if (recorded.equals(expected) && !recorded.equals(before)) {
        count("kills after the ledger commit");
        if (outbox.size() < approvals(expected)) {
          count("kills between the ledger commit and the outbox move");
        }
      }

      completes(decide(sheet), "decide.sh");
      assertEquals(expected, ledger(), "after the re-run: each decision exactly once");
      Map<String, Integer> published = outbox();
      assertEquals(approvals(expected), published.size(), "every approved introduction");
      published.forEach((id, n) -> assertEquals(1, n, "published once: " + id));
      assertEquals(0, pendingFiles(), "nothing hidden is left");
    }
    RunFiles.assertSameRun(referenceRun(), run());
    count("outputs identical to the uninterrupted run");
  }

  private static void awaitOrEnd(JobProcess p, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    while (!p.ended() && !condition.getAsBoolean()) {
      Thread.sleep(1);
    }
  }

  /**
   * Sheet {@code n}: the review sheet with its slice of rows decided (approve, reject, in turn);
   * their decisions are added to {@code expected}.
   */
  private static Path sheet(int n, List<CSVRecord> rows, Map<String, String> expected)
      throws IOException {
    Map<String, String> decisions = new HashMap<>();
    for (int i = n * ROWS_PER_SHEET; i < (n + 1) * ROWS_PER_SHEET; i++) {
      String id = rows.get(i).get("proposal_id");
      boolean approve = i % 2 == 0;
      decisions.put(id, approve ? "approve" : "reject");
      expected.put(id, approve ? "APPROVE" : "REJECT");
    }
    Path file = dir.resolve("decisions-" + n + ".csv");
    writeSheet(file, rows, decisions);
    return file;
  }

  private static void writeSheet(Path file, List<CSVRecord> rows, Map<String, String> decisions)
      throws IOException {
    List<String> header = rows.get(0).getParser().getHeaderNames();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p =
            CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get().print(w)) {
      for (CSVRecord r : rows) {
        Map<String, String> cells = new LinkedHashMap<>(r.toMap());
        cells.put("decision", decisions.getOrDefault(r.get("proposal_id"), ""));
        p.printRecord(cells.values());
      }
    }
  }

  /** Every decision in the ledger's visible files: proposal id to decision; each exactly once. */
  private static Map<String, String> ledger() throws IOException {
    Map<String, String> out = new TreeMap<>();
    for (GenericRecord r : visibleAvro(home.resolve("ledger"))) {
      String id = RunFiles.text(r, "proposal_id");
      String was = out.put(id, RunFiles.text(r, "decision"));
      assertNull(was, "decided once: " + id);
    }
    return out;
  }

  /** How often each proposal's introduction is in the outbox's visible files. */
  private static Map<String, Integer> outbox() throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    for (GenericRecord r :
        visibleAvro(home.resolve("outbox").resolve(RUN_ID).resolve("introductions"))) {
      out.merge(RunFiles.text(r, "proposal_id"), 1, Integer::sum);
    }
    return out;
  }

  private static List<GenericRecord> visibleAvro(Path d) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    for (Path f : list(d)) {
      if (!f.getFileName().toString().startsWith(".")) {
        out.addAll(RunFiles.avro(f)); // a half-written file would not read
      }
    }
    return out;
  }

  private static long approvals(Map<String, String> decisions) {
    return decisions.values().stream().filter("APPROVE"::equals).count();
  }

  private static int pendingFiles() {
    int n = 0;
    for (Path d :
        List.of(
            home.resolve("ledger"),
            home.resolve("outbox").resolve(RUN_ID).resolve("introductions"))) {
      try {
        n += (int) list(d).stream().filter(p -> p.toString().endsWith(".pending")).count();
      } catch (IOException | UncheckedIOException e) {
        // changing under the listing; the next poll sees it
      }
    }
    return n;
  }
}
