package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.SampleRun;
import org.mentormatch.UserError;

/**
 * Same input, config and run id give the same bytes; columns the contract does not know (such as
 * sensitive attributes) change nothing; a failed run leaves the earlier run as it was.
 */
class DeterminismIT {
  @TempDir Path dir;

  /** Every file under a run directory (hidden ones too), by path relative to it, with its bytes. */
  private static Map<String, byte[]> files(Path run) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.put(run.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  /**
   * Both runs hold the same files, and each has the same bytes except summary.json, whose stage
   * timings legitimately differ (it is compared without them), and those {@code allowedToDiffer}.
   */
  private static void assertSameRun(Path a, Path b, Set<String> allowedToDiffer)
      throws IOException {
    Map<String, byte[]> first = files(a);
    Map<String, byte[]> second = files(b);
    assertEquals(first.keySet(), second.keySet());
    assertTrue(
        first.keySet().containsAll(List.of("report.html", "withdrawn.csv", "summary.json")),
        first.keySet().toString());
    for (String f : first.keySet()) {
      if (!f.equals("summary.json") && !allowedToDiffer.contains(f)) {
        assertArrayEquals(first.get(f), second.get(f), f);
      }
    }
  }

  /** The summary without what legitimately differs between two runs (timings). */
  private static Map<String, Object> stable(Path run) throws IOException {
    Map<String, Object> s = new TreeMap<>(RunFiles.summary(run));
    assertTrue(s.containsKey("stage_seconds"), s.keySet().toString());
    s.remove("stage_seconds");
    return s;
  }

  @Test
  void theSameRunTwiceGivesTheSameBytes() throws IOException {
    Path again = dir.resolve("again");
    SampleRun.run(SampleRun.SAMPLE, again);
    Path run = again.resolve("runs").resolve(SampleRun.RUN_ID);
    assertSameRun(SampleRun.run(), run, Set.of());
    assertEquals(stable(SampleRun.run()), stable(run));
  }

  /**
   * The sample with a day's edits: every eighth mentee with other goals, every thirtieth mentor
   * without a free place and every twenty-fifth with a skill fewer.
   */
  private Path aDayLater() throws IOException {
    org.apache.commons.csv.CSVFormat in =
        org.apache.commons.csv.CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .build();
    Path edited = dir.resolve("a-day-later.csv");
    try (var reader = Files.newBufferedReader(SampleRun.SAMPLE, StandardCharsets.UTF_8);
        var parser = org.apache.commons.csv.CSVParser.parse(reader, in);
        var writer = Files.newBufferedWriter(edited, StandardCharsets.UTF_8);
        var printer =
            new org.apache.commons.csv.CSVPrinter(
                writer,
                org.apache.commons.csv.CSVFormat.RFC4180
                    .builder()
                    .setHeader(parser.getHeaderNames().toArray(new String[0]))
                    .build())) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "")).toList();
      int mentees = 0;
      int mentors = 0;
      for (org.apache.commons.csv.CSVRecord r : parser) {
        List<String> values = new ArrayList<>(r.toList());
        if (values.size() == header.size()) {
          String role = values.get(header.indexOf("role"));
          if (!role.equals("mentor") && ++mentees % 8 == 0) {
            values.set(header.indexOf("goals"), "public speaking; negotiation");
          }
          if (!role.equals("mentee")) {
            mentors++;
            if (mentors % 30 == 0) {
              values.set(header.indexOf("capacity"), "0");
            } else if (mentors % 25 == 0) {
              String skills = values.get(header.indexOf("skills"));
              values.set(header.indexOf("skills"), skills.substring(skills.indexOf(';') + 1));
            }
          }
        }
        printer.printRecord(values);
      }
    }
    return edited;
  }

  @Test
  void aNightFromKeptListsGivesTheBytesOfANightWithout() throws IOException {
    // A home and a members file whose names Spark's readers would take for lists and patterns.
    Path warm = dir.resolve("warm, [pilot] {a,b} *?");
    SampleRun.run(SampleRun.SAMPLE, warm);
    Path edited = Files.move(aDayLater(), dir.resolve("a day later, [1] *?.csv"));
    SampleRun.run(edited, warm);
    Path cold = dir.resolve("cold");
    SampleRun.run(edited, cold);
    Path warmRun = warm.resolve("runs").resolve(SampleRun.RUN_ID);
    Path coldRun = cold.resolve("runs").resolve(SampleRun.RUN_ID);
    assertSameRun(coldRun, warmRun, Set.of());
    assertEquals(stable(coldRun), stable(warmRun));
    assertTrue(
        !Files.readString(coldRun.resolve("review.csv"))
            .equals(Files.readString(SampleRun.run().resolve("review.csv"))),
        "the edits change the proposals");
    // The second night used the first night's lists for most mentees, and searched the rest.
    Map<String, Long> how = new TreeMap<>();
    for (org.apache.spark.sql.Row r :
        org.mentormatch.SparkTestSession.get()
            .read()
            .parquet(
                new org.mentormatch.io.FileStore(new org.apache.hadoop.conf.Configuration())
                    .forReader(
                        new org.apache.hadoop.fs.Path(
                            warm.resolve("cache/search/night-00000002/lists").toUri())))
            .groupBy("searched")
            .count()
            .collectAsList()) {
      how.put(r.getString(0), r.getLong(1));
    }
    assertTrue(how.getOrDefault("kept", 0L) > 100, how.toString());
    assertTrue(how.getOrDefault("whole", 0L) > 10, how.toString());
  }

  @Test
  void sensitiveColumnsTheContractDoesNotKnowChangeNothing() throws IOException {
    List<String> lines = Files.readAllLines(SampleRun.SAMPLE, StandardCharsets.UTF_8);
    List<String> withExtra = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    List<String> genders = List.of("female", "male", "non-binary", "");
    boolean insideQuotes = false; // the sample has one quoted line break (the record at line 117)
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (insideQuotes) {
        withExtra.add(line);
      } else if (i == 0) {
        withExtra.add("gender,age," + line.replace("\uFEFF", ""));
      } else {
        withExtra.add(
            genders.get(random.nextInt(genders.size()))
                + ","
                + (20 + random.nextInt(45))
                + ","
                + line);
      }
      insideQuotes ^= line.chars().filter(c -> c == '"').count() % 2 == 1;
    }
    Path members = dir.resolve("members-with-sensitive-columns.csv");
    Files.write(members, withExtra, StandardCharsets.UTF_8);
    Path home = dir.resolve("sensitive");
    SampleRun.run(members, home);
    Path run = home.resolve("runs").resolve(SampleRun.RUN_ID);
    // rejected-rows.csv quotes each broken row's raw text, new columns included.
    assertSameRun(SampleRun.run(), run, Set.of("rejected-rows.csv", ".rejected-rows.csv.crc"));
    Map<String, Object> summary = stable(run);
    assertEquals(List.of("gender", "age", "office"), summary.remove("unknown_columns"));
    Map<String, Object> expected = stable(SampleRun.run());
    expected.remove("unknown_columns");
    expected.put("members_file", members.toString());
    assertEquals(expected, summary);
  }

  @Test
  void aFailedRunLeavesTheEarlierRunAsItWas() throws IOException {
    Path home = dir.resolve("home");
    SampleRun.run(SampleRun.SAMPLE, home);
    Path run = home.resolve("runs").resolve(SampleRun.RUN_ID);
    byte[] before = Files.readAllBytes(run.resolve("proposals/part-00000.avro"));
    Path broken = dir.resolve("no-consent-column.csv");
    Files.writeString(
        broken, "member_id,name,email,role,goals,skills\nm1,A,a@example.com,mentee,x,\n");
    UserError e = assertThrows(UserError.class, () -> SampleRun.run(broken, home));
    assertTrue(e.getMessage().contains("consent"), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(run.resolve("proposals/part-00000.avro")));
    assertTrue(Files.exists(run.resolve("_SUCCESS")));
    try (var entries = Files.list(home.resolve("runs"))) {
      assertEquals(
          List.of(SampleRun.RUN_ID), entries.map(p -> p.getFileName().toString()).toList());
    }
  }
}
