package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.SparkTestSession;
import org.mentormatch.UserError;
import org.mentormatch.search.ListMemory;
import org.mentormatch.search.TopMentors;

/**
 * Kept lists are read back as written, and only under the settings they were written under; a
 * damaged, truncated, half-written or linked generation is never read, says why, and is replaced.
 */
class KeptListStoreIT {
  private static final long SETTINGS = 0x1234_5678_9abc_def0L;

  @TempDir Path dir;
  private final List<String> said = new ArrayList<>();

  private KeptListStore store() {
    return new KeptListStore(
        SparkTestSession.get(),
        new FileStore(new Configuration()),
        Home.at(dir.toString()),
        said::add);
  }

  /** The start-up check, the recall and the keep each refuse the home as it stands. */
  private void assertEveryStepRefuses() {
    assertThrows(UserError.class, this::refuseLinksAtStart);
    assertThrows(UserError.class, () -> store().recall(SETTINGS));
    assertThrows(UserError.class, () -> store().keep(SETTINGS, lists("e2"), mentors()));
  }

  /** What the nightly job checks before its stages. */
  private void refuseLinksAtStart() throws IOException {
    KeptListStore.refuseLinks(new FileStore(new Configuration()), Home.at(dir.toString()));
  }

  private static Dataset<Row> lists(String... mentees) {
    List<Row> rows = new ArrayList<>();
    for (String m : mentees) {
      Row match = RowFactory.create("a goal", "a skill", 0.75, "similar meaning");
      Row entry = RowFactory.create("r-" + m, 0.8, 0.75, 1.0, 0.5, 1.0, 4.0, new Row[] {match});
      rows.add(RowFactory.create(m, (long) m.hashCode(), false, new Row[] {entry}, "whole", 3, 0));
    }
    return SparkTestSession.get().createDataFrame(rows, TopMentors.LISTS);
  }

  private static Dataset<Row> mentors() {
    return SparkTestSession.get()
        .createDataFrame(
            List.of(RowFactory.create("r-e1", 11L), RowFactory.create("r-e2", 22L)),
            new StructType()
                .add("mentor_member_id", DataTypes.StringType, false)
                .add("fingerprint", DataTypes.LongType, false));
  }

  private static List<String> sorted(Dataset<Row> rows) {
    List<String> out = new ArrayList<>();
    rows.collectAsList().forEach(r -> out.add(r.toString()));
    out.sort(null);
    return out;
  }

  private Path generation() throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("cache/search"))) {
      List<Path> all = s.toList();
      assertEquals(1, all.size(), all.toString());
      return all.get(0);
    }
  }

  private Path aListsFile() throws IOException {
    try (Stream<Path> s = Files.list(generation().resolve("lists"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .filter(p -> p.toFile().length() > 0)
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void listsAreReadBackAsWrittenUnderTheirSettingsOnly() {
    Dataset<Row> written = lists("e1", "e2");
    assertEquals(sorted(written), sorted(store().keep(SETTINGS, written, mentors())));
    ListMemory.Kept kept = store().recall(SETTINGS);
    assertNotNull(kept);
    assertEquals(sorted(written), sorted(kept.lists()));
    assertEquals(Map.of("r-e1", 11L, "r-e2", 22L), kept.mentors());
    assertTrue(said.isEmpty(), said.toString());

    assertNull(store().recall(SETTINGS + 1));
    assertEquals(1, said.size());
    assertTrue(said.get(0).contains("other settings"), said.get(0));
  }

  @Test
  void aNewNightReplacesTheLastAndAHalfWrittenOne() throws IOException {
    store().keep(SETTINGS, lists("e1"), mentors());
    Path dead = dir.resolve("cache/search/night-00000002");
    Files.createDirectories(dead.resolve("lists")); // died before its manifest
    Files.writeString(dead.resolve("lists/part-0.parquet"), "half");
    assertEquals(List.of("[e1"), firstFields(store().recall(SETTINGS)));
    store().keep(SETTINGS, lists("e2", "e3"), mentors());
    assertEquals("night-00000003", generation().getFileName().toString());
    assertEquals(1, said.size(), said.toString());
    assertTrue(said.get(0).contains("removed night-00000002, which has no manifest"), said.get(0));
    assertEquals(List.of("[e2", "[e3"), firstFields(store().recall(SETTINGS)));
  }

  private static List<String> firstFields(ListMemory.Kept kept) {
    List<String> out = new ArrayList<>();
    for (String r : sorted(kept.lists())) {
      out.add(r.substring(0, r.indexOf(',')));
    }
    return out;
  }

  @Test
  void aChangedByteIsFoundByTheChecksum() throws IOException {
    store().keep(SETTINGS, lists("e1", "e2"), mentors());
    Path file = aListsFile();
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(file, bytes);
    assertNull(store().recall(SETTINGS));
    assertTrue(said.get(0).contains("fails its checksum"), said.toString());
    assertTrue(said.get(0).contains("searched whole"), said.toString());
  }

  @Test
  void aTruncatedOrMissingFileIsNotRead() throws IOException {
    store().keep(SETTINGS, lists("e1", "e2"), mentors());
    Path file = aListsFile();
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 10));
    assertNull(store().recall(SETTINGS));
    assertTrue(said.get(0).contains("another length"), said.toString());
    Files.delete(file);
    assertNull(store().recall(SETTINGS));
    assertTrue(said.get(1).contains("missing"), said.toString());
    // The next night writes a whole new generation in its place.
    store().keep(SETTINGS, lists("e3"), mentors());
    assertEquals(List.of("[e3"), firstFields(store().recall(SETTINGS)));
  }

  @Test
  void aManifestNamingAFileElsewhereIsNotRead() throws IOException {
    store().keep(SETTINGS, lists("e1"), mentors());
    Path manifest = generation().resolve("manifest.json");
    Files.writeString(
        manifest, Files.readString(manifest).replaceFirst("\"lists/", "\"../../lists/"));
    assertNull(store().recall(SETTINGS));
    assertTrue(said.get(0).contains("outside it"), said.toString());
  }

  @Test
  void aManifestLargerThanAnyNightWritesIsNotRead() throws IOException {
    store().keep(SETTINGS, lists("e1"), mentors());
    Path manifest = generation().resolve("manifest.json");
    Files.writeString(manifest, Files.readString(manifest) + " ".repeat(2 << 20));
    assertNull(store().recall(SETTINGS));
    assertTrue(said.get(0).contains("larger than any night writes"), said.toString());
  }

  @Test
  void aLinkedFileIsNotReadAndALinkedNightOrFolderIsRefused() throws IOException {
    store().keep(SETTINGS, lists("e1"), mentors());
    Path file = aListsFile();
    Path outside = dir.resolve("outside.parquet");
    Files.move(file, outside);
    Files.createSymbolicLink(file, outside);
    assertNull(store().recall(SETTINGS));
    assertTrue(said.get(0).contains("is a link"), said.toString());

    // A linked night is refused, as the next night would have to delete it.
    Path night = generation();
    Path away = dir.resolve("away");
    Files.move(night, away);
    Files.createSymbolicLink(night, away);
    assertEveryStepRefuses();
    Files.delete(night);
    Files.move(away, night);
    refuseLinksAtStart(); // a linked file is no reason to stop a night: it is only not read

    Path search = dir.resolve("cache/search");
    Path elsewhere = dir.resolve("elsewhere");
    Files.move(search, elsewhere);
    Files.createSymbolicLink(search, elsewhere);
    assertEveryStepRefuses();
    assertTrue(Files.exists(elsewhere.resolve(generation().getFileName())));
  }
}
