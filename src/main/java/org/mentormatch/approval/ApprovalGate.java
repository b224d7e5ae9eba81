package org.mentormatch.approval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;
import org.mentormatch.decisions.AlternativeChoice;
import org.mentormatch.decisions.Coordinators;
import org.mentormatch.decisions.DecisionCheck;
import org.mentormatch.decisions.DecisionRecords;
import org.mentormatch.decisions.DecisionSheet;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.HomeLock;

/**
 * The one way a coordinator's decisions reach a programme: checked whole against the run, the
 * ledger and the coordinator's scope under the home's lock, then recorded in the ledger and, for
 * approvals, published to the outbox, all or nothing. {@code decide.sh} and the review console both
 * come through here.
 *
 * <p>Everything that decides scope or approval is read from the home's own files: the run by its
 * {@link RunId} (never a path), {@code coordinators.csv}, the ledger, and the withdrawals of the
 * home's complete runs.
 */
public final class ApprovalGate {
  private final FileStore files;
  private final Home home;
  private final Clock clock;
  private final String command;

  /**
   * The gate of the programme at {@code home}; {@code clock} dates the decisions, and {@code
   * command} names the caller to another command that finds the home locked.
   */
  public ApprovalGate(FileStore files, Home home, Clock clock, String command) {
    this.files = files;
    this.home = home;
    this.clock = clock;
    this.command = command;
  }

  /**
   * What a coordinator asks: decisions on rows of one run.
   *
   * @param source the name of the decisions file (or form) the rows came from, for the ledger
   * @param alternatives for an approval of one of the proposal's listed alternatives instead of the
   *     proposed mentor (the review console): the chosen mentor's member_id by proposal id; see
   *     {@link AlternativeChoice}
   */
  public record Request(
      RunId run,
      String coordinatorId,
      List<DecisionSheet.Row> rows,
      String source,
      Map<String, String> alternatives) {
    /** Decisions on the proposals as proposed (decide.sh). */
    public Request(RunId run, String coordinatorId, List<DecisionSheet.Row> rows, String source) {
      this(run, coordinatorId, rows, source, Map.of());
    }

    public Request {
      alternatives = Map.copyOf(alternatives);
    }
  }

  /** What an application did; {@code applicationId} is null when there was nothing new. */
  public record Result(
      String applicationId,
      int approved,
      int rejected,
      int unchanged,
      int pending,
      List<String> recovered) {}

  /** A row refused by {@link #applyEach}, and why (the reason says what to do). */
  public record Refusal(String proposalId, long line, String reason) {}

  /**
   * What {@link #applyEach} did: the decisions recorded (in row order), the proposals already
   * decided the same way, and the rows refused.
   */
  public record Outcome(
      Result result, List<Decision> applied, List<String> unchanged, List<Refusal> refused) {}

  /** The request was refused as a whole: nothing was applied. */
  public static final class Refused extends UserError {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    Refused(String source, List<String> problems) {
      super(
          problems.size()
              + " problem(s) in "
              + source
              + "; nothing was applied:\n  "
              + String.join("\n  ", problems)
              + "\nFix them (or clear those rows' decision cells) and run decide.sh again.");
      this.problems = List.copyOf(problems);
    }

    /** Every problem, each starting with the line it is on. */
    public List<String> problems() {
      return problems;
    }
  }

  /**
   * Checks and applies {@code request} under the home's lock.
   *
   * @throws Refused listing every problem; then nothing was applied
   * @throws UserError when the home, the run or the coordinator cannot be used
   */
  public Result apply(Request request) throws IOException {
    return applyChecked(request, true).result();
  }

  /**
   * Checks every row of {@code request} as {@link #apply} does, under the same lock, and applies
   * the valid ones as one application; the others are refused, each with its reason. For the review
   * console, where a coordinator decides a selection and is told which were applied.
   *
   * @throws UserError when the home, the run or the coordinator cannot be used
   */
  public Outcome applyEach(Request request) throws IOException {
    return applyChecked(request, false);
  }

  private Outcome applyChecked(Request request, boolean allOrNone) throws IOException {
    if (!files.exists(home.root())) {
      throw new UserError(
          "there is no programme home at "
              + home.root()
              + "; pass the --home that jobs/match.sh wrote its runs to.");
    }
    try (HomeLock lock = HomeLock.acquire(files, home, command + " --run-id " + request.run())) {
      return applyLocked(request, lock.recovered(), allOrNone);
    }
  }

  /** Reads the coordinator {@code id} from the home's {@code coordinators.csv}. */
  public Coordinators.Coordinator coordinator(String id) throws IOException {
    return coordinators(files, home).get(id, home.coordinators().toString());
  }

  /**
   * Reads the home's {@code coordinators.csv}, or says how to create it; a link there is refused,
   * since the file sets every coordinator's scope.
   */
  public static Coordinators coordinators(FileStore files, Home home) throws IOException {
    files.refuseLinksBelow(home.root(), home.coordinators());
    if (!files.exists(home.coordinators())) {
      throw new UserError(
          "no coordinators file at "
              + home.coordinators()
              + "; create it with the columns coordinator_id,name,email,scope (see"
              + " data/sample/coordinators.csv).");
    }
    try (Reader r = files.openText(home.coordinators())) {
      return Coordinators.parse(r, home.coordinators().toString());
    }
  }

  /** The proposals of a complete run of this home, refusing anything else. */
  public List<Proposal> proposals(RunId run) throws IOException {
    Path dir = home.run(run);
    if (!files.exists(dir)) {
      throw new UserError(
          "there is no run '"
              + run
              + "' under "
              + home.runs()
              + "; pass the --run-id of a run jobs/match.sh wrote there.");
    }
    if (files.isSymlink(dir)) {
      throw new UserError(
          dir
              + " is a symbolic link, not a run jobs/match.sh wrote in this home; decisions are"
              + " taken only on the home's own runs. Nothing was changed.");
    }
    Path proposals = new Path(dir, "proposals");
    List<Path> linked = new ArrayList<>();
    if (files.isSymlink(proposals)) {
      linked.add(proposals);
    } else if (files.exists(proposals)) {
      for (Path p : files.list(proposals)) {
        if (files.isSymlink(p)) {
          linked.add(p);
        }
      }
    }
    if (!linked.isEmpty()) {
      // A link inside the run would let files outside the home decide scope, as a linked run would.
      throw new UserError(
          linked.get(0)
              + " is a symbolic link, not a file jobs/match.sh wrote in this home; decisions are"
              + " taken only on the home's own runs. Nothing was changed.");
    }
    if (!files.exists(new Path(dir, Home.SUCCESS))) {
      throw new UserError(
          "run "
              + run
              + " is not complete (it has no _SUCCESS): it is still being written"
              + " or it failed. Run jobs/match.sh for it again before deciding.");
    }
    return new DecisionStore(files, home).proposals(run);
  }

  private Outcome applyLocked(Request request, List<String> recovered, boolean allOrNone)
      throws IOException {
    DecisionStore store = new DecisionStore(files, home);
    List<Proposal> runProposals = proposals(request.run());
    Coordinators.Coordinator who = coordinator(request.coordinatorId());

    Map<String, Proposal> proposals = new LinkedHashMap<>();
    Map<String, DecisionCheck.Proposal> checkable = new LinkedHashMap<>();
    for (Proposal p : runProposals) {
      proposals.put(p.getProposalId(), p);
      String other = request.alternatives().get(p.getProposalId());
      Alternative a = other == null ? null : AlternativeChoice.listed(p, other);
      checkable.put(
          p.getProposalId(),
          new DecisionCheck.Proposal(
              p.getProposalId(),
              p.getMenteeDepartment(),
              // an edit is judged against the draft for the pair the coordinator chose
              a == null ? p.getIntroduction() : AlternativeChoice.redraft(p, a).draft(),
              LocalDate.parse(p.getExpiresOn())));
    }
    List<Decision> recorded = store.ledger();
    Map<String, DecisionCheck.Recorded> ledger = new LinkedHashMap<>();
    for (Decision d : recorded) {
      ledger.putIfAbsent(
          d.getProposalId(),
          new DecisionCheck.Recorded(
              d.getDecision() == DecisionKind.APPROVE
                  ? DecisionCheck.APPROVE
                  : DecisionCheck.REJECT,
              d.getCoordinatorId(),
              d.getDecidedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString()));
    }
    Instant now = clock.instant();
    LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
    Map<String, String> withdrawn = store.withdrawn();
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            request.run().value(), checkable, ledger, withdrawn, who, request.rows(), today);
    if (allOrNone && !plan.valid()) {
      throw new Refused(request.source(), plan.problems());
    }
    List<Refusal> refused = new ArrayList<>();
    for (DecisionCheck.Problem p : plan.refused()) {
      refused.add(new Refusal(p.row().proposalId(), p.row().line(), p.reason()));
    }
    List<DecisionCheck.Planned> planned = plan.decisions();
    if (!request.alternatives().isEmpty()) {
      planned =
          withFreeAlternatives(
              request, planned, proposals, recorded, withdrawn, today, allOrNone, refused);
    }

    String id = applicationId(now, request);
    List<Decision> decided = new ArrayList<>();
    List<Introduction> introductions = new ArrayList<>();
    for (DecisionCheck.Planned d : planned) {
      Proposal p = proposals.get(d.row().proposalId());
      Decision decision =
          DecisionRecords.decision(
              p,
              d,
              who,
              now,
              new DecisionRecords.Source(id, new Path(request.source()).getName(), d.row().line()),
              d.approve() ? request.alternatives().get(p.getProposalId()) : null);
      decided.add(decision);
      if (d.approve()) {
        introductions.add(DecisionRecords.introduction(p, decision));
      }
    }
    if (!decided.isEmpty()) {
      store.apply(id, request.run(), decided, introductions);
    }
    Result result =
        new Result(
            decided.isEmpty() ? null : id,
            introductions.size(),
            decided.size() - introductions.size(),
            plan.unchanged().size(),
            plan.pending(),
            recovered);
    return new Outcome(result, List.copyOf(decided), plan.unchanged(), List.copyOf(refused));
  }

  /**
   * {@code planned} less the approvals of an alternative that may not be approved now, each refused
   * with its reason (or, all or none, the whole request); a place taken by one choice counts for
   * the next.
   */
  private List<DecisionCheck.Planned> withFreeAlternatives(
      Request request,
      List<DecisionCheck.Planned> planned,
      Map<String, Proposal> proposals,
      List<Decision> recorded,
      Map<String, String> withdrawn,
      LocalDate today,
      boolean allOrNone,
      List<Refusal> refused)
      throws IOException {
    DecisionStore store = new DecisionStore(files, home);
    List<Proposal> everyRun = new ArrayList<>();
    for (RunId run : home.completeRuns(files)) {
      everyRun.addAll(store.proposals(run));
    }
    Map<String, Integer> chosenNow = new LinkedHashMap<>();
    List<DecisionCheck.Planned> kept = new ArrayList<>();
    for (DecisionCheck.Planned d : planned) {
      Proposal p = proposals.get(d.row().proposalId());
      String other = request.alternatives().get(p.getProposalId());
      if (other == null) {
        kept.add(d);
        continue;
      }
      String why =
          d.approve()
              ? AlternativeChoice.refusal(
                  p,
                  other,
                  recorded,
                  everyRun,
                  withdrawn.keySet(),
                  today,
                  chosenNow.getOrDefault(other, 0))
              : "another mentor can only be chosen to approve; reject the proposal as it is";
      if (why != null) {
        if (allOrNone) {
          throw new Refused(request.source(), List.of("line " + d.row().line() + ": " + why));
        }
        refused.add(new Refusal(p.getProposalId(), d.row().line(), why));
        continue;
      }
      chosenNow.merge(other, 1, Integer::sum);
      kept.add(d);
    }
    return kept;
  }

  private static String applicationId(Instant now, Request r) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (r.run() + "|" + r.coordinatorId() + "|" + now).getBytes(StandardCharsets.UTF_8));
      for (DecisionSheet.Row row : r.rows()) {
        digest.update(
            (row.proposalId() + "|" + row.decision() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      String stamp =
          DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
              .withZone(ZoneOffset.UTC)
              .format(now);
      return "decisions-" + stamp + "-" + HexFormat.of().formatHex(digest.digest(), 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
