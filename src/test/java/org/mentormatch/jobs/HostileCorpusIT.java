package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;

/**
 * The hostile corpus ({@code src/test/resources/hostile/}, see its README): every file ends with
 * exit 0 and every row accounted for as its {@code .expected} file says, or with one fatal
 * paragraph naming the problem; never a stack trace, a lost row, a replacement character in an
 * output, or an output swollen by one row.
 */
class HostileCorpusIT {
  private static final Path CORPUS = Path.of("src/test/resources/hostile");
  private static final String RUN = "2026-11-21";

  @TempDir Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected"))
          .map(n -> n.substring(0, n.length() - ".expected".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void everyRowIsAccountedForOrTheFileIsRefusedInOneParagraph(String name) throws IOException {
    Properties expected = new Properties();
    try (Reader r = Files.newBufferedReader(CORPUS.resolve(name + ".expected"))) {
      expected.load(r);
    }
    Path members = members(name);
    Path home = dir.resolve("home");

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream before = System.err;
    int exit;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      exit =
          Commands.run(
              "match.sh",
              () -> {
                MatchJob.run(
                    SparkTestSession.get(),
                    new MatchJob.Options(members.toString(), home.toString(), RUN, null));
                return 0;
              });
    } finally {
      System.setErr(before);
    }
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertFalse(stderr.contains("\tat "), "a stack trace:\n" + stderr);
    assertFalse(stderr.contains("Exception"), "an exception's name:\n" + stderr);

    Path run = home.resolve("runs").resolve(RUN);
    if (expected.getProperty("outcome").equals("fatal")) {
      assertEquals(Commands.USER_ERROR, exit, stderr);
      assertTrue(stderr.contains(expected.getProperty("message")), stderr);
      assertEquals(1, stderr.strip().lines().count(), "one paragraph:\n" + stderr);
      assertFalse(Files.exists(run), "a refused file publishes no run");
      return;
    }
    assertEquals(0, exit, stderr);
    Map<String, Object> summary = RunFiles.summary(run);
    long read = number(summary, "rows_read");
    for (String count : List.of("rows_read", "rows_used", "rows_excluded", "rows_rejected")) {
      assertEquals(Long.parseLong(expected.getProperty(count)), number(summary, count), count);
    }
    assertEquals(
        read,
        number(summary, "rows_used")
            + number(summary, "rows_excluded")
            + number(summary, "rows_rejected"));

    List<CSVRecord> rejected = RunFiles.csv(run.resolve("rejected-rows.csv"));
    List<CSVRecord> excluded = RunFiles.csv(run.resolve("excluded.csv"));
    assertEquals(number(summary, "rows_rejected"), rejected.size());
    assertEquals(number(summary, "rows_excluded"), excluded.size());
    for (String key : expected.stringPropertyNames()) {
      if (key.startsWith("rejected.") || key.startsWith("excluded.")) {
        List<CSVRecord> list = key.startsWith("rejected.") ? rejected : excluded;
        String line = key.substring(key.indexOf('.') + 1);
        String column = key.startsWith("rejected.") ? "reasons" : "reason";
        String reason =
            list.stream()
                .filter(r -> r.get("line").equals(line))
                .map(r -> r.get(column))
                .findFirst()
                .orElse("(line " + line + " not listed)");
        assertTrue(reason.contains(expected.getProperty(key)), key + ": " + reason);
      }
    }
    if (expected.containsKey("unknown_columns_listed")) {
      assertEquals(
          Integer.parseInt(expected.getProperty("unknown_columns_listed")),
          ((List<?>) summary.get("unknown_columns")).size());
    }

    long total = 0;
    try (Stream<Path> outputs = Files.walk(run)) {
      for (Path p : outputs.filter(Files::isRegularFile).toList()) {
        total += Files.size(p);
        if (!p.toString().endsWith(".avro")) {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          assertFalse(text.contains("\uFFFD"), "a replacement character in " + p);
          assertFalse(text.contains("\u0000"), "a NUL in " + p);
        }
      }
    }
    assertTrue(total < 1_000_000, "outputs of " + total + " bytes for a handful of rows");
  }

  /** The case's members file: checked in, or written here when it is too large to keep. */
  private Path members(String name) throws IOException {
    Path checkedIn = CORPUS.resolve(name + ".csv");
    if (Files.exists(checkedIn)) {
      return checkedIn;
    }
    Path file = dir.resolve(name + ".csv");
    String header =
        "member_id,name,email,role,goals,skills,department,manager_id,timezone,seniority,"
            + "languages,capacity,consent";
    List<String> rows = new ArrayList<>();
    rows.add("a1,Ana Lima,a1@example.org,mentee,public speaking,,Sales,,UTC,3,en,,yes");
    rows.add("b2,Bo Berg,b2@example.org,mentor,,public speaking,Eng,,UTC,7,en,2,yes");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      switch (name) {
        case "huge-cell" -> {
          // 10 MB of goals in one cell: it must not fill the vocabulary or the reports.
          w.write(header + "\n" + rows.get(0) + "\n" + rows.get(1) + "\n");
          w.write("c3,Cai Chen,c3@example.org,mentee,\"");
          String words = "kubernetes docker terraform helm istio ";
          for (int written = 0; written < 10_485_760; written += words.length()) {
            w.write(words, 0, Math.min(words.length(), 10_485_760 - written));
          }
          w.write("\",,Sales,,UTC,3,en,,yes\n");
        }
        case "ten-thousand-columns" -> {
          StringBuilder extraHeader = new StringBuilder();
          StringBuilder extraCells = new StringBuilder();
          for (int i = 0; i < 10_000 - 13; i++) {
            extraHeader.append(",extra_").append(i);
            extraCells.append(",v").append(i);
          }
          w.write(header + extraHeader + "\n");
          for (String r : rows) {
            w.write(r + extraCells + "\n");
          }
          w.write(
              "c3,Cai Chen,c3@example.org,mentee,SQL,,Sales,,UTC,3,en,,yes" + extraCells + "\n");
        }
        default -> throw new IllegalArgumentException("no members file for case " + name);
      }
    }
    return file;
  }

  private static long number(Map<String, Object> summary, String key) {
    return ((Number) summary.get(key)).longValue();
  }
}
