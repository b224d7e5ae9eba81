package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;
import org.mentormatch.text.SafeCsv;

/**
 * Names and goals that a spreadsheet would run as formulas come out of a run neutralised in every
 * CSV, exact in the Avro proposals, and escaped in the HTML report.
 */
class FormulaInjectionIT {
  @TempDir Path dir;

  @Test
  void formulaLikeNamesAndGoalsNeverReachACellAsAFormula() throws IOException {
    Path members = dir.resolve("members.csv");
    String[] header = {
      "member_id",
      "name",
      "email",
      "role",
      "goals",
      "skills",
      "department",
      "timezone",
      "seniority",
      "consent"
    };
    try (CSVPrinter p =
        CSVFormat.RFC4180
            .builder()
            .setHeader(header)
            .get()
            .print(Files.newBufferedWriter(members))) {
      p.printRecord(
          "e1",
          "=HYPERLINK(\"http://x\",\"y\")",
          "e1@example.com",
          "mentee",
          "=negotiation",
          "",
          "=Sales",
          "UTC",
          "2",
          "yes");
      p.printRecord(
          "r1",
          "@Rui <b>Mentor</b>",
          "r1@example.com",
          "mentor",
          "",
          "+negotiation",
          "Legal",
          "UTC",
          "6",
          "yes");
      p.printRecord(
          "e2",
          "+Ana Lima",
          "e2@example.com",
          "mentee",
          "-contract law",
          "",
          "Sales",
          "UTC",
          "2",
          "yes");
      p.printRecord(
          "r2",
          "-Bo Berg",
          "r2@example.com",
          "mentor",
          "",
          "@contract law",
          "-Legal",
          "UTC",
          "6",
          "yes");
      p.printRecord(
          "e3", "Cy", "e3@example.com", "mentee", "@kubernetes", "", "Ops", "UTC", "2", "no");
      // an id may start with '-': excluded for no consent, listed in excluded.csv
      p.printRecord("-e4", "Di", "e4@example.com", "mentee", "sql", "", "Ops", "UTC", "2", "no");
      // a broken row starting with '=': rejected, its raw text copied to rejected-rows.csv
      p.printRecord("=1+1", "Ed", "e5@example.com", "mentee", "sql", "", "Ops", "UTC", "2", "yes");
      // a mentee no mentor fits: listed in unmatched.csv under an id starting with '-'
      p.printRecord(
          "-e6",
          "Flo",
          "e6@example.com",
          "mentee",
          "sourdough baking",
          "",
          "Ops",
          "UTC",
          "2",
          "yes");
    }
    Path home = dir.resolve("home");
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(members.toString(), home.toString(), "2026-11-21", null));
    Path run = home.resolve("runs/2026-11-21");

    Map<String, String> names = new HashMap<>();
    for (GenericRecord p : RunFiles.avro(run.resolve("proposals/part-00000.avro"))) {
      names.put(RunFiles.text(p, "mentee_id"), RunFiles.text(p, "mentee_name"));
      names.put(RunFiles.text(p, "mentor_id"), RunFiles.text(p, "mentor_name"));
    }
    assertEquals(
        Map.of(
            "e1", "=HYPERLINK(\"http://x\",\"y\")",
            "r1", "@Rui <b>Mentor</b>",
            "e2", "+Ana Lima",
            "r2", "-Bo Berg"),
        names,
        "both pairs proposed, names exact in Avro");

    for (String file :
        List.of("review.csv", "unmatched.csv", "excluded.csv", "rejected-rows.csv")) {
      for (CSVRecord r : RunFiles.csv(run.resolve(file))) {
        for (String cell : r.values()) {
          assertFalse(
              !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
              file + " has a cell a spreadsheet would run: " + cell);
        }
      }
    }
    List<CSVRecord> excluded = RunFiles.csv(run.resolve("excluded.csv"));
    assertEquals(
        List.of("e3", "-e4"),
        excluded.stream().map(r -> SafeCsv.restore(r.get("member_id"))).toList());
    List<CSVRecord> rejected = RunFiles.csv(run.resolve("rejected-rows.csv"));
    assertEquals(1, rejected.size());
    assertTrue(SafeCsv.restore(rejected.get(0).get("raw")).startsWith("=1+1,Ed,"));
    List<CSVRecord> unmatched = RunFiles.csv(run.resolve("unmatched.csv"));
    assertEquals(
        List.of("-e6"), unmatched.stream().map(r -> SafeCsv.restore(r.get("member_id"))).toList());

    List<CSVRecord> review = RunFiles.csv(run.resolve("review.csv"));
    Map<String, String> shared = new HashMap<>();
    for (CSVRecord r : review) {
      assertEquals(names.get(r.get("mentee_id")), SafeCsv.restore(r.get("mentee_name")));
      assertEquals(names.get(r.get("mentor_id")), SafeCsv.restore(r.get("mentor_name")));
      shared.put(r.get("mentee_id"), SafeCsv.restore(r.get("shared")));
    }
    assertEquals("=negotiation <- +negotiation", shared.get("e1"));
    assertEquals("-contract law <- @contract law", shared.get("e2"));

    String html = Files.readString(run.resolve("report.html"), StandardCharsets.UTF_8);
    assertFalse(html.contains("<b>Mentor</b>"), "HTML in a name is escaped");
    assertTrue(html.contains("@Rui &lt;b&gt;Mentor&lt;/b&gt;"), "and still shown");
  }
}
