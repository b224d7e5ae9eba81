package org.mentormatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentormatch.jobs.MatchJob;

class MatchConfigTest {

  /** Every setting: key, documented default as written in a file, and the typed value read. */
  static Stream<Arguments> documentedDefaults() {
    return Stream.of(
        setting("ingest.max_lines_per_record", "100", c -> c.ingest().maxLinesPerRecord(), 100),
        setting("ingest.max_cell_chars", "2000", c -> c.ingest().maxCellChars(), 2000),
        setting("ingest.max_phrase_chars", "150", c -> c.ingest().maxPhraseChars(), 150),
        setting("ingest.max_phrases_per_cell", "20", c -> c.ingest().maxPhrasesPerCell(), 20),
        setting("features.taxonomy", "", c -> c.features().taxonomyFile(), ""),
        setting("clusters.members_per_cluster", "40", c -> c.clusters().membersPerCluster(), 40),
        setting("clusters.max_k", "500", c -> c.clusters().maxK(), 500),
        setting("clusters.neighbours", "2", c -> c.clusters().neighbours(), 2),
        setting("clusters.max_iterations", "30", c -> c.clusters().maxIterations(), 30),
        setting("clusters.seed", "42", c -> c.clusters().seed(), 42L),
        setting("clusters.fit_mentors", "20000", c -> c.clusters().fitMentors(), 20000),
        setting("rules.min_seniority_gap", "1", c -> c.rules().minSeniorityGap(), 1),
        setting(
            "rules.max_timezone_difference_hours",
            "6",
            c -> c.rules().maxTimezoneDifferenceHours(),
            6.0),
        setting(
            "rules.allow_same_manager_peers",
            "false",
            c -> c.rules().allowSameManagerPeers(),
            false),
        setting("rules.max_management_depth", "12", c -> c.rules().maxManagementDepth(), 12),
        setting("score.weight.coverage", "0.7", c -> c.score().coverageWeight(), 0.70),
        setting("score.weight.seniority", "0.1", c -> c.score().seniorityWeight(), 0.10),
        setting("score.weight.timezone", "0.15", c -> c.score().timezoneWeight(), 0.15),
        setting("score.weight.department", "0.05", c -> c.score().departmentWeight(), 0.05),
        setting("score.min_phrase_similarity", "0.3", c -> c.score().minPhraseSimilarity(), 0.30),
        setting("score.ideal_seniority_gap", "3", c -> c.score().idealSeniorityGap(), 3),
        setting("score.workday_start_hour", "9", c -> c.score().workdayStartHour(), 9),
        setting("score.workday_end_hour", "17", c -> c.score().workdayEndHour(), 17),
        setting("assignment.min_score", "0.3", c -> c.assignment().minScore(), 0.30),
        setting("assignment.min_coverage", "0.2", c -> c.assignment().minCoverage(), 0.20),
        setting(
            "assignment.max_candidates_per_mentee",
            "50",
            c -> c.assignment().maxCandidatesPerMentee(),
            50),
        setting("explain.alternatives", "3", c -> c.assignment().alternatives(), 3),
        setting("decisions.pending_expiry_days", "14", c -> c.decisions().pendingExpiryDays(), 14),
        setting("engine.partitions", "0", c -> c.engine().partitions(), 0),
        setting("engine.exact_search", "true", c -> c.engine().exactSearch(), true));
  }

  private static Arguments setting(
      String key, String defaultText, Function<MatchConfig, Object> read, Object expected) {
    return Arguments.of(key, defaultText, read, expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("documentedDefaults")
  void defaultsHaveTheDocumentedValue(
      String key, String defaultText, Function<MatchConfig, Object> read, Object expected) {
    MatchConfig defaults = MatchConfig.defaults();
    assertEquals(expected, read.apply(defaults), key);
    assertEquals(defaultText, defaults.effectiveValues().get(key), key);
    Setting<?> setting =
        MatchConfig.settings().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    assertEquals(defaultText, setting.defaultText(), key);
  }

  @Test
  void everySettingHasADocumentedDefaultInTheTable() {
    List<String> tabled = documentedDefaults().map(a -> (String) a.get()[0]).sorted().toList();
    List<String> declared = MatchConfig.settings().stream().map(Setting::key).sorted().toList();
    assertEquals(declared, tabled);
  }

  @Test
  void everySettingHasAMeaningAndARule() {
    for (Setting<?> s : MatchConfig.settings()) {
      assertFalse(s.meaning().isBlank(), s.key());
      assertFalse(s.rule().isBlank(), s.key());
    }
  }

  @Test
  void emptyTextGivesTheDefaults() {
    assertEquals(MatchConfig.defaults(), MatchConfig.parse("", "empty.properties"));
  }

  @Test
  void propertiesTextOverridesOnlyTheKeysItNames() {
    MatchConfig c =
        MatchConfig.parse(
            String.join(
                "\n",
                "# a comment",
                "assignment.min_score = 0.45",
                "rules.max_timezone_difference_hours=3.5",
                "rules.allow_same_manager_peers = TRUE",
                "  clusters.seed : 7",
                "score.weight.department = ",
                "engine.partitions = 8"),
            "test.properties");
    assertEquals(0.45, c.assignment().minScore());
    assertEquals(3.5, c.rules().maxTimezoneDifferenceHours());
    assertTrue(c.rules().allowSameManagerPeers());
    assertEquals(7L, c.clusters().seed());
    assertEquals(8, c.engine().partitions());
    // a blank value means "not set"
    assertEquals(0.05, c.score().departmentWeight());
    assertEquals(0.20, c.assignment().minCoverage());
    assertEquals("0.45", c.effectiveValues().get("assignment.min_score"));
    assertEquals("3.5", c.effectiveValues().get("rules.max_timezone_difference_hours"));
    assertEquals("0.05", c.effectiveValues().get("score.weight.department"));
    assertEquals("0.2", c.effectiveValues().get("assignment.min_coverage"));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "assignment.min_score | 1.5 | a number from 0 to 1",
        "assignment.min_score | -0.1 | a number from 0 to 1",
        "assignment.min_score | high | a number from 0 to 1",
        "assignment.min_score | NaN | a number from 0 to 1",
        "rules.max_timezone_difference_hours | 13 | a number from 0 to 12",
        "clusters.max_k | 1 | a whole number from 2 to 100000",
        "clusters.neighbours | 2.5 | a whole number from 0 to 1000",
        "score.workday_end_hour | 25 | a whole number from 1 to 24",
        "rules.allow_same_manager_peers | yes | true or false",
      })
  void badValueNamesKeyValueAndRule(String key, String value, String rule) {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> MatchConfig.parse(key + " = " + value, "my.properties"));
    assertEquals(
        "setting " + key + " = '" + value + "' is not valid: it must be " + rule + ".",
        e.getMessage());
  }

  @Test
  void unknownKeyIsNamedWithTheNearestKnownKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> MatchConfig.parse("score.wieght.coverage = 0.5", "my.properties"));
    assertTrue(e.getMessage().contains("unknown setting 'score.wieght.coverage'"), e.getMessage());
    assertTrue(e.getMessage().contains("in my.properties"), e.getMessage());
    assertTrue(e.getMessage().contains("Did you mean 'score.weight.coverage'?"), e.getMessage());
  }

  @Test
  void unknownKeyFromRawValuesIsRejectedToo() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> MatchConfig.fromValues(Map.of("clusters.maxk", "3"), "overrides"));
    assertTrue(e.getMessage().contains("Did you mean 'clusters.max_k'?"), e.getMessage());
  }

  @ParameterizedTest(name = "start {0}, end {1}")
  @CsvSource({"17, 9", "9, 9", "23, 1"})
  void workdayMustEndAfterItStarts(int start, int end) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                MatchConfig.parse(
                    "score.workday_start_hour = " + start + "\nscore.workday_end_hour = " + end,
                    "t"));
    assertEquals(
        "setting score.workday_end_hour ("
            + end
            + ") must be after score.workday_start_hour ("
            + start
            + ").",
        e.getMessage());
  }

  @Test
  void oneHourWorkdayIsAllowed() {
    MatchConfig c =
        MatchConfig.parse("score.workday_start_hour = 8\nscore.workday_end_hour = 9", "t");
    assertEquals(1, c.score().workdayHours());
  }

  @Test
  void coverageWeightZeroFails() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> MatchConfig.parse("score.weight.coverage = 0", "t"));
    assertTrue(e.getMessage().contains("score.weight.coverage must be above 0"), e.getMessage());
  }

  @Test
  void otherWeightsMayBeZero() {
    MatchConfig c =
        MatchConfig.parse(
            "score.weight.seniority = 0\nscore.weight.timezone = 0\nscore.weight.department = 0",
            "t");
    assertEquals(0.7, c.score().weightSum(), 1e-12);
  }

  @Test
  void unreadablePropertiesTextNamesTheSource() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> MatchConfig.parse("a = \\u12", "broken.properties"));
    assertTrue(e.getMessage().startsWith("cannot read config broken.properties"), e.getMessage());
  }

  @ParameterizedTest(name = "{0} members, {1} per cluster, max {2} -> k = {3}")
  @CsvSource({
    "1000, 40, 500, 25",
    "1020, 40, 500, 26", // round(25.5) = 26
    "1019, 40, 500, 25", // round(25.475) = 25
    "10, 40, 500, 2", // round(0.25) = 0, raised to 2
    "60, 40, 500, 2", // round(1.5) = 2
    "100000, 40, 500, 500", // 2500 capped at max_k
    "100, 2, 30, 30",
    "2, 40, 500, 2",
    "3, 2, 500, 2", // round(1.5) = 2
    "1, 40, 500, 1", // never more clusters than members
  })
  void clusterCountFollowsTheDocumentedRule(long members, int perCluster, int maxK, int k) {
    ClusterConfig c = new ClusterConfig(perCluster, maxK, 2, 30, 42);
    assertEquals(k, c.clusterCount(members));
  }

  @Test
  void clusterCountStaysWithinBoundsForEverySize() {
    ClusterConfig c = new ClusterConfig(3, 7, 2, 30, 42);
    for (long n = 2; n < 200; n++) {
      int k = c.clusterCount(n);
      assertTrue(k >= 2 && k <= 7 && k <= n, "n = " + n + ", k = " + k);
    }
  }

  private static final long MB16 = 16L << 20;

  @ParameterizedTest(name = "{0} bytes -> {1} partitions")
  @CsvSource({
    "0, 2",
    "1, 2",
    "16777216, 2", // exactly 16 MB
    "33554432, 2",
    "33554433, 3", // one byte over 32 MB
    "167772160, 10",
    "1099511627776, 10000", // 1 TB: capped
  })
  void derivedPartitionsAreOnePerSixteenMegabytesAndAtLeastTwo(long bytes, int partitions) {
    assertEquals(partitions, new EngineConfig(0).partitionsFor(bytes));
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "167772160"})
  void explicitPartitionsWin(long bytes) {
    assertEquals(1, new EngineConfig(1).partitionsFor(bytes));
    assertEquals(37, new EngineConfig(37).partitionsFor(bytes));
  }

  @Test
  void derivedPartitionsComeFromTheSizeNotTheMachine() {
    MatchConfig c = MatchConfig.defaults();
    assertEquals(0, c.engine().partitions());
    assertEquals(3, c.engine().partitionsFor(MB16 * 2 + 1));
  }

  @Test
  void effectiveValuesListEveryKeyOfSettings() {
    MatchConfig c = MatchConfig.parse("clusters.max_k = 9", "t");
    List<String> keys = MatchConfig.settings().stream().map(Setting::key).sorted().toList();
    assertEquals(keys, List.copyOf(c.effectiveValues().keySet()));
    assertEquals("9", c.effectiveValues().get("clusters.max_k"));
  }

  @Test
  void settingKeysAreUnique() {
    List<String> keys = MatchConfig.settings().stream().map(Setting::key).toList();
    assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
  }

  @Test
  void settingsTextHasEveryKeyWithItsDefault() {
    String text = MatchJob.settingsText();
    for (Setting<?> s : MatchConfig.settings()) {
      assertTrue(
          text.contains("\n" + s.key() + " = " + s.defaultText() + "\n"),
          "missing line for " + s.key());
      assertTrue(text.contains("# Must be " + s.rule() + ".\n" + s.key()), s.key());
    }
  }

  @Test
  void settingsTextReadsBackAsTheDefaults() {
    assertEquals(MatchConfig.defaults(), MatchConfig.parse(MatchJob.settingsText(), "--settings"));
  }
}
