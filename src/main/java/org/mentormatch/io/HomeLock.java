package org.mentormatch.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.Path;
import org.mentormatch.UserError;

/**
 * One command at a time per programme home: {@code match.sh} and {@code decide.sh} hold {@code
 * <home>/.lock} while they read and write it.
 *
 * <p>Recovery from a crash happens here, under the lock, because only then can a hidden draft be
 * told from a live command's unfinished files. Without the lock, two coordinators deciding the same
 * proposal at once could both pass validation and record contradictory decisions, and one command's
 * crash recovery could take another's unfinished files for debris. On a local disk the lock is an
 * operating-system file lock, released even if the process dies. On other file systems (HDFS,
 * object stores) it is a file created only if absent and deleted on close; a crash leaves it
 * behind, and the error says how to clear it.
 */
public final class HomeLock implements AutoCloseable {
  static final String NAME = ".lock";

  private final FileStore files;
  private final Path path;
  private final FileChannel channel;
  private final FileLock osLock;
  private List<String> recovered = List.of();

  private HomeLock(FileStore files, Path path, FileChannel channel, FileLock osLock) {
    this.files = files;
    this.path = path;
    this.channel = channel;
    this.osLock = osLock;
  }

  /**
   * Takes the lock of {@code home} for {@code command}, or fails saying who holds it; then, as the
   * only command at work, finishes what a crashed command left (see {@link #recovered}).
   */
  public static HomeLock acquire(FileStore files, Home home, String command) throws IOException {
    HomeLock lock = take(files, home, command);
    try {
      refuseLinkedFolders(files, home);
      List<String> repaired = new ArrayList<>(RunWriter.recover(files, home));
      repaired.addAll(new DecisionStore(files, home).recover());
      repaired.addAll(RunCheckpoints.recover(files, home));
      repaired.addAll(EmbeddingCache.recover(files, home));
      repaired.addAll(ScratchSpace.recover(files, home));
      lock.recovered = List.copyOf(repaired);
      return lock;
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /**
   * Refuses a home whose runs, ledger, outbox, checkpoints, cache or scratch folder is a symbolic
   * link: recovery deletes in them and every command writes in them, and neither may ever reach
   * files outside the home.
   */
  private static void refuseLinkedFolders(FileStore files, Home home) {
    for (Path folder :
        List.of(
            home.runs(),
            home.ledger(),
            home.outboxes(),
            home.checkpoints(),
            home.cache(),
            home.scratch())) {
      if (files.isSymlink(folder)) {
        throw new UserError(
            folder
                + " is a symbolic link; mentor-match keeps its files in folders of the home itself"
                + " and never writes or deletes through a link. Remove the link (move what it"
                + " points at into the home if it is yours) and run again; nothing was changed.");
      }
    }
  }

  /** What taking the lock repaired after an earlier crash, one line each, for the user. */
  public List<String> recovered() {
    return recovered;
  }

  private static HomeLock take(FileStore files, Home home, String command) throws IOException {
    Path path = new Path(home.root(), NAME);
    files.mkdirs(home.root());
    String owner = owner(command);
    Path qualified = files.qualify(path);
    if ("file".equals(qualified.toUri().getScheme())) {
      java.nio.file.Path local = java.nio.file.Path.of(qualified.toUri());
      FileChannel channel;
      try {
        // Never through a link: truncating it below would overwrite whatever it points at.
        channel =
            FileChannel.open(
                local,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        if (Files.isSymbolicLink(local)) {
          throw new UserError(
              local
                  + " is a symbolic link. mentor-match never follows it (taking the lock would"
                  + " overwrite what it points at). Remove the link and run the command again;"
                  + " nothing was changed.");
        }
        throw e;
      }
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process, e.g. by a command still running in it
      }
      if (lock == null) {
        channel.close();
        throw busy(holder(local), "");
      }
      // Asked only with the lock held, so a busy home says so rather than send the user to delete
      // a lock in use. The count is read by name: a swap between opening and here would escape it,
      // which takes someone racing this command inside the home.
      if (ScratchSpace.linkedElsewhere(local)) {
        UserError refused = sharedFile(local);
        try {
          lock.release();
          channel.close();
        } catch (IOException e) {
          refused.addSuppressed(e);
        }
        throw refused;
      }
      channel.truncate(0);
      channel.write(StandardCharsets.UTF_8.encode(owner));
      return new HomeLock(files, path, channel, lock);
    }
    try (OutputStream out = files.fs(path).create(path, false)) {
      out.write(owner.getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      throw busy(
          holder(files, path),
          " If none is running (on this file system a crash leaves the lock behind), delete "
              + path
              + ".");
    }
    return new HomeLock(files, path, null, null);
  }

  /**
   * The error for a lock file that another name shares (a hard link, which no-follow opening does
   * not see): writing the owner would truncate and overwrite that other file.
   */
  private static UserError sharedFile(java.nio.file.Path local) {
    return new UserError(
        local
            + " is a hard link: another name shares that file, and taking the lock would overwrite"
            + " it. mentor-match never writes a file another name shares. Remove "
            + local
            + " (the other names keep the file) and run the command again; nothing was changed.");
  }

  private static String owner(String command) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "an unknown host";
    }
    return command
        + " (process "
        + ManagementFactory.getRuntimeMXBean().getPid()
        + " on "
        + host
        + ", since "
        + Instant.now()
        + ")";
  }

  private static String holder(java.nio.file.Path local) {
    try {
      return Files.readString(local, StandardCharsets.UTF_8).strip();
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static String holder(FileStore files, Path path) {
    try (InputStream in = files.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static UserError busy(String holder, String hint) {
    return new UserError(
        "another mentor-match command is working on this programme home"
            + (holder.isEmpty() ? "" : ": " + holder)
            + ". Nothing was changed; run this again when it has finished."
            + hint);
  }

  /** Releases the lock. */
  @Override
  public void close() throws IOException {
    if (channel != null) {
      try {
        osLock.release();
      } finally {
        channel.close();
      }
    } else {
      files.delete(path);
    }
  }
}
