package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The shipped model, really run (never from the JVM's memory of earlier vectors): one vector per
 * phrase whatever else is embedded with it, in what order, on how many threads; similar phrases
 * near, unrelated ones apart.
 */
class PhraseEmbedderTest {
  private static final PhraseEmbedder EMBEDDER = PhraseEmbedder.shipped();

  private static final List<String> PHRASES =
      List.of(
          "public speaking",
          "stop dreading all-hands updates",
          "keep attackers out of our systems",
          "application security",
          "get a better deal from suppliers",
          "negotiation",
          "pull numbers from our warehouse myself",
          "SQL",
          "Café naïve résumé C++ node.js",
          "a rather longer phrase about building and running data pipelines every night");

  @Test
  void quantisedVectorsAreUnitLengthIntegers() {
    for (byte[] v : EMBEDDER.embed(PHRASES)) {
      assertEquals(PhraseEmbedder.DIMENSIONS, v.length);
      double norm = Math.sqrt(PhraseEmbedder.dot(v, v)) / PhraseEmbedder.SCALE;
      assertEquals(1, norm, 0.01);
    }
  }

  @Test
  void aPhrasesVectorDoesNotDependOnTheOtherPhrasesOrTheirOrder() {
    byte[][] together = EMBEDDER.embedAgain(PHRASES);
    List<String> reversed = new ArrayList<>(PHRASES);
    Collections.reverse(reversed);
    byte[][] backwards = EMBEDDER.embedAgain(reversed);
    for (int i = 0; i < PHRASES.size(); i++) {
      byte[] alone = EMBEDDER.embedAgain(List.of(PHRASES.get(i)))[0];
      assertArrayEquals(alone, together[i], PHRASES.get(i));
      assertArrayEquals(alone, backwards[PHRASES.size() - 1 - i], PHRASES.get(i));
    }
  }

  @Test
  void concurrentTasksAndMoreModelThreadsGiveTheSameVectors() throws Exception {
    byte[][] expected = EMBEDDER.embedAgain(PHRASES);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<byte[][]>> runs = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        runs.add(pool.submit(() -> EMBEDDER.embedAgain(PHRASES)));
      }
      for (Future<byte[][]> run : runs) {
        assertArrayEquals(expected, run.get());
      }
    } finally {
      pool.shutdown();
    }
    assertArrayEquals(
        expected, new PhraseEmbedder(PhraseEmbedder.ALL_MINILM_L6_V2_Q, 2).embedAgain(PHRASES));
  }

  @Test
  void theSameKeyGivesTheSameVectorAndMeaningOrdersPhrases() {
    byte[][] v =
        EMBEDDER.embed(
            List.of(
                PhraseEmbedder.key("Application  Security"),
                "application security",
                "keep attackers out of our systems",
                "bake sourdough bread"));
    assertArrayEquals(v[0], v[1]);
    assertEquals(1.0, PhraseEmbedder.cosine(v[0], v[1]), 1e-12);
    double related = PhraseEmbedder.cosine(v[1], v[2]);
    double unrelated = PhraseEmbedder.cosine(v[1], v[3]);
    assertTrue(related > unrelated + 0.2, related + " vs " + unrelated);
  }

  @Test
  void theIdentityNamesTheModelAndTheHashOfItsFiles() {
    String id = EMBEDDER.identity();
    assertTrue(id.matches("all-minilm-l6-v2-q-q1-[0-9a-f]{12}"), id);
    assertNotEquals(id, "all-minilm-l6-v2-q");
  }
}
