package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunId;
import org.mentormatch.UserError;

/** One command at a time per home, on a local disk and on a file system without file locks. */
class HomeLockTest {
  @TempDir Path dir;

  private Home home() {
    return Home.at(dir.resolve("home").toString());
  }

  /** A store that reports another scheme, so the lock takes its create-if-absent form. */
  private static FileStore remote() {
    return new FileStore(new Configuration()) {
      @Override
      public org.apache.hadoop.fs.Path qualify(org.apache.hadoop.fs.Path path) {
        return new org.apache.hadoop.fs.Path("hdfs://namenode" + path.toUri().getPath());
      }
    };
  }

  @Test
  void aSecondCommandOnTheSameHomeIsRefusedSayingWhoHoldsIt() throws IOException {
    FileStore files = new FileStore(new Configuration());
    try (HomeLock held = HomeLock.acquire(files, home(), "match.sh --run-id n1")) {
      UserError e =
          assertThrows(
              UserError.class, () -> HomeLock.acquire(files, home(), "decide.sh --run-id n1"));
      assertTrue(e.getMessage().contains("match.sh --run-id n1 (process "), e.getMessage());
      assertTrue(e.getMessage().contains("Nothing was changed"), e.getMessage());
    }
    HomeLock.acquire(files, home(), "decide.sh --run-id n1").close(); // free again
  }

  @Test
  void takingTheLockFinishesWhatACrashedRunLeft() throws IOException {
    FileStore files = new FileStore(new Configuration());
    RunWriter crashed = RunWriter.begin(files, home(), RunId.of("n1"));
    crashed.create("review.csv").close(); // and the process dies: no commit, no abort
    Path runs = dir.resolve("home").resolve("runs");
    List<Path> drafts = Files.list(runs).toList();
    assertEquals(1, drafts.size());
    try (HomeLock lock = HomeLock.acquire(files, home(), "match.sh --run-id n2")) {
      // The user hears that the run which died left a draft, and that it is gone.
      assertEquals(
          List.of(
              "removed the unfinished draft of run n1 ("
                  + drafts.get(0).getFileName()
                  + "), left by a match that stopped before publishing it"),
          lock.recovered());
      assertEquals(0, Files.list(runs).count());
    }
  }

  @Test
  void withoutFileLocksTheLockIsAFileThatCloseDeletesAndACrashLeavesBehind() throws IOException {
    FileStore files = remote();
    Path lockFile = dir.resolve("home").resolve(HomeLock.NAME);
    try (HomeLock held = HomeLock.acquire(files, home(), "match.sh --run-id n1")) {
      assertTrue(Files.exists(lockFile));
      UserError e =
          assertThrows(
              UserError.class, () -> HomeLock.acquire(files, home(), "decide.sh --run-id n1"));
      assertTrue(e.getMessage().contains("match.sh --run-id n1"), e.getMessage());
      assertTrue(e.getMessage().contains("delete " + lockFile), e.getMessage());
    }
    assertTrue(Files.notExists(lockFile));
    HomeLock.acquire(files, home(), "decide.sh --run-id n1"); // and never closed: a crash
    assertThrows(UserError.class, () -> HomeLock.acquire(files, home(), "match.sh"));
  }

  @Test
  void aLockFileThatIsALinkIsNeverFollowed() throws IOException {
    Path precious = dir.resolve("precious.txt");
    Files.writeString(precious, "keep me");
    Files.createDirectories(dir.resolve("home"));
    Files.createSymbolicLink(dir.resolve("home").resolve(".lock"), precious);

    assertLockRefusedAndKept("is a symbolic link", precious);
  }

  @Test
  void aLockFileWithASecondHardLinkIsNeverOverwritten() throws IOException {
    // A hard link is no symbolic link: opening it without following links still opens the file
    // it shares, and taking the lock would truncate that file.
    Path precious = dir.resolve("precious.txt");
    Files.writeString(precious, "keep me");
    Files.createDirectories(dir.resolve("home"));
    Files.createLink(dir.resolve("home").resolve(".lock"), precious);
    assumeTrue(
        Files.getAttribute(precious, "unix:nlink") instanceof Number, "link counts are readable");

    assertLockRefusedAndKept("hard link", precious);
  }

  /** Taking the lock fails saying {@code says}, and {@code precious} still reads "keep me". */
  private void assertLockRefusedAndKept(String says, Path precious) throws IOException {
    UserError e =
        assertThrows(
            UserError.class,
            () -> HomeLock.acquire(new FileStore(new Configuration()), home(), "match.sh"));

    assertTrue(e.getMessage().contains(says), e.getMessage());
    assertEquals("keep me", Files.readString(precious));
  }

  @Test
  void aBusyHomeWhoseLockGainedASecondNameSaysItIsBusy() throws IOException {
    // Told "remove the lock" while a command held it, the user would let two commands in at once.
    FileStore files = new FileStore(new Configuration());
    try (HomeLock held = HomeLock.acquire(files, home(), "match.sh --run-id n1")) {
      Files.createLink(dir.resolve("second-name"), dir.resolve("home").resolve(HomeLock.NAME));
      UserError e =
          assertThrows(UserError.class, () -> HomeLock.acquire(files, home(), "decide.sh"));
      assertTrue(e.getMessage().contains("another mentor-match command"), e.getMessage());
      assertTrue(e.getMessage().contains("match.sh --run-id n1"), e.getMessage());
    }
  }

  @Test
  void aCheckpointsFolderThatIsALinkIsNeverEmptied() throws IOException {
    Path elsewhere = dir.resolve("elsewhere");
    Files.createDirectories(elsewhere);
    Path precious = Files.writeString(elsewhere.resolve("precious.txt"), "keep me");
    assertRefusedAndKept(dir.resolve("home").resolve(".checkpoints"), elsewhere, precious);
  }

  @Test
  void anEmbeddingCacheFolderThatIsALinkIsNeverRepaired() throws IOException {
    Path elsewhere = dir.resolve("elsewhere-cache");
    Path model = Files.createDirectories(elsewhere.resolve("embeddings").resolve("some-model"));
    // What recovery deletes in the home's own cache: a segment a crashed run left half-written.
    Path precious = Files.writeString(model.resolve(".writing-precious"), "keep me");
    assertRefusedAndKept(dir.resolve("home").resolve("cache"), elsewhere, precious);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"runs", "ledger", "outbox"})
  void aRunsLedgerOrOutboxFolderThatIsALinkIsRefused(String folder) throws IOException {
    Path elsewhere = dir.resolve("elsewhere-" + folder);
    // What run recovery deletes: a draft a crashed run left (the red team's reproduction).
    Path draft = Files.createDirectories(elsewhere.resolve(".2026-11-22~writing-x"));
    Path precious = Files.writeString(draft.resolve("data.txt"), "keep me");
    assertRefusedAndKept(dir.resolve("home").resolve(folder), elsewhere, precious);
  }

  /**
   * Links {@code link} in the home to {@code elsewhere}: taking the lock is refused and {@code
   * precious} behind the link is kept; without the link the lock is taken again.
   */
  private void assertRefusedAndKept(Path link, Path elsewhere, Path precious) throws IOException {
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, elsewhere);

    UserError e =
        assertThrows(
            UserError.class,
            () -> HomeLock.acquire(new FileStore(new Configuration()), home(), "match.sh"));

    assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
    assertEquals("keep me", Files.readString(precious));
    Files.delete(link);
    HomeLock.acquire(new FileStore(new Configuration()), home(), "match.sh").close(); // released
  }
}
