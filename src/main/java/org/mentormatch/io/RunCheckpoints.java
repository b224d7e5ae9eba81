package org.mentormatch.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.mentormatch.RunId;
import org.mentormatch.UserError;

/**
 * Where a match run keeps its stages' outputs: {@code <home>/.checkpoints/<run-id>-<nonce>}.
 *
 * <p>The stages keep their outputs with Spark's reliable checkpoints ({@link
 * org.mentormatch.Checkpoints}), which are files in the directory set here. The home is on a file
 * system the driver and every executor reach (they read the members file and the history from it
 * already), so a stage output outlives the executor that computed it: a lost executor costs only
 * the tasks it was running. The directory is deleted when the run ends, however it ends; if the
 * driver itself dies, the next command on the home deletes it ({@link #recover}, under the home
 * lock, when no run can be using it).
 */
public final class RunCheckpoints implements AutoCloseable {
  private final SparkContext spark;
  private final FileStore files;
  private final Path dir;
  private final Optional<String> previous;

  private RunCheckpoints(SparkContext spark, FileStore files, Path dir) {
    this.spark = spark;
    this.files = files;
    this.dir = dir;
    this.previous = Optional.ofNullable(spark.getCheckpointDir().getOrElse(() -> null));
  }

  /**
   * Sets {@code spark}'s checkpoint directory to a new one for run {@code runId} of {@code home}.
   */
  public static RunCheckpoints open(SparkContext spark, FileStore files, Home home, RunId runId)
      throws IOException {
    refuseALink(files, home);
    Path dir = new Path(home.checkpoints(), runId.value() + "-" + UUID.randomUUID());
    files.mkdirs(dir);
    RunCheckpoints checkpoints = new RunCheckpoints(spark, files, dir);
    spark.setCheckpointDir(files.qualify(dir).toString());
    return checkpoints;
  }

  /**
   * Deletes the checkpoints a crashed run left. Returns what was removed, for the log.
   *
   * <p>{@link HomeLock#acquire} calls it: only while no other command works on the home are all
   * checkpoints there a dead run's.
   */
  static List<String> recover(FileStore files, Home home) throws IOException {
    refuseALink(files, home);
    List<String> removed = new ArrayList<>();
    for (Path p : files.list(home.checkpoints())) {
      files.delete(p);
      removed.add("removed the stage checkpoints " + p.getName() + " of a run that stopped");
    }
    return removed;
  }

  /**
   * Refuses a checkpoints folder that is a symbolic link: recovery deletes what it holds, which
   * must never be files outside the home.
   */
  private static void refuseALink(FileStore files, Home home) {
    if (files.isSymlink(home.checkpoints())) {
      throw new UserError(
          home.checkpoints()
              + " is a symbolic link; mentor-match keeps its stage checkpoints in a folder of the"
              + " home itself and never deletes through a link. Remove the link and run again.");
    }
  }

  /** Deletes this run's checkpoints and gives the session back its earlier directory, if any. */
  @Override
  public void close() throws IOException {
    // A command's own session ends with it; setting "none" on a cluster would only log a warning
    // about a local directory named null. A shared local session (tests) gets its setting back.
    if (previous.isPresent() || spark.isLocal()) {
      spark.setCheckpointDir(previous.orElse(null));
    }
    files.delete(dir);
  }
}
