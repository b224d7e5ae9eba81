package org.mentormatch.jobs;

import java.io.IOException;
import java.io.PrintStream;
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
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.mentormatch.UserError;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;
import org.mentormatch.decisions.Coordinators;
import org.mentormatch.decisions.DecisionCheck;
import org.mentormatch.decisions.DecisionSheet;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.HomeLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jobs/decide.sh}: a coordinator's decisions on a run's proposals, applied all or none. */
@Command(
    name = "decide.sh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Applies a coordinator's decisions (the run's review.csv with the decision column filled"
          + " in: approve or reject, blank to decide later) to the programme at --home. The whole"
          + " file is checked first: any problem is listed with its line and nothing changes."
          + " Decisions go to <home>/ledger/; approved introductions, with the coordinator's"
          + " edited text if any, go to <home>/outbox/<run-id>/introductions/ for the mailer."
          + " Applying the same file twice changes nothing the second time.",
      "Works on the driver alone: a review sheet is small, so no Spark is started."
    })
public final class DecideJob implements Callable<Integer> {
  @Option(names = "--run-id", required = true, paramLabel = "ID", description = "The run decided.")
  String runId;

  @Option(
      names = "--decisions",
      required = true,
      paramLabel = "FILE",
      description = "The filled-in review sheet.")
  String decisions;

  @Option(
      names = "--coordinator",
      required = true,
      paramLabel = "ID",
      description = "Who decides (a coordinator_id of <home>/coordinators.csv).")
  String coordinator;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Programme home directory (default: var in the project).")
  String home = ProjectPaths.resolve("var");

  // Scripts that pass the same Spark flags to every command keep working; decide.sh starts no
  // Spark.
  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Accepted like the other commands' and ignored: decide.sh starts no Spark.")
  String master;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "Accepted like the other commands' and ignored: decide.sh starts no Spark.")
  List<String> sparkSettings;

  /** What one application reads. */
  public record Options(String home, String runId, String decisions, String coordinator) {}

  /** What an application did. */
  public record Result(
      String applicationId,
      int approved,
      int rejected,
      int unchanged,
      int pending,
      List<String> recovered) {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Commands.exit(new DecideJob(), args);
  }

  @Override
  public Integer call() {
    return Commands.run(
        "decide.sh",
        () -> {
          Result r =
              run(
                  new FileStore(new Configuration()),
                  new Options(home, runId, decisions, coordinator),
                  Clock.systemUTC());
          report(r, System.out);
          return 0;
        });
  }

  /**
   * Checks and applies a decisions file.
   *
   * @throws UserError listing every problem; then nothing was applied
   */
  public static Result run(FileStore files, Options o, Clock clock) throws IOException {
    Home programme = Home.at(o.home());
    if (!files.exists(programme.root())) {
      throw new UserError(
          "there is no programme home at "
              + programme.root()
              + "; pass the --home that jobs/match.sh wrote its runs to.");
    }
    try (HomeLock lock = HomeLock.acquire(files, programme, "decide.sh --run-id " + o.runId())) {
      return runLocked(files, o, clock, programme, lock.recovered());
    }
  }

  /** Checks and applies the file while this command holds the home's lock. */
  private static Result runLocked(
      FileStore files, Options o, Clock clock, Home programme, List<String> recovered)
      throws IOException {
    DecisionStore store = new DecisionStore(files, programme);

    Path run = programme.run(o.runId());
    if (!files.exists(run)) {
      throw new UserError(
          "there is no run '"
              + o.runId()
              + "' under "
              + programme.runs()
              + "; pass the --run-id of a run jobs/match.sh wrote there.");
    }
    if (!files.exists(new Path(run, Home.SUCCESS))) {
      throw new UserError(
          "run "
              + o.runId()
              + " is not complete (it has no _SUCCESS): it is still being written"
              + " or it failed. Run jobs/match.sh for it again before deciding.");
    }
    if (!files.exists(programme.coordinators())) {
      throw new UserError(
          "no coordinators file at "
              + programme.coordinators()
              + "; create it with the columns coordinator_id,name,email,scope (see"
              + " data/sample/coordinators.csv).");
    }
    Coordinators.Coordinator who;
    try (Reader r = files.openText(programme.coordinators())) {
      who =
          Coordinators.parse(r, programme.coordinators().toString())
              .get(o.coordinator(), programme.coordinators().toString());
    }
    Path sheetPath = new Path(o.decisions());
    if (!files.exists(sheetPath)) {
      throw new UserError("the decisions file " + o.decisions() + " does not exist.");
    }
    List<DecisionSheet.Row> rows;
    try (Reader r = files.openText(sheetPath)) {
      rows = DecisionSheet.parse(r, o.decisions());
    }

    Map<String, Proposal> proposals = new LinkedHashMap<>();
    Map<String, DecisionCheck.Proposal> checkable = new LinkedHashMap<>();
    for (Proposal p : store.proposals(o.runId())) {
      proposals.put(p.getProposalId(), p);
      checkable.put(
          p.getProposalId(),
          new DecisionCheck.Proposal(
              p.getProposalId(),
              p.getMenteeDepartment(),
              p.getIntroduction(),
              LocalDate.parse(p.getExpiresOn())));
    }
    Map<String, DecisionCheck.Recorded> ledger = new LinkedHashMap<>();
    for (Decision d : store.ledger()) {
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
    DecisionCheck.Plan plan =
        DecisionCheck.check(
            o.runId(),
            checkable,
            ledger,
            store.withdrawn(),
            who,
            rows,
            now.atOffset(ZoneOffset.UTC).toLocalDate());
    if (!plan.valid()) {
      throw new UserError(
          plan.problems().size()
              + " problem(s) in "
              + o.decisions()
              + "; nothing was applied:\n  "
              + String.join("\n  ", plan.problems())
              + "\nFix them (or clear those rows' decision cells) and run decide.sh again.");
    }

    String id = applicationId(now, o, rows);
    List<Decision> decided = new ArrayList<>();
    List<Introduction> introductions = new ArrayList<>();
    int approved = 0;
    for (DecisionCheck.Planned d : plan.decisions()) {
      Proposal p = proposals.get(d.row().proposalId());
      decided.add(
          Decision.newBuilder()
              .setProposalId(p.getProposalId())
              .setRunId(p.getRunId())
              .setMenteeId(p.getMenteeId())
              .setMentorId(p.getMentorId())
              .setDecision(d.approve() ? DecisionKind.APPROVE : DecisionKind.REJECT)
              .setCoordinatorId(who.id())
              .setCoordinatorName(who.name())
              .setDecidedAt(now)
              .setNote(d.row().note())
              .setEditedIntroduction(d.editedIntroduction())
              .setDecisionsFile(sheetPath.getName())
              .setLine(d.row().line())
              .setApplicationId(id)
              .build());
      if (d.approve()) {
        approved++;
        String text = d.editedIntroduction() != null ? d.editedIntroduction() : p.getIntroduction();
        introductions.add(
            Introduction.newBuilder()
                .setProposalId(p.getProposalId())
                .setRunId(p.getRunId())
                .setMenteeId(p.getMenteeId())
                .setMenteeName(p.getMenteeName())
                .setMenteeEmail(p.getMenteeEmail())
                .setMentorId(p.getMentorId())
                .setMentorName(p.getMentorName())
                .setMentorEmail(p.getMentorEmail())
                .setSubject(p.getIntroductionSubject())
                .setBody(IntroductionWriter.confirmed(text, who.name()))
                .setApprovedBy(who.id())
                .setApprovedByName(who.name())
                .setApprovedAt(now)
                .build());
      }
    }
    if (!decided.isEmpty()) {
      store.apply(id, o.runId(), decided, introductions);
    }
    return new Result(
        decided.isEmpty() ? null : id,
        approved,
        decided.size() - approved,
        plan.unchanged().size(),
        plan.pending(),
        recovered);
  }

  /** Prints what was done, without any member's name or e-mail. */
  static void report(Result r, PrintStream to) {
    for (String line : r.recovered()) {
      to.println("recovered: " + line);
    }
    if (r.applicationId() == null) {
      to.printf(
          "nothing new to apply: %d decision(s) were already recorded the same way, %d row(s)"
              + " are still pending.%n",
          r.unchanged(), r.pending());
      return;
    }
    to.printf(
        "applied %d decision(s) as %s: %d approved, %d rejected; %d introduction(s) are in the"
            + " outbox for the mailer.%n",
        r.approved() + r.rejected(), r.applicationId(), r.approved(), r.rejected(), r.approved());
    to.printf(
        "%d row(s) were already decided the same way (unchanged), %d row(s) are still pending.%n",
        r.unchanged(), r.pending());
  }

  private static String applicationId(Instant now, Options o, List<DecisionSheet.Row> rows) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          (o.runId() + "|" + o.coordinator() + "|" + now).getBytes(StandardCharsets.UTF_8));
      for (DecisionSheet.Row r : rows) {
        digest.update(
            (r.proposalId() + "|" + r.decision() + "\n").getBytes(StandardCharsets.UTF_8));
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
