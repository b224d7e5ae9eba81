package org.mentormatch.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.ProposalStatus;
import org.mentormatch.avro.ScoreParts;
import org.mentormatch.avro.SharedTopic;

/** When a coordinator may approve a listed alternative instead of the proposed mentor. */
class AlternativeChoiceTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

  private static Proposal proposal(String id, String mentee, String mentor, String expires) {
    return Proposal.newBuilder()
        .setProposalId(id)
        .setRunId("2026-11-21")
        .setProposedOn("2026-11-21")
        .setExpiresOn(expires)
        .setMenteeId(mentee)
        .setMenteeName("Ana Lima")
        .setMenteeEmail("ana@example.org")
        .setMentorId(mentor)
        .setMentorName("Bo Berg")
        .setMentorEmail("bo@example.org")
        .setScore(0.8)
        .setScoreParts(new ScoreParts(0.8, 1.0, 1.0, 1.0))
        .setShared(List.of())
        .setReasons(List.of())
        .setAlternatives(
            List.of(
                Alternative.newBuilder()
                    .setMentorId("alt")
                    .setMentorName("Fay Free")
                    .setScore(0.7)
                    .setWhyNot("fits less well")
                    .setMentorEmail("fay@example.org")
                    .setPlaces(2)
                    .setShared(
                        List.of(
                            new SharedTopic("spark", "Spark streaming", 0.7, "similar meaning")))
                    .setSharedHours(6.0)
                    .build(),
                Alternative.newBuilder()
                    .setMentorId("old")
                    .setMentorName("Olle Old")
                    .setScore(0.6)
                    .setWhyNot("fits less well")
                    .build()))
        .setCluster(0)
        .setClusterLabel("")
        .setIntroductionSubject("s")
        .setIntroduction("d")
        .setStatus(ProposalStatus.PENDING)
        .build();
  }

  private static Decision decision(String proposal, String mentee, String mentor, boolean approve) {
    return Decision.newBuilder()
        .setProposalId(proposal)
        .setRunId("2026-11-21")
        .setMenteeId(mentee)
        .setMentorId(mentor)
        .setDecision(approve ? DecisionKind.APPROVE : DecisionKind.REJECT)
        .setCoordinatorId("eng")
        .setCoordinatorName("Eli Eng")
        .setDecidedAt(Instant.parse("2026-11-22T10:00:00Z"))
        .setDecisionsFile("f.csv")
        .setLine(2)
        .setApplicationId("a")
        .build();
  }

  private final Proposal ana = proposal("P-ana", "m-ana", "t-bo", "2026-12-05");

  @Test
  void placesAreTakenByApprovedPairsAndLivePendingProposalsOnly() {
    List<Proposal> runs =
        List.of(
            ana,
            proposal("P-live", "m-1", "alt", "2026-12-05"),
            proposal("P-expired", "m-2", "alt", "2026-11-22"),
            proposal("P-withdrawn", "m-3", "alt", "2026-12-05"),
            proposal("P-decided", "m-4", "alt", "2026-12-05"),
            proposal("P-approved", "m-5", "t-other", "2026-12-05"));
    List<Decision> ledger =
        List.of(
            decision("P-decided", "m-4", "alt", false),
            decision("P-approved", "m-5", "alt", true)); // chosen instead of t-other
    assertEquals(2, AlternativeChoice.taken("alt", ledger, runs, Set.of("P-withdrawn"), TODAY));
  }

  @Test
  void aListedMentorWithAFreePlaceMayBeChosen() {
    assertNull(AlternativeChoice.refusal(ana, "alt", List.of(), List.of(ana), Set.of(), TODAY, 0));
  }

  @Test
  void noFreePlaceCountingEarlierChoicesOfTheSameRequest() {
    List<Proposal> runs = List.of(ana, proposal("P-live", "m-1", "alt", "2026-12-05"));
    assertNull(AlternativeChoice.refusal(ana, "alt", List.of(), runs, Set.of(), TODAY, 0));
    String why = AlternativeChoice.refusal(ana, "alt", List.of(), runs, Set.of(), TODAY, 1);
    assertEquals(
        "Fay Free (alt) has no free place: 2 offered, 2 taken by approved pairs and pending"
            + " proposals",
        why);
  }

  @Test
  void onlyAListedMentorFromARunThatKeptTheirDetailsAndNeverARejectedPair() {
    assertTrue(
        AlternativeChoice.refusal(ana, "t-zed", List.of(), List.of(), Set.of(), TODAY, 0)
            .contains("not one of the alternatives listed"));
    assertTrue(
        AlternativeChoice.refusal(ana, "old", List.of(), List.of(), Set.of(), TODAY, 0)
            .contains("written before alternatives kept"));
    List<Decision> rejected = List.of(decision("P-earlier", "m-ana", "alt", false));
    assertTrue(
        AlternativeChoice.refusal(ana, "alt", rejected, List.of(), Set.of(), TODAY, 0)
            .contains("was rejected by eng"));
  }

  @Test
  void theRedraftIntroducesTheChosenMentorWithTheGoalsTheyCover() {
    AlternativeChoice.Chosen c =
        AlternativeChoice.redraft(ana, AlternativeChoice.listed(ana, "alt"));
    assertEquals("Mentoring introduction: Ana and Fay", c.subject());
    assertTrue(c.draft().startsWith("Hi Ana and Fay,"), c.draft());
    assertTrue(c.draft().contains("\"Spark streaming\""), c.draft());
  }

  @Test
  void theLedgerRecordOfAChosenMentorAloneRebuildsTheirIntroduction() {
    Coordinators.Coordinator eng =
        new Coordinators.Coordinator(
            "eng", "Eli Eng", "eli@example.org", "Engineering", Set.of("engineering"), false);
    DecisionCheck.Planned approve =
        new DecisionCheck.Planned(
            new DecisionSheet.Row(1, "P-ana", DecisionCheck.APPROVE, null, null), true, null);
    Decision d =
        DecisionRecords.decision(
            ana,
            approve,
            eng,
            Instant.parse("2026-11-23T10:00:00Z"),
            new DecisionRecords.Source("a", "review-console", 1),
            "alt");
    assertEquals("alt", d.getMentorId());
    assertEquals("t-bo", d.getChosenInsteadOf());

    // What crash recovery does: the introduction from the committed record and the proposal.
    org.mentormatch.avro.Introduction i = DecisionRecords.introduction(ana, d);
    assertEquals("alt", i.getMentorId());
    assertEquals("Fay Free", i.getMentorName());
    assertEquals("fay@example.org", i.getMentorEmail());
    assertEquals("Mentoring introduction: Ana and Fay", i.getSubject());
    assertTrue(i.getBody().startsWith("Hi Ana and Fay,"), i.getBody());
    assertTrue(i.getBody().endsWith("confirmed by Eli Eng, programme coordinator."), i.getBody());

    Decision asProposed =
        DecisionRecords.decision(
            ana,
            approve,
            eng,
            Instant.parse("2026-11-23T10:00:00Z"),
            new DecisionRecords.Source("a", "review-console", 1));
    assertNull(asProposed.getChosenInsteadOf());
    assertEquals("bo@example.org", DecisionRecords.introduction(ana, asProposed).getMentorEmail());
  }
}
