package org.mentormatch.decisions;

import java.time.Instant;
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
    return Decision.newBuilder()
        .setProposalId(proposal.getProposalId())
        .setRunId(proposal.getRunId())
        .setMenteeId(proposal.getMenteeId())
        .setMentorId(proposal.getMentorId())
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
   * ending with the confirmation naming them; approver and time are the ledger record's.
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
    String text =
        approval.getEditedIntroduction() != null
            ? approval.getEditedIntroduction()
            : proposal.getIntroduction();
    return Introduction.newBuilder()
        .setProposalId(proposal.getProposalId())
        .setRunId(proposal.getRunId())
        .setMenteeId(proposal.getMenteeId())
        .setMenteeName(proposal.getMenteeName())
        .setMenteeEmail(proposal.getMenteeEmail())
        .setMentorId(proposal.getMentorId())
        .setMentorName(proposal.getMentorName())
        .setMentorEmail(proposal.getMentorEmail())
        .setSubject(proposal.getIntroductionSubject())
        .setBody(IntroductionWriter.confirmed(text, approval.getCoordinatorName()))
        .setApprovedBy(approval.getCoordinatorId())
        .setApprovedByName(approval.getCoordinatorName())
        .setApprovedAt(approval.getDecidedAt())
        .build();
  }
}
