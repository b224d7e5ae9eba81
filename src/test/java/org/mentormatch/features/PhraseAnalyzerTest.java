package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhraseAnalyzerTest {

  private static PhraseAnalyzer analyzer;

  @BeforeAll
  static void builtIn() {
    analyzer = new PhraseAnalyzer(Taxonomy.builtIn());
  }

  private static List<String> concepts(String phrase) {
    return analyzer.analyze(phrase).concepts();
  }

  private static List<String> words(String phrase) {
    return analyzer.analyze(phrase).words();
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail", "retail banking", "Retail banking operations", "maintain"})
  void aiNeverMatchesInsideAWord(String phrase) {
    List<String> concepts = concepts(phrase);
    assertFalse(concepts.contains("artificial intelligence"), concepts.toString());
  }

  @Test
  void machineLearningIsOneConcept() {
    assertEquals(List.of("machine learning"), concepts("machine learning"));
    assertEquals(List.of("machine learning"), concepts("Machine Learning"));
  }

  @ParameterizedTest
  @CsvSource({
    "ML for beginners, machine learning",
    "get into machine lerning, machine learning",
    "machine leanring, machine learning",
    "kubernets, kubernetes",
    "K8s, kubernetes",
    "learn Go, golang",
    "Go, golang",
    "AI for product managers, artificial intelligence",
    "deep learning with pytorch, deep learning",
  })
  void phraseNamesTheConcept(String phrase, String concept) {
    assertTrue(concepts(phrase).contains(concept), phrase + " -> " + concepts(phrase));
  }

  @Test
  void goToMarketIsNotTheGoLanguage() {
    List<String> concepts = concepts("go to market");
    assertFalse(concepts.contains("golang"), concepts.toString());
    assertEquals(List.of("go to market strategy"), concepts);
    assertFalse(concepts("go to the gym").contains("golang"));
  }

  @Test
  void lowerCaseShortWordAmongOtherWordsNamesNoConcept() {
    assertFalse(concepts("ai and retail pricing").contains("artificial intelligence"));
    assertTrue(concepts("AI and retail pricing").contains("artificial intelligence"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"going", "keep going with it", "goes"})
  void aShortStemOfALongerWordIsNotTheGoLanguage(String phrase) {
    assertFalse(concepts(phrase).contains("golang"), concepts(phrase).toString());
  }

  @Test
  void contentWordsAreStemmedWithoutFiller() {
    assertEquals(List.of("negoti"), words("get better at negotiation skills"));
    assertEquals(List.of("manag", "stakehold"), words("managing stakeholders"));
    assertEquals(List.of(), words("learn the basics"));
    assertEquals(List.of("devrel"), words("deepen my DevRel knowledge"));
  }

  @Test
  void freeTextWithoutAConceptHasWordsButNoCoverage() {
    PhraseAnalyzer.Analysis a = analyzer.analyze("beekeeping");
    assertEquals(List.of(), a.concepts());
    assertEquals(List.of("beekeep"), a.words());
    assertEquals(0.0, a.coverage());
    assertTrue(a.topical());
    assertFalse(a.known());
  }

  @Test
  void fillerOnlyPhraseNamesNoTopic() {
    PhraseAnalyzer.Analysis a = analyzer.analyze("get better at it");
    assertEquals(List.of(), a.concepts());
    assertEquals(List.of(), a.words());
    assertFalse(a.topical());
    assertFalse(a.known());
  }

  @Test
  void aConceptMadeOfFillerWordsIsStillATopic() {
    // "learning" and "development" are filler in "learning Go" or "develop my skills", but as one
    // phrasing they name a concept: a goal that says only that was once left uncovered by anyone.
    PhraseAnalyzer.Analysis a = analyzer.analyze("learning & development");
    assertEquals(List.of("learning and development"), a.concepts());
    assertTrue(a.topical());
    assertTrue(a.known());
  }

  @ParameterizedTest
  @ValueSource(strings = {"ML for beginners", "machine learning", "K8s", "learn Go", "SQL"})
  void aPhraseTheTaxonomyReadsWholeIsKnown(String phrase) {
    PhraseAnalyzer.Analysis a = analyzer.analyze(phrase);
    assertEquals(1.0, a.coverage(), phrase);
    assertTrue(a.known(), phrase);
  }

  @Test
  void aConceptInALongPhraseInOwnWordsCoversOnlyPartOfIt() {
    // "product" stems like "productivity", a variant of time management: a weak reading
    PhraseAnalyzer.Analysis a = analyzer.analyze("make our product work on phones natively");
    assertFalse(a.known());
    assertTrue(a.coverage() < 0.5, "coverage " + a.coverage());
  }

  @Test
  void sameInputGivesSameAnalysis() {
    assertEquals(
        analyzer.analyze("Machine learning & SQL for finance"),
        new PhraseAnalyzer(Taxonomy.builtIn()).analyze("Machine learning & SQL for finance"));
  }

  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource({
    "kubernetes, kubernetes, true",
    "kubernetes, kubernetos, true", // substitution
    "kubernetes, kubernetess, true", // insertion
    "kubernetes, kubernets, true", // deletion
    "kubernetes, ubernetes, true", // deletion of the first letter
    "kubernetes, kubernete, true", // deletion of the last letter
    "kubernetes, kubrenetes, true", // transposition
    "kubernetes, ukbernetse, false", // two swaps
    "kubernetes, kubernetesxx, false", // two insertions
    "kubernetes, kubrentes, false", // swap and deletion
    "kubernetes, kubernotos, false", // two substitutions
    "ab, ba, true",
    "abc, cab, false",
    "a, '', true",
    "'', '', true",
  })
  void withinOneEdit(String a, String b, boolean expected) {
    assertEquals(expected, PhraseAnalyzer.withinOneEdit(a, b));
    assertEquals(expected, PhraseAnalyzer.withinOneEdit(b, a), "symmetric");
  }
}
