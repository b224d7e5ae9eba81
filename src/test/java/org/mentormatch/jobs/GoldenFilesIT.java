package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentormatch.SparkTestSession;

/**
 * What a coordinator sees, byte for byte: the nightly job on {@code
 * src/test/resources/golden/members.csv} must write exactly the golden {@code review.csv}, {@code
 * unmatched.csv} and {@code summary.json} beside it (the summary's stage timings aside).
 *
 * <p>Any change in proposals, scores, reasons, introductions, unmatched reasons or counts fails
 * this test until the golden files are regenerated, so the change shows up in review as their diff.
 * Regenerate with {@code mvn verify -Dgolden.update=true} (see the README in that directory); never
 * edit them by hand.
 */
class GoldenFilesIT {
  static final String DIRECTORY = "src/test/resources/golden";
  static final String RUN_ID = "2026-11-21";
  static final boolean UPDATE = Boolean.getBoolean("golden.update");

  /** The timings, the only part of summary.json that differs between identical runs. */
  private static final Pattern TIMINGS =
      Pattern.compile("(\"stage_seconds\" : )\\{[^{}]*\\}", Pattern.DOTALL);

  static Path run;

  @BeforeAll
  static void runTheJobOnTheGoldenMembers(@org.junit.jupiter.api.io.TempDir Path home)
      throws IOException {
    // A relative path, so summary.json's members_file is the same on every machine.
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(DIRECTORY + "/members.csv", home.toString(), RUN_ID, null));
    run = home.resolve("runs").resolve(RUN_ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"review.csv", "unmatched.csv", "summary.json"})
  void theRunWritesTheGoldenFile(String name) throws IOException {
    byte[] actual = comparable(name, Files.readAllBytes(run.resolve(name)));
    Path golden = Path.of(DIRECTORY, name);
    if (UPDATE) {
      Files.write(golden, actual);
      System.err.println("golden.update: wrote " + golden + "; review its diff before committing");
      return;
    }
    if (!Files.exists(golden)) {
      fail("there is no golden file " + golden + "; " + howToRegenerate());
    }
    byte[] expected = Files.readAllBytes(golden);
    if (!Arrays.equals(expected, actual)) {
      Path written = Path.of("target", "golden-actual", name);
      Files.createDirectories(written.getParent());
      Files.write(written, actual);
      fail(
          name
              + " is not the golden file "
              + golden
              + ": "
              + firstDifference(expected, actual)
              + "\nThis run's file is "
              + written
              + " (diff the two). If the change is intended, "
              + howToRegenerate());
    }
  }

  private static String howToRegenerate() {
    return "regenerate the golden files with mvn verify -Dgolden.update=true and review their"
        + " diff (src/test/resources/golden/README.md)";
  }

  /** The bytes compared: summary.json with its timings replaced by a fixed text, else as is. */
  static byte[] comparable(String name, byte[] bytes) {
    if (!name.equals("summary.json")) {
      return bytes;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    Matcher m = TIMINGS.matcher(text);
    assertTrue(m.find(), "summary.json has no stage_seconds object:\n" + text);
    String normal = m.replaceFirst("$1\"(timings, not compared)\"");
    assertEquals(1, List.of(normal.split("stage_seconds", -1)).size() - 1, normal);
    return normal.getBytes(StandardCharsets.UTF_8);
  }

  /** Where two texts first differ, by line, quoting both lines. */
  private static String firstDifference(byte[] expected, byte[] actual) {
    List<String> a = new String(expected, StandardCharsets.UTF_8).lines().toList();
    List<String> b = new String(actual, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "(end of file)";
      String y = i < b.size() ? b.get(i) : "(end of file)";
      if (!x.equals(y)) {
        return "line " + (i + 1) + " was\n  " + x + "\nand is now\n  " + y;
      }
    }
    return "the same lines, different line endings or bytes";
  }
}
