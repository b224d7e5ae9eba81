package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.JobProcess;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;
import org.mentormatch.tools.MemberGenerator;

/**
 * The nightly job on a real Spark standalone cluster (a master and two workers started by {@code
 * jobs/cluster.sh}, executors in their own JVMs): on 5,000 generated members it writes the bytes of
 * local mode, and it still does when a worker is killed in the middle of the job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  static final String RUN_ID = "2026-11-21";
  static final int MEMBERS = 5_000;

  @TempDir static Path dir;
  static Map<String, String> env;
  static Path members;
  static Path config;
  static Path reference;
  static String url;
  static Thread stopAtExit;

  @BeforeAll
  static void startTheClusterAndRunLocally() throws IOException {
    env = Map.of("MM_CLUSTER_DIR", dir.resolve("cluster").toString());
    stopAtExit = new Thread(ClusterIT::stopQuietly);
    Runtime.getRuntime().addShutdownHook(stopAtExit); // should the JVM end before @AfterAll
    int port = freePort();
    url =
        JobProcess.run(
                dir.resolve("cluster-start.log"), env, "cluster.sh", "start", "--port", "" + port)
            .lines()
            .filter(l -> l.startsWith("spark://"))
            .findFirst()
            .orElseThrow();
    assertEquals("spark://127.0.0.1:" + port, url);

    members = dir.resolve("members.csv");
    try (Writer out = Files.newBufferedWriter(members, StandardCharsets.UTF_8)) {
      MemberGenerator.write( // jobs/generate.sh --members 5000 --seed 7 --broken-rows true
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
    reference = dir.resolve("local");
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(members.toString(), reference.toString(), RUN_ID, config.toString()));
  }

  @AfterAll
  static void stopTheCluster() throws IOException {
    String stopped = JobProcess.run(dir.resolve("cluster-stop.log"), env, "cluster.sh", "stop");
    Runtime.getRuntime().removeShutdownHook(stopAtExit);
    for (String line : stopped.lines().toList()) {
      long pid = Long.parseLong(line.replaceAll(".*\\(pid (\\d+)\\).*", "$1"));
      assertTrue(ProcessHandle.of(pid).isEmpty(), line + ", yet it still runs");
    }
  }

  private static void stopQuietly() {
    try {
      JobProcess.run(dir.resolve("cluster-stop-at-exit.log"), env, "cluster.sh", "stop");
    } catch (IOException | RuntimeException | AssertionError e) {
      // the JVM is ending anyway; the log above says what happened
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** {@code cluster.sh status}: daemon name ("master", "worker 1", ...) to pid. */
  static Map<String, Long> status() throws IOException {
    String out = JobProcess.run(dir.resolve("cluster-status.log"), env, "cluster.sh", "status");
    Map<String, Long> pids = new LinkedHashMap<>();
    for (String line : out.lines().toList()) {
      if (line.matches("(master|worker \\d+) pid \\d+")) {
        int at = line.lastIndexOf(" pid ");
        pids.put(line.substring(0, at), Long.parseLong(line.substring(at + 5)));
      }
    }
    assertEquals(url, out.lines().findFirst().orElse(""), "status starts with the URL");
    return pids;
  }

  private static JobProcess matchOnTheCluster(String name) throws IOException {
    return JobProcess.start(
        dir.resolve(name + ".log"),
        Map.of(),
        "match.sh",
        "--master",
        url,
        "--members",
        members.toString(),
        "--home",
        dir.resolve(name).toString(),
        "--run-id",
        RUN_ID,
        "--config",
        config.toString());
  }

  private static Path run(String home) {
    return dir.resolve(home).resolve("runs").resolve(RUN_ID);
  }

  @Test
  @Order(1)
  void statusNamesTheMasterAndBothWorkersWithTheirPids() throws IOException {
    Map<String, Long> pids = status();
    assertEquals(List.of("master", "worker 1", "worker 2"), List.copyOf(pids.keySet()));
    pids.forEach((daemon, pid) -> assertTrue(ProcessHandle.of(pid).isPresent(), daemon));
  }

  @Test
  @Order(2)
  void aRunOnTheClusterWritesTheBytesOfLocalMode() throws IOException {
    JobProcess match = matchOnTheCluster("cluster");
    assertEquals(0, match.waitFor(), match.output());
    RunFiles.assertSameRun(run("local"), run("cluster"));
  }

  @Test
  @Order(3)
  void aWorkerKilledMidJobIsSurvivedWithTheSameBytes() throws Exception {
    Map<String, Long> before = status();
    JobProcess match = matchOnTheCluster("worker-lost");
    // Where localCheckpoint used to fail the night: stage outputs are on both executors by now.
    match.await("the clusters stage", () -> match.printed(JobProcess.stageLine("clusters")));
    ProcessHandle worker = ProcessHandle.of(before.get("worker 2")).orElseThrow();
    worker.destroyForcibly(); // SIGKILL: its executor loses its worker and ends too
    worker.onExit().join();
    assertEquals(0, match.waitFor(), match.output());
    assertTrue(match.printed("Lost executor"), "the job lost an executor:\n" + match.output());
    RunFiles.assertSameRun(run("local"), run("worker-lost"));

    // start again starts only what is missing.
    JobProcess.run(dir.resolve("cluster-restart.log"), env, "cluster.sh", "start");
    Map<String, Long> after = status();
    assertEquals(before.get("master"), after.get("master"));
    assertEquals(before.get("worker 1"), after.get("worker 1"));
    assertNotEquals(before.get("worker 2"), after.get("worker 2"));
    assertTrue(ProcessHandle.of(after.get("worker 2")).isPresent());
  }
}
