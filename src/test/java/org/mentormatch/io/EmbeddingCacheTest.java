package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache segment reads back exactly what was written, and any damage, another model's vectors or
 * another layout is reported instead of read (reading through Spark and whole runs: {@code
 * EmbeddingCacheIT}).
 */
class EmbeddingCacheTest {
  private static final String MODEL = "test-model-q1-0123456789ab";
  private static final int DIMS = 4;

  @TempDir Path dir;

  private static List<Row> entries() {
    return List.of(
        RowFactory.create("public speaking", new byte[] {1, -2, 3, 127}),
        RowFactory.create("négociation", new byte[] {-127, 0, 5, 9}));
  }

  private static List<Row> read(byte[] bytes, String model) {
    List<Row> out = new ArrayList<>();
    Iterator<Row> it = EmbeddingCache.entries("seg.emb", bytes, model, DIMS);
    it.forEachRemaining(out::add);
    return out;
  }

  private static String problem(byte[] bytes) {
    List<Row> rows = read(bytes, MODEL);
    assertEquals(1, rows.size(), "one row naming the problem");
    assertNull(rows.get(0).get(1), "no entry is read from a damaged segment");
    return rows.get(0).getString(3);
  }

  @Test
  void aSegmentReadsBackWhatWasWritten() throws IOException {
    List<Row> rows = read(EmbeddingCache.encode(MODEL, DIMS, entries()), MODEL);
    assertEquals(2, rows.size());
    for (int i = 0; i < 2; i++) {
      assertEquals("seg.emb", rows.get(i).getString(0));
      assertEquals(entries().get(i).getString(0), rows.get(i).getString(1));
      assertArrayEquals((byte[]) entries().get(i).get(1), (byte[]) rows.get(i).get(2));
      assertNull(rows.get(i).get(3));
    }
  }

  @Test
  void aTruncatedSegmentIsNotRead() throws IOException {
    byte[] bytes = EmbeddingCache.encode(MODEL, DIMS, entries());
    for (int cut : new int[] {0, 5, 20, bytes.length - 9, bytes.length - 1}) {
      String why = problem(Arrays.copyOf(bytes, cut));
      assertTrue(why.contains("truncated") || why.contains("checksum"), cut + ": " + why);
    }
  }

  @Test
  void aChangedByteFailsTheChecksum() throws IOException {
    byte[] bytes = EmbeddingCache.encode(MODEL, DIMS, entries());
    for (int at = 8; at < bytes.length; at += 7) {
      byte[] damaged = bytes.clone();
      damaged[at] ^= 0x10;
      assertTrue(problem(damaged).contains("checksum"), "byte " + at);
    }
  }

  @Test
  void anotherModelsSegmentIsNotRead() throws IOException {
    byte[] bytes = EmbeddingCache.encode("another-model-q1-ffffffffffff", DIMS, entries());
    assertTrue(problem(bytes).contains("another model"), problem(bytes));
  }

  @Test
  void anotherLayoutIsNotRead() throws IOException {
    assertTrue(problem(EmbeddingCache.encode(MODEL, 3, List.of())).contains("components"));
    byte[] bytes = EmbeddingCache.encode(MODEL, DIMS, entries());
    bytes[7] = '2'; // MMEMBED2: a later format
    assertTrue(problem(bytes).contains("not an embedding segment"));
  }

  @Test
  void aSegmentIsWrittenWholeUnderItsNameAndHalfWrittenOnesAreRemoved() throws IOException {
    FileStore files = new FileStore(new Configuration());
    Home home = Home.at(dir.toString());
    long written = EmbeddingCache.append(files, home, MODEL, DIMS, entries().iterator());
    assertEquals(2, written);
    Path models = dir.resolve("cache/embeddings").resolve(MODEL);
    List<Path> segments;
    try (var s = Files.list(models)) {
      segments = s.toList();
    }
    assertEquals(1, segments.size());
    assertTrue(segments.get(0).getFileName().toString().endsWith(".emb"));
    assertEquals(2, read(Files.readAllBytes(segments.get(0)), MODEL).size());

    Path crashed = models.resolve(".writing-20261121000000-deadbeef-00000.emb");
    Files.write(crashed, new byte[] {1, 2, 3});
    List<String> repaired = EmbeddingCache.recover(files, home);
    assertEquals(1, repaired.size());
    assertTrue(Files.notExists(crashed));
    assertTrue(Files.exists(segments.get(0)));
  }
}
