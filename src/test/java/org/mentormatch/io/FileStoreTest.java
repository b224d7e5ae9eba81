package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.UserError;

/** Links inside a home are refused wherever a command is about to go; the home may be one. */
class FileStoreTest {
  @TempDir Path dir;

  private final FileStore files = new FileStore(new Configuration());

  private static org.apache.hadoop.fs.Path hadoop(Path p) {
    return new org.apache.hadoop.fs.Path(p.toUri());
  }

  @Test
  void aHomeReachedThroughALinkIsItsOwnAndPathsNotMadeYetPass() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real/runs"));
    Path home = Files.createSymbolicLink(dir.resolve("home"), real.getParent());
    assertDoesNotThrow(
        () -> files.refuseLinksBelow(hadoop(home), hadoop(home.resolve("runs/r1/review.csv"))));
  }

  @Test
  void aLinkAnywhereBelowTheHomeIsRefusedByName() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Path outside = Files.createDirectories(dir.resolve("outside/r1"));
    Files.createSymbolicLink(home.resolve("runs"), outside.getParent());
    UserError e =
        assertThrows(
            UserError.class,
            () -> files.refuseLinksBelow(hadoop(home), hadoop(home.resolve("runs/r1/x.csv"))));
    assertTrue(
        e.getMessage().startsWith(home.resolve("runs") + " is a symbolic link"), e.getMessage());
  }

  @Test
  void aDanglingLinkAtTheFileItselfIsRefused() throws IOException {
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.createSymbolicLink(home.resolve("review.csv"), dir.resolve("nowhere"));
    assertThrows(
        UserError.class,
        () -> files.refuseLinksBelow(hadoop(home), hadoop(home.resolve("review.csv"))));
  }

  @Test
  void aPathOutsideTheHomeIsAMistakeOfTheCaller() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            files.refuseLinksBelow(hadoop(dir.resolve("home")), hadoop(dir.resolve("home/../x"))));
  }
}
