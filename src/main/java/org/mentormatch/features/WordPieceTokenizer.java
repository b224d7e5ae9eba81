package org.mentormatch.features;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The BERT uncased WordPiece tokenizer of a Hugging Face {@code tokenizer.json}, in plain Java.
 *
 * <p>It reproduces the {@code BertNormalizer} (clean text, spaces around CJK ideographs, accents
 * stripped, lower case), the {@code BertPreTokenizer} (split at white space and around every
 * punctuation character) and greedy longest-match-first {@code WordPiece} with the {@code ##}
 * continuation prefix, then wraps the ids in {@code [CLS] ... [SEP]}. Written here rather than
 * taken from a native tokenizer library so the same ids come out on every operating system and
 * nothing is unpacked or fetched at run time; {@code WordPieceTokenizerTest} pins its ids against
 * the reference implementation's.
 *
 * <p>Added special tokens written literally in the text ("[MASK]") are not recognised: they are
 * split like any other text, which for members' phrases only ever helps.
 */
public final class WordPieceTokenizer {
  private static final String CONTINUATION = "##";
  private static final int MAX_WORD_CHARS = 100;

  private final Map<String, Integer> vocabulary;
  private final int cls;
  private final int sep;
  private final int unknown;
  private final int maxTokens;

  private WordPieceTokenizer(Map<String, Integer> vocabulary, int maxTokens) {
    this.vocabulary = vocabulary;
    this.cls = id(vocabulary, "[CLS]");
    this.sep = id(vocabulary, "[SEP]");
    this.unknown = id(vocabulary, "[UNK]");
    this.maxTokens = maxTokens;
  }

  /**
   * Reads the WordPiece vocabulary of a {@code tokenizer.json}; ids are cut to {@code maxTokens}
   * including {@code [CLS]} and {@code [SEP]}.
   *
   * @throws IOException if the stream cannot be read or is not a WordPiece tokenizer
   */
  public static WordPieceTokenizer read(InputStream tokenizerJson, int maxTokens)
      throws IOException {
    JsonNode model = new ObjectMapper().readTree(tokenizerJson).path("model");
    if (!"WordPiece".equals(model.path("type").asText())) {
      throw new IOException("not a WordPiece tokenizer: model type " + model.path("type"));
    }
    Map<String, Integer> vocabulary = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vocabulary.put(e.getKey(), e.getValue().asInt());
    }
    return new WordPieceTokenizer(vocabulary, maxTokens);
  }

  private static int id(Map<String, Integer> vocabulary, String token) {
    Integer id = vocabulary.get(token);
    if (id == null) {
      throw new IllegalArgumentException("the tokenizer vocabulary lacks " + token);
    }
    return id;
  }

  /** The token ids of {@code text}: {@code [CLS]}, its word pieces (cut to fit), {@code [SEP]}. */
  public int[] encode(String text) {
    List<Integer> ids = new ArrayList<>();
    ids.add(cls);
    for (String word : words(normalise(text))) {
      if (ids.size() >= maxTokens - 1) {
        break;
      }
      pieces(word, ids);
    }
    if (ids.size() > maxTokens - 1) {
      ids = ids.subList(0, maxTokens - 1);
    }
    int[] out = new int[ids.size() + 1];
    for (int i = 0; i < ids.size(); i++) {
      out[i] = ids.get(i);
    }
    out[ids.size()] = sep;
    return out;
  }

  /** BertNormalizer: clean text, isolate CJK ideographs, strip accents, lower-case. */
  static String normalise(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
              }
              if (isWhitespace(c)) {
                clean.append(' ');
              } else if (isCjk(c)) {
                clean.append(' ').appendCodePoint(c).append(' ');
              } else {
                clean.appendCodePoint(c);
              }
            });
    String decomposed = Normalizer.normalize(clean, Normalizer.Form.NFD);
    StringBuilder stripped = new StringBuilder(decomposed.length());
    decomposed
        .codePoints()
        .filter(c -> Character.getType(c) != Character.NON_SPACING_MARK)
        .forEach(stripped::appendCodePoint);
    return stripped.toString().toLowerCase(Locale.ROOT);
  }

  /** BertPreTokenizer: words split at white space, each punctuation character a word of its own. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            c -> {
              if (isWhitespace(c) || isPunctuation(c)) {
                if (word.length() > 0) {
                  out.add(word.toString());
                  word.setLength(0);
                }
                if (isPunctuation(c)) {
                  out.add(new String(Character.toChars(c)));
                }
              } else {
                word.appendCodePoint(c);
              }
            });
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  /** Greedy longest-match-first word pieces of {@code word}, or {@code [UNK]} for all of it. */
  private void pieces(String word, List<Integer> ids) {
    int length = word.codePointCount(0, word.length());
    if (length > MAX_WORD_CHARS) {
      ids.add(unknown);
      return;
    }
    List<Integer> found = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer piece = null;
      while (end > start) {
        String sub = word.substring(start, end);
        piece = vocabulary.get(start > 0 ? CONTINUATION + sub : sub);
        if (piece != null) {
          break;
        }
        end = word.offsetByCodePoints(end, -1);
      }
      if (piece == null) {
        ids.add(unknown);
        return;
      }
      found.add(piece);
      start = end;
    }
    ids.addAll(found);
  }

  private static boolean isWhitespace(int c) {
    return c == ' '
        || c == '\t'
        || c == '\n'
        || c == '\r'
        || Character.isWhitespace(c)
        || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED;
  }

  private static boolean isPunctuation(int c) {
    if ((c >= 33 && c <= 47)
        || (c >= 58 && c <= 64)
        || (c >= 91 && c <= 96)
        || (c >= 123 && c <= 126)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONNECTOR_PUNCTUATION
        || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION
        || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private static boolean isCjk(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF)
        || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF)
        || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F)
        || (c >= 0x2B820 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0x2F800 && c <= 0x2FA1F);
  }
}
