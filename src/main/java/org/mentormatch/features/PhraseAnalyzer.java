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
 * Reads one goal or skill phrase against the taxonomy: the concepts it names, its content words,
 * and whether the taxonomy knows all of it.
 *
 * <p>Steps: Unicode-normalise and lower-case; split into words (keeping {@code c++}, {@code c#},
 * {@code node.js}); stem each word (Snowball English); find taxonomy phrasings as whole word
 * sequences, longest first, so "machine learning" is one idea and "ai" never matches inside
 * "retail"; a phrasing of two or more words, or one word of eight or more letters, also matches
 * with one typo; a word of one or two letters ("AI", "R", "Go") names a concept only in capitals or
 * as all the phrase says, so "go to market" is not the Go language.
 *
 * <p>Content words are the stems of the words that are neither stop words nor learning filler
 * ("learn", "better", "skills", "deepen"): a phrase without any ("get better at it") names no
 * topic. The taxonomy's <em>coverage</em> of a phrase is the share of its content words that lie
 * inside a phrasing it matched; a phrase is <em>known</em> when that is all of them: then the
 * taxonomy's reading of it is complete, and two known phrases of unrelated concepts are different
 * things whatever a language model thinks. A concept found in a long phrase in someone's own words
 * ("product" reads as productivity in "make our product work on phones") says less, and its
 * coverage says how much less.
 */
public final class PhraseAnalyzer implements Serializable {
  private static final long serialVersionUID = 1L;

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
          "deepen",
          "broaden",
          "sharpen",
          "strengthen",
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
  private final Set<String> stopWords = new HashSet<>();
  private final int maxPhrasingWords;

  /**
   * What the taxonomy reads in one phrase.
   *
   * @param concepts the concepts named, in order of appearance
   * @param words the stems of the content words, in order
   * @param coverage the share of content words inside a matched phrasing (1 when the phrase has
   *     none but names a concept, 0 when it has none and names none)
   */
  public record Analysis(List<String> concepts, List<String> words, double coverage)
      implements Serializable {
    /**
     * Whether the phrase names any topic at all: a content word, or a concept whose every word is
     * filler elsewhere ("learning and development").
     */
    public boolean topical() {
      return !words.isEmpty() || !concepts.isEmpty();
    }

    /** Whether the phrase names a concept and every content word lies inside a phrasing. */
    public boolean known() {
      return !concepts.isEmpty() && coverage == 1;
    }
  }

  /** An analyzer for the concepts of {@code taxonomy}. */
  public PhraseAnalyzer(Taxonomy taxonomy) {
    for (String w : StopWordsRemover.loadDefaultStopWords("english")) {
      stopWords.add(w);
    }
    stopWords.addAll(FILLERS);
    int longest = 1;
    for (Taxonomy.Concept c : taxonomy.concepts()) {
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

  /** The concepts, content words and knownness of {@code phrase} (see the class comment). */
  public Analysis analyze(String phrase) {
    List<String> words = words(phrase);
    List<String> stems = stems(words);
    List<String> cased = casedWords(phrase);
    List<String> content = words.stream().filter(w -> !stopWords.contains(w)).toList();
    Set<String> concepts = new LinkedHashSet<>();
    boolean[] covered = new boolean[words.size()];
    int i = 0;
    while (i < words.size()) {
      int matched = 0;
      for (int n = Math.min(maxPhrasingWords, words.size() - i); n >= 1 && matched == 0; n--) {
        String text = String.join(" ", words.subList(i, i + n));
        if (n == 1 && text.length() <= SHORT_WORD && !shortWordCounts(cased, i, content, text)) {
          continue;
        }
        String concept = conceptByText.get(text);
        String stemmed = String.join(" ", stems.subList(i, i + n));
        // A stem of one or two letters ("going" -> "go") is held to the short-word rule too.
        if (concept == null && (n > 1 || stemmed.length() > SHORT_WORD)) {
          concept = conceptByStems.get(stemmed);
        }
        if (concept == null || concept.equals(AMBIGUOUS)) {
          concept = fuzzy(String.join(" ", words.subList(i, i + n)), n);
        }
        if (concept != null) {
          concepts.add(concept);
          matched = n;
          java.util.Arrays.fill(covered, i, i + n, true);
        }
      }
      i += Math.max(1, matched);
    }

    List<String> contentStems = new ArrayList<>();
    int inside = 0;
    for (int w = 0; w < words.size(); w++) {
      if (stopWords.contains(words.get(w)) || stopWords.contains(stems.get(w))) {
        continue;
      }
      contentStems.add(stems.get(w));
      inside += covered[w] ? 1 : 0;
    }
    return new Analysis(
        List.copyOf(concepts),
        List.copyOf(contentStems),
        // A phrase that is all one phrasing of filler words ("learning and development") is
        // wholly read by the taxonomy.
        contentStems.isEmpty()
            ? (concepts.isEmpty() ? 0 : 1)
            : (double) inside / contentStems.size());
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
