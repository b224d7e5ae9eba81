package org.mentormatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhraseSimilarity.Kind;
import org.mentormatch.scoring.PhraseSimilarity.Phrase;
import org.mentormatch.scoring.PhraseSimilarity.Similarity;

/**
 * The combined similarity's rules, with the real taxonomy and synthetic embeddings of chosen
 * cosines (the model itself is exercised in {@code SemanticMatchIT}).
 */
class PhraseSimilarityTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final PhraseAnalyzer ANALYZER = new PhraseAnalyzer(TAXONOMY);
  private static final PhraseEmbedder.Model MODEL = PhraseEmbedder.ALL_MINILM_L6_V2_Q;
  private static final PhraseSimilarity SIMILARITY = new PhraseSimilarity(TAXONOMY, MODEL);

  /** A quantised unit vector along the first axis. */
  private static byte[] axis() {
    byte[] v = new byte[PhraseEmbedder.DIMENSIONS];
    v[0] = 127;
    return v;
  }

  /** A quantised vector whose cosine with {@link #axis} is {@code cosine} (to 1/127). */
  private static byte[] atCosine(double cosine) {
    byte[] v = new byte[PhraseEmbedder.DIMENSIONS];
    v[0] = (byte) Math.round(127 * cosine);
    v[1] = (byte) Math.round(127 * Math.sqrt(1 - cosine * cosine));
    return v;
  }

  private static Phrase phrase(String text, byte[] embedding) {
    PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
    return new Phrase(text, a.concepts(), a.coverage(), a.topical(), embedding);
  }

  private static Similarity of(String goal, String skill, double cosine) {
    return SIMILARITY.of(phrase(goal, axis()), phrase(skill, atCosine(cosine)));
  }

  @ParameterizedTest
  @CsvSource({
    "ML, machine learning",
    "ML for beginners, Machine Learning",
    "K8s, kubernetes",
    "learn Go, Go programming",
    "kubernets, kubernetes",
  })
  void theSameConceptKnownWholeIsOneWhateverTheModelSays(String goal, String skill) {
    assertEquals(new Similarity(1, Kind.SAME_CONCEPT), of(goal, skill, 0));
  }

  @ParameterizedTest
  @CsvSource({"go to market strategy, Go programming", "Go, go to market", "SQL, negotiation"})
  void unrelatedConceptsOfDifferentAreasAreVetoedWhateverTheModelSays(String goal, String skill) {
    assertEquals(new Similarity(0, Kind.DIFFERENT_CONCEPTS), of(goal, skill, 1));
  }

  @Test
  void theVetoNeedsTheTaxonomyToKnowBothPhrasesWhole() {
    // "retail" names no concept: the model decides, here with a cosine of 1
    assertEquals(new Similarity(1, Kind.SIMILAR_MEANING), of("AI", "retail", 1));
    // a goal in someone's own words is never vetoed, though it names a concept in passing
    assertEquals(
        Kind.SIMILAR_MEANING,
        of("get a better deal from our suppliers", "Go programming", 1).kind());
  }

  @Test
  void aBroaderOrNarrowerConceptIsRelated() {
    assertEquals(
        new Similarity(PhraseSimilarity.RELATED_CREDIT, Kind.RELATED_CONCEPT),
        of("machine learning", "deep learning", 0));
    assertEquals(
        new Similarity(PhraseSimilarity.RELATED_CREDIT, Kind.RELATED_CONCEPT),
        of("deep learning", "machine learning", 0));
  }

  @Test
  void theModelWinsWhenItFindsMoreThanTheRelatedConcept() {
    // A little above the certain cosine, so the quantised vectors land at or beyond it.
    Similarity s = of("machine learning", "deep learning", MODEL.cosineCertain() + 0.02);
    assertEquals(new Similarity(1, Kind.SIMILAR_MEANING), s);
  }

  @Test
  void aConceptReadInPartOfAPhraseCountsForThatPart() {
    // two content words, one of them the concept: half the goal is read by the taxonomy
    PhraseAnalyzer.Analysis a = ANALYZER.analyze("beekeeping and negotiation");
    assertEquals(0.5, a.coverage());
    assertEquals(
        new Similarity(0.5, Kind.RELATED_CONCEPT),
        of("beekeeping and negotiation", "negotiation", 0));
  }

  @Test
  void meaningIsLinearBetweenTheCalibratedCosines() {
    assertEquals(PhraseSimilarity.COUNTS, SIMILARITY.meaning(MODEL.cosineCounts()), 1e-12);
    assertEquals(1, SIMILARITY.meaning(MODEL.cosineCertain()), 1e-12);
    double middle = (MODEL.cosineCounts() + MODEL.cosineCertain()) / 2;
    assertEquals((PhraseSimilarity.COUNTS + 1) / 2, SIMILARITY.meaning(middle), 1e-12);
    assertEquals(1, SIMILARITY.meaning(0.99));
    assertEquals(0, SIMILARITY.meaning(-0.5));
    assertTrue(SIMILARITY.meaning(MODEL.cosineCounts() - 0.01) < PhraseSimilarity.COUNTS);
  }

  @Test
  void cosinesBelowTheFloorMeanLessAndTheFloorIsTight() {
    java.util.Random random = new java.util.Random(11);
    for (int n = 0; n < 2_000; n++) {
      double value = n == 0 ? 1 : n == 1 ? Double.MIN_VALUE : random.nextDouble();
      double floor = SIMILARITY.cosineBelowMeaning(value);
      // The least cosine whose meaning reaches the value, by bisection on doubles.
      double lo = -1;
      double hi = 1;
      while (Math.nextUp(lo) < hi) {
        double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) {
          mid = Math.nextUp(lo);
        }
        if (SIMILARITY.meaning(mid) >= value) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      assertTrue(floor <= hi, value + ": floor " + floor + " above the least cosine " + hi);
      assertTrue(SIMILARITY.meaning(Math.nextDown(floor)) < value, value + ": below the floor");
      assertTrue(hi - floor < 1e-6, value + ": floor " + floor + " far below " + hi);
    }
    assertEquals(Double.NEGATIVE_INFINITY, SIMILARITY.cosineBelowMeaning(0));
    assertEquals(Double.POSITIVE_INFINITY, SIMILARITY.cosineBelowMeaning(1.5));
  }

  @Test
  void aPhraseNamingNoTopicIsCoveredByNothing() {
    assertEquals(0, of("get better at it", "get better at it", 1).value());
  }

  @ParameterizedTest
  @CsvSource({
    "SAME_CONCEPT, 1, same concept",
    "RELATED_CONCEPT, 0.5, 'related concept, 0.50'",
    "SIMILAR_MEANING, 0.706, 'similar meaning, 0.71'",
  })
  void aSimilaritySaysHowItArose(Kind kind, double value, String words) {
    assertEquals(words, new Similarity(value, kind).describe());
    assertEquals(kind, Kind.of(kind.words()));
  }

  @Test
  void aGivenCosineTakesThePlaceOfTheEmbeddingsOnlyForMeaning() {
    Phrase goal = phrase("stop dreading all-hands updates", axis());
    Phrase skill = phrase("public speaking", atCosine(0.1));
    Similarity plain = SIMILARITY.of(goal, skill);
    assertEquals(plain, SIMILARITY.of(goal, skill, PhraseEmbedder.cosine(axis(), atCosine(0.1))));
    Similarity given = SIMILARITY.of(goal, skill, MODEL.cosineCertain());
    assertEquals(new Similarity(1, Kind.SIMILAR_MEANING), given);
    // The taxonomy's verdicts do not depend on the cosine.
    assertEquals(
        new Similarity(1, Kind.SAME_CONCEPT),
        SIMILARITY.of(phrase("ML", axis()), phrase("machine learning", axis()), -1));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> SIMILARITY.of(goal, skill, Double.NaN));
  }
}
