package org.mentormatch.io;

import org.apache.hadoop.fs.Path;

/** The layout of a programme's home directory, as the contract fixes it. */
public record Home(Path root) {
  public static final String SUCCESS = "_SUCCESS";

  /** The home at {@code location} (a local path or Hadoop URI). */
  public static Home at(String location) {
    return new Home(new Path(location));
  }

  /** Where the runs live. */
  public Path runs() {
    return new Path(root, "runs");
  }

  /** The directory of run {@code runId}. */
  public Path run(String runId) {
    return new Path(runs(), runId);
  }

  /** Who may decide what. */
  public Path coordinators() {
    return new Path(root, "coordinators.csv");
  }

  /** Every decision ever applied. */
  public Path ledger() {
    return new Path(root, "ledger");
  }

  /** The approved introductions of run {@code runId}, for the mailer. */
  public Path outbox(String runId) {
    return new Path(new Path(new Path(root, "outbox"), runId), "introductions");
  }
}
