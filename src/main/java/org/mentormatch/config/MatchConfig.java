package org.mentormatch.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The whole, validated configuration of a match run, one immutable record per stage.
 *
 * <p>Users write a Java properties file ({@code key = value}, {@code #} comments) holding only the
 * settings they change; {@link #settings()} lists every key with its meaning, rule and default.
 * {@code effectiveValues} holds every key with the value in force, for the run summary.
 */
public record MatchConfig(
    IngestConfig ingest,
    FeatureConfig features,
    ClusterConfig clusters,
    RuleConfig rules,
    ScoreConfig score,
    AssignmentConfig assignment,
    DecisionConfig decisions,
    EngineConfig engine,
    Map<String, String> effectiveValues)
    implements Serializable {

  /** Every setting, in the order they are documented. */
  public static List<Setting<?>> settings() {
    List<Setting<?>> all = new ArrayList<>();
    all.addAll(IngestConfig.SETTINGS);
    all.addAll(FeatureConfig.SETTINGS);
    all.addAll(ClusterConfig.SETTINGS);
    all.addAll(RuleConfig.SETTINGS);
    all.addAll(ScoreConfig.SETTINGS);
    all.addAll(AssignmentConfig.SETTINGS);
    all.addAll(DecisionConfig.SETTINGS);
    all.addAll(EngineConfig.SETTINGS);
    return Collections.unmodifiableList(all);
  }

  /** The configuration with every setting at its default. */
  public static MatchConfig defaults() {
    return fromValues(Map.of(), "defaults");
  }

  /** Reads a properties text; {@code source} names it in error messages. */
  public static MatchConfig parse(Reader text, String source) {
    Properties properties = new Properties();
    try {
      properties.load(text);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException(
          "cannot read config " + source + " as a properties file: " + e.getMessage());
    }
    Map<String, String> values = new TreeMap<>();
    properties.forEach((k, v) -> values.put(k.toString().trim(), v.toString()));
    return fromValues(values, source);
  }

  /** Reads a properties text given as a string. */
  public static MatchConfig parse(String text, String source) {
    return parse(new StringReader(text), source);
  }

  /** Builds the configuration from raw key/value text, validating every value. */
  public static MatchConfig fromValues(Map<String, String> raw, String source) {
    SettingValues v = new SettingValues(raw, source);
    v.rejectUnknownKeys(settings());
    return new MatchConfig(
        IngestConfig.read(v),
        FeatureConfig.read(v),
        ClusterConfig.read(v),
        RuleConfig.read(v),
        ScoreConfig.read(v),
        AssignmentConfig.read(v),
        DecisionConfig.read(v),
        EngineConfig.read(v),
        effective(raw));
  }

  private static Map<String, String> effective(Map<String, String> raw) {
    Map<String, String> out = new TreeMap<>();
    for (Setting<?> s : settings()) {
      String given = raw.get(s.key());
      out.put(s.key(), given == null || given.isBlank() ? s.defaultText() : given.trim());
    }
    return Collections.unmodifiableMap(out);
  }
}
