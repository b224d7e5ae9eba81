package org.mentormatch.decisions;

import java.time.Instant;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;
import org.mentormatch.introductions.IntroductionWriter;

/**
 * Builds the ledger's {@code Decision} records and the outbox's {@code Introduction} records.
 *
 * <p>An approved introduction is a function of its ledger record and the proposal alone, so crash
 * recovery can rebuild it from what the ledger committed instead of trusting a file it finds.
 */
public final class DecisionRecords {
  private DecisionRecords() {}

  /** Where a decision came from: the application, its file and the line in it. */
  public record Source(String applicationId, String decisionsFile, long line) {}

  /**
   * The ledger record of {@code decision} on {@code proposal}, taken by {@code who} at {@code at}.
   */
  public static Decision decision(
      Proposal proposal,
      DecisionCheck.Planned decision,
      Coordinators.Coordinator who,
      Instant at,
      Source source) {
    return decision(proposal, decision, who, at, source, null);
  }

  /**
   * The same, for an approval of the listed alternative {@code chosenMentorId} instead of the
   * proposed mentor (null for the pair as proposed): the record names the chosen mentor and keeps
   * the proposed one in {@code chosen_instead_of}.
   */
  public static Decision decision(
      Proposal proposal,
      DecisionCheck.Planned decision,
      Coordinators.Coordinator who,
      Instant at,
      Source source,
      String chosenMentorId) {
    return Decision.newBuilder()
        .setProposalId(proposal.getProposalId())
        .setRunId(proposal.getRunId())
        .setMenteeId(proposal.getMenteeId())
        .setMentorId(chosenMentorId == null ? proposal.getMentorId() : chosenMentorId)
        .setChosenInsteadOf(chosenMentorId == null ? null : proposal.getMentorId())
        .setDecision(decision.approve() ? DecisionKind.APPROVE : DecisionKind.REJECT)
        .setCoordinatorId(who.id())
        .setCoordinatorName(who.name())
        .setDecidedAt(at)
        .setNote(decision.row().note())
        .setEditedIntroduction(decision.editedIntroduction())
        .setDecisionsFile(source.decisionsFile())
        .setLine(source.line())
        .setApplicationId(source.applicationId())
        .build();
  }

  /**
   * The introduction an approval sends: the coordinator's text if they edited it, else the draft,
   * ending with the confirmation naming them; approver and time are the ledger record's. When the
   * coordinator chose a listed alternative ({@code chosen_instead_of}), it introduces the mentee to
   * that mentor, with the draft redrafted for them ({@link AlternativeChoice#redraft}): still a
   * function of the ledger record and the proposal alone.
   *
   * @throws IllegalArgumentException if {@code approval} is not an approval of {@code proposal}
   */
  public static Introduction introduction(Proposal proposal, Decision approval) {
    if (approval.getDecision() != DecisionKind.APPROVE
        || !approval.getProposalId().equals(proposal.getProposalId())
        || !approval.getRunId().equals(proposal.getRunId())) {
      throw new IllegalArgumentException(
          "not an approval of proposal " + proposal.getProposalId() + ": " + approval);
    }
    AlternativeChoice.Chosen other = null;
    if (approval.getChosenInsteadOf() != null) {
      Alternative a = AlternativeChoice.listed(proposal, approval.getMentorId());
      if (a == null || a.getMentorEmail() == null) {
        throw new IllegalArgumentException(
            "approval of proposal "
                + proposal.getProposalId()
                + " names mentor "
                + approval.getMentorId()
                + ", who is not a listed alternative with an e-mail");
      }
      other = AlternativeChoice.redraft(proposal, a);
    }
    String text =
        approval.getEditedIntroduction() != null
            ? approval.getEditedIntroduction()
            : other == null ? proposal.getIntroduction() : other.draft();
    return Introduction.newBuilder()
        .setProposalId(proposal.getProposalId())
        .setRunId(proposal.getRunId())
        .setMenteeId(proposal.getMenteeId())
        .setMenteeName(proposal.getMenteeName())
        .setMenteeEmail(proposal.getMenteeEmail())
        .setMentorId(other == null ? proposal.getMentorId() : other.mentor().getMentorId())
        .setMentorName(other == null ? proposal.getMentorName() : other.mentor().getMentorName())
        .setMentorEmail(other == null ? proposal.getMentorEmail() : other.mentor().getMentorEmail())
        .setSubject(other == null ? proposal.getIntroductionSubject() : other.subject())
        .setBody(IntroductionWriter.confirmed(text, approval.getCoordinatorName()))
        .setApprovedBy(approval.getCoordinatorId())
        .setApprovedByName(approval.getCoordinatorName())
        .setApprovedAt(approval.getDecidedAt())
        .build();
  }
}
