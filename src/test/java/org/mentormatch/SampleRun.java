package org.mentormatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mentormatch.jobs.MatchJob;

/** The job on the sample data, run once per test JVM and shared by the tests that read it. */
public final class SampleRun {
  public static final Path SAMPLE = Path.of("data/sample/members.csv");
  public static final String RUN_ID = "2026-11-21";

  private static Path home;

  private SampleRun() {}

  /** The home of the shared run (its run is {@code runs/2026-11-21}). */
  public static synchronized Path home() {
    if (home == null) {
      try {
        Path h = Files.createTempDirectory("mentor-match-sample-");
        run(SAMPLE, h);
        home = h;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return home;
  }

  /** The shared run's directory. */
  public static Path run() {
    return home().resolve("runs").resolve(RUN_ID);
  }

  /** Runs the job with default settings on {@code members} into {@code home}. */
  public static void run(Path members, Path home) throws IOException {
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(members.toString(), home.toString(), RUN_ID, null));
  }
}
