package org.mentormatch.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.mentormatch.RunId;

/** The layout of a programme's home directory, as the contract fixes it. */
public record Home(Path root) {
  public static final String SUCCESS = "_SUCCESS";

  /** The home at {@code location} (a local path or Hadoop URI), as given to {@code --home}. */
  public static Home at(String location) {
    return new Home(Locations.of("--home", location));
  }

  /** Where the runs live. */
  public Path runs() {
    return new Path(root, "runs");
  }

  /** The directory of run {@code runId}. */
  public Path run(RunId runId) {
    return new Path(runs(), runId.value());
  }

  /** Who may decide what. */
  public Path coordinators() {
    return new Path(root, "coordinators.csv");
  }

  /** Every decision ever applied. */
  public Path ledger() {
    return new Path(root, "ledger");
  }

  /** Where the approved introductions of every run live. */
  public Path outboxes() {
    return new Path(root, "outbox");
  }

  /** The approved introductions of run {@code runId}, for the mailer. */
  public Path outbox(RunId runId) {
    return new Path(new Path(outboxes(), runId.value()), "introductions");
  }

  /** Derived data kept across nights; safe to delete. */
  public Path cache() {
    return new Path(root, "cache");
  }

  /** The stage checkpoints of the run at work (hidden; see {@link RunCheckpoints}). */
  public Path checkpoints() {
    return new Path(root, ".checkpoints");
  }

  /**
   * Spark's scratch files of the commands at work on a local home (hidden; see {@link
   * ScratchSpace}).
   */
  public Path scratch() {
    return new Path(root, ScratchSpace.FOLDER);
  }

  /**
   * The runs of this home that exist, by id: directories under {@code runs/} whose name is a valid
   * run id and that hold {@code _SUCCESS}. Every reader of the home lists runs through here, so a
   * folder named {@code _x} or {@code .x} (or planted under any name that is not a run id) is never
   * read by one command and skipped by another. A run directory that is a symbolic link is not one
   * of the home's own runs and is skipped too.
   */
  public List<RunId> completeRuns(FileStore files) throws IOException {
    List<RunId> out = new ArrayList<>();
    for (Path dir : files.list(runs())) {
      Optional<RunId> id = RunId.ofName(dir.getName());
      if (id.isPresent() && !files.isSymlink(dir) && files.exists(new Path(dir, SUCCESS))) {
        out.add(id.get());
      }
    }
    return out;
  }
}
