package org.mentormatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhraseSimilarity;
import org.mentormatch.scoring.PhraseSimilarity.Kind;
import org.mentormatch.scoring.PhraseSimilarity.Similarity;

/** The lexical edge cases, read with the shipped model as the job reads them. */
class LexicalEdgeCasesTest {
  private static final PhraseSimilarity SIMILARITY =
      new PhraseSimilarity(Taxonomy.builtIn(), PhraseEmbedder.shipped().model());
  private static final double COUNTS = MatchConfig.defaults().score().minPhraseSimilarity();

  private static Similarity of(String goal, String skill) {
    List<PhraseSimilarity.Phrase> p = PhraseSimilarities.read(List.of(goal, skill));
    return SIMILARITY.of(p.get(0), p.get(1));
  }

  @ParameterizedTest
  @CsvSource({"ML, machine learning", "learn Go, golang", "kubernets, kubernetes"})
  void anAbbreviationOrVariantIsTheSameConcept(String goal, String skill) {
    assertEquals(new Similarity(1, Kind.SAME_CONCEPT), of(goal, skill));
  }

  @ParameterizedTest
  @CsvSource({
    "AI, retail",
    "retail banking, AI",
    "AI, retail pricing",
    "retail, artificial intelligence"
  })
  void aiNeverCountsForRetail(String goal, String skill) {
    Similarity s = of(goal, skill);
    assertTrue(s.value() < COUNTS, goal + " / " + skill + ": " + s);
  }

  @ParameterizedTest
  @CsvSource({
    "go to market strategy, Go programming",
    "learn Go, go to market",
    "golang, go-to-market"
  })
  void theGoLanguageIsNotGoToMarket(String goal, String skill) {
    Similarity s = of(goal, skill);
    assertTrue(s.value() < COUNTS, goal + " / " + skill + ": " + s);
  }

  @Test
  void aGoalInOwnWordsIsCoveredByItsSkillAndNotByAnUnrelatedOne() {
    Similarity right = of("stop intruders getting into our network", "cybersecurity");
    Similarity wrong = of("stop intruders getting into our network", "salary negotiation");
    assertTrue(right.value() >= COUNTS, right.toString());
    assertTrue(wrong.value() < COUNTS, wrong.toString());
  }
}
