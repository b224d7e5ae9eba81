package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunId;
import org.mentormatch.UserError;

/** A run appears whole, with _SUCCESS written last, or not at all; crashes leave no half run. */
class RunWriterTest {
  private static final RunId R1 = RunId.of("r1");

  @TempDir Path dir;

  private Home home() {
    return Home.at(dir.toString());
  }

  private static void write(RunWriter run, String file, String text) throws IOException {
    try (OutputStream out = run.create(file)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private List<String> runsDirectory() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aCommittedRunHasItsFilesAndSuccessAndNoDraftIsLeft() throws IOException {
    RunWriter run = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(run, "proposals/part-00000.avro", "a");
    write(run, "summary.json", "{}");
    assertFalse(Files.exists(dir.resolve("runs/r1")), "nothing visible before commit");
    run.commit();
    run.abort(); // what a finally block does after a commit: harmless
    assertEquals("a", Files.readString(dir.resolve("runs/r1/proposals/part-00000.avro")));
    assertTrue(Files.exists(dir.resolve("runs/r1/_SUCCESS")));
    assertEquals(List.of("r1"), runsDirectory());
  }

  @Test
  void aRunThatCrashesBeforeCommitIsInvisibleAndItsDraftIsClearedNextTime() throws IOException {
    RunWriter crashed = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(crashed, "review.csv", "half");
    // the process dies here: no commit, no abort
    assertFalse(Files.exists(dir.resolve("runs/r1")));
    assertEquals(1, runsDirectory().size(), "a hidden draft: " + runsDirectory());
    String draft = runsDirectory().get(0);
    assertTrue(draft.startsWith(".r1~writing-"), draft);

    assertEquals(
        List.of(
            "removed the unfinished draft of run r1 ("
                + draft
                + "), left by a match that stopped before publishing it"),
        RunWriter.recover(new FileStore(new Configuration()), home()));
    RunWriter next = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(next, "review.csv", "whole");
    next.commit();
    assertEquals(List.of("r1"), runsDirectory());
    assertEquals("whole", Files.readString(dir.resolve("runs/r1/review.csv")));
  }

  @Test
  void everyHiddenLeftoverRecoveryRemovesIsReportedByNameAndRun() throws IOException {
    RunWriter first = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(first, "review.csv", "published");
    first.commit();
    // A commit that published r1 again and died before deleting the copy it had set aside, and
    // hidden names no writer makes: one with no run id, one with a line break in it.
    Files.createDirectories(dir.resolve("runs/.r1~replaced-n1"));
    Files.createDirectories(dir.resolve("runs/.~writing-n2"));
    Files.createDirectories(dir.resolve("runs/.r2~writing-\n\u2028"));

    assertEquals(
        List.of(
            "removed the earlier copy of run r1 (.r1~replaced-n1), set aside by a match that"
                + " published its replacement and then stopped",
            "removed the hidden leftover '.~writing-n2' from the runs folder: it is no run's"
                + " draft or copy",
            "removed the unfinished draft of run r2 (.r2~writing-<U+000A><U+2028>), left by a"
                + " match that stopped before publishing it"),
        RunWriter.recover(new FileStore(new Configuration()), home()).stream().sorted().toList());
    assertEquals(List.of("r1"), runsDirectory());
    assertEquals("published", Files.readString(dir.resolve("runs/r1/review.csv")));
  }

  @Test
  void aFailedRunIsAbortedAndTheEarlierRunOfTheSameIdIsUntouched() throws IOException {
    RunWriter first = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(first, "review.csv", "first");
    first.commit();
    RunWriter failed = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(failed, "review.csv", "second, never finished");
    failed.abort();
    assertEquals(List.of("r1"), runsDirectory());
    assertEquals("first", Files.readString(dir.resolve("runs/r1/review.csv")));
    assertTrue(Files.exists(dir.resolve("runs/r1/_SUCCESS")));
  }

  @Test
  void aRerunReplacesTheWholeEarlierRun() throws IOException {
    RunWriter first = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(first, "old-only.csv", "x");
    write(first, "review.csv", "first");
    first.commit();
    RunWriter second = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(second, "review.csv", "second");
    second.commit();
    assertEquals("second", Files.readString(dir.resolve("runs/r1/review.csv")));
    assertFalse(Files.exists(dir.resolve("runs/r1/old-only.csv")));
    assertEquals(List.of("r1"), runsDirectory());
  }

  @Test
  void aCrashJustBeforeSuccessLeavesARunThatDoesNotCount() throws IOException {
    FileStore failsOnSuccess =
        new FileStore(new Configuration()) {
          @Override
          public OutputStream create(org.apache.hadoop.fs.Path path) throws IOException {
            if (path.getName().equals(Home.SUCCESS)) {
              throw new IOException("disk full (simulated)");
            }
            return super.create(path);
          }
        };
    RunWriter run = RunWriter.begin(failsOnSuccess, home(), R1);
    write(run, "review.csv", "complete but unmarked");
    assertThrows(IOException.class, run::commit);
    assertFalse(Files.exists(dir.resolve("runs/r1")), "no run without _SUCCESS");
  }

  /** A store whose {@code n}-th rename fails when {@code fails} says so, as if the disk refused. */
  private static FileStore renamesFailing(java.util.function.IntPredicate fails) {
    return new FileStore(new Configuration()) {
      int renames;

      @Override
      public void rename(org.apache.hadoop.fs.Path from, org.apache.hadoop.fs.Path to)
          throws IOException {
        if (fails.test(++renames)) {
          throw new IOException("rename refused (simulated)");
        }
        super.rename(from, to);
      }
    };
  }

  /**
   * Run r1 ("first") published, then a replacement ("second") that crashes once the old run is
   * moved aside: every later rename fails, even the commit's own roll-back.
   */
  private void crashAReplacementOfR1() throws IOException {
    RunWriter first = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(first, "review.csv", "first");
    first.commit();
    RunWriter second = RunWriter.begin(renamesFailing(n -> n >= 2), home(), R1);
    write(second, "review.csv", "second");
    assertThrows(IOException.class, second::commit);
  }

  @Test
  void aCrashBetweenMovingTheOldRunAsideAndTheNewOneInRestoresTheOldRun() throws IOException {
    crashAReplacementOfR1();
    assertFalse(
        Files.exists(dir.resolve("runs/r1")), "the moment of the crash: " + runsDirectory());
    String draft = runsDirectory().get(1);

    assertEquals(
        List.of(
            "run r1 restored: a replacement of it had crashed",
            "removed the unfinished draft of run r1 ("
                + draft
                + "), left by a match that stopped before publishing it"),
        RunWriter.recover(new FileStore(new Configuration()), home()));
    assertEquals(List.of("r1"), runsDirectory());
    assertEquals("first", Files.readString(dir.resolve("runs/r1/review.csv")));
    assertTrue(Files.exists(dir.resolve("runs/r1/_SUCCESS")));
  }

  @Test
  void anEarlierRunSetAsideIsKeptWhenALinkStandsInItsPlace() throws IOException {
    crashAReplacementOfR1();
    // After the crash, a link to another folder is put where the run was.
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.createSymbolicLink(dir.resolve("runs/r1"), outside);
    String aside =
        runsDirectory().stream().filter(n -> n.contains("~replaced-")).findFirst().orElseThrow();

    List<String> repaired = RunWriter.recover(new FileStore(new Configuration()), home());

    assertTrue(
        repaired.stream()
            .anyMatch(
                line ->
                    line.startsWith("left the earlier copy of run r1 (" + aside + ") where it")),
        repaired.toString());
    assertEquals("first", Files.readString(dir.resolve("runs/" + aside + "/review.csv")));
    try (java.util.stream.Stream<Path> s = Files.list(outside)) {
      assertEquals(0, s.count(), "nothing went through the link");
    }
    // Once the link is gone, the run comes back.
    Files.delete(dir.resolve("runs/r1"));
    assertEquals(
        List.of("run r1 restored: a replacement of it had crashed"),
        RunWriter.recover(new FileStore(new Configuration()), home()));
    assertEquals("first", Files.readString(dir.resolve("runs/r1/review.csv")));
  }

  @Test
  void aCommitWhoseFinalRenameFailsPutsTheOldRunBack() throws IOException {
    RunWriter first = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(first, "review.csv", "first");
    first.commit();
    RunWriter second = RunWriter.begin(renamesFailing(n -> n == 2), home(), R1);
    write(second, "review.csv", "second");
    assertThrows(IOException.class, second::commit);
    second.abort();
    assertEquals(List.of("r1"), runsDirectory());
    assertEquals("first", Files.readString(dir.resolve("runs/r1/review.csv")));
  }

  @Test
  void aCrashedReplacementIsRestoredUnderItsOwnIdNotThatOfARunWhoseIdStartsTheSame()
      throws IOException {
    RunWriter first = RunWriter.begin(new FileStore(new Configuration()), home(), RunId.of("r1.b"));
    write(first, "review.csv", "r1.b");
    first.commit();
    RunWriter crashed = RunWriter.begin(renamesFailing(n -> n >= 2), home(), RunId.of("r1.b"));
    write(crashed, "review.csv", "never published");
    assertThrows(IOException.class, crashed::commit);
    String draft = runsDirectory().get(1);

    assertEquals(
        List.of(
            "run r1.b restored: a replacement of it had crashed",
            "removed the unfinished draft of run r1.b ("
                + draft
                + "), left by a match that stopped before publishing it"),
        RunWriter.recover(new FileStore(new Configuration()), home()));
    RunWriter other = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(other, "review.csv", "r1");
    other.commit();
    assertEquals(List.of("r1", "r1.b"), runsDirectory());
    assertEquals("r1.b", Files.readString(dir.resolve("runs/r1.b/review.csv")));
  }

  @Test
  void aLinkAmongTheLeftoversIsRemovedNeverRestoredAndWhatItPointsToIsKept() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("keep.txt"), "kept");
    Files.createDirectories(dir.resolve("runs"));
    Files.createSymbolicLink(dir.resolve("runs/.r3~replaced-q"), outside);

    assertEquals(
        List.of(
            "removed the link '.r3~replaced-q' from the runs folder (not what it points to): a run"
                + " is never a link"),
        RunWriter.recover(new FileStore(new Configuration()), home()));
    assertEquals(List.of(), runsDirectory(), "no run r3 made of the link");
    assertEquals("kept", Files.readString(outside.resolve("keep.txt")));
  }

  @Test
  void aLeftoverHadoopCannotNameIsReportedAndStopsNothing() throws IOException {
    Files.createDirectories(dir.resolve("runs"));
    Files.createFile(dir.resolve("runs/.a:b~c"));
    RunWriter draft = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(draft, "review.csv", "never published");

    List<String> repaired = RunWriter.recover(new FileStore(new Configuration()), home());
    assertEquals(2, repaired.size(), repaired.toString());
    assertTrue(
        repaired.get(0).startsWith("could not remove the hidden leftover '.a:b~c' from the runs"),
        repaired.get(0));
    assertTrue(repaired.get(0).endsWith("): remove it by hand"), repaired.get(0));
    assertTrue(
        repaired.get(1).startsWith("removed the unfinished draft of run r1"), repaired.get(1));
    RunWriter next = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(next, "review.csv", "whole");
    next.commit();
    assertEquals("whole", Files.readString(dir.resolve("runs/r1/review.csv")));
  }

  @Test
  void aRunFolderThatIsALinkIsRefusedBeforeWritingAndLeftAsItWas() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("review.csv"), "theirs");
    Files.createDirectories(dir.resolve("runs"));
    Files.createSymbolicLink(dir.resolve("runs/r1"), elsewhere);
    UserError e =
        assertThrows(
            UserError.class, () -> RunWriter.begin(new FileStore(new Configuration()), home(), R1));
    assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
    assertTrue(Files.isSymbolicLink(dir.resolve("runs/r1")), "the link stays");
    assertEquals("theirs", Files.readString(elsewhere.resolve("review.csv")));
    assertEquals(List.of("r1"), runsDirectory(), "no draft was made");
  }

  @Test
  void aLinkPlantedWhileTheRunIsWrittenIsNotReplacedByTheCommit() throws IOException {
    RunWriter run = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(run, "review.csv", "new");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createSymbolicLink(dir.resolve("runs/r1"), elsewhere);
    assertThrows(UserError.class, run::commit);
    run.abort();
    assertTrue(Files.isSymbolicLink(dir.resolve("runs/r1")), "the link stays");
    try (Stream<Path> s = Files.list(elsewhere)) {
      assertEquals(0, s.count(), "nothing was written through the link");
    }
    assertEquals(List.of("r1"), runsDirectory(), "the draft is gone");
  }

  @Test
  void aRunsFolderSwappedForALinkMidRunIsNotWrittenThroughNorEmptied() throws IOException {
    RunWriter run = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(run, "review.csv", "new");
    // Another programme's runs, put in place of this home's while the night works.
    Path other = Files.createDirectories(dir.resolve("other/runs/r1"));
    Files.writeString(other.resolve("review.csv"), "theirs, decided on");
    Files.move(dir.resolve("runs"), dir.resolve("runs.moved"));
    Files.createSymbolicLink(dir.resolve("runs"), other.getParent());

    assertThrows(UserError.class, () -> write(run, "summary.json", "{}"));
    assertThrows(UserError.class, run::commit);
    run.abort();
    assertEquals("theirs, decided on", Files.readString(other.resolve("review.csv")));
    try (Stream<Path> s = Files.list(other.getParent())) {
      assertEquals(List.of("r1"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void aDraftSwappedForALinkIsNotWrittenThroughNorPublished() throws IOException {
    RunWriter run = RunWriter.begin(new FileStore(new Configuration()), home(), R1);
    write(run, "review.csv", "new");
    Path draft =
        runsDirectory().stream().map(n -> dir.resolve("runs").resolve(n)).findFirst().orElseThrow();
    Path victim = Files.createDirectories(dir.resolve("victim"));
    Files.writeString(victim.resolve("summary.json"), "precious");
    Files.move(draft, dir.resolve("moved-draft"));
    Files.createSymbolicLink(draft, victim);

    assertThrows(UserError.class, () -> write(run, "summary.json", "{}"));
    assertThrows(UserError.class, run::commit);
    assertEquals("precious", Files.readString(victim.resolve("summary.json")));
    assertFalse(Files.exists(victim.resolve(Home.SUCCESS)));
    assertFalse(Files.exists(dir.resolve("runs/r1")), "nothing published");
  }
}
