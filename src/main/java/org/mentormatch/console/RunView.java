package org.mentormatch.console;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mentormatch.RunId;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Proposal;
import org.mentormatch.decisions.Coordinators;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;

/**
 * One run's proposals as one coordinator may see them: only those whose mentee's department their
 * scope covers, each with its state (pending, approved, rejected, expired or withdrawn).
 *
 * <p>Read fresh for every page, without the home's lock: the ledger and runs are only ever
 * published by renaming complete files into place, so a reader sees each application whole or not
 * at all.
 */
final class RunView {
  /** Where a proposal stands. */
  enum State {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected"),
    EXPIRED("expired"),
    WITHDRAWN("withdrawn");

    final String word;

    State(String word) {
      this.word = word;
    }
  }

  /** A proposal in scope, where it stands, and in words why. */
  record Item(Proposal proposal, State state, String stateText, Decision decision) {
    /** Whether a coordinator can still decide it. */
    boolean decidable() {
      return state == State.PENDING;
    }

    String department() {
      String d = proposal.getMenteeDepartment();
      return d == null || d.isBlank() ? "" : d;
    }
  }

  final RunId runId;
  final List<Item> items;

  private RunView(RunId runId, List<Item> items) {
    this.runId = runId;
    this.items = items;
  }

  /** The home's complete runs, newest (greatest id) first. */
  static List<RunId> completeRuns(FileStore files, Home home) throws IOException {
    List<RunId> out = new ArrayList<>(home.completeRuns(files));
    out.sort(Comparator.reverseOrder());
    return out;
  }

  /** The run {@code name} if it is a complete run of the home. */
  static Optional<RunId> run(FileStore files, Home home, String name) throws IOException {
    Optional<RunId> id = RunId.ofName(name);
    return id.isPresent() && home.completeRuns(files).contains(id.get()) ? id : Optional.empty();
  }

  /** The run's proposals in {@code who}'s scope, as of {@code today}, in the run's order. */
  static RunView read(
      FileStore files, Home home, RunId runId, Coordinators.Coordinator who, LocalDate today)
      throws IOException {
    DecisionStore store = new DecisionStore(files, home);
    Map<String, Decision> decided = new LinkedHashMap<>();
    for (Decision d : store.ledger()) {
      decided.putIfAbsent(d.getProposalId(), d);
    }
    Map<String, String> withdrawn = store.withdrawn();
    List<Item> items = new ArrayList<>();
    // Read as the approval gate reads them: the home's own complete run, never a link.
    for (Proposal p : gate(files, home).proposals(runId)) {
      if (!who.covers(p.getMenteeDepartment())) {
        continue;
      }
      Decision d = decided.get(p.getProposalId());
      if (d != null) {
        boolean approve = d.getDecision() == DecisionKind.APPROVE;
        items.add(
            new Item(
                p,
                approve ? State.APPROVED : State.REJECTED,
                (approve ? "approved" : "rejected")
                    + (d.getChosenInsteadOf() == null
                        ? ""
                        : " with another listed mentor (" + d.getMentorId() + ")")
                    + " by "
                    + d.getCoordinatorName()
                    + " ("
                    + d.getCoordinatorId()
                    + ") on "
                    + d.getDecidedAt().toString().substring(0, 10),
                d));
      } else if (withdrawn.containsKey(p.getProposalId())) {
        items.add(
            new Item(
                p,
                State.WITHDRAWN,
                "withdrawn: " + withdrawn.get(p.getProposalId()) + "; it can no longer be decided",
                null));
      } else if (today.isAfter(LocalDate.parse(p.getExpiresOn()))) {
        items.add(
            new Item(
                p,
                State.EXPIRED,
                "expired on " + p.getExpiresOn() + " undecided; it can no longer be decided",
                null));
      } else {
        items.add(new Item(p, State.PENDING, "pending until " + p.getExpiresOn(), null));
      }
    }
    return new RunView(runId, List.copyOf(items));
  }

  private static ApprovalGate gate(FileStore files, Home home) {
    // Only reads proposals here; the clock dates decisions, which this gate never takes.
    return new ApprovalGate(files, home, java.time.Clock.systemUTC(), "review.sh");
  }

  /** The proposal {@code id} if it is in this view (and so in scope). */
  Item item(String id) {
    for (Item i : items) {
      if (i.proposal().getProposalId().equals(id)) {
        return i;
      }
    }
    return null;
  }
}
