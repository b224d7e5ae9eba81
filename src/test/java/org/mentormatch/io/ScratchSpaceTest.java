package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.UserError;

/**
 * Spark's scratch folders in the home: removed by their command, and by the next command on the
 * home when their command stopped, but never while a live process holds them, and never through a
 * link or outside what mentor-match made.
 */
class ScratchSpaceTest {
  @TempDir Path dir;

  private Path homeRoot() {
    return dir.resolve("home");
  }

  private Home home() {
    return Home.at(homeRoot().toString());
  }

  private List<String> recover() throws IOException {
    try (HomeLock lock = HomeLock.acquire(new FileStore(new Configuration()), home(), "test")) {
      return lock.recovered();
    }
  }

  /** What a command killed with SIGKILL leaves: a folder with Spark's files, an unlocked lock. */
  private Path stoppedCommand() throws IOException {
    String nonce = UUID.randomUUID().toString();
    Path root = homeRoot().resolve(".scratch");
    Files.createDirectories(root.resolve(nonce).resolve("blockmgr-1").resolve("0c"));
    Files.writeString(root.resolve(nonce).resolve("blockmgr-1/0c/shuffle_0_1_0.data"), "Ada");
    Files.createFile(root.resolve(nonce + ".lock"));
    return root.resolve(nonce);
  }

  @Test
  void aCommandsScratchFolderIsPrivateAndGoneWhenItCloses() throws IOException {
    Files.createDirectories(homeRoot()); // a home in use, which stays
    Path made;
    try (ScratchSpace scratch = ScratchSpace.create(homeRoot())) {
      made = scratch.dir();
      assertEquals(homeRoot().resolve(".scratch"), made.getParent());
      Files.createDirectories(made.resolve("blockmgr-x/3f"));
      Files.writeString(made.resolve("blockmgr-x/3f/temp_shuffle"), "Grace Hopper");
      assertEquals(
          "rwx------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(made)),
          "only its owner reads a command's scratch");
    }
    assertFalse(Files.exists(made));
    try (var left = Files.list(homeRoot().resolve(".scratch"))) {
      assertEquals(0, left.count(), "the lock file goes too");
    }
  }

  @Test
  void aHomeMadeOnlyForTheScratchIsGoneAgainAndAHomeWrittenToStays() throws IOException {
    try (ScratchSpace scratch = ScratchSpace.create(homeRoot())) {
      assertTrue(Files.isDirectory(scratch.dir()));
    }
    assertFalse(Files.exists(homeRoot()), "a mistyped --home leaves nothing behind");

    try (ScratchSpace scratch = ScratchSpace.create(homeRoot())) {
      Files.createDirectories(homeRoot().resolve("runs"));
    }
    assertTrue(Files.isDirectory(homeRoot().resolve("runs")));
  }

  @Test
  void theNextCommandRemovesWhatAStoppedCommandLeftAndSaysSoOnce() throws IOException {
    Path first = stoppedCommand();
    Path second = stoppedCommand();
    assertEquals(
        List.of("removed the Spark scratch files of 2 command(s) that stopped"), recover());
    assertFalse(Files.exists(first));
    assertFalse(Files.exists(second));
    assertFalse(Files.exists(Path.of(first + ".lock")));
    assertEquals(List.of(), recover());
  }

  @Test
  void aFolderALiveCommandOfAnotherProcessHoldsIsLeftAlone() throws Exception {
    Process holder = Child.start("hold", homeRoot().toString());
    try {
      Path held = Path.of(Child.firstLine(holder));
      Path stopped = stoppedCommand();
      assertEquals(
          List.of("removed the Spark scratch files of 1 command(s) that stopped"), recover());
      assertTrue(Files.isDirectory(held));
      assertFalse(Files.exists(stopped));
      assertEquals("held", Child.probe(Path.of(held + ".lock")), "its lock is still held");
    } finally {
      holder.getOutputStream().close(); // the holder closes its scratch and exits
      assertEquals(0, holder.waitFor());
    }
  }

  @Test
  void recoveryInTheSameJvmNeitherRemovesNorUnlocksItsOwnLiveFolders() throws Exception {
    try (ScratchSpace mine = ScratchSpace.create(homeRoot())) {
      Path lock = Path.of(mine.dir() + ".lock");
      assertEquals("held", Child.probe(lock));
      assertEquals(List.of(), recover());
      assertTrue(Files.isDirectory(mine.dir()));
      // On Linux, closing any channel of the file would have dropped this process's lock.
      assertEquals("held", Child.probe(lock));
    }
  }

  @Test
  void aHardLinkToTheJvmsOwnLockUnderAnotherNameIsNeverOpened() throws Exception {
    try (ScratchSpace mine = ScratchSpace.create(homeRoot())) {
      Path lock = Path.of(mine.dir() + ".lock");
      String other = UUID.randomUUID().toString();
      Path planted = mine.dir().resolveSibling(other + ".lock");
      Files.createLink(planted, lock);
      Files.createDirectories(mine.dir().resolveSibling(other));
      assertEquals(List.of(), recover());
      // Opening and closing the planted name would have dropped this process's lock.
      assertEquals("held", Child.probe(lock));
      assertTrue(Files.exists(planted));
    }
  }

  @Test
  void recoveryTouchesOnlyWhatMentorMatchMadeAndNeverFollowsALink() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "not the home's");
    Path root = Files.createDirectories(homeRoot().resolve(".scratch"));
    // Planted names that are not a scratch folder or its lock.
    Files.createDirectories(root.resolve("notes"));
    Files.createFile(root.resolve("...lock"));
    Files.createFile(root.resolve(".lock"));
    // A link under a scratch folder's name, with a lock file no one holds.
    String linked = UUID.randomUUID().toString();
    Files.createSymbolicLink(root.resolve(linked), outside);
    Files.createFile(root.resolve(linked + ".lock"));
    // A stopped command whose folder holds a link out of the home.
    Path stopped = stoppedCommand();
    Files.createSymbolicLink(stopped.resolve("escape"), outside);
    // A lock file that is a link: never opened.
    String lockLink = UUID.randomUUID().toString();
    Files.createDirectories(root.resolve(lockLink));
    Files.createSymbolicLink(root.resolve(lockLink + ".lock"), outside.resolve("keep.txt"));

    List<String> said = recover();

    assertEquals(
        List.of("removed the Spark scratch files of 2 command(s) that stopped"), said, "" + said);
    assertEquals("not the home's", Files.readString(outside.resolve("keep.txt")));
    assertTrue(Files.isDirectory(root.resolve("notes")));
    assertTrue(Files.exists(root.resolve("...lock")));
    assertTrue(Files.exists(root.resolve(".lock")));
    assertFalse(Files.exists(root.resolve(linked), LinkOption.NOFOLLOW_LINKS), "the link went");
    assertFalse(Files.exists(stopped));
    assertTrue(Files.isDirectory(root.resolve(lockLink)), "a lock that is a link is not opened");
  }

  @Test
  void aScratchFolderThatIsALinkIsRefused() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(homeRoot());
    Files.createSymbolicLink(homeRoot().resolve(".scratch"), outside);
    UserError made = assertThrows(UserError.class, () -> ScratchSpace.create(homeRoot()));
    assertTrue(made.getMessage().contains("symbolic link"), made.getMessage());
    UserError locked = assertThrows(UserError.class, this::recover);
    assertTrue(locked.getMessage().contains(".scratch is a symbolic link"), locked.getMessage());
    UserError recovered =
        assertThrows(
            UserError.class,
            () -> ScratchSpace.recover(new FileStore(new Configuration()), home()));
    assertTrue(recovered.getMessage().contains("symbolic link"), recovered.getMessage());
    try (var left = Files.list(outside)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aHomeOnAnotherFileSystemHasNoLocalScratch() {
    assertTrue(ScratchSpace.localRoot(Home.at("hdfs://namenode/programmes/eng"), "file").isEmpty());
    assertEquals(
        Path.of("/srv/eng"),
        ScratchSpace.localRoot(Home.at("file:///srv/eng"), "hdfs").orElseThrow());
    // A path without a scheme is on Hadoop's default file system.
    assertTrue(ScratchSpace.localRoot(Home.at("/hr/eng"), "hdfs").isEmpty());
    assertEquals(Path.of("/hr/eng"), ScratchSpace.localRoot(Home.at("/hr/eng"), "file").get());
  }

  /** A second JVM: holds a scratch folder, or says whether a lock file is held. */
  public static final class Child {
    /** {@code hold HOME}: prints the folder, holds it until stdin closes; {@code probe LOCK}. */
    public static void main(String[] args) throws IOException {
      if (args[0].equals("hold")) {
        try (ScratchSpace s = ScratchSpace.create(Path.of(args[1]))) {
          System.out.println(s.dir());
          System.out.flush();
          System.in.read();
        }
      } else {
        try (FileChannel c = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE)) {
          FileLock lock = c.tryLock();
          System.out.println(lock == null ? "held" : "free");
        }
      }
    }

    static Process start(String... args) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(java, "-cp", System.getProperty("java.class.path"), Child.class.getName()));
      cmd.addAll(List.of(args));
      return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static String firstLine(Process p) throws IOException {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (line == null) {
        throw new AssertionError("the child printed nothing");
      }
      return line;
    }

    static String probe(Path lockFile) throws Exception {
      Process p = start("probe", lockFile.toString());
      String said = firstLine(p);
      assertEquals(0, p.waitFor());
      return said;
    }
  }
}
