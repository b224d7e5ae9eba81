package org.mentormatch.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.tools.MemberGenerator.HeaderOrder;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MemberGenerator.Style;
import picocli.CommandLine;

class GeneratorCommandTest {

  @TempDir Path dir;

  @Test
  void generateWritesTheRealisticFileWithBrokenRowsByDefault() throws IOException {
    Path out = dir.resolve("nested/members.csv");
    int code =
        GeneratorCommand.forGenerate()
            .execute("--members", "200", "--out", out.toString(), "--seed", "9");
    assertEquals(0, code);
    String expected =
        MembersCsv.generate(new Options(200, 9, true, HeaderOrder.CONTRACT, Style.REALISTIC))
            .text();
    assertEquals(expected, Files.readString(out, StandardCharsets.UTF_8));
    assertEquals(List.of(out), files(out.getParent()), "no partial file is left behind");
  }

  @Test
  void theReadmeCommandStillMakesTheSample() throws IOException {
    Path out = dir.resolve("members.csv");
    int code =
        GeneratorCommand.forSample()
            .execute(
                "--members",
                "320",
                "--seed",
                "42",
                "--broken-rows",
                "true",
                "--out",
                out.toString());
    assertEquals(0, code);
    byte[] sample = Files.readAllBytes(Path.of("data/sample/members.csv"));
    assertArrayEquals(sample, Files.readAllBytes(out));
  }

  @Test
  void generateNeedsSizeAndFile() {
    StringWriter err = new StringWriter();
    CommandLine line = GeneratorCommand.forGenerate();
    line.setErr(new PrintWriter(err));
    assertEquals(2, line.execute("--members", "10"));
    assertTrue(err.toString().contains("Missing required option: '--out'"), err.toString());
    assertEquals(2, GeneratorCommand.forGenerate().execute("--out", dir.resolve("x").toString()));
  }

  @Test
  void aBadValueIsAUsageErrorAndWritesNothing() throws IOException {
    Path out = dir.resolve("members.csv");
    StringWriter err = new StringWriter();
    CommandLine line = GeneratorCommand.forGenerate();
    line.setErr(new PrintWriter(err));
    assertEquals(2, line.execute("--members", "0", "--out", out.toString()));
    assertTrue(err.toString().contains("members must be at least 1, not 0"), err.toString());
    assertEquals(
        2,
        GeneratorCommand.forGenerate()
            .execute("--members", "5", "--style", "fancy", "--out", out.toString()));
    assertEquals(List.of(), files(dir));
  }

  @Test
  void helpExitsZero() {
    CommandLine line = GeneratorCommand.forGenerate();
    StringWriter out = new StringWriter();
    line.setOut(new PrintWriter(out));
    assertEquals(0, line.execute("--help"));
    assertTrue(out.toString().contains("--style=realistic|sample"), out.toString());
  }

  @Test
  void aFileThatCannotBeWrittenFailsWithoutAPartialFile() throws IOException {
    Path blocker = dir.resolve("not-a-directory");
    Files.writeString(blocker, "x");
    Path out = blocker.resolve("members.csv");
    assertEquals(
        1, GeneratorCommand.forGenerate().execute("--members", "5", "--out", out.toString()));
    assertEquals(List.of(blocker), files(dir));
    assertFalse(Files.exists(out));
  }

  private static List<Path> files(Path directory) throws IOException {
    try (var s = Files.list(directory)) {
      return s.sorted().toList();
    }
  }
}
