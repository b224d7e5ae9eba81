package org.mentormatch.decisions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mentormatch.text.CellText;

/**
 * Checks a whole decisions file against the run, the ledger and the coordinator's scope, and says
 * what applying it would change: every valid decision not yet recorded, or every problem.
 *
 * <p>A file with any problem changes nothing. A row whose decision is blank is left pending. A row
 * repeating a decision already in the ledger changes nothing (so a file can be applied twice).
 */
public final class DecisionCheck {
  /** The decision words a coordinator writes. */
  public static final String APPROVE = "approve";

  public static final String REJECT = "reject";

  /** Longest introduction a coordinator may write, in characters. */
  public static final int MAX_INTRODUCTION_CHARS = 10_000;

  /** Longest note a coordinator may write, in characters. */
  public static final int MAX_NOTE_CHARS = 2_000;

  /** A value safe to repeat in a message: an id or a word, never a name or an address. */
  private static final Pattern ECHOABLE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

  private DecisionCheck() {}

  /** What decide needs to know about one proposal of the run. */
  public record Proposal(
      String proposalId, String menteeDepartment, String draftIntroduction, LocalDate expiresOn) {}

  /** A decision already in the ledger. */
  public record Recorded(String decision, String coordinatorId, String decidedOn) {}

  /** A decision to record: the row it came from and, for an approval, the text to send. */
  public record Planned(DecisionSheet.Row row, boolean approve, String editedIntroduction) {}

  /** A row that cannot be applied, and why (a sentence saying what to do). */
  public record Problem(DecisionSheet.Row row, String reason) {
    /** The problem as a decisions file's user reads it: "line N: reason". */
    public String text() {
      return "line " + row.line() + ": " + reason;
    }
  }

  /**
   * The outcome: decisions to record, rows left alone (and why), and rows refused.
   *
   * @param decisions every valid decision not yet recorded
   * @param refused rows with a problem
   * @param unchanged proposals already recorded the same way
   * @param pending rows without a decision
   */
  public record Plan(
      List<Planned> decisions, List<Problem> refused, List<String> unchanged, int pending) {
    /** Whether the whole file may be applied. */
    public boolean valid() {
      return refused.isEmpty();
    }

    /** Every problem, "line N: reason", in file order. */
    public List<String> problems() {
      return refused.stream().map(Problem::text).toList();
    }
  }

  /**
   * Checks {@code rows}.
   *
   * @param runId the run being decided
   * @param proposals the run's proposals by id
   * @param ledger decisions already recorded, by proposal id
   * @param withdrawn proposals a later run withdrew, with the reason
   * @param today the date the decisions take effect
   */
  public static Plan check(
      String runId,
      Map<String, Proposal> proposals,
      Map<String, Recorded> ledger,
      Map<String, String> withdrawn,
      Coordinators.Coordinator coordinator,
      List<DecisionSheet.Row> rows,
      LocalDate today) {
    List<Problem> refused = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    Map<String, Planned> planned = new LinkedHashMap<>();
    Map<String, DecisionSheet.Row> decidedAt = new LinkedHashMap<>();
    int pending = 0;
    for (DecisionSheet.Row row : rows) {
      String id = row.proposalId();
      Proposal p = proposals.get(id);
      if (row.decision().isEmpty()) {
        if (p == null && !id.isEmpty()) {
          refused.add(new Problem(row, unknown(id, runId)));
        } else {
          pending++;
        }
        continue;
      }
      if (!Set.of(APPROVE, REJECT).contains(row.decision())) {
        refused.add(
            new Problem(
                row,
                "decision "
                    + shown(row.decision())
                    + " is not a decision word; write approve or reject, or leave it blank to decide"
                    + " later"));
        continue;
      }
      if (p == null) {
        refused.add(
            new Problem(
                row,
                (id.isEmpty() ? "no proposal_id" : unknown(id, runId))
                    + "; decide from that run's review.csv without changing its proposal_id column"));
        continue;
      }
      String text = textProblem(row);
      if (text != null) {
        refused.add(new Problem(row, "proposal " + id + ": " + text));
        continue;
      }
      boolean approve = row.decision().equals(APPROVE);
      DecisionSheet.Row earlier = decidedAt.putIfAbsent(id, row);
      if (earlier != null) {
        boolean conflicting =
            !earlier.decision().equals(row.decision())
                || !(same(earlier.introduction(), row.introduction())
                    && same(earlier.note(), row.note()));
        if (conflicting) {
          // Neither row says what the coordinator meant, so a row-by-row apply keeps neither.
          planned.remove(id);
        }
        if (earlier.decision().equals(row.decision())
            && !(same(earlier.introduction(), row.introduction())
                && same(earlier.note(), row.note()))) {
          refused.add(
              new Problem(
                  row,
                  "proposal "
                      + id
                      + " is also on line "
                      + earlier.line()
                      + " with a different introduction or note; keep one row"));
        } else if (!earlier.decision().equals(row.decision())) {
          refused.add(
              new Problem(
                  row,
                  "proposal "
                      + id
                      + " is decided twice in this file ("
                      + earlier.decision()
                      + " at line "
                      + earlier.line()
                      + ", "
                      + row.decision()
                      + " here); keep one"));
        }
        continue;
      }
      if (!coordinator.covers(p.menteeDepartment())) {
        refused.add(
            new Problem(
                row,
                "proposal "
                    + id
                    + " is for a mentee in "
                    + (p.menteeDepartment() == null ? "no department" : p.menteeDepartment())
                    + ", outside "
                    + coordinator.id()
                    + "'s scope ("
                    + coordinator.scope()
                    + "); a coordinator whose scope covers it must decide it"));
        continue;
      }
      Recorded before = ledger.get(id);
      if (before != null) {
        if (before.decision().equals(row.decision())) {
          unchanged.add(id);
        } else {
          refused.add(
              new Problem(
                  row,
                  "proposal "
                      + id
                      + " was already "
                      + (before.decision().equals(APPROVE) ? "approved" : "rejected")
                      + " by "
                      + before.coordinatorId()
                      + " on "
                      + before.decidedOn()
                      + "; a decision cannot be reversed here, talk to the pair instead"));
        }
        continue;
      }
      String reason = withdrawn.get(id);
      if (reason != null) {
        refused.add(
            new Problem(
                row,
                "proposal " + id + " was withdrawn (" + reason + "); it can no longer be decided"));
        continue;
      }
      if (today.isAfter(p.expiresOn())) {
        refused.add(
            new Problem(
                row,
                "proposal "
                    + id
                    + " expired on "
                    + p.expiresOn()
                    + " undecided and its mentor's place was released; the next run may propose"
                    + " the mentee again"));
        continue;
      }
      String edited =
          approve && row.introduction() != null && !same(row.introduction(), p.draftIntroduction())
              ? row.introduction().strip()
              : null;
      planned.put(id, new Planned(row, approve, edited));
    }
    return new Plan(
        List.copyOf(planned.values()), List.copyOf(refused), List.copyOf(unchanged), pending);
  }

  /** Why a row's own text cannot be recorded or sent, or null. */
  private static String textProblem(DecisionSheet.Row row) {
    for (String[] cell :
        new String[][] {{"introduction", row.introduction()}, {"note", row.note()}}) {
      if (cell[1] == null) {
        continue;
      }
      int max = cell[0].equals("note") ? MAX_NOTE_CHARS : MAX_INTRODUCTION_CHARS;
      if (cell[1].length() > max) {
        return "the " + cell[0] + " has " + cell[1].length() + " characters; the most is " + max;
      }
      String bad = CellText.problem(cell[1], true);
      if (bad != null) {
        return "the " + cell[0] + " holds " + bad + "; retype that part";
      }
    }
    return null;
  }

  private static String unknown(String id, String runId) {
    return "proposal " + shown(id) + " is not in run " + runId;
  }

  /**
   * {@code value} quoted if it is an id or a word; otherwise only its length. A sheet whose columns
   * were shifted holds names and addresses where ids belong, and those never go into a message.
   */
  private static String shown(String value) {
    return ECHOABLE.matcher(value).matches()
        ? "'" + value + "'"
        : "(a " + value.length() + "-character value; are the columns shifted?)";
  }

  /** Equal up to line endings and surrounding blanks, as a spreadsheet round trip leaves text. */
  private static boolean same(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String s) {
    return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').strip();
  }
}
