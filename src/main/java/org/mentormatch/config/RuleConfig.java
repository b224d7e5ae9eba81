package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * The configurable hard rules a mentee-mentor pair must pass before it is scored.
 *
 * <p>Rules that are not configurable: no self-pairs, both consented, at least one shared language,
 * mentor not in the mentee's management chain (nor the mentee in the mentor's).
 *
 * @param minSeniorityGap least seniority levels the mentor must be above the mentee
 * @param maxTimezoneDifferenceHours largest allowed difference of UTC offsets, in hours
 * @param allowSameManagerPeers whether two reports of the same manager may be paired
 * @param maxManagementDepth how many levels of the management chain are followed
 */
public record RuleConfig(
    int minSeniorityGap,
    double maxTimezoneDifferenceHours,
    boolean allowSameManagerPeers,
    int maxManagementDepth)
    implements Serializable {
  static final Setting<Integer> MIN_SENIORITY_GAP =
      Setting.integer(
          "rules.min_seniority_gap",
          1,
          0,
          9,
          "Least number of seniority levels a mentor must be above the mentee (0 allows peers).");

  static final Setting<Double> MAX_TIMEZONE_DIFFERENCE_HOURS =
      Setting.decimal(
          "rules.max_timezone_difference_hours",
          6.0,
          0,
          12,
          "Largest difference between the two members' UTC offsets (on the run date), in hours;"
              + " 12 disables the rule.");

  static final Setting<Boolean> ALLOW_SAME_MANAGER_PEERS =
      Setting.flag(
          "rules.allow_same_manager_peers",
          false,
          "Whether two members reporting to the same manager may be paired.");

  static final Setting<Integer> MAX_MANAGEMENT_DEPTH =
      Setting.integer(
          "rules.max_management_depth",
          12,
          1,
          100,
          "How many levels up the management chain (manager, manager's manager, ...) are followed"
              + " when excluding a mentee's reporting line.");

  static final List<Setting<?>> SETTINGS =
      List.of(
          MIN_SENIORITY_GAP,
          MAX_TIMEZONE_DIFFERENCE_HOURS,
          ALLOW_SAME_MANAGER_PEERS,
          MAX_MANAGEMENT_DEPTH);

  static RuleConfig read(SettingValues v) {
    return new RuleConfig(
        v.get(MIN_SENIORITY_GAP),
        v.get(MAX_TIMEZONE_DIFFERENCE_HOURS),
        v.get(ALLOW_SAME_MANAGER_PEERS),
        v.get(MAX_MANAGEMENT_DEPTH));
  }
}
