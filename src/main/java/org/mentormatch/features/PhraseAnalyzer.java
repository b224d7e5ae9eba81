package org.mentormatch.features;

import java.io.Serializable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import org.apache.spark.ml.feature.StopWordsRemover;

/**
 * Turns one goal or skill phrase into the concepts it names and the terms of its feature vector.
 *
 * <p>Steps: Unicode-normalise and lower-case; split into words (keeping {@code c++}, {@code c#},
 * {@code node.js}); stem each word (Snowball English); find taxonomy phrasings as whole word
 * sequences, longest first, so "machine learning" is one idea and "ai" never matches inside
 * "retail"; a phrasing of two or more words, or one word of eight or more letters, also matches
 * with one typo. Terms, by kind prefix:
 *
 * <ul>
 *   <li>{@code c:} each concept found (counted twice) and its broader concept (once), so a "deep
 *       learning" skill partly covers a "machine learning" goal;
 *   <li>{@code w:} the stem of every content word (not a stop word or learning filler such as
 *       "learn", "better", "skills"), so free text without a concept still matches itself;
 *   <li>{@code t:} character trigrams of content words padded at word borders, which tolerate the
 *       typos and spelling variants the taxonomy does not know.
 * </ul>
 */
public final class PhraseAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Kind prefixes of terms. */
  public static final String CONCEPT = "c:";

  public static final String WORD = "w:";
  public static final String TRIGRAM = "t:";

  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}\\p{N}]+(?:['.][\\p{L}\\p{N}]+)*[+#]*");
  private static final int FUZZY_SINGLE_WORD_LENGTH = 8;
  private static final String AMBIGUOUS = "";
  private static final int SHORT_WORD = 2;

  /** Words that say how someone wants to learn, not what; they carry no topic. */
  private static final Set<String> FILLERS =
      Set.of(
          "learn",
          "learning",
          "learned",
          "get",
          "getting",
          "better",
          "improve",
          "improving",
          "skill",
          "skills",
          "basics",
          "basic",
          "intro",
          "introduction",
          "understand",
          "understanding",
          "become",
          "becoming",
          "good",
          "great",
          "want",
          "wants",
          "like",
          "moving",
          "move",
          "grow",
          "growing",
          "develop",
          "developing",
          "practice",
          "practical",
          "experience",
          "experienced",
          "expert",
          "expertise",
          "knowledge",
          "level",
          "advanced",
          "beginner",
          "beginners",
          "fundamentals",
          "deeper",
          "deep-dive",
          "dive",
          "stronger",
          "strong",
          "master",
          "mastering",
          "etc",
          "also",
          "things",
          "stuff",
          "e.g",
          "ie");

  private final Map<String, String> conceptByStems = new HashMap<>();
  private final Map<String, String> conceptByText = new HashMap<>();
  private final Map<String, List<String>> textsByDeletion = new HashMap<>();
  private final Map<String, String> broader = new HashMap<>();
  private final Set<String> stopWords = new HashSet<>();
  private final int maxPhrasingWords;

  /** The words, concepts found and feature terms of one phrase. */
  public record Analysis(List<String> concepts, List<String> terms) implements Serializable {}

  /** An analyzer for the concepts of {@code taxonomy}. */
  public PhraseAnalyzer(Taxonomy taxonomy) {
    for (String w : StopWordsRemover.loadDefaultStopWords("english")) {
      stopWords.add(w);
    }
    stopWords.addAll(FILLERS);
    int longest = 1;
    for (Taxonomy.Concept c : taxonomy.concepts()) {
      if (!c.broader().isEmpty()) {
        broader.put(c.name(), c.broader());
      }
      List<String> phrasings = new ArrayList<>(c.variants());
      phrasings.add(0, c.name());
      for (String phrasing : phrasings) {
        List<String> words = words(phrasing);
        if (words.isEmpty()) {
          continue;
        }
        longest = Math.max(longest, words.size());
        String stems = String.join(" ", stems(words));
        String previous = conceptByStems.putIfAbsent(stems, c.name());
        if (previous != null && !previous.equals(c.name())) {
          // Stemming merges some distinct words ("experience", "experiment"): such a stemmed
          // form names no concept, and only the exact phrasing matches.
          conceptByStems.put(stems, AMBIGUOUS);
        }
        String text = String.join(" ", words);
        conceptByText.putIfAbsent(text, c.name());
        if (words.size() >= 2 || text.length() >= FUZZY_SINGLE_WORD_LENGTH) {
          for (String d : deletions(text)) {
            textsByDeletion.computeIfAbsent(d, k -> new ArrayList<>()).add(text);
          }
          textsByDeletion.computeIfAbsent(text, k -> new ArrayList<>()).add(text);
        }
      }
    }
    textsByDeletion.values().forEach(list -> list.sort(null));
    this.maxPhrasingWords = longest;
  }

  /** The concepts named in {@code phrase} and its feature terms (see the class comment). */
  public Analysis analyze(String phrase) {
    List<String> words = words(phrase);
    List<String> stems = stems(words);
    List<String> cased = casedWords(phrase);
    List<String> content = words.stream().filter(w -> !stopWords.contains(w)).toList();
    Set<String> concepts = new LinkedHashSet<>();
    int i = 0;
    while (i < words.size()) {
      int matched = 0;
      for (int n = Math.min(maxPhrasingWords, words.size() - i); n >= 1 && matched == 0; n--) {
        String text = String.join(" ", words.subList(i, i + n));
        if (n == 1 && text.length() <= SHORT_WORD && !shortWordCounts(cased, i, content, text)) {
          continue;
        }
        String concept = conceptByText.get(text);
        if (concept == null) {
          concept = conceptByStems.get(String.join(" ", stems.subList(i, i + n)));
        }
        if (concept == null || concept.equals(AMBIGUOUS)) {
          concept = fuzzy(String.join(" ", words.subList(i, i + n)), n);
        }
        if (concept != null) {
          concepts.add(concept);
          matched = n;
        }
      }
      i += Math.max(1, matched);
    }

    List<String> terms = new ArrayList<>();
    for (String c : concepts) {
      terms.add(CONCEPT + c);
      terms.add(CONCEPT + c);
      String b = broader.get(c);
      if (b != null) {
        terms.add(CONCEPT + b);
      }
    }
    for (int w = 0; w < words.size(); w++) {
      String word = words.get(w);
      if (stopWords.contains(word) || stopWords.contains(stems.get(w))) {
        continue;
      }
      terms.add(WORD + stems.get(w));
      String padded = "<" + word + ">";
      for (int k = 0; k + 3 <= padded.length(); k++) {
        terms.add(TRIGRAM + padded.substring(k, k + 3));
      }
    }
    return new Analysis(List.copyOf(concepts), List.copyOf(terms));
  }

  /**
   * Whether a word of one or two letters ("go", "r", "ai", "pm") may name a concept here: only when
   * written in capitals ("AI for managers") or when it is all the phrase says ("learn Go"), so "go
   * to market" is not the Go language.
   */
  private static boolean shortWordCounts(
      List<String> cased, int i, List<String> content, String word) {
    String original = i < cased.size() ? cased.get(i) : "";
    boolean capitals =
        original.length() > 1
            && original.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    boolean single = original.length() == 1 && Character.isUpperCase(original.charAt(0));
    return capitals || single || (content.size() == 1 && content.get(0).equals(word));
  }

  /** The taxonomy phrasing within one typo of {@code text}, as its concept, or null. */
  private String fuzzy(String text, int wordCount) {
    if (wordCount < 2 && text.length() < FUZZY_SINGLE_WORD_LENGTH) {
      return null;
    }
    Set<String> candidates = new TreeSet<>();
    List<String> keys = new ArrayList<>(deletions(text));
    keys.add(text);
    for (String k : keys) {
      candidates.addAll(textsByDeletion.getOrDefault(k, List.of()));
    }
    for (String candidate : candidates) {
      if (withinOneEdit(text, candidate)) {
        return conceptByText.get(candidate);
      }
    }
    return null;
  }

  /** Lower-cased, Unicode-normalised words of {@code text}; '&amp;' reads as "and". */
  static List<String> words(String text) {
    return casedWords(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
  }

  private static List<String> casedWords(String text) {
    String t = Normalizer.normalize(text, Normalizer.Form.NFKC).replace("&", " and ");
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(t);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static List<String> stems(List<String> words) {
    // A stemmer holds state, and one analyzer serves every task thread of an executor.
    SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
    List<String> out = new ArrayList<>(words.size());
    for (String w : words) {
      out.add(w.chars().allMatch(Character::isLetter) ? stemmer.stem(w).toString() : w);
    }
    return out;
  }

  private static Set<String> deletions(String s) {
    Set<String> out = new HashSet<>();
    for (int i = 0; i < s.length(); i++) {
      out.add(s.substring(0, i) + s.substring(i + 1));
    }
    return out;
  }

  /** Optimal string alignment distance of at most one (insert, delete, substitute, swap). */
  static boolean withinOneEdit(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < Math.min(la, lb) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      if (a.substring(i + 1).equals(b.substring(i + 1))) {
        return true; // substitution
      }
      return i + 1 < la
          && a.charAt(i) == b.charAt(i + 1)
          && a.charAt(i + 1) == b.charAt(i)
          && a.substring(i + 2).equals(b.substring(i + 2)); // transposition
    }
    return la > lb
        ? a.substring(i + 1).equals(b.substring(i))
        : b.substring(i + 1).equals(a.substring(i));
  }
}
