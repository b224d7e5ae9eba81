package org.mentormatch.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * Writes a run so that it appears whole or not at all.
 *
 * <p>Files go to a hidden directory {@code runs/.<run-id>.writing-<nonce>}; {@link #commit} moves
 * any earlier run of the same id aside, renames the new one into place, writes {@code _SUCCESS}
 * last and only then deletes the old one. A crash at any point leaves either the old complete run,
 * or a run directory without {@code _SUCCESS}, which does not count as a run.
 */
public final class RunWriter {
  private final FileStore files;
  private final Home home;
  private final String runId;
  private final Path draft;
  private boolean committed;

  private RunWriter(FileStore files, Home home, String runId) throws IOException {
    this.files = files;
    this.home = home;
    this.runId = runId;
    for (Path p : files.list(home.runs())) {
      if (p.getName().startsWith("." + runId + ".")) {
        files.delete(p); // left over by an earlier crash of this run id
      }
    }
    this.draft = new Path(home.runs(), "." + runId + ".writing-" + UUID.randomUUID());
    files.mkdirs(draft);
  }

  /** Starts writing run {@code runId} under {@code home}. */
  public static RunWriter begin(FileStore files, Home home, String runId) throws IOException {
    return new RunWriter(files, home, runId);
  }

  /** Creates the file {@code relative} (e.g. {@code proposals/part-00000.avro}) in the draft. */
  public OutputStream create(String relative) throws IOException {
    return files.create(new Path(draft, relative));
  }

  /** Publishes the draft as the run, replacing an earlier run of the same id. */
  public void commit() throws IOException {
    Path target = home.run(runId);
    Path replaced = null;
    if (files.exists(target)) {
      replaced = new Path(home.runs(), "." + runId + ".replaced-" + UUID.randomUUID());
      files.rename(target, replaced);
    }
    files.rename(draft, target);
    files.create(new Path(target, Home.SUCCESS)).close();
    committed = true;
    if (replaced != null) {
      files.delete(replaced);
    }
  }

  /** Deletes the draft of a run that failed; a committed run is left alone. */
  public void abort() {
    if (committed) {
      return;
    }
    try {
      files.delete(draft);
    } catch (IOException e) {
      // The hidden draft is harmless, and the next run of this id deletes it.
    }
  }
}
