package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunId;
import org.mentormatch.UserError;

/** The home's layout, and which of its folders count as runs for every reader. */
class HomeTest {
  @TempDir Path dir;

  private void run(String name, boolean complete) throws IOException {
    Path run = dir.resolve("runs").resolve(name);
    Files.createDirectories(run.resolve("proposals"));
    if (complete) {
      Files.writeString(run.resolve(Home.SUCCESS), "");
    }
  }

  @Test
  void onlyCompleteRunsWithValidIdsThatAreNotLinksAreRuns() throws IOException {
    run("2026-11-21", true);
    run("2026-11-22", false);
    run("_2026-11-23", true);
    run(".2026-11-24", true);
    run("a b", true);
    Path outside = dir.resolve("elsewhere");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve(Home.SUCCESS), "");
    Files.createSymbolicLink(dir.resolve("runs").resolve("2026-11-25"), outside);

    List<RunId> runs = Home.at(dir.toString()).completeRuns(new FileStore(new Configuration()));

    assertEquals(List.of(RunId.of("2026-11-21")), runs);
  }

  @Test
  void aHomeThatReadsAsAUriSchemeIsAPlainUserError() {
    UserError e = assertThrows(UserError.class, () -> Home.at("my:home"));

    assertTrue(e.getMessage().contains("write it as ./my:home"), e.getMessage());
    assertEquals(new org.apache.hadoop.fs.Path("./my:home"), Home.at("./my:home").root());
  }
}
