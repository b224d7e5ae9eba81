package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;

/**
 * No member's name or e-mail reaches a log, standard output or error, or {@code summary.json}: the
 * real {@code jobs/match.sh} and {@code jobs/decide.sh} run as a user runs them, on members whose
 * names and addresses are planted so that any leak is found by a plain text search, including in
 * the messages about bad rows and bad decision sheets.
 */
class PrivacyIT {
  private static final String RUN = "2026-11-21";

  /** Planted names and addresses: found anywhere but in the run's own files, they leaked. */
  private static final List<String> PLANTED =
      List.of(
          "Zephyrine",
          "Quillon",
          "Vantablack",
          "Marisol",
          "Oswaldtree",
          "Brisbanea",
          "Kettleworth",
          "zephyrine.quillon@example.org",
          "marisol.vantablack@example.org",
          "oswaldtree@example.org",
          "kettleworth@@example.org");

  @TempDir static Path dir;
  private static Path home;
  private static final List<String> said = new ArrayList<>();

  @BeforeAll
  static void runTheNightAndTheDecisions() throws Exception {
    home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("coordinators.csv"),
        "coordinator_id,name,email,scope\nc1,Cora Coord,cora@example.org,*\n");
    Path members = dir.resolve("members.csv");
    String header =
        "member_id,name,email,role,goals,skills,department,manager_id,timezone,seniority,"
            + "languages,capacity,consent\n";
    byte[] latin1 =
        "e5,Brisbanea Kettleworth,oswaldtree@example.org,mentee,SQL,,Sales,,UTC,2,en,,yes\n"
            .replace("Brisbanea", "Brisb\u00e9anea")
            .getBytes(StandardCharsets.ISO_8859_1);
    try (var out = Files.newOutputStream(members)) {
      out.write(
          (header
                  + "a1,Zephyrine Quillon,zephyrine.quillon@example.org,mentee,public speaking;"
                  + "negotiation,,Sales,,UTC,2,en,,yes\n"
                  + "b2,Marisol Vantablack,marisol.vantablack@example.org,mentor,,public speaking;"
                  + "negotiation,Engineering,,UTC,8,en,2,yes\n"
                  + "c3,Oswaldtree Kettleworth,kettleworth@@example.org,mentee,SQL,,Sales,,UTC,2,"
                  + "en,,yes\n"
                  + "d4,Kettleworth Oswaldtree,oswaldtree@example.org,mentee,SQL,,Sales,,UTC,2,en,"
                  + ",no\n")
              .getBytes(StandardCharsets.UTF_8));
      out.write(latin1);
    }
    said.add(match(members, RUN));

    Path review = home.resolve("runs").resolve(RUN).resolve("review.csv");
    List<CSVRecord> rows = RunFiles.csv(review);
    assertEquals(1, rows.size(), "the planted pair is proposed");

    // A sheet whose columns slid one to the left: names and addresses where ids belong.
    Path shifted = dir.resolve("shifted.csv");
    StringBuilder s = new StringBuilder("proposal_id,decision,introduction,note\n");
    for (CSVRecord r : rows) {
      s.append(csv(r.get("mentee_name")))
          .append(',')
          .append(csv(r.get("mentor_name")))
          .append(',')
          .append(csv(r.get("mentee_name") + " <zephyrine.quillon@example.org>"))
          .append(",\n");
    }
    s.append("zephyrine.quillon@example.org,approve,,\n");
    Files.writeString(shifted, s.toString());
    said.add(decide(shifted));

    // A sheet saved in a spreadsheet's Latin-1 "CSV" with a name in it.
    Path latin = dir.resolve("latin1.csv");
    Files.write(
        latin,
        ("proposal_id,decision,note\n"
                + rows.get(0).get("proposal_id")
                + ",approve,Brisb\u00e9anea\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    said.add(decide(latin));

    // And the real approval, edited, with a note naming the pair.
    Path good = dir.resolve("good.csv");
    Files.writeString(
        good,
        "proposal_id,decision,introduction,note\n"
            + rows.get(0).get("proposal_id")
            + ",approve,\"Hi Zephyrine and Marisol, meet soon.\",Zephyrine asked for Marisol\n");
    said.add(decide(good));
    // A second night reads the history the decisions left.
    said.add(match(members, "2026-11-22"));
  }

  private static String match(Path members, String runId) throws Exception {
    return run(
        "jobs/match.sh",
        "--members",
        members.toString(),
        "--home",
        home.toString(),
        "--run-id",
        runId);
  }

  private static String decide(Path sheet) throws Exception {
    return run(
        "jobs/decide.sh",
        "--home",
        home.toString(),
        "--run-id",
        RUN,
        "--decisions",
        sheet.toString(),
        "--coordinator",
        "c1");
  }

  private static String csv(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }

  /** Runs a job script from the project root; returns everything it printed, both streams. */
  private static String run(String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "out", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
    pb.environment().remove("MENTOR_MATCH_DEBUG");
    Process p = pb.start();
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
    return String.join(" ", command)
        + " (exit "
        + p.exitValue()
        + ")\n"
        + Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void theCommandsSayWhatHappened() {
    String all = String.join("\n", said);
    assertTrue(all.contains("jobs/match.sh"), all);
    assertTrue(all.contains("2 problem(s) in"), "the shifted sheet is refused:\n" + all);
    assertTrue(all.contains("is not UTF-8 text"), "the Latin-1 sheet is refused:\n" + all);
    assertTrue(all.contains("applied 1 decision(s)"), "the good sheet is applied:\n" + all);
    assertTrue(all.contains("1 active mentorships"), "the second night remembers:\n" + all);
  }

  @Test
  void noPlantedNameOrAddressReachesWhatTheCommandsPrint() {
    for (String output : said) {
      for (String planted : PLANTED) {
        assertFalse(
            output.toLowerCase(Locale.ROOT).contains(planted.toLowerCase(Locale.ROOT)),
            "'" + planted + "' leaked into:\n" + output);
      }
    }
  }

  @Test
  void noPlantedNameOrAddressReachesTheSummaries() throws IOException {
    for (String run : List.of(RUN, "2026-11-22")) {
      String summary = Files.readString(home.resolve("runs").resolve(run).resolve("summary.json"));
      for (String planted : PLANTED) {
        assertFalse(summary.contains(planted), "'" + planted + "' in " + run + "'s summary");
      }
    }
  }
}
