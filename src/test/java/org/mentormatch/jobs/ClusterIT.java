package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
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
import org.mentormatch.SparkTestSession;
import org.mentormatch.tools.MemberGenerator;

/**
 * The nightly job on a real Spark standalone cluster (a master and two workers started by {@code
 * jobs/cluster.sh}, executors in their own JVMs): a first night on 1,000 generated members, whose
 * phrases the executors embed, loses a worker in the middle of the job and still writes the bytes
 * of local mode. One cluster serves every test; {@code cluster.sh} is also used as a careless user
 * would (start twice, stale pid files, stop with nothing running), and no daemon or executor
 * outlives the class.
 */
@Tag("long") // jobs/test.sh --long
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  static final String RUN_ID = "2026-11-21";
  static final int MEMBERS = 1_000;

  @TempDir static Path dir;
  static Path state;
  static Map<String, String> env;
  static Path members;
  static Path config;
  static int port;
  static String url;
  static Map<String, Long> daemons = Map.of();
  static Thread stopAtExit;
  static final List<JobProcess> started = new ArrayList<>();
  static JobProcess onCluster;
  static CompletableFuture<Void> local;
  static final Map<String, Integer> figures = new LinkedHashMap<>();

  @BeforeAll
  static void startTheClusterAndRunLocally() throws IOException {
    state = dir.resolve("cluster");
    env = Map.of("MM_CLUSTER_DIR", state.toString());
    stopAtExit = new Thread(ClusterIT::stopQuietly);
    Runtime.getRuntime().addShutdownHook(stopAtExit); // should the JVM end before @AfterAll
    url = start();
    daemons = status();

    members = dir.resolve("members.csv");
    try (Writer out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
      MemberGenerator.write( // jobs/generate.sh --members 1000 --seed 7 --style realistic
          new MemberGenerator.Options(
              MEMBERS,
              7,
              true,
              MemberGenerator.HeaderOrder.CONTRACT,
              MemberGenerator.Style.REALISTIC),
          out);
    }
    // Four partitions, so both executors hold stage outputs and losing one loses some.
    config = dir.resolve("four-partitions.properties");
    Files.writeString(config, "engine.partitions = 4\n");
    // The run on the cluster and the local one at the same time: each leaves a core idle much of
    // the time (a driver planning, a stage's last task), which the other then uses. The local one
    // runs on a thread of its own, so a test can watch the cluster's run and kill a worker.
    onCluster = matchOnTheCluster("on-cluster");
    local =
        CompletableFuture.runAsync(
            () -> {
              try {
                MatchJob.run(
                    SparkTestSession.get(),
                    new MatchJob.Options(
                        members.toString(),
                        dir.resolve("local").toString(),
                        RUN_ID,
                        config.toString()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /**
   * {@code cluster.sh start} on a free port, owned by this JVM (the cluster stops when it ends,
   * however it ends); another port if a concurrent test run took the one chosen in the meantime.
   */
  private static String start() throws IOException {
    String owner = "" + ProcessHandle.current().pid();
    for (int attempt = 1; ; attempt++) {
      port = freePort();
      try {
        String out =
            JobProcess.run(
                dir.resolve("cluster-start.log"),
                env,
                "cluster.sh",
                "start",
                "--port",
                "" + port,
                "--owner",
                owner);
        String printed =
            out.lines().filter(l -> l.startsWith("spark://")).findFirst().orElseThrow();
        assertEquals("spark://127.0.0.1:" + port, printed);
        return printed;
      } catch (AssertionError e) {
        if (attempt == 3 || !String.valueOf(e.getMessage()).contains("is taken")) {
          throw e;
        }
      }
    }
  }

  @AfterAll
  static void stopTheCluster() throws IOException, InterruptedException {
    System.out.println("cluster figures:");
    figures.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    endWhatAFailedTestLeftRunning();
    if (local != null) {
      endTheLocalRun();
    }
    try {
      String stopped = JobProcess.run(dir.resolve("cluster-stop.log"), env, "cluster.sh", "stop");
      for (String line : stopped.lines().filter(l -> l.startsWith("stopped ")).toList()) {
        long pid = Long.parseLong(line.replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
        assertTrue(ProcessHandle.of(pid).isEmpty(), line + ", yet it still runs");
      }
      daemons.forEach((d, pid) -> assertTrue(ProcessHandle.of(pid).isEmpty(), d + " still runs"));
      // Executors run from the cluster's SPARK_HOME; their worker stops them, or they stop on
      // losing it. Any still running after a grace period is ended here, and the class fails.
      List<ProcessHandle> left = processesUnder(state, Duration.ofSeconds(30));
      left.forEach(ProcessHandle::destroyForcibly);
      assertEquals(List.of(), left.stream().map(ClusterIT::describe).toList(), "left running");
    } finally {
      Runtime.getRuntime().removeShutdownHook(stopAtExit);
    }
  }

  /**
   * Waits for the local run, which a failed test may have left running: the next class shares the
   * Spark session. Past five minutes its jobs are cancelled; a failure is printed, not lost.
   */
  private static void endTheLocalRun() throws InterruptedException {
    try {
      local.get(5, TimeUnit.MINUTES);
    } catch (TimeoutException e) {
      System.out.println("the local run did not end in 5 minutes; its jobs are cancelled");
      SparkTestSession.get().sparkContext().cancelAllJobs();
      try {
        local.get(1, TimeUnit.MINUTES);
      } catch (ExecutionException | TimeoutException ended) {
        System.out.println("the local run ended with: " + ended);
      }
    } catch (ExecutionException e) {
      System.out.println("the local run failed: " + e.getCause());
    }
  }

  private static void endWhatAFailedTestLeftRunning() {
    for (JobProcess p : started) {
      if (!p.ended()) {
        p.destroy(); // only after a failure: each test waits for the runs it starts
      }
    }
  }

  private static void stopQuietly() {
    endWhatAFailedTestLeftRunning();
    try {
      JobProcess.run(dir.resolve("cluster-stop-at-exit.log"), env, "cluster.sh", "stop");
    } catch (IOException | RuntimeException | AssertionError e) {
      // the JVM is ending anyway; the log above says what happened
    }
  }

  /** The processes whose command line names {@code d}, once {@code grace} has let them end. */
  private static List<ProcessHandle> processesUnder(Path d, Duration grace)
      throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (true) {
      List<ProcessHandle> found =
          ProcessHandle.allProcesses()
              .filter(p -> p.info().commandLine().orElse("").contains(d.toString()))
              .toList();
      if (found.isEmpty() || System.nanoTime() > deadline) {
        return found;
      }
      Thread.sleep(200);
    }
  }

  private static String describe(ProcessHandle p) {
    String line = p.info().commandLine().orElse("?");
    return p.pid() + " " + line.substring(0, Math.min(200, line.length()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** {@code cluster.sh} with {@code args} to its end, in state directory {@code stateDir}. */
  private static JobProcess script(Path stateDir, String... args) throws IOException {
    JobProcess p =
        JobProcess.start(
            dir.resolve("cluster-" + args[0] + "-" + System.nanoTime() + ".log"),
            Map.of("MM_CLUSTER_DIR", stateDir.toString()),
            "cluster.sh",
            args);
    p.waitFor();
    return p;
  }

  /** {@code cluster.sh status}: daemon name ("master", "worker 1", ...) to pid. */
  static Map<String, Long> status() throws IOException {
    String out = JobProcess.run(dir.resolve("cluster-status.log"), env, "cluster.sh", "status");
    assertEquals(url, out.lines().findFirst().orElse(""), "status starts with the URL");
    return pids(out);
  }

  private static Map<String, Long> pids(String statusOutput) {
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String line : statusOutput.lines().toList()) {
      if (line.matches("(master|worker \\d+) pid \\d+")) {
        int at = line.lastIndexOf(" pid ");
        pids.put(line.substring(0, at), Long.parseLong(line.substring(at + 5)));
      }
    }
    return pids;
  }

  private static JobProcess matchOnTheCluster(String home) throws IOException {
    JobProcess p =
        JobProcess.start(
            dir.resolve(home + ".log"),
            Map.of(),
            "match.sh",
            "--master",
            url,
            "--members",
            members.toString(),
            "--home",
            dir.resolve(home).toString(),
            "--run-id",
            RUN_ID,
            "--config",
            config.toString());
    started.add(p);
    return p;
  }

  private static Path run(String home) {
    return dir.resolve(home).resolve("runs").resolve(RUN_ID);
  }

  /** The files under {@code home}'s stage checkpoints (none once a run has ended). */
  private static List<Path> checkpointFiles(String home) {
    Path d = dir.resolve(home).resolve(".checkpoints");
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(d)) {
      return s.filter(Files::isRegularFile).toList();
    } catch (IOException | UncheckedIOException e) {
      return List.of(); // changing under the walk
    }
  }

  @Test
  @Order(1)
  void statusNamesTheMasterAndBothWorkersWithTheirPids() {
    assertEquals(List.of("master", "worker 1", "worker 2"), List.copyOf(daemons.keySet()));
    daemons.forEach((daemon, pid) -> assertTrue(ProcessHandle.of(pid).isPresent(), daemon));
  }

  @Test
  @Order(2)
  void startingAgainKeepsTheRunningClusterAndSaysSoWhenAskedForAnotherPort() throws IOException {
    JobProcess again = script(state, "start", "--port", "" + (port == 65535 ? 1024 : port + 1));
    assertEquals(0, again.waitFor(), again.output());
    assertEquals(List.of(url), again.output().lines().filter(l -> l.startsWith("spark:")).toList());
    assertTrue(
        again.printed("already runs at " + url + "; port \\d+ was not used"), again.output());
    assertFalse(again.printed("starting"), again.output());
    assertEquals(daemons, status());
  }

  @Test
  @Order(3)
  void aFirstNightThatLosesAWorkerMidJobWritesTheBytesOfLocalMode() throws Exception {
    JobProcess match = onCluster; // started with the local run, on an empty embedding cache
    // Where localCheckpoint used to fail the night: stage outputs are on both executors by now.
    match.await("the clusters stage", () -> match.printed(JobProcess.stageLine("clusters")));
    assertFalse(checkpointFiles("on-cluster").isEmpty(), "stage outputs are kept in the home");
    ProcessHandle worker = ProcessHandle.of(daemons.get("worker 2")).orElseThrow();
    worker.destroyForcibly(); // SIGKILL: its executor loses its worker and ends too
    worker.onExit().join();
    figures.merge("workers killed (SIGKILL) mid-job", 1, Integer::sum);
    assertFalse(match.printed(JobProcess.stageLine("report")), "the worker died mid-job");
    assertEquals(0, match.waitFor(), match.output());
    assertTrue(match.printed("Lost executor"), "the job lost an executor:\n" + match.output());
    figures.merge("runs completed on the cluster", 1, Integer::sum);
    local.get(10, TimeUnit.MINUTES);
    RunFiles.assertSameRun(run("local"), run("on-cluster"));
    figures.merge("outputs identical to local mode", 1, Integer::sum);
    assertEquals(List.of(), checkpointFiles("on-cluster"), "stage checkpoints are deleted");
  }

  @Test
  @Order(4)
  void startingAgainStartsOnlyTheWorkerThatIsMissing() throws IOException {
    assumeTrue(ProcessHandle.of(daemons.get("worker 2")).isEmpty(), "the test before killed none");
    JobProcess.run(dir.resolve("cluster-restart.log"), env, "cluster.sh", "start");
    Map<String, Long> after = status();
    assertEquals(daemons.get("master"), after.get("master"));
    assertEquals(daemons.get("worker 1"), after.get("worker 1"));
    assertNotEquals(daemons.get("worker 2"), after.get("worker 2"));
    assertTrue(ProcessHandle.of(after.get("worker 2")).isPresent());
    daemons = after;
  }

  @Test
  @Order(5)
  void stalePidFilesAreNeitherReportedNorStopped() throws Exception {
    // A state directory whose name is a prefix of the running cluster's ("clust" of "cluster"),
    // whose pid files name this cluster's worker and a process that is not a daemon at all.
    Path stale = dir.resolve("clust");
    Files.createDirectories(stale);
    Process other = new ProcessBuilder("sleep", "600").start();
    try {
      Files.writeString(stale.resolve("master.pid"), other.pid() + "\n");
      Files.writeString(stale.resolve("master.url"), url + "\n");
      Files.writeString(stale.resolve("worker-1.pid"), daemons.get("worker 1") + "\n");
      Files.writeString(stale.resolve("worker-2.pid"), "not a pid\n");

      JobProcess status = script(stale, "status");
      assertEquals(3, status.waitFor(), status.output());
      assertTrue(status.printed("^not running"), status.output());
      assertTrue(status.printed("^master not running$"), status.output());
      assertTrue(status.printed("^worker 1 not running$"), status.output());
      assertTrue(status.printed("^worker 2 not running$"), status.output());

      JobProcess stop = script(stale, "stop");
      assertEquals(0, stop.waitFor(), stop.output());
      assertFalse(stop.printed("stopped"), stop.output());
      assertTrue(other.isAlive(), "another program with a stale pid is left alone");
      assertEquals(daemons, status(), "another cluster's daemons are left alone");
      try (Stream<Path> s = Files.list(stale)) {
        assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".pid")).toList());
      }
    } finally {
      other.destroyForcibly();
    }

    Path never = dir.resolve("never-started");
    JobProcess stop = script(never, "stop");
    assertEquals(0, stop.waitFor(), stop.output());
    assertEquals("", stop.output());
    assertFalse(Files.exists(never), "stop creates nothing");
    JobProcess status = script(never, "status");
    assertEquals(3, status.waitFor(), status.output());
  }

  @Test
  @Order(6)
  void theClusterStopsWhenItsOwnerEnds() throws Exception {
    Process owner = new ProcessBuilder("sleep", "600").start();
    JobProcess.run(
        dir.resolve("cluster-owner.log"), env, "cluster.sh", "start", "--owner", "" + owner.pid());
    assertEquals(daemons, status(), "the running cluster is kept");
    owner.destroyForcibly(); // as a test JVM killed with SIGKILL: no shutdown hook, no @AfterAll
    owner.waitFor();
    for (long pid : daemons.values()) { // the watchdog polls every 2 s; stop takes a few more
      ProcessHandle.of(pid)
          .ifPresent(p -> p.onExit().completeOnTimeout(p, 90, TimeUnit.SECONDS).join());
    }
    List<Long> stillRunning =
        daemons.values().stream()
            .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
            .toList();
    assertEquals(List.of(), stillRunning, "daemons still running 90 s after their owner ended");
    JobProcess status = script(state, "status");
    assertEquals(3, status.waitFor(), status.output());
  }
}
