package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How long proposals wait for a coordinator.
 *
 * @param pendingExpiryDays days an undecided proposal holds its mentor's place
 */
public record DecisionConfig(int pendingExpiryDays) implements Serializable {
  static final Setting<Integer> PENDING_EXPIRY_DAYS =
      Setting.integer(
          "decisions.pending_expiry_days",
          14,
          1,
          3650,
          "Days an undecided proposal keeps its mentor's place and its mentee waiting; after that"
              + " it expires, can no longer be decided, and the next run may propose again.");

  static final List<Setting<?>> SETTINGS = List.of(PENDING_EXPIRY_DAYS);

  static DecisionConfig read(SettingValues v) {
    return new DecisionConfig(v.get(PENDING_EXPIRY_DAYS));
  }
}
