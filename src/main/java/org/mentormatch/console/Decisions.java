package org.mentormatch.console;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.mentormatch.UserError;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.decisions.Coordinators;
import org.mentormatch.decisions.DecisionCheck;
import org.mentormatch.decisions.DecisionSheet;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a console form into decisions and applies them with {@link ApprovalGate}, the path {@code
 * jobs/decide.sh} takes: same checks, same lock, same ledger and outbox. Each proposal is applied
 * or refused on its own, and the coordinator is told which and why.
 *
 * <p>A proposal id outside the coordinator's scope (or not in the run) is refused here, with the
 * same words as an unknown one, so a crafted form learns nothing about it; the service would refuse
 * it too. Requests from the console's own sessions are applied one at a time, so two coordinators
 * deciding the same proposal at once meet the same ledger in turn: the first wins and the second is
 * told.
 */
final class Decisions {
  private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);

  /** Longest introduction a coordinator may write (characters), as for a decisions file. */
  static final int MAX_INTRODUCTION = DecisionCheck.MAX_INTRODUCTION_CHARS;

  /** Longest note (characters), as for a decisions file. */
  static final int MAX_NOTE = DecisionCheck.MAX_NOTE_CHARS;

  /** The ledger's {@code decisions_file} of a decision taken in the console. */
  static final String SOURCE = "review-console";

  /** Most proposals decided by one request. */
  static final int MAX_SELECTED = 5_000;

  /** What the coordinator sees after deciding. */
  record Outcome(List<Line> applied, List<Line> unchanged, List<Line> refused) {}

  /** One proposal's outcome, in words. */
  record Line(String proposalId, String text) {}

  private final FileStore files;
  private final Home home;
  private final Clock clock;

  Decisions(FileStore files, Home home, Clock clock) {
    this.files = files;
    this.home = home;
    this.clock = clock;
  }

  /** An outcome that changed nothing, and why (a sentence ending in "nothing changed"). */
  private static Outcome nothingChanged(String why) {
    return new Outcome(List.of(), List.of(), List.of(new Line("", why)));
  }

  /** Applies the decision in {@code form} to the selected proposals of {@code view}. */
  synchronized Outcome decide(RunView view, Coordinators.Coordinator who, Form form)
      throws IOException {
    List<Line> refused = new ArrayList<>();
    for (String field : List.of("decision", "introduction", "note", "mentor")) {
      if (form.count(field) > 1) {
        // Which of them the coordinator meant is not for the console to guess.
        return nothingChanged(
            "the form gives more than one "
                + field
                + "; nothing changed. Decide again from the console's page");
      }
    }
    String decision = lower(form.one("decision"));
    Set<String> selected = new LinkedHashSet<>(form.all("proposal"));
    String note = blankToNull(form.one("note"));
    String introduction = blankToNull(form.one("introduction"));
    if (!DecisionCheck.APPROVE.equals(decision) && !DecisionCheck.REJECT.equals(decision)) {
      return nothingChanged("choose approve or reject; nothing changed");
    }
    if (selected.isEmpty()) {
      return nothingChanged("no proposal was selected; nothing changed");
    }
    if (selected.size() > MAX_SELECTED
        || (note != null && note.length() > MAX_NOTE)
        || (introduction != null && introduction.length() > MAX_INTRODUCTION)) {
      return nothingChanged(
          "too much at once: at most "
              + MAX_SELECTED
              + " proposals, a note of "
              + MAX_NOTE
              + " characters and an introduction of "
              + MAX_INTRODUCTION
              + "; nothing changed");
    }
    String mentor = blankToNull(form.one("mentor"));
    if (selected.size() != 1) {
      introduction = null; // an edited text belongs to one pair; bulk keeps each draft
      mentor = null; // so does a chosen alternative
    }
    Map<String, String> alternatives =
        mentor == null ? Map.of() : Map.of(selected.iterator().next(), mentor.strip());
    List<DecisionSheet.Row> rows = new ArrayList<>();
    long line = 0;
    for (String id : selected) {
      line++;
      if (view.item(id) == null) {
        refused.add(
            new Line(
                id, "there is no proposal " + id + " in run " + view.runId + " within your scope"));
        continue;
      }
      rows.add(new DecisionSheet.Row(line, id, decision, introduction, note));
    }
    if (rows.isEmpty()) {
      return new Outcome(List.of(), List.of(), refused);
    }
    ApprovalGate.Outcome done;
    try {
      done =
          new ApprovalGate(files, home, clock, "review.sh (coordinator " + who.id() + ")")
              .applyEach(
                  new ApprovalGate.Request(view.runId, who.id(), rows, SOURCE, alternatives));
    } catch (UserError e) {
      for (DecisionSheet.Row r : rows) {
        refused.add(new Line(r.proposalId(), e.getMessage()));
      }
      return new Outcome(List.of(), List.of(), refused);
    }
    for (String repaired : done.result().recovered()) {
      // What decide.sh prints as "recovered: ...": file names and ids, no member.
      LOG.info("review console: recovered: {}", repaired);
    }
    List<Line> applied = new ArrayList<>();
    for (Decision d : done.applied()) {
      RunView.Item i = view.item(d.getProposalId());
      boolean approve = d.getDecision() == DecisionKind.APPROVE;
      applied.add(
          new Line(
              d.getProposalId(),
              (approve ? "approved: " : "rejected: ")
                  + i.proposal().getMenteeName()
                  + " with "
                  + (d.getChosenInsteadOf() == null
                      ? i.proposal().getMentorName()
                      : chosenName(i, d.getMentorId()) + ", chosen instead of the proposed mentor")
                  + (approve ? " (the introduction is in the outbox)" : "")));
    }
    List<Line> unchanged = new ArrayList<>();
    if (!done.unchanged().isEmpty()) {
      RunView now = RunView.read(files, home, view.runId, who, today());
      for (String id : done.unchanged()) {
        RunView.Item i = now.item(id);
        unchanged.add(new Line(id, "already " + i.stateText() + "; nothing changed"));
      }
    }
    for (ApprovalGate.Refusal r : done.refused()) {
      refused.add(new Line(r.proposalId(), r.reason()));
    }
    LOG.info(
        "review console: {} applied {} decision(s), {} unchanged, {} refused",
        who.id(),
        applied.size(),
        unchanged.size(),
        refused.size());
    return new Outcome(applied, unchanged, refused);
  }

  private static String chosenName(RunView.Item i, String mentorId) {
    var a = org.mentormatch.decisions.AlternativeChoice.listed(i.proposal(), mentorId);
    return a == null ? mentorId : a.getMentorName();
  }

  private java.time.LocalDate today() {
    return clock.instant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
  }

  private static String lower(String s) {
    return s == null ? null : s.strip().toLowerCase(Locale.ROOT);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.replace("\r\n", "\n").replace('\r', '\n');
  }
}
