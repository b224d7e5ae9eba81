package org.mentormatch.jobs;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.console.ReviewConsole;
import org.mentormatch.io.FileStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jobs/review.sh}: the coordinator's review console in the browser. */
@Command(
    name = "review.sh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts the review console over the programme at --home: a small web server (no Spark)"
          + " where coordinators read a run's proposals in their scope, filter them, and approve,"
          + " reject or edit them, one or many at a time. Decisions go through the same checks,"
          + " lock, ledger and outbox as jobs/decide.sh.",
      "Prints the address and one personal sign-in link per coordinator of"
          + " <home>/coordinators.csv; each link works once, until the console stops. Stop it"
          + " with Ctrl-C."
    })
public final class ReviewJob implements Callable<Integer> {
  @Mixin HomeOption home;

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description = "The run shown first (default: the newest complete run).")
  String runId;

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description =
          "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Anything else"
              + " exposes the console to the network over plain HTTP: put it behind a TLS proxy.")
  String bind = "127.0.0.1";

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    Commands.exit(new ReviewJob(), args);
  }

  @Override
  public Integer call() {
    return Commands.run(
        "review.sh",
        () -> {
          if (port < 0 || port > 65535) {
            throw new UserError("--port must be from 0 to 65535, not " + port + ".");
          }
          ReviewConsole console =
              ReviewConsole.start(
                  new FileStore(new Configuration()),
                  new ReviewConsole.Options(
                      home.dir, runId == null ? null : RunId.of(runId), bind, port),
                  Clock.systemUTC());
          Runtime.getRuntime()
              .addShutdownHook(
                  new Thread(
                      () -> {
                        try {
                          console.close();
                        } catch (java.io.IOException e) {
                          // stopping anyway
                        }
                      }));
          printWelcome(console);
          console.join();
          return 0;
        });
  }

  private void printWelcome(ReviewConsole console) {
    System.out.println("review console for run " + console.firstRun() + " at " + console.address());
    System.out.println(
        "Each coordinator signs in once with their own link (it works once, until the console"
            + " stops; keep it private):");
    for (Map.Entry<String, URI> e : console.signInLinks().entrySet()) {
      System.out.println("  " + e.getKey() + "  " + e.getValue());
    }
    if (!"127.0.0.1".equals(bind) && !"localhost".equals(bind) && !"::1".equals(bind)) {
      System.out.println(
          "Listening on "
              + bind
              + ": these links travel over plain HTTP; use a TLS proxy in front of the console.");
    }
    System.out.println("Stop the console with Ctrl-C.");
  }
}
