package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plain-Java tokenizer gives the ids of the reference implementation. The expected ids were
 * produced once by Hugging Face tokenizers (through its DJL 0.36.0 Java binding) from the same
 * {@code all-minilm-l6-v2-q-tokenizer.json}; on that binding our tokenizer also agreed on every
 * phrase of data/calibration/phrases.csv and every line of data/sample/members.csv.
 */
class WordPieceTokenizerTest {
  private static WordPieceTokenizer tokenizer;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in =
        WordPieceTokenizerTest.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
      tokenizer = WordPieceTokenizer.read(in, 128);
    }
  }

  static Stream<Arguments> reference() {
    return Stream.of(
        Arguments.of("public speaking", "101 2270 4092 102"),
        Arguments.of(
            "Stop dreading all-hands updates!", "101 2644 14436 2075 2035 1011 2398 14409 999 102"),
        Arguments.of(
            "C++ and C# for node.js devs",
            "101 1039 1009 1009 1998 1039 1001 2005 13045 1012 1046 2015 16475 2015 102"),
        Arguments.of("Caf\u00e9 na\u00efve r\u00e9sum\u00e9", "101 7668 15743 13746 102"),
        Arguments.of("\u00c9COLE Stra\u00dfe", "101 12431 2358 27807 102"),
        Arguments.of("machine lerning", "101 3698 3393 6826 2075 102"),
        Arguments.of("AI/ML (basics)", "101 9932 1013 19875 1006 24078 1007 102"),
        Arguments.of("  lots   of\tspace\n", "101 7167 1997 2686 102"),
        Arguments.of(
            "\u6570\u636e\u5206\u6790 and \u6a5f\u68b0\u5b66\u7fd2",
            "101 100 100 1775 100 1998 100 100 1817 100 102"),
        Arguments.of("emoji \ud83d\ude80 rocket", "101 7861 29147 2072 100 7596 102"),
        Arguments.of("don't can't won't", "101 2123 1005 1056 2064 1005 1056 2180 1005 1056 102"),
        Arguments.of("3.5 years of k8s", "101 1017 1012 1019 2086 1997 1047 2620 2015 102"),
        Arguments.of(
            "pneumonoultramicroscopicsilicovolcanoconiosis",
            "101 1052 2638 2819 17175 11314 6444 2594 7352 26461 27572 11261 6767 15472 6761 8663 10735 2483 102"),
        Arguments.of("x".repeat(120), "101 100 102"),
        Arguments.of(
            "Zo\u00eb O'Neil's \"quoted\" text",
            "101 11199 1051 1005 6606 1005 1055 1000 9339 1000 3793 102"),
        Arguments.of("na\u00efve\u2014dash\u2013dash", "101 15743 1517 11454 1516 11454 102"),
        Arguments.of("\u00bd \u2122 \u2103", "101 1092 1580 100 102"),
        Arguments.of("\u200bzero width", "101 5717 9381 102"),
        Arguments.of("SQL; Python; R", "101 29296 1025 18750 1025 1054 102"),
        Arguments.of("\ufb01 ligature", "101 1984 8018 11244 102"),
        Arguments.of("\u0130stanbul", "101 9960 102"));
  }

  @ParameterizedTest
  @MethodSource("reference")
  void idsAreTheReferenceImplementations(String text, String ids) {
    int[] expected = Arrays.stream(ids.split(" ")).mapToInt(Integer::parseInt).toArray();
    assertArrayEquals(expected, tokenizer.encode(text), text);
  }

  @Test
  void aLongPhraseIsCutToTheModelsLengthKeepingClsAndSep() {
    int[] ids = tokenizer.encode("a very long phrase ".repeat(40));
    assertEquals(128, ids.length);
    assertEquals(101, ids[0]);
    assertEquals(102, ids[127]);
  }

  @Test
  void theKeyIsTheTextAsTheTokenizerNormalisesIt() {
    assertEquals("cafe naive resume", PhraseEmbedder.key("  Café   NAÏVE\trésumé "));
    assertArrayEquals(
        tokenizer.encode("Café NAÏVE résumé"),
        tokenizer.encode(PhraseEmbedder.key("Café NAÏVE résumé")));
  }
}
