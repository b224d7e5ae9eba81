package org.mentormatch.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentormatch.UserError;
import org.mentormatch.text.SafeCsv;

class DecisionSheetTest {

  private static List<DecisionSheet.Row> parse(String csv) {
    return DecisionSheet.parse(new StringReader(csv), "decisions.csv");
  }

  private static DecisionSheet.Row row(
      long line, String id, String decision, String introduction, String note) {
    return new DecisionSheet.Row(line, id, decision, introduction, note);
  }

  @Test
  void needsProposalIdAndDecision() {
    UserError noDecision =
        assertThrows(UserError.class, () -> parse("proposal_id,note\nP1,fine\n"));
    UserError noId = assertThrows(UserError.class, () -> parse("decision,note\napprove,x\n"));

    assertTrue(
        noDecision
            .getMessage()
            .matches(
                "decisions\\.csv is not a decisions file: it needs the columns proposal_id and"
                    + " decision \\(found: (proposal_id, note|note, proposal_id)\\)\\. Fill in"
                    + " the decision column of the run's review\\.csv and pass that file\\."),
        noDecision.getMessage());
    assertTrue(noId.getMessage().contains("(found: decision, note)"), noId.getMessage());
  }

  @Test
  void readsIntroductionAndNoteWhenPresentAndIgnoresOtherColumns() {
    List<DecisionSheet.Row> rows =
        parse(
            "proposal_id,mentee_name,introduction,decision,note,score\n"
                + "P1,Ana,Hello both,approve,Good fit,0.9\n");

    assertEquals(List.of(row(2, "P1", "approve", "Hello both", "Good fit")), rows);
  }

  @Test
  void introductionAndNoteAreNullWhenTheColumnIsAbsent() {
    assertEquals(
        List.of(row(2, "P1", "reject", null, null)), parse("proposal_id,decision\nP1,reject\n"));
  }

  @Test
  void introductionAndNoteAreNullWhenTheCellIsBlankOrMissing() {
    List<DecisionSheet.Row> rows =
        parse(
            "proposal_id,decision,introduction,note\n"
                + "P1,approve,,\n"
                + "P2,reject,\"  \n \",\" \"\n"
                + "P3,approve\n");

    assertEquals(
        List.of(
            row(2, "P1", "approve", null, null),
            row(3, "P2", "reject", null, null),
            row(5, "P3", "approve", null, null)),
        rows);
  }

  @Test
  void decisionWordsAreLowerCasedAndTrimmed() {
    List<DecisionSheet.Row> rows =
        parse(
            "proposal_id,decision\n"
                + " P1 , APPROVE \n"
                + "P2,Reject\n"
                + "P3,\n"
                + "P4,\"  \"\n");

    assertEquals(
        List.of(
            row(2, "P1", "approve", null, null),
            row(3, "P2", "reject", null, null),
            row(4, "P3", "", null, null),
            row(5, "P4", "", null, null)),
        rows);
  }

  @Test
  void formulaSafeCellsAreRestored() {
    List<DecisionSheet.Row> rows =
        parse(
            "proposal_id,decision,introduction,note\n"
                + "P1,approve,'=SUM(A1),'+1\n"
                + "P2,approve,'-x,'@a\n"
                + "P3,approve,\"'\tx\",'x\n"
                + "P4,approve,''quoted,it's\n");

    assertEquals(
        List.of(
            row(2, "P1", "approve", "=SUM(A1)", "+1"),
            row(3, "P2", "approve", "-x", "@a"),
            row(4, "P3", "approve", "\tx", "'x"),
            row(5, "P4", "approve", "'quoted", "it's")),
        rows);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"=SUM(A1)", "+1", "-x", "@a", "\tx", "=cmd|' /C calc'!A0", "'already", "-0.5"})
  void whatSafeCsvWroteComesBackAsTheOriginalText(String text) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SafeCsv csv =
        SafeCsv.open(out, List.of("proposal_id", "decision", "introduction", "note"), false)) {
      csv.row("P1", "approve", text, text);
    }

    List<DecisionSheet.Row> rows = parse(out.toString(StandardCharsets.UTF_8));

    assertEquals(List.of(row(2, "P1", "approve", text, text)), rows);
  }

  @Test
  void aLeadingCarriageReturnIsRestoredAsALineBreak() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SafeCsv csv = SafeCsv.open(out, List.of("proposal_id", "decision", "note"), false)) {
      csv.row("P1", "approve", "\rx");
    }

    List<DecisionSheet.Row> rows = parse(out.toString(StandardCharsets.UTF_8));

    assertEquals(List.of(row(2, "P1", "approve", null, "\nx")), rows);
  }

  @Test
  void linesCountFromTheStartOfEachRecordWhenAnEarlierOneSpansLines() {
    String csv =
        "proposal_id,decision,introduction,note\n"
            + "P1,approve,\"Hi Ana,\nmeet Bo.\n\nThanks\",n\n"
            + "P2,reject,,\"two\nlines\"\n"
            + "P3,approve,,\n";

    List<DecisionSheet.Row> rows = parse(csv);

    assertEquals(
        List.of(
            row(2, "P1", "approve", "Hi Ana,\nmeet Bo.\n\nThanks", "n"),
            row(6, "P2", "reject", null, "two\nlines"),
            row(8, "P3", "approve", null, null)),
        rows);
  }

  @Test
  void aHeaderAloneGivesNoRows() {
    assertEquals(List.of(), parse("proposal_id,decision,introduction,note\n"));
    assertEquals(List.of(), parse("proposal_id,decision,introduction,note"));
  }

  @Test
  void crlfLineEndingsGiveTheSameRows() {
    String lf =
        "proposal_id,decision,introduction,note\n"
            + "P1,approve,\"Hi Ana,\nmeet Bo.\n\nThanks\",n\n"
            + "P2,REJECT,,\"two\nlines\"\n"
            + "P3,approve,,\n";
    String crlf = lf.replace("\n", "\r\n");

    List<DecisionSheet.Row> expected =
        List.of(
            row(2, "P1", "approve", "Hi Ana,\nmeet Bo.\n\nThanks", "n"),
            row(6, "P2", "reject", null, "two\nlines"),
            row(8, "P3", "approve", null, null));
    assertEquals(expected, parse(lf));
    assertEquals(expected, parse(crlf));
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsTolerated() {
    assertEquals(
        List.of(row(2, "P1", "approve", null, null)),
        parse("\uFEFFproposal_id,decision\r\nP1,approve\r\n"));
  }

  @Test
  void aFileThatIsNotCsvSaysNothingWasApplied() {
    UserError unterminated =
        assertThrows(
            UserError.class, () -> parse("proposal_id,decision\nP1,\"approve\nP2,reject\n"));
    UserError strayQuote =
        assertThrows(UserError.class, () -> parse("proposal_id,decision\nP1,\"approve\"x\n"));

    for (UserError e : List.of(unterminated, strayQuote)) {
      assertTrue(e.getMessage().startsWith("cannot read decisions.csv as CSV ("), e.getMessage());
      assertTrue(e.getMessage().endsWith("); nothing was applied."), e.getMessage());
    }
    assertTrue(unterminated.getMessage().contains("EOF"), unterminated.getMessage());
  }
}
