package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
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

  private static List<String> terms(String phrase, String kind) {
    return analyzer.analyze(phrase).terms().stream().filter(t -> t.startsWith(kind)).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"retail", "retail banking", "Retail banking operations", "maintain"})
  void aiNeverMatchesInsideAWord(String phrase) {
    List<String> concepts = concepts(phrase);
    assertFalse(concepts.contains("artificial intelligence"), concepts.toString());
    assertFalse(
        analyzer
            .analyze(phrase)
            .terms()
            .contains(PhraseAnalyzer.CONCEPT + "artificial intelligence"),
        phrase);
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

  @Test
  void conceptTermsAppearTwiceAndTheBroaderConceptOnce() {
    List<String> c = terms("deep learning", PhraseAnalyzer.CONCEPT);
    assertEquals(2, Collections.frequency(c, "c:deep learning"), c.toString());
    assertEquals(1, Collections.frequency(c, "c:machine learning"), c.toString());
    assertEquals(3, c.size(), "the broader's broader is not added: " + c);

    List<String> ml = terms("machine learning", PhraseAnalyzer.CONCEPT);
    assertEquals(
        List.of("c:machine learning", "c:machine learning", "c:artificial intelligence"), ml);

    List<String> root = terms("artificial intelligence", PhraseAnalyzer.CONCEPT);
    assertEquals(List.of("c:artificial intelligence", "c:artificial intelligence"), root);
  }

  @Test
  void wordTermsAreStemmedContentWords() {
    assertEquals(
        List.of("w:negoti"), terms("get better at negotiation skills", PhraseAnalyzer.WORD));
    assertEquals(
        List.of("w:manag", "w:stakehold"), terms("managing stakeholders", PhraseAnalyzer.WORD));
    assertEquals(List.of(), terms("learn the basics", PhraseAnalyzer.WORD));
  }

  @Test
  void trigramsArePaddedAtWordBorders() {
    assertEquals(List.of("t:<sq", "t:sql", "t:ql>"), terms("learning SQL", PhraseAnalyzer.TRIGRAM));
  }

  @Test
  void freeTextWithoutAConceptStillHasTerms() {
    PhraseAnalyzer.Analysis a = analyzer.analyze("beekeeping");
    assertEquals(List.of(), a.concepts());
    assertEquals(List.of("w:beekeep"), terms("beekeeping", PhraseAnalyzer.WORD));
    assertTrue(a.terms().contains("t:<be"), a.terms().toString());
  }

  @Test
  void fillerOnlyPhraseHasNoTerms() {
    PhraseAnalyzer.Analysis a = analyzer.analyze("get better at it");
    assertEquals(List.of(), a.concepts());
    assertEquals(List.of(), a.terms());
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
