package org.mentormatch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentormatch.candidates.PairRules;
import org.mentormatch.explain.UnmatchedReasons.Funnel;

class UnmatchedReasonsTest {

  private static final UnmatchedReasons REASONS = new UnmatchedReasons(0.30, 0.20, 1, 6.0);
  private static final List<String> RULES =
      List.of(
          PairRules.SHARED_LANGUAGE,
          PairRules.TIMEZONE,
          PairRules.SENIORITY,
          PairRules.REPORTING_LINE,
          PairRules.SAME_MANAGER,
          PairRules.NOT_DECLINED,
          PairRules.MENTOR_HAS_ROOM);

  /** Topical mentors left after each rule when none leaves zero: 5 topical, then 4, 3, 2, ... */
  private static final List<Integer> LEFT = List.of(4, 3, 2, 2, 2, 2, 2);

  /** 9 candidates, 5 topical; rule {@code zeroAt} (or none, if null) leaves nobody. */
  private static Funnel funnel(String zeroAt, double bestScore, int aboveMinimum) {
    Map<String, Integer> left = new HashMap<>();
    boolean gone = false;
    for (int i = 0; i < RULES.size(); i++) {
      gone |= RULES.get(i).equals(zeroAt);
      left.put(RULES.get(i), gone ? 0 : LEFT.get(i));
    }
    return new Funnel(
        true,
        9,
        0.9,
        5,
        RULES,
        left,
        bestScore,
        aboveMinimum,
        List.of("en", "de"),
        "Europe/Berlin",
        2);
  }

  private static Funnel early(boolean topic, int candidates, double bestCoverage, int topical) {
    return new Funnel(
        topic, candidates, bestCoverage, topical, RULES, Map.of(), 0, 0, List.of("en"), "UTC", 1);
  }

  @Test
  void goalsWithoutTopic() {
    assertEquals(
        "none of the goals names a topic the matcher recognises; more specific goals"
            + " (e.g. 'negotiation', 'SQL') would help",
        REASONS.reason(early(false, 0, 0, 0)));
  }

  @Test
  void noCandidates() {
    assertEquals(
        "no mentor offers skills in the topic clusters nearest to the goals",
        REASONS.reason(early(true, 0, 0, 0)));
    assertEquals(
        "no mentor offers a skill similar to any of the goals",
        REASONS.forEveryMentorSearched().reason(early(true, 0, 0, 0)));
  }

  @Test
  void noMentorCoversEnoughOfTheGoals() {
    assertEquals(
        "no mentor's skills cover enough of the goals: the closest of 7 mentors covers 15%, the"
            + " minimum is 20%",
        REASONS.reason(early(true, 7, 0.15, 0)));
    assertTrue(REASONS.reason(early(true, 1, 0, 0)).contains("the closest of 1 mentor covers 0%"));
  }

  static Stream<Arguments> ruleSteps() {
    return Stream.of(
        Arguments.of(
            PairRules.SHARED_LANGUAGE,
            "none of the 5 mentors whose skills fit speaks a language the mentee speaks (en, de)"),
        Arguments.of(
            PairRules.TIMEZONE,
            "none of the 4 mentors whose skills fit works within 6 h of the mentee's time zone"
                + " (Europe/Berlin)"),
        Arguments.of(
            PairRules.SENIORITY,
            "none of the 3 mentors whose skills fit is at least 1 level more senior than the"
                + " mentee (seniority 2)"),
        Arguments.of(
            PairRules.REPORTING_LINE,
            "the mentors whose skills fit are in the mentee's own reporting line"),
        Arguments.of(
            PairRules.SAME_MANAGER,
            "the mentors whose skills fit report to the mentee's own manager"),
        Arguments.of(
            PairRules.NOT_DECLINED,
            "the mentors whose skills fit were declined for this mentee by a coordinator"),
        Arguments.of(
            PairRules.MENTOR_HAS_ROOM,
            "the mentors whose skills fit have no free place: active mentorships and pending"
                + " proposals fill them"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ruleSteps")
  void theFirstRuleThatLeavesNoFittingMentorIsNamed(String rule, String reason) {
    assertEquals(reason, REASONS.reason(funnel(rule, 0, 0)));
  }

  /** Every rule name PairRules declares, found by reflection so a new rule cannot be missed. */
  static Stream<String> declaredRuleNames() throws IllegalAccessException {
    List<String> names = new ArrayList<>();
    for (Field f : PairRules.class.getDeclaredFields()) {
      int m = f.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
        names.add((String) f.get(null));
      }
    }
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("declaredRuleNames")
  void everyRuleOfPairRulesHasItsOwnReason(String rule) {
    assertTrue(RULES.contains(rule), "rule " + rule + " is in the funnel of this test");
    String reason = REASONS.reason(funnel(rule, 0, 0));
    assertFalse(reason.contains("the rule '"), reason);
  }

  @Test
  void anUnknownRuleIsNamed() {
    Funnel f =
        new Funnel(
            true, 2, 0.5, 2, List.of("office"), Map.of("office", 0), 0, 0, List.of("en"), "UTC", 1);
    assertEquals(
        "none of the 2 mentors whose skills fit passes the rule 'office'", REASONS.reason(f));
  }

  @Test
  void oneFittingMentorIsSpokenOfInTheSingular() {
    UnmatchedReasons r = new UnmatchedReasons(0.3, 0.2, 2, 5.5);
    Funnel timezone =
        new Funnel(
            true,
            3,
            0.5,
            1,
            RULES,
            Map.of(PairRules.SHARED_LANGUAGE, 1, PairRules.TIMEZONE, 0),
            0,
            0,
            List.of("en"),
            "Asia/Kolkata",
            1);
    assertEquals(
        "the one mentor whose skills fit does not work within 5.5 h of the mentee's time zone"
            + " (Asia/Kolkata)",
        r.reason(timezone));
    Funnel seniority =
        new Funnel(
            true,
            3,
            0.5,
            1,
            RULES,
            Map.of(PairRules.SHARED_LANGUAGE, 1, PairRules.TIMEZONE, 1, PairRules.SENIORITY, 0),
            0,
            0,
            List.of("en"),
            "UTC",
            7);
    assertEquals(
        "the one mentor whose skills fit is not at least 2 levels more senior than the mentee"
            + " (seniority 7)",
        r.reason(seniority));
  }

  @Test
  void belowTheMinimumScore() {
    assertEquals(
        "the best fit scores 0.25, below the minimum score 0.30",
        REASONS.reason(funnel(null, 0.25, 0)));
  }

  @Test
  void theBestScoreQuotedIsAlwaysBelowTheMinimum() {
    // bestScore counts only mentors who pass every rule and cover enough: when one of those
    // reaches the minimum, aboveMinimum is not 0 and the reason is capacity, never the score.
    String reason = REASONS.reason(funnel(null, 0.35, 1));
    assertFalse(reason.contains("minimum score"), reason);
  }

  @Test
  void theOneFittingMentorIsAtCapacity() {
    assertEquals(
        "the one mentor who fits is at capacity with other mentees",
        REASONS.reason(funnel(null, 0.8, 1)));
  }

  @Test
  void allFittingMentorsAreAtCapacity() {
    assertEquals(
        "all 3 mentors who fit are at capacity with other mentees",
        REASONS.reason(funnel(null, 0.8, 3)));
  }
}
