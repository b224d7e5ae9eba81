package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How the members CSV is read.
 *
 * @param maxLinesPerRecord most physical lines one CSV record may span
 */
public record IngestConfig(int maxLinesPerRecord) implements Serializable {
  static final Setting<Integer> MAX_LINES_PER_RECORD =
      Setting.integer(
          "ingest.max_lines_per_record",
          100,
          1,
          1_000_000,
          "Most physical lines one CSV record may span through quoted line breaks; a quoted field"
              + " still open after this many lines means the file's quoting is broken, and the run"
              + " stops naming the line where it opened.");

  static final List<Setting<?>> SETTINGS = List.of(MAX_LINES_PER_RECORD);

  static IngestConfig read(SettingValues v) {
    return new IngestConfig(v.get(MAX_LINES_PER_RECORD));
  }
}
