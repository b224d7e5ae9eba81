package org.mentormatch.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator streams: 400,000 realistic members (about 80 MB) are written by a JVM with a 16 MB
 * heap. Keeping as little as one id string per row would need more than that.
 */
class GeneratorStreamingTest {

  @TempDir Path dir;

  @Test
  void fourHundredThousandMembersFitInASixteenMegabyteHeap() throws Exception {
    Path out = dir.resolve("members.csv");
    Path log = dir.resolve("stderr.txt");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx16m");
    command.add("-cp");
    command.add(minimalClasspath());
    command.add(GeneratorCommand.class.getName());
    command.addAll(List.of("--members", "400000", "--seed", "3", "--out", out.toString()));
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the generator finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.startsWith("wrote 400015 records: 400000 valid"), output);
    try (var lines = Files.lines(out, StandardCharsets.UTF_8)) {
      assertTrue(lines.count() > 400_000);
    }
  }

  /** The generator's classes and the jars it needs, not the test's 200 Spark jars. */
  private static String minimalClasspath() throws URISyntaxException, IOException {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c :
        List.of(
            MemberGenerator.class,
            org.apache.commons.csv.CSVFormat.class,
            org.apache.commons.io.IOUtils.class,
            org.apache.commons.codec.Charsets.class,
            picocli.CommandLine.class)) {
      entries.add(
          Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }
}
