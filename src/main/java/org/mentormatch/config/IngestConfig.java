package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How the members CSV is read, and how large a row may be.
 *
 * @param maxLinesPerRecord most physical lines one CSV record may span
 * @param maxCellChars most characters in any one cell
 * @param maxPhraseChars most characters in one goal or skill phrase
 * @param maxPhrasesPerCell most phrases in one goals or skills cell
 */
public record IngestConfig(
    int maxLinesPerRecord, int maxCellChars, int maxPhraseChars, int maxPhrasesPerCell)
    implements Serializable {
  static final Setting<Integer> MAX_LINES_PER_RECORD =
      Setting.integer(
          "ingest.max_lines_per_record",
          100,
          1,
          1_000_000,
          "Most physical lines one CSV record may span through quoted line breaks; a quoted field"
              + " still open after this many lines means the file's quoting is broken, and the run"
              + " stops naming the line where it opened.");

  static final Setting<Integer> MAX_CELL_CHARS =
      Setting.integer(
          "ingest.max_cell_chars",
          2_000,
          100,
          1_000_000,
          "Most characters in any one cell, whatever its column; a longer cell rejects its row"
              + " (so one pasted document cannot crowd everyone's topics out of the vocabulary).");

  static final Setting<Integer> MAX_PHRASE_CHARS =
      Setting.integer(
          "ingest.max_phrase_chars",
          150,
          10,
          10_000,
          "Most characters in one goal or skill phrase (phrases are separated by ';' or line"
              + " breaks); a longer phrase rejects its row.");

  static final Setting<Integer> MAX_PHRASES_PER_CELL =
      Setting.integer(
          "ingest.max_phrases_per_cell",
          20,
          1,
          1_000,
          "Most phrases in one goals or skills cell; more rejects the row.");

  static final List<Setting<?>> SETTINGS =
      List.of(MAX_LINES_PER_RECORD, MAX_CELL_CHARS, MAX_PHRASE_CHARS, MAX_PHRASES_PER_CELL);

  /** The defaults. */
  public static IngestConfig defaults() {
    return new IngestConfig(
        MAX_LINES_PER_RECORD.defaultValue(),
        MAX_CELL_CHARS.defaultValue(),
        MAX_PHRASE_CHARS.defaultValue(),
        MAX_PHRASES_PER_CELL.defaultValue());
  }

  static IngestConfig read(SettingValues v) {
    return new IngestConfig(
        v.get(MAX_LINES_PER_RECORD),
        v.get(MAX_CELL_CHARS),
        v.get(MAX_PHRASE_CHARS),
        v.get(MAX_PHRASES_PER_CELL));
  }
}
