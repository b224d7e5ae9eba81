package org.mentormatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scale benchmark's file edit and GC-log reading, on small made-up inputs. */
class ScaleBenchmarkTest {
  @TempDir Path dir;

  @Test
  void editsTheGoalsOfOneMemberInAHundredEvenBehindAByteOrderMark() throws IOException {
    StringBuilder csv = new StringBuilder("\uFEFFmember_id,goals,skills\n");
    for (int i = 0; i < 2_000; i++) {
      csv.append("m").append(i).append(",goal ").append(i).append(",skill\n");
    }
    Path from = dir.resolve("members.csv");
    Path to = dir.resolve("edited.csv");
    Files.writeString(from, csv, StandardCharsets.UTF_8);
    int edited = ScaleBenchmark.editOnePercent(from, to);
    assertEquals(true, edited > 5 && edited < 60, "edited " + edited + " of 2000");
    List<String> before = Files.readAllLines(from, StandardCharsets.UTF_8);
    List<String> after = Files.readAllLines(to, StandardCharsets.UTF_8);
    assertEquals(before.size(), after.size());
    int changed = 0;
    for (int i = 1; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed++;
        assertEquals(before.get(i).split(",")[0], after.get(i).split(",")[0], "same member");
        assertNotEquals(before.get(i).split(",")[1], after.get(i).split(",")[1], "new goals");
      }
    }
    assertEquals(edited, changed);
  }

  @Test
  void readsThePeakHeapBeforeACollection() throws IOException {
    Path log = dir.resolve("gc.log");
    Files.writeString(
        log,
        "[0.5s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 4.1ms\n"
            + "[2.1s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 1G->200M(2G) 9ms\n"
            + "[3.0s][info][gc] GC(2) Pause Full (System.gc()) 300M->100M(2G) 50ms\n");
    assertEquals(1L << 30, ScaleBenchmark.peakHeap(log));
  }

  @Test
  void thePeakDiskIsWhatTheCommandsFilesHeldAtOnceBeyondTheStart() throws IOException {
    Path home = dir.resolve("home");
    Path scratch = dir.resolve("scratch");
    Files.createDirectories(home.resolve("cache"));
    Files.write(home.resolve("cache").resolve("old"), new byte[1_000]);
    // Writes 300 KB, holds it for five seconds (the sampling takes one every two), deletes it all,
    // then writes 100 KB that stay: the peak is 300 KB, not the 100 KB left at the end.
    String script =
        "mkdir -p "
            + scratch
            + " && head -c 300000 /dev/zero > "
            + scratch.resolve("spill")
            + " && sleep 5 && rm "
            + scratch.resolve("spill")
            + " && head -c 100000 /dev/zero > "
            + home.resolve("out");
    ScaleBenchmark.Measure m =
        ScaleBenchmark.measure(
            List.of("sh", "-c", script),
            null,
            null,
            List.of(home, scratch),
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    assertEquals(0, m.exitCode());
    assertEquals(300_000, m.peakDiskBytes());
    assertEquals(101_000, ScaleBenchmark.bytesUnder(List.of(home, scratch, dir.resolve("none"))));
  }

  @Test
  void theNaiveJobIsReportedAsItEnded() {
    Map<String, Object> finished = new HashMap<>(Map.of("finished", true, "exit_code", 0));
    assertEquals("yes", ScaleBenchmark.naiveOutcome(finished));
    Map<String, Object> capped =
        new HashMap<>(
            Map.of("finished", false, "stopped_at_cap", true, "exit_code", -1, "cap_minutes", 5));
    assertEquals("no (stopped at 5 min)", ScaleBenchmark.naiveOutcome(capped));
    Map<String, Object> outOfMemory =
        new HashMap<>(
            Map.of("finished", false, "stopped_at_cap", false, "exit_code", 52, "cap_minutes", 5));
    assertEquals(
        "no (failed before the cap: out of memory, exit code 52)",
        ScaleBenchmark.naiveOutcome(outOfMemory));
    Map<String, Object> failed =
        new HashMap<>(
            Map.of("finished", false, "stopped_at_cap", false, "exit_code", 1, "cap_minutes", 5));
    assertEquals("no (failed before the cap: exit code 1)", ScaleBenchmark.naiveOutcome(failed));
  }
}
