package org.mentormatch.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The raw {@code key = value} text of a configuration, read setting by setting. */
final class SettingValues {
  private final Map<String, String> values;
  private final String source;

  SettingValues(Map<String, String> values, String source) {
    this.values = new TreeMap<>(values);
    this.source = source;
  }

  /** The setting's value, or its default when the key is absent or blank. */
  <T> T get(Setting<T> setting) {
    String text = values.get(setting.key());
    if (text == null || text.isBlank()) {
      return setting.defaultValue();
    }
    return setting.parse(text);
  }

  /** Fails on the first key no setting declares, suggesting the nearest known key. */
  void rejectUnknownKeys(List<Setting<?>> known) {
    for (String key : values.keySet()) {
      if (known.stream().noneMatch(s -> s.key().equals(key))) {
        String nearest =
            known.stream()
                .map(Setting::key)
                .min((a, b) -> Integer.compare(distance(a, key), distance(b, key)))
                .orElse("");
        throw new ConfigException(
            "unknown setting '"
                + key
                + "' in "
                + source
                + ". Did you mean '"
                + nearest
                + "'? `jobs/match.sh --settings` lists every setting.");
      }
    }
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
