package org.mentormatch.jobs;

import picocli.CommandLine.Option;

/** The {@code --home} option every command shares: where the programme's files live. */
final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Programme home directory (default: var in the project).")
  String dir = ProjectPaths.resolve("var");
}
