package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;
import org.mentormatch.UserError;
import org.mentormatch.assignment.AssignmentProblem;
import org.mentormatch.bench.OrLibraryInstance;
import org.mentormatch.pipeline.AssignPipeline;

/** jobs/assign.sh: bring-your-own scores, solved exactly, with clear errors for bad input. */
class AssignJobIT {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }

  private AssignPipeline.Result assign(Path edges, Path capacities, String minScore)
      throws IOException {
    return AssignPipeline.run(
        SparkTestSession.get(),
        new AssignPipeline.Options(
            edges.toString(),
            dir.resolve("out.csv").toString(),
            capacities == null ? null : capacities.toString(),
            minScore == null ? null : new BigDecimal(minScore)));
  }

  private Map<String, String> output() throws IOException {
    Map<String, String> out = new HashMap<>();
    for (CSVRecord r : RunFiles.csv(dir.resolve("out.csv"))) {
      out.put(r.get("mentee_id"), r.get("mentor_id") + " " + r.get("score"));
    }
    return out;
  }

  @Test
  void anOrLibraryInstanceOf100000PairsReproducesItsPublishedOptimum() throws IOException {
    OrLibraryInstance instance =
        OrLibraryInstance.read(Path.of("data/benchmarks/orlib"), "assignp800");
    AssignmentProblem p = instance.problem();
    StringBuilder csv = new StringBuilder("mentee_id,mentor_id,score\n");
    for (int e = 0; e < p.edges(); e++) {
      csv.append('a')
          .append(p.edgeMentee()[e])
          .append(",t")
          .append(p.edgeMentor()[e])
          .append(',')
          .append(p.edgeScore()[e])
          .append('\n');
    }
    AssignPipeline.Result r = assign(file("p800.csv", csv.toString()), null, null);
    assertEquals(100_057, r.pairs());
    assertEquals(800, r.matched());
    assertEquals(new BigDecimal(-2239), r.totalScore());
    assertEquals(800, output().size());
  }

  @Test
  void capacitiesDefaultToOneAndTheMinimumScoreRemovesPairs() throws IOException {
    Path edges =
        file(
            "edges.csv",
            "score,mentor_id,mentee_id,comment\n"
                + "0.9,r1,a,x\n0.8,r1,b,x\n0.7,r1,c,x\n0.2,r2,c,x\n-1.5,r3,d,x\n");
    Path caps = file("caps.csv", "mentor_id,capacity\nr1,2\n");
    AssignPipeline.Result r = assign(edges, caps, null);
    assertEquals(4, r.matched());
    assertEquals(Map.of("a", "r1 0.9", "b", "r1 0.8", "c", "r2 0.2", "d", "r3 -1.5"), output());
    assertEquals(new BigDecimal("0.4"), r.totalScore(), "exact decimal total");

    AssignPipeline.Result filtered = assign(edges, caps, "0.5");
    assertEquals(4, filtered.mentees(), "mentees in the file, matched or not");
    assertEquals(2, filtered.matched());
    assertEquals(Map.of("a", "r1 0.9", "b", "r1 0.8"), output());
  }

  @Test
  void cardinalityComesBeforeTheTotalScore() throws IOException {
    // a alone with r1 would score 10; a with r2 and b with r1 match both.
    AssignPipeline.Result r =
        assign(file("e.csv", "mentee_id,mentor_id,score\na,r1,10\na,r2,1\nb,r1,1\n"), null, null);
    assertEquals(2, r.matched());
    assertEquals(Map.of("a", "r2 1", "b", "r1 1"), output());
  }

  @Test
  void scoresWithManyDecimalsAreComparedRoundedAndSaidSo() throws IOException {
    AssignPipeline.Result r =
        assign(file("e.csv", "mentee_id,mentor_id,score\na,r1,0.1234567890123\n"), null, null);
    assertTrue(r.rounded());
    assertEquals(9, r.decimals());
    assertEquals(Map.of("a", "r1 0.1234567890123"), output(), "written as given");
  }

  @Test
  void badRowsAreListedWithTheirLinesAndNothingIsWritten() throws IOException {
    Files.writeString(dir.resolve("out.csv"), "mentee_id,mentor_id,score\nold,result,1\n");
    Path edges =
        file(
            "bad.csv", "mentee_id,mentor_id,score\na,r1,0.5\nb,r1,high\n,r2,0.1\nc,r3\nd,r4,NaN\n");
    UserError e = assertThrows(UserError.class, () -> assign(edges, null, null));
    String m = e.getMessage();
    assertTrue(m.contains("4 bad row(s)"), m);
    assertTrue(m.contains("line 3 score 'high' is not a number"), m);
    assertTrue(m.contains("line 4 lacks a mentee_id or mentor_id"), m);
    assertTrue(m.contains("line 5 is not a row of 3 fields"), m);
    assertTrue(m.contains("line 6 score 'NaN' is not a number"), m);
    assertEquals(Map.of("old", "result 1"), output(), "the earlier output is untouched");
  }

  @Test
  void aPairGivenTwiceIsAnError() throws IOException {
    Path edges = file("dup.csv", "mentee_id,mentor_id,score\na,r1,0.5\nb,r1,1\na,r1,0.7\n");
    UserError e = assertThrows(UserError.class, () -> assign(edges, null, null));
    assertTrue(e.getMessage().contains("line 2: a -> r1 appears 2 times"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out.csv")));
  }

  @Test
  void badCapacitiesAndMissingColumnsAreErrors() throws IOException {
    Path edges = file("e.csv", "mentee_id,mentor_id,score\na,r1,0.5\n");
    UserError e =
        assertThrows(
            UserError.class,
            () -> assign(edges, file("c.csv", "mentor_id,capacity\nr1,-1\nr2,lots\n"), null));
    assertTrue(
        e.getMessage().contains("line 2 capacity '-1' is not a whole number >= 0"), e.getMessage());
    assertTrue(e.getMessage().contains("line 3 capacity 'lots'"), e.getMessage());
    UserError header =
        assertThrows(
            UserError.class, () -> assign(file("h.csv", "mentee,mentor_id,score\n"), null, null));
    assertTrue(header.getMessage().contains("needs the column(s) mentee_id"), header.getMessage());
  }

  @Test
  void capacityZeroKeepsAMentorOut() throws IOException {
    AssignPipeline.Result r =
        assign(
            file("e.csv", "mentee_id,mentor_id,score\na,r1,0.9\n"),
            file("c.csv", "mentor_id,capacity\nr1,0\n"),
            null);
    assertEquals(0, r.matched());
    assertEquals(List.of(), RunFiles.csv(dir.resolve("out.csv")));
  }
}
