package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How an allowed pair is scored.
 *
 * <p>score = (w_coverage * coverage + w_seniority * seniority + w_timezone * timezone +
 * w_department * department) / (sum of the weights), so a score lies in [0, 1]. The parts are
 * described in {@code org.mentormatch.scoring.PairScorer}.
 *
 * @param coverageWeight weight of how well the mentor's skills cover the mentee's goals
 * @param seniorityWeight weight of the seniority gap part
 * @param timezoneWeight weight of the shared working hours part
 * @param departmentWeight weight of the cross-department part
 * @param minPhraseSimilarity least goal-skill phrase similarity that counts as covering a goal
 * @param idealSeniorityGap seniority gap at which the seniority part reaches 1
 * @param workdayStartHour local hour the working day starts
 * @param workdayEndHour local hour the working day ends
 */
public record ScoreConfig(
    double coverageWeight,
    double seniorityWeight,
    double timezoneWeight,
    double departmentWeight,
    double minPhraseSimilarity,
    int idealSeniorityGap,
    int workdayStartHour,
    int workdayEndHour)
    implements Serializable {
  static final Setting<Double> COVERAGE_WEIGHT =
      Setting.decimal(
          "score.weight.coverage",
          0.70,
          0,
          1,
          "Weight of coverage, the main part: how well the mentor's skills cover the mentee's"
              + " goals.");

  static final Setting<Double> SENIORITY_WEIGHT =
      Setting.decimal(
          "score.weight.seniority",
          0.10,
          0,
          1,
          "Weight of the seniority part: a larger gap, up to score.ideal_seniority_gap, scores"
              + " higher.");

  static final Setting<Double> TIMEZONE_WEIGHT =
      Setting.decimal(
          "score.weight.timezone",
          0.15,
          0,
          1,
          "Weight of the time-zone part: the share of working hours the two have in common.");

  static final Setting<Double> DEPARTMENT_WEIGHT =
      Setting.decimal(
          "score.weight.department",
          0.05,
          0,
          1,
          "Weight of the cross-department part: 1 when the mentor is from another department.");

  static final Setting<Double> MIN_PHRASE_SIMILARITY =
      Setting.decimal(
          "score.min_phrase_similarity",
          0.30,
          0,
          1,
          "Least similarity between a goal and a skill for the skill to count as covering that"
              + " goal; weaker resemblances count as nothing. The similarity is 1 for the same"
              + " taxonomy concept, 0 for unrelated concepts the taxonomy knows, else the larger of"
              + " the related-concept credit and the sentence model's similarity of meaning, which"
              + " is calibrated to reach 0.3 where unrelated phrases reach it one time in ten.");

  static final Setting<Integer> IDEAL_SENIORITY_GAP =
      Setting.integer(
          "score.ideal_seniority_gap",
          3,
          1,
          9,
          "Seniority gap (mentor minus mentee) at which the seniority part reaches its full value"
              + " of 1; smaller gaps score proportionally less.");

  static final Setting<Integer> WORKDAY_START_HOUR =
      Setting.integer(
          "score.workday_start_hour",
          9,
          0,
          23,
          "Local hour the working day starts, for the shared working hours of the time-zone part.");

  static final Setting<Integer> WORKDAY_END_HOUR =
      Setting.integer(
          "score.workday_end_hour",
          17,
          1,
          24,
          "Local hour the working day ends; must be after score.workday_start_hour.");

  static final List<Setting<?>> SETTINGS =
      List.of(
          COVERAGE_WEIGHT,
          SENIORITY_WEIGHT,
          TIMEZONE_WEIGHT,
          DEPARTMENT_WEIGHT,
          MIN_PHRASE_SIMILARITY,
          IDEAL_SENIORITY_GAP,
          WORKDAY_START_HOUR,
          WORKDAY_END_HOUR);

  static ScoreConfig read(SettingValues v) {
    ScoreConfig c =
        new ScoreConfig(
            v.get(COVERAGE_WEIGHT),
            v.get(SENIORITY_WEIGHT),
            v.get(TIMEZONE_WEIGHT),
            v.get(DEPARTMENT_WEIGHT),
            v.get(MIN_PHRASE_SIMILARITY),
            v.get(IDEAL_SENIORITY_GAP),
            v.get(WORKDAY_START_HOUR),
            v.get(WORKDAY_END_HOUR));
    if (c.coverageWeight() <= 0) {
      throw new ConfigException(
          "setting score.weight.coverage must be above 0: skill coverage is what makes a"
              + " mentor fit a mentee.");
    }
    if (c.workdayEndHour() <= c.workdayStartHour()) {
      throw new ConfigException(
          "setting score.workday_end_hour ("
              + c.workdayEndHour()
              + ") must be after score.workday_start_hour ("
              + c.workdayStartHour()
              + ").");
    }
    return c;
  }

  /** The sum of the four weights, the divisor that keeps a score in [0, 1]. */
  public double weightSum() {
    return coverageWeight + seniorityWeight + timezoneWeight + departmentWeight;
  }

  /** Hours in the working day. */
  public int workdayHours() {
    return workdayEndHour - workdayStartHour;
  }
}
