package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How goals and skills become feature vectors.
 *
 * @param vocabularySize most distinct terms kept by the TF-IDF vocabulary
 * @param taxonomyFile extra taxonomy CSV merged into the built-in one, or empty for none
 */
public record FeatureConfig(int vocabularySize, String taxonomyFile) implements Serializable {
  static final Setting<Integer> VOCABULARY_SIZE =
      Setting.integer(
          "features.vocabulary_size",
          16384,
          64,
          1 << 20,
          "Most distinct terms (concepts and word stems) kept in the TF-IDF vocabulary; the rarest"
              + " terms beyond it are dropped. Cluster centres hold k x this many numbers.");

  static final Setting<String> TAXONOMY_FILE =
      Setting.text(
          "features.taxonomy",
          "",
          "A taxonomy CSV (concept,area,broader,variants) whose concepts are added to the built-in"
              + " one; empty means the built-in taxonomy only.",
          "a file path or Hadoop URI, or empty");

  static final List<Setting<?>> SETTINGS = List.of(VOCABULARY_SIZE, TAXONOMY_FILE);

  static FeatureConfig read(SettingValues v) {
    return new FeatureConfig(v.get(VOCABULARY_SIZE), v.get(TAXONOMY_FILE));
  }
}
