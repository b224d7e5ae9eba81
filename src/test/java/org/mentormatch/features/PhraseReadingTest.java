package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentormatch.features.PhraseReading.Anchor;

/**
 * A phrase the taxonomy knows is drawn towards its concept's names and, harder, towards the goals
 * people write for it; a phrase it does not know keeps its own vector. Synthetic embeddings along
 * axes, so every cosine is known.
 */
class PhraseReadingTest {

  /** A quantised vector of {@code 100} on {@code axis}. */
  private static byte[] axis(int axis) {
    byte[] v = new byte[PhraseEmbedder.DIMENSIONS];
    v[axis] = 100;
    return v;
  }

  @Test
  void aKnownPhraseLiesNearTheGoalsOfItsConcept() {
    byte[] own = axis(0);
    byte[] name = axis(1);
    byte[] goal = axis(2);
    PhraseReading withoutGoals =
        PhraseReading.of(List.of(new Anchor("public speaking", false, name)));
    PhraseReading withGoals =
        PhraseReading.of(
            List.of(
                new Anchor("public speaking", false, name),
                new Anchor("public speaking", true, goal),
                new Anchor("public speaking", true, goal)));

    byte[] plain = withoutGoals.anchor(own, List.of("public speaking"), true);
    byte[] drawn = withGoals.anchor(own, List.of("public speaking"), true);

    assertEquals(0, PhraseEmbedder.cosine(plain, goal), 1e-9);
    // own + name + w goal, each of length one and at right angles: cosine with the goal
    // w / sqrt(2 + w^2).
    double w = PhraseReading.GOALS_WEIGHT;
    assertEquals(w / Math.sqrt(2 + w * w), PhraseEmbedder.cosine(drawn, goal), 0.01);
    assertEquals(1 / Math.sqrt(2 + w * w), PhraseEmbedder.cosine(drawn, own), 0.01);
    assertTrue(PhraseReading.GOALS_WEIGHT > 1, "goals weigh more than the names");
  }

  @Test
  void aPhraseTheTaxonomyDoesNotKnowKeepsItsVector() {
    byte[] own = axis(5);
    PhraseReading reading =
        PhraseReading.of(
            List.of(new Anchor("sql", false, axis(1)), new Anchor("sql", true, axis(2))));
    assertSame(own, reading.anchor(own, List.of("sql"), false));
  }

  @Test
  void theSameReadingGivesTheSameBytes() {
    byte[] own = {3, -7, 11};
    own = java.util.Arrays.copyOf(own, PhraseEmbedder.DIMENSIONS);
    List<Anchor> anchors =
        List.of(
            new Anchor("sql", false, axis(1)),
            new Anchor("sql", true, axis(2)),
            new Anchor("sql", false, axis(3)),
            new Anchor("sql", true, axis(4)),
            new Anchor("sql", true, axis(6)));
    assertArrayEquals(
        PhraseReading.of(anchors).anchor(own, List.of("sql"), true),
        PhraseReading.of(anchors).anchor(own, List.of("sql"), true));
  }

  @Test
  void phrasingsListNamesAndVariantsApartFromGoals() {
    assertEquals(
        List.of(
            new PhraseReading.Phrasing("public speaking", false, "public speaking"),
            new PhraseReading.Phrasing("public speaking", false, "presenting"),
            new PhraseReading.Phrasing("public speaking", true, "calm my nerves on stage")),
        PhraseReading.phrasings(TaxonomyTest.speakingWithOneGoal()));
  }
}
