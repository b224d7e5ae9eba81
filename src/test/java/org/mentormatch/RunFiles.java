package org.mentormatch;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assertions;

/** Reads a run's files the way an outside tool would: generic Avro, plain CSV, JSON. */
public final class RunFiles {
  /** Every file of a run that identical runs write byte for byte (summary.json has timings). */
  public static final List<String> SAME_BYTES =
      List.of(
          "proposals/part-00000.avro",
          "review.csv",
          "unmatched.csv",
          "rejected-rows.csv",
          "excluded.csv",
          "withdrawn.csv",
          "report.html",
          "_SUCCESS");

  private RunFiles() {}

  /** Copies the tree under {@code from} to {@code to} (created), files with their attributes. */
  public static Path copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return to;
  }

  /**
   * Asserts that runs {@code a} and {@code b} are the same: the same files (hidden ones too), among
   * them every one of {@link #SAME_BYTES}, each byte for byte, but summary.json, which is compared
   * without its stage timings.
   */
  public static void assertSameRun(Path a, Path b) throws IOException {
    Map<String, byte[]> first = files(a);
    Map<String, byte[]> second = files(b);
    Assertions.assertEquals(first.keySet(), second.keySet(), "the files of " + b);
    Assertions.assertTrue(first.keySet().containsAll(SAME_BYTES), first.keySet().toString());
    for (Map.Entry<String, byte[]> f : first.entrySet()) {
      if (!f.getKey().equals("summary.json")) {
        Assertions.assertArrayEquals(f.getValue(), second.get(f.getKey()), f.getKey() + " of " + b);
      }
    }
    Assertions.assertEquals(stableSummary(a), stableSummary(b), "summary.json of " + b);
  }

  /** Every file under a run directory, by its path relative to it, with its bytes. */
  private static Map<String, byte[]> files(Path run) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(run)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        out.put(run.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  /** The summary without what legitimately differs between two identical runs (timings). */
  public static Map<String, Object> stableSummary(Path run) throws IOException {
    Map<String, Object> s = new TreeMap<>(summary(run));
    s.remove("stage_seconds");
    return s;
  }

  /** Every record of an Avro container file, read with the writer's schema only. */
  public static List<GenericRecord> avro(Path file) throws IOException {
    List<GenericRecord> out = new ArrayList<>();
    try (DataFileReader<GenericRecord> reader =
        new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
      reader.forEach(out::add);
    }
    return out;
  }

  /** Every record of a CSV file with a header; a byte-order mark is skipped. */
  public static List<CSVRecord> csv(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try (CSVParser p =
        CSVParser.parse(
            new StringReader(text),
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return p.getRecords();
    }
  }

  /** The summary.json of a run as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> summary(Path run) throws IOException {
    return new com.fasterxml.jackson.databind.ObjectMapper()
        .readValue(run.resolve("summary.json").toFile(), Map.class);
  }

  /** The text of an Avro string field (Avro hands back Utf8). */
  public static String text(GenericRecord r, String field) {
    Object v = r.get(field);
    return v == null ? null : v.toString();
  }
}
