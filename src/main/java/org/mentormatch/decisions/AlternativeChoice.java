package org.mentormatch.decisions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.SharedTopic;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.scoring.PairScorer;

/**
 * A coordinator's choice of one of a proposal's listed alternatives instead of the proposed mentor,
 * and whether it may be approved now.
 *
 * <p>It may when the mentor is listed among the proposal's alternatives (so the pair passed every
 * hard rule that night), the run kept what an introduction needs (their e-mail and places), the
 * pair was never rejected, and the mentor still has a free place: their places minus their approved
 * pairs and their live pending proposals (undecided, not withdrawn, not expired), counted as the
 * nightly job counts them. An approved pair counts even if one of its members has since left the
 * programme, which only the next nightly run can tell: the check errs on the side of never giving a
 * mentor more mentees than they offer. Checked under the home's lock, so no other decision can take
 * the place between the check and the ledger.
 */
public final class AlternativeChoice {
  private AlternativeChoice() {}

  /** The chosen mentor is fine: the pair and its redrafted introduction. */
  public record Chosen(Alternative mentor, String subject, String draft) {}

  /** The alternative {@code mentorId} of {@code p}, or null when it is not listed. */
  public static Alternative listed(Proposal p, String mentorId) {
    for (Alternative a : p.getAlternatives()) {
      if (a.getMentorId().equals(mentorId)) {
        return a;
      }
    }
    return null;
  }

  /** The subject and draft introduction for {@code p}'s mentee with {@code a} as mentor. */
  public static Chosen redraft(Proposal p, Alternative a) {
    List<PairScorer.Match> matches =
        a.getShared().stream()
            .map(
                (SharedTopic s) ->
                    new PairScorer.Match(s.getGoal(), s.getSkill(), s.getSimilarity(), s.getHow()))
            .toList();
    IntroductionWriter writer = new IntroductionWriter();
    IntroductionWriter.Facts facts =
        new IntroductionWriter.Facts(
            p.getMenteeName(),
            a.getMentorName(),
            matches,
            a.getSharedHours() == null ? 0 : (int) Math.round(a.getSharedHours()));
    return new Chosen(a, writer.subject(facts), writer.body(facts));
  }

  /**
   * The places {@code mentorId} has taken: approved pairs plus live pending proposals.
   *
   * @param ledger every decision recorded
   * @param proposals the proposals of every complete run
   * @param withdrawn proposals some run withdrew
   */
  public static int taken(
      String mentorId,
      List<Decision> ledger,
      List<Proposal> proposals,
      Set<String> withdrawn,
      LocalDate today) {
    Map<String, Decision> first = new java.util.LinkedHashMap<>();
    for (Decision d : ledger) {
      first.putIfAbsent(d.getProposalId(), d);
    }
    int n = 0;
    for (Decision d : first.values()) {
      if (d.getDecision() == DecisionKind.APPROVE && d.getMentorId().equals(mentorId)) {
        n++;
      }
    }
    for (Proposal p : proposals) {
      if (p.getMentorId().equals(mentorId)
          && !first.containsKey(p.getProposalId())
          && !withdrawn.contains(p.getProposalId())
          && !today.isAfter(LocalDate.parse(p.getExpiresOn()))) {
        n++;
      }
    }
    return n;
  }

  /**
   * Why {@code p}'s mentee may not be approved with alternative {@code mentorId} now, or null when
   * they may.
   *
   * @param chosenEarlier places of this mentor taken by earlier choices of the same request
   */
  public static String refusal(
      Proposal p,
      String mentorId,
      List<Decision> ledger,
      List<Proposal> proposals,
      Set<String> withdrawn,
      LocalDate today,
      int chosenEarlier) {
    Alternative a = listed(p, mentorId);
    if (a == null) {
      return mentorId
          + " is not one of the alternatives listed for proposal "
          + p.getProposalId()
          + "; choose one of those, or approve the proposed mentor";
    }
    if (a.getMentorEmail() == null || a.getPlaces() == null) {
      return "run "
          + p.getRunId()
          + " was written before alternatives kept their e-mail and places, so "
          + mentorId
          + " cannot be chosen here; approve or reject the proposed mentor";
    }
    for (Decision d : ledger) {
      if (d.getDecision() == DecisionKind.REJECT
          && d.getMenteeId().equals(p.getMenteeId())
          && d.getMentorId().equals(mentorId)) {
        return "this mentee's pair with "
            + mentorId
            + " was rejected by "
            + d.getCoordinatorId()
            + "; a rejected pair is never made";
      }
    }
    int taken = taken(mentorId, ledger, proposals, withdrawn, today) + chosenEarlier;
    if (taken >= a.getPlaces()) {
      return a.getMentorName()
          + " ("
          + mentorId
          + ") has no free place: "
          + a.getPlaces()
          + " offered, "
          + taken
          + " taken by approved pairs and pending proposals";
    }
    return null;
  }
}
