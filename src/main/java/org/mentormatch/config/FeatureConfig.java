package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How goals and skills are read: the taxonomy their phrases are read against.
 *
 * @param taxonomyFile extra taxonomy CSV merged into the built-in one, or empty for none
 */
public record FeatureConfig(String taxonomyFile) implements Serializable {
  static final Setting<String> TAXONOMY_FILE =
      Setting.text(
          "features.taxonomy",
          "",
          "A taxonomy CSV (concept,area,broader,variants, optionally goals) whose concepts are"
              + " added to the built-in one; empty means the built-in taxonomy only.",
          "a file path or Hadoop URI, or empty");

  static final List<Setting<?>> SETTINGS = List.of(TAXONOMY_FILE);

  static FeatureConfig read(SettingValues v) {
    return new FeatureConfig(v.get(TAXONOMY_FILE));
  }
}
