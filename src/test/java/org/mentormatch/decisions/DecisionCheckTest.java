package org.mentormatch.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecisionCheckTest {
  private static final String RUN = "2024-06-01";
  private static final LocalDate TODAY = LocalDate.parse("2024-06-03");
  private static final LocalDate EXPIRES = LocalDate.parse("2024-06-15");
  private static final String DRAFT = "Hi Ana and Bo,\n\nYou both like Spark.\n\nThanks";

  private static final Coordinators COORDINATORS =
      Coordinators.parse(
          new StringReader(
              "coordinator_id,name,email,scope\n"
                  + "eng,Eli Eng,eli@x,Engineering;Sales\n"
                  + "all,Ann All,ann@x,*\n"),
          "coordinators.csv");
  private static final Coordinators.Coordinator ENG = COORDINATORS.get("eng", "c");
  private static final Coordinators.Coordinator ALL = COORDINATORS.get("all", "c");

  private static final Map<String, DecisionCheck.Proposal> PROPOSALS = proposals();

  private static Map<String, DecisionCheck.Proposal> proposals() {
    Map<String, DecisionCheck.Proposal> p = new LinkedHashMap<>();
    p.put("P1", new DecisionCheck.Proposal("P1", "Engineering", DRAFT, EXPIRES));
    p.put("P2", new DecisionCheck.Proposal("P2", "sales", DRAFT, EXPIRES));
    p.put("P3", new DecisionCheck.Proposal("P3", "Finance", DRAFT, EXPIRES));
    p.put("P4", new DecisionCheck.Proposal("P4", null, DRAFT, EXPIRES));
    return p;
  }

  private static DecisionSheet.Row row(long line, String id, String decision) {
    return new DecisionSheet.Row(line, id, decision, null, null);
  }

  private static DecisionSheet.Row row(long line, String id, String decision, String intro) {
    return new DecisionSheet.Row(line, id, decision, intro, null);
  }

  private static DecisionCheck.Plan check(Coordinators.Coordinator who, DecisionSheet.Row... rows) {
    return DecisionCheck.check(RUN, PROPOSALS, Map.of(), Map.of(), who, List.of(rows), TODAY);
  }

  /** The single problem of {@code plan}, which must have nothing to apply. */
  private static String onlyProblem(DecisionCheck.Plan plan) {
    assertFalse(plan.valid());
    assertEquals(1, plan.problems().size(), plan.problems().toString());
    assertNothingPlannedForARefusedRow(plan);
    return plan.problems().get(0);
  }

  /**
   * decide.sh applies a file all or nothing (DecideJobTest); the console applies row by row, so the
   * plan must never hold a decision for a row it refused.
   */
  private static void assertNothingPlannedForARefusedRow(DecisionCheck.Plan plan) {
    Set<Long> refused = new HashSet<>();
    plan.refused().forEach(p -> refused.add(p.row().line()));
    for (DecisionCheck.Planned planned : plan.decisions()) {
      assertFalse(refused.contains(planned.row().line()), "line " + planned.row().line());
    }
  }

  // --- problems ---

  @Test
  void anUnknownProposalId() {
    String problem = onlyProblem(check(ENG, row(2, "P1", "approve"), row(3, "P9", "approve")));

    assertEquals(
        "line 3: proposal 'P9' is not in run 2024-06-01; decide from that run's review.csv"
            + " without changing its proposal_id column",
        problem);
  }

  @Test
  void anEmptyProposalId() {
    String problem = onlyProblem(check(ENG, row(4, "", "reject")));

    assertTrue(
        problem.startsWith("line 4: no proposal_id; decide from that run's review.csv"), problem);
  }

  @Test
  void anUnknownProposalIdIsAProblemEvenWithoutADecision() {
    String problem = onlyProblem(check(ENG, row(2, "P1", "approve"), row(3, "P9", "")));

    assertEquals("line 3: proposal 'P9' is not in run 2024-06-01", problem);
  }

  @Test
  void aShiftedSheetNeverEchoesNamesOrAddresses() {
    // The columns slid one to the left: names and e-mails stand where ids and decisions belong.
    DecisionCheck.Plan plan =
        check(
            ENG,
            row(2, "Ana Lima", "ana.lima@example.org"),
            row(3, "ana.lima@example.org", ""),
            row(4, "P1", "Ana Lima"));

    assertEquals(3, plan.problems().size(), plan.problems().toString());
    for (String problem : plan.problems()) {
      assertFalse(problem.contains("Ana"), problem);
      assertFalse(problem.contains("example.org"), problem);
      assertTrue(problem.contains("are the columns shifted?"), problem);
    }
  }

  @Test
  void theSameProposalTwiceWithDifferentIntroductionsIsAProblem() {
    String problem =
        onlyProblem(
            check(
                ENG, row(2, "P1", "approve", "Hi, text one"), row(5, "P1", "approve", "Text two")));

    assertEquals(
        "line 5: proposal P1 is also on line 2 with a different introduction or note; keep one"
            + " row",
        problem);
  }

  @Test
  void theSameProposalTwiceAlikeIsFine() {
    DecisionCheck.Plan plan =
        check(
            ENG, row(2, "P1", "approve", "Hi, text one"), row(5, "P1", "approve", "Hi, text one"));

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(1, plan.decisions().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Hi\u0000there", "Hi \uFFFD there", "Hi \u202Eereht"})
  void anIntroductionWithRefusedCharactersIsAProblem(String text) {
    String problem = onlyProblem(check(ENG, row(2, "P1", "approve", text)));

    assertTrue(problem.startsWith("line 2: proposal P1: the introduction holds the "), problem);
  }

  @Test
  void introductionsAndNotesHaveLengthLimits() {
    String intro = onlyProblem(check(ENG, row(2, "P1", "approve", "x".repeat(10_001))));
    String note =
        onlyProblem(check(ENG, new DecisionSheet.Row(3, "P2", "reject", null, "n".repeat(2_001))));

    assertEquals(
        "line 2: proposal P1: the introduction has 10001 characters; the most is 10000", intro);
    assertEquals("line 3: proposal P2: the note has 2001 characters; the most is 2000", note);
  }

  @ParameterizedTest
  @ValueSource(strings = {"approved", "yes", "ok", "rejected"})
  void aWordThatIsNotADecision(String word) {
    String problem = onlyProblem(check(ENG, row(2, "P1", "approve"), row(3, "P2", word)));

    assertEquals(
        "line 3: decision '"
            + word
            + "' is not a decision word; write approve or reject, or leave it blank to decide"
            + " later",
        problem);
  }

  @Test
  void aMenteeDepartmentOutsideTheCoordinatorsScope() {
    String problem = onlyProblem(check(ENG, row(2, "P1", "approve"), row(3, "P3", "approve")));

    assertEquals(
        "line 3: proposal P3 is for a mentee in Finance, outside eng's scope"
            + " (Engineering;Sales); a coordinator whose scope covers it must decide it",
        problem);
  }

  @Test
  void aMenteeWithoutDepartmentIsOutsideADepartmentScope() {
    String problem = onlyProblem(check(ENG, row(5, "P4", "reject")));

    assertEquals(
        "line 5: proposal P4 is for a mentee in no department, outside eng's scope"
            + " (Engineering;Sales); a coordinator whose scope covers it must decide it",
        problem);
  }

  @Test
  void aRejectionIsOutOfScopeToo() {
    String problem = onlyProblem(check(ENG, row(2, "P3", "reject")));

    assertTrue(problem.startsWith("line 2: proposal P3 is for a mentee in Finance"), problem);
  }

  @Test
  void aProposalAlreadyDecidedDifferentlyInTheLedger() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN,
            PROPOSALS,
            Map.of("P1", new DecisionCheck.Recorded("approve", "all", "2024-06-02")),
            Map.of(),
            ENG,
            List.of(row(7, "P1", "reject")),
            TODAY);

    assertEquals(
        "line 7: proposal P1 was already approved by all on 2024-06-02; a decision cannot be"
            + " reversed here, talk to the pair instead",
        onlyProblem(plan));
    assertEquals(List.of(), plan.unchanged());
  }

  @Test
  void aRejectionInTheLedgerCannotBecomeAnApproval() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN,
            PROPOSALS,
            Map.of("P2", new DecisionCheck.Recorded("reject", "eng", "2024-06-01")),
            Map.of(),
            ENG,
            List.of(row(2, "P2", "approve")),
            TODAY);

    assertTrue(
        onlyProblem(plan)
            .startsWith("line 2: proposal P2 was already rejected by eng on 2024-06-01"),
        plan.problems().toString());
  }

  @Test
  void aProposalDecidedTwiceInTheFileWithDifferentWords() {
    String problem =
        onlyProblem(
            check(ENG, row(2, "P1", "approve"), row(3, "P2", "reject"), row(6, "P1", "reject")));

    assertEquals(
        "line 6: proposal P1 is decided twice in this file (approve at line 2, reject here);"
            + " keep one",
        problem);
  }

  @Test
  void aWithdrawnProposal() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN,
            PROPOSALS,
            Map.of(),
            Map.of("P2", "the mentor left the programme, run 2024-06-02"),
            ENG,
            List.of(row(2, "P1", "approve"), row(3, "P2", "approve")),
            TODAY);

    assertEquals(
        "line 3: proposal P2 was withdrawn (the mentor left the programme, run 2024-06-02); it"
            + " can no longer be decided",
        onlyProblem(plan));
  }

  @Test
  void anExpiredProposal() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN,
            PROPOSALS,
            Map.of(),
            Map.of(),
            ENG,
            List.of(row(2, "P1", "approve")),
            EXPIRES.plusDays(1));

    assertEquals(
        "line 2: proposal P1 expired on 2024-06-15 undecided and its mentor's place was released;"
            + " the next run may propose the mentee again",
        onlyProblem(plan));
  }

  @Test
  void theLastDayBeforeExpiryIsStillAllowed() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN, PROPOSALS, Map.of(), Map.of(), ENG, List.of(row(2, "P1", "approve")), EXPIRES);

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(1, plan.decisions().size());
  }

  @Test
  void severalProblemsAreAllListedInLineOrder() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN,
            PROPOSALS,
            Map.of(),
            Map.of(),
            ENG,
            List.of(
                row(2, "P1", "approve"),
                row(3, "P9", "approve"),
                row(4, "P2", "yes"),
                row(5, "P3", "reject"),
                row(6, "", "approve"),
                row(7, "P1", "reject")),
            TODAY);

    assertFalse(plan.valid());
    assertEquals(5, plan.problems().size(), plan.problems().toString());
    assertNothingPlannedForARefusedRow(plan);
    assertEquals(
        List.of(),
        plan.decisions().stream().map(d -> d.row().proposalId()).toList(),
        "P1 is decided twice: neither of its rows may be applied");
    List<String> lines = plan.problems().stream().map(p -> p.substring(0, p.indexOf(':'))).toList();
    assertEquals(List.of("line 3", "line 4", "line 5", "line 6", "line 7"), lines);
    assertTrue(plan.problems().get(0).contains("'P9' is not in run"));
    assertTrue(plan.problems().get(1).contains("'yes' is not a decision word"));
    assertTrue(plan.problems().get(2).contains("outside eng's scope"));
    assertTrue(plan.problems().get(3).contains("no proposal_id"));
    assertTrue(plan.problems().get(4).contains("decided twice"));
  }

  // --- valid files ---

  @Test
  void approvalsAndRejectionsArePlannedInFileOrder() {
    DecisionSheet.Row approve = row(2, "P1", "approve");
    DecisionSheet.Row reject = row(3, "P2", "reject");

    DecisionCheck.Plan plan = check(ENG, approve, reject);

    assertTrue(plan.valid());
    assertEquals(
        List.of(
            new DecisionCheck.Planned(approve, true, null),
            new DecisionCheck.Planned(reject, false, null)),
        plan.decisions());
    assertEquals(List.of(), plan.unchanged());
    assertEquals(0, plan.pending());
  }

  @Test
  void aStarCoordinatorMayDecideAnyDepartmentAndNone() {
    DecisionCheck.Plan plan = check(ALL, row(2, "P3", "approve"), row(3, "P4", "reject"));

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(2, plan.decisions().size());
  }

  @Test
  void aBlankDecisionIsCountedAsPending() {
    DecisionCheck.Plan plan =
        check(ENG, row(2, "P1", ""), row(3, "P2", "approve"), row(4, "P3", ""));

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(2, plan.pending());
    assertEquals(1, plan.decisions().size());
    assertEquals("P2", plan.decisions().get(0).row().proposalId());
  }

  @Test
  void theSameDecisionAsTheLedgerIsUnchangedNotPlannedAndNoProblem() {
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            RUN,
            PROPOSALS,
            Map.of("P1", new DecisionCheck.Recorded("approve", "eng", "2024-06-02")),
            Map.of(),
            ENG,
            List.of(row(2, "P1", "approve"), row(3, "P2", "reject")),
            TODAY);

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(List.of("P1"), plan.unchanged());
    assertEquals(1, plan.decisions().size());
    assertEquals("P2", plan.decisions().get(0).row().proposalId());
  }

  @Test
  void theSameProposalTwiceWithTheSameWordIsPlannedOnce() {
    DecisionSheet.Row first = row(2, "P1", "approve");

    DecisionCheck.Plan plan = check(ENG, first, row(3, "P1", "approve"));

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(List.of(new DecisionCheck.Planned(first, true, null)), plan.decisions());
  }

  @Test
  void theDraftUpToLineEndingsAndSurroundingBlanksIsNotAnEdit() {
    String roundTripped = "  \r\n" + DRAFT.replace("\n", "\r\n") + "\r\n\t ";
    String oldMac = DRAFT.replace("\n", "\r") + "\n";

    DecisionCheck.Plan plan =
        check(ENG, row(2, "P1", "approve", roundTripped), row(3, "P2", "approve", oldMac));

    assertTrue(plan.valid(), plan.problems().toString());
    assertNull(plan.decisions().get(0).editedIntroduction());
    assertNull(plan.decisions().get(1).editedIntroduction());
  }

  @Test
  void aChangedIntroductionOnAnApprovalIsTheEditStripped() {
    String edited = "\n  Hi Ana and Bo,\n\nYou both like Spark and Scala.\n\nThanks  \n";

    DecisionCheck.Plan plan = check(ENG, row(2, "P1", "approve", edited));

    assertTrue(plan.valid(), plan.problems().toString());
    assertEquals(
        "Hi Ana and Bo,\n\nYou both like Spark and Scala.\n\nThanks",
        plan.decisions().get(0).editedIntroduction());
  }

  @Test
  void anEditOnARejectionIsIgnored() {
    DecisionCheck.Plan plan = check(ENG, row(2, "P1", "reject", "Something else entirely"));

    assertTrue(plan.valid(), plan.problems().toString());
    assertFalse(plan.decisions().get(0).approve());
    assertNull(plan.decisions().get(0).editedIntroduction());
  }

  @Test
  void aBlankIntroductionIsNotAnEdit() {
    DecisionCheck.Plan plan = check(ENG, row(2, "P1", "approve", null));

    assertNull(plan.decisions().get(0).editedIntroduction());
  }
}
