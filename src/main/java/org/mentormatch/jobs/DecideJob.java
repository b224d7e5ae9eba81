package org.mentormatch.jobs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.approval.ApprovalGate;
import org.mentormatch.decisions.DecisionSheet;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.Locations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin HomeOption home;

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

  /** What one application reads, as given on the command line. */
  public record Options(String home, String runId, String decisions, String coordinator) {}

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Commands.exit(new DecideJob(), args);
  }

  @Override
  public Integer call() {
    return Commands.run(
        "decide.sh",
        () -> {
          ApprovalGate.Result r =
              run(
                  new FileStore(new Configuration()),
                  new Options(home.dir, runId, decisions, coordinator),
                  Clock.systemUTC());
          report(r, System.out);
          return 0;
        });
  }

  /**
   * Checks and applies a decisions file through the {@link ApprovalGate}.
   *
   * @throws UserError listing every problem; then nothing was applied
   */
  public static ApprovalGate.Result run(FileStore files, Options o, Clock clock)
      throws IOException {
    RunId run = RunId.of(o.runId());
    Home programme = Home.at(o.home());
    Path sheetPath = Locations.of("--decisions", o.decisions());
    if (!files.exists(sheetPath)) {
      throw new UserError("the decisions file " + o.decisions() + " does not exist.");
    }
    List<DecisionSheet.Row> rows;
    try (Reader r = files.openText(sheetPath)) {
      rows = DecisionSheet.parse(r, o.decisions());
    }
    return new ApprovalGate(files, programme, clock, "decide.sh")
        .apply(new ApprovalGate.Request(run, o.coordinator(), rows, o.decisions()));
  }

  /** Prints what was done, without any member's name or e-mail. */
  static void report(ApprovalGate.Result r, PrintStream to) {
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
}
