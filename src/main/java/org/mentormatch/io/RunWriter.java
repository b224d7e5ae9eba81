package org.mentormatch.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.text.CellText;

/**
 * Writes a run so that it appears whole or not at all.
 *
 * <p>Files go to a hidden draft {@code runs/.<run-id>~writing-<nonce>}, {@code _SUCCESS} last of
 * all. {@link #commit} moves any earlier run of the same id aside to {@code
 * .<run-id>~replaced-<nonce>} and renames the draft into place: that rename is the commit. A crash
 * before it leaves the earlier run, or, if the crash came between the two renames, its copy aside,
 * which {@link #recover} puts back (and deletes stale drafts); a crash after it leaves the new run.
 * ({@code ~} cannot occur in a run id, so one id's hidden files are never taken for another's.)
 */
public final class RunWriter {
  private static final String WRITING = "~writing-";
  private static final String REPLACED = "~replaced-";

  private final FileStore files;
  private final Home home;
  private final RunId runId;
  private final Path draft;
  private boolean committed;

  private RunWriter(FileStore files, Home home, RunId runId) throws IOException {
    this.files = files;
    this.home = home;
    this.runId = runId;
    this.draft = new Path(home.runs(), "." + runId + WRITING + UUID.randomUUID());
    files.mkdirs(draft);
  }

  /** Starts writing run {@code runId} under {@code home}. */
  public static RunWriter begin(FileStore files, Home home, RunId runId) throws IOException {
    refuseLinkedRun(files, home, runId);
    return new RunWriter(files, home, runId);
  }

  /**
   * Refuses a run folder that is a symbolic link: publishing would replace the link with the new
   * run, and whoever planted it meant the run to be read from somewhere else. {@code match.sh} asks
   * before its first stage, so the night's work is not spent first.
   *
   * @throws UserError naming the link
   */
  public static void refuseLinkedRun(FileStore files, Home home, RunId runId) {
    files.refuseLinksBelow(home.root(), home.runs()); // swapped since the lock was taken
    Path run = home.run(runId);
    if (files.isSymlink(run)) {
      throw new UserError(
          run
              + " is a symbolic link, not a run this home's match.sh wrote. mentor-match never"
              + " writes through a link nor replaces one. Remove the link (what it points at is"
              + " left alone) or use another --run-id; nothing was changed.");
    }
  }

  /**
   * Finishes what a crashed writer left: an earlier run moved aside comes back if no run took its
   * place, is deleted if one did, and stays where it is if a link stands at its name; drafts are
   * deleted. Returns what was repaired, one line each naming the run, for the log: a user whose run
   * died should hear that its half is gone.
   *
   * <p>{@link HomeLock#acquire} calls it: only while no other command works on the home can a draft
   * be told from a live run's files.
   */
  public static List<String> recover(FileStore files, Home home) throws IOException {
    List<String> repaired = new ArrayList<>();
    for (Path p : files.list(home.runs())) {
      String name = p.getName();
      int mark = name.indexOf('~');
      if (!name.startsWith(".") || mark < 0) {
        continue;
      }
      Optional<RunId> id = RunId.ofName(name.substring(1, mark));
      // A writer never makes a link: one here was put by hand, and restored it would make a run
      // whose files lie outside the home. Only the link itself is removed, below.
      boolean link = files.isSymlink(p);
      if (id.isPresent() && name.startsWith(REPLACED, mark) && !link) {
        Path run = home.run(id.get());
        if (files.isSymlink(run)) {
          // No run took its place, only a link: this copy may be the run's only one, so it stays.
          repaired.add(
              "left the earlier copy of run "
                  + id.get()
                  + " ("
                  + CellText.inline(name, 120)
                  + ") where it is: runs/"
                  + id.get()
                  + " is a symbolic link, not a run. Remove the link and run any command to"
                  + " restore it");
          continue;
        }
        if (!files.exists(run)) {
          files.rename(p, run);
          repaired.add("run " + id.get() + " restored: a replacement of it had crashed");
          continue;
        }
      }
      try {
        files.delete(p);
      } catch (IOException | IllegalArgumentException e) {
        // Such as a ':' in the name, which Hadoop's paths cannot hold: no run can be named so, so
        // the leftover stands in no run's way, and one odd file must not stop every command.
        repaired.add(
            "could not remove the hidden leftover "
                + CellText.quoted(name, 120)
                + " from the runs folder ("
                + CellText.inline(String.valueOf(e.getMessage()), 200)
                + "): remove it by hand");
        continue;
      }
      if (link) {
        repaired.add(
            "removed the link "
                + CellText.quoted(name, 120)
                + " from the runs folder (not what it points to): a run is never a link");
        continue;
      }
      // The name is shown escaped: only its run id part was checked, and a listing holds anything.
      if (id.isPresent() && name.startsWith(WRITING, mark)) {
        repaired.add(
            "removed the unfinished draft of run "
                + id.get()
                + " ("
                + CellText.inline(name, 120)
                + "), left by a match that stopped before publishing it");
      } else if (id.isPresent() && name.startsWith(REPLACED, mark)) {
        repaired.add(
            "removed the earlier copy of run "
                + id.get()
                + " ("
                + CellText.inline(name, 120)
                + "), set aside by a match that published its replacement and then stopped");
      } else {
        repaired.add(
            "removed the hidden leftover "
                + CellText.quoted(name, 120)
                + " from the runs folder: it is no run's draft or copy");
      }
    }
    return repaired;
  }

  /** Creates the file {@code relative} (e.g. {@code proposals/part-00000.avro}) in the draft. */
  public OutputStream create(String relative) throws IOException {
    Path file = new Path(draft, relative);
    // The draft's name can be listed: a link put in its place, or at the file, is not written to.
    files.refuseLinksBelow(home.root(), file);
    return files.create(file);
  }

  /** Publishes the draft as the run, replacing an earlier run of the same id. */
  public void commit() throws IOException {
    refuseLinkedRun(files, home, runId); // planted while the run was being written
    create(Home.SUCCESS).close();
    Path target = home.run(runId);
    Path replaced = null;
    if (files.exists(target)) {
      replaced = new Path(home.runs(), "." + runId + REPLACED + UUID.randomUUID());
      files.rename(target, replaced);
    }
    try {
      files.rename(draft, target);
    } catch (IOException e) {
      if (replaced != null) {
        files.rename(replaced, target); // the earlier run stays; recover() retries if this fails
      }
      throw e;
    }
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
      // The hidden draft is harmless, and the next run of this home deletes it.
    }
  }
}
