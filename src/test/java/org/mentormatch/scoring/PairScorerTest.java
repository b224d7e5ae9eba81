package org.mentormatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.config.ScoreConfig;
import org.mentormatch.scoring.PairScorer.Goal;
import org.mentormatch.scoring.PairScorer.Match;
import org.mentormatch.scoring.PairScorer.Score;
import org.mentormatch.scoring.PairScorer.Side;

class PairScorerTest {

  private static final ScoreConfig DEFAULTS = MatchConfig.defaults().score();
  private static final PairScorer SCORER = new PairScorer(DEFAULTS);
  private static final Side ANYONE = new Side(3, 0, null);

  /** A goal the mentor covers with {@code skill} at {@code similarity}. */
  private static Goal covered(String goal, String skill, double similarity) {
    return new Goal(goal, true, new Match(goal, skill, similarity, "similar meaning"));
  }

  /** A goal naming a topic that none of the mentor's skills covers. */
  private static Goal uncovered(String goal) {
    return new Goal(goal, true, null);
  }

  /** A goal naming no topic at all ("get better at it"). */
  private static Goal noTopic(String goal) {
    return new Goal(goal, false, null);
  }

  private static Score coverageOf(List<Goal> goals) {
    return SCORER.score(goals, ANYONE, ANYONE);
  }

  @Test
  void coverageIsTheMeanOfEachGoalsBestSkill() {
    Score s =
        coverageOf(
            List.of(covered("negotiation", "sales", 0.6), covered("SQL", "data analysis", 0.9)));
    assertEquals((0.6 + 0.9) / 2, s.coverage(), 1e-12);
    assertEquals(
        List.of(
            new Match("negotiation", "sales", 0.6, "similar meaning"),
            new Match("SQL", "data analysis", 0.9, "similar meaning")),
        s.matches());
  }

  @Test
  void anUncoveredGoalCountsAsNothing() {
    Score s = coverageOf(List.of(uncovered("negotiation"), covered("SQL", "SQL", 1)));
    assertEquals(0.5, s.coverage(), 1e-12);
    assertEquals(1, s.matches().size());
  }

  @Test
  void similarityBelowTheMinimumCountsAsNothing() {
    Score s = coverageOf(List.of(covered("negotiation", "sales", 0.29), uncovered("SQL")));
    assertEquals(0.0, s.coverage());
    assertEquals(List.of(), s.matches());
  }

  @Test
  void similarityAtTheMinimumCounts() {
    Score s = coverageOf(List.of(covered("negotiation", "sales", 0.3)));
    assertEquals(0.3, s.coverage(), 1e-12);
    assertEquals(1, s.matches().size());
  }

  @Test
  void minimumSimilarityComesFromTheConfig() {
    PairScorer strict =
        new PairScorer(MatchConfig.parse("score.min_phrase_similarity = 0.7", "t").score());
    List<Goal> goals = List.of(covered("negotiation", "sales", 0.6));
    assertEquals(0.0, strict.score(goals, ANYONE, ANYONE).coverage());
    assertEquals(0.6, SCORER.score(goals, ANYONE, ANYONE).coverage(), 1e-12);
  }

  @Test
  void goalsNamingNoTopicAreSkipped() {
    Score s =
        coverageOf(
            List.of(
                noTopic("get better"),
                covered("negotiation", "negotiating", 1.0),
                noTopic("get better")));
    assertEquals(1.0, s.coverage(), 1e-12);
    assertEquals(
        List.of(new Match("negotiation", "negotiating", 1.0, "similar meaning")), s.matches());
  }

  @Test
  void noTopicalGoalOrNoGoalGivesZeroCoverage() {
    assertEquals(0.0, coverageOf(List.of(noTopic("get better"))).coverage());
    assertEquals(0.0, coverageOf(List.of()).coverage());
    assertEquals(0.0, coverageOf(List.of(uncovered("x"))).coverage());
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "same concept, 1, same concept",
    "related concept, 0.5, 'related concept, 0.50'",
    "similar meaning, 0.714, 'similar meaning, 0.71'",
  })
  void aMatchSaysHowTheSkillCoversTheGoal(String how, double similarity, String said) {
    assertEquals(said, new Match("g", "s", similarity, how).describe());
  }

  @ParameterizedTest(name = "mentee {0}, mentor {1} -> {2}")
  @CsvSource({
    "3, 3, 0",
    "3, 4, 0.3333333333333333",
    "3, 5, 0.6666666666666666",
    "3, 6, 1",
    "1, 10, 1",
    "5, 3, 0", // a mentor less senior never scores below 0
  })
  void seniorityPartIsTheGapUpToTheIdealOverTheIdeal(int mentee, int mentor, double part) {
    Score s = SCORER.score(List.of(), new Side(mentee, 0, null), new Side(mentor, 0, null));
    assertEquals(part, s.seniorityPart(), 1e-12);
  }

  @Test
  void idealSeniorityGapComesFromTheConfig() {
    PairScorer scorer =
        new PairScorer(MatchConfig.parse("score.ideal_seniority_gap = 4", "t").score());
    Score s = scorer.score(List.of(), new Side(2, 0, null), new Side(5, 0, null));
    assertEquals(0.75, s.seniorityPart(), 1e-12);
  }

  private static int offsetMinutes(String zone, LocalDateTime at) {
    return ZoneId.of(zone).getRules().getOffset(at.toInstant(ZoneOffset.UTC)).getTotalSeconds()
        / 60;
  }

  @Test
  void berlinAndNewYorkInNovemberShareTwoHours() {
    LocalDateTime november = LocalDateTime.of(2025, 11, 12, 12, 0);
    int berlin = offsetMinutes("Europe/Berlin", november);
    int newYork = offsetMinutes("America/New_York", november);
    assertEquals(60, berlin);
    assertEquals(-300, newYork);
    Score s = SCORER.score(List.of(), new Side(1, berlin, null), new Side(4, newYork, null));
    assertEquals(2.0, s.sharedHours(), 1e-12);
    assertEquals(2.0 / 8, s.timezonePart(), 1e-12);
  }

  @ParameterizedTest(name = "offsets {0} and {1} minutes -> {2} h")
  @CsvSource({
    "0, 0, 8", // same zone
    "60, 60, 8",
    "60, -300, 2", // Berlin vs New York in November
    "-300, 60, 2",
    "780, -600, 7", // UTC+13 vs UTC-10: 23 h apart on paper, 1 h across the date line
    "-600, 780, 7",
    "720, 0, 0", // 12 h apart
    "0, -720, 0",
    "840, -720, 6", // UTC+14 vs UTC-12: 26 h apart on paper, 2 h across the date line
    "330, 0, 2.5", // India vs UTC: half hours count
    "480, 0, 0", // 8 h apart: the days only touch
    "420, 0, 1",
  })
  void sharedWorkingHours(int offsetA, int offsetB, double hours) {
    assertEquals(hours, SCORER.sharedHours(offsetA, offsetB), 1e-12);
    Score s = SCORER.score(List.of(), new Side(1, offsetA, null), new Side(1, offsetB, null));
    assertEquals(hours, s.sharedHours(), 1e-12);
    assertEquals(hours / 8, s.timezonePart(), 1e-12);
  }

  @Test
  void sharedHoursFollowTheConfiguredWorkday() {
    PairScorer scorer =
        new PairScorer(
            MatchConfig.parse("score.workday_start_hour = 8\nscore.workday_end_hour = 18", "t")
                .score());
    assertEquals(4.0, scorer.sharedHours(60, -300), 1e-12);
    Score s = scorer.score(List.of(), new Side(1, 60, null), new Side(1, -300, null));
    assertEquals(0.4, s.timezonePart(), 1e-12);
  }

  @ParameterizedTest(name = "''{0}'' vs ''{1}'' -> {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Sales, Finance, 1",
        "Sales, Sales, 0",
        "Sales, ' sales ', 0", // same, ignoring case and spaces
        "SALES, sales, 0",
        "NULL, Sales, 0", // unknown
        "Sales, NULL, 0",
        "NULL, NULL, 0",
      })
  void departmentPart(String menteeDepartment, String mentorDepartment, double part) {
    Score s =
        SCORER.score(List.of(), new Side(1, 0, menteeDepartment), new Side(1, 0, mentorDepartment));
    assertEquals(part, s.departmentPart());
  }

  @Test
  void scoreIsTheWeightedMeanOfTheParts() {
    Side mentee = new Side(2, 60, "Sales");
    Side mentor = new Side(4, -300, "Finance");
    Score s =
        SCORER.score(
            List.of(covered("negotiation", "sales", 0.6), covered("SQL", "SQL", 1)),
            mentee,
            mentor);
    // coverage (0.6 + 1) / 2 = 0.8; seniority 2/3; 2 shared hours of 8 = 0.25; department 1
    assertEquals(0.8, s.coverage(), 1e-12);
    assertEquals(2.0 / 3, s.seniorityPart(), 1e-12);
    assertEquals(0.25, s.timezonePart(), 1e-12);
    assertEquals(1.0, s.departmentPart());
    // (0.70 * 0.8 + 0.10 * 2/3 + 0.15 * 0.25 + 0.05 * 1) / 1.00 = 0.56 + 0.0666... + 0.0375 + 0.05
    assertEquals(0.7141666666666666, s.score(), 1e-12);
  }

  @Test
  void weightsAreNormalisedBySumSoTheScoreStaysInZeroOne() {
    ScoreConfig heavy = new ScoreConfig(1.0, 0.5, 0.5, 0, 0.3, 3, 9, 17);
    List<Goal> goals = List.of(covered("negotiation", "negotiating", 1));
    Side mentee = new Side(1, 0, "Sales");
    Side mentor = new Side(4, 0, "Finance");
    // every part 1 except department, whose weight is 0
    assertEquals(1.0, new PairScorer(heavy).score(goals, mentee, mentor).score(), 1e-12);
    Side farMentor = new Side(1, 720, "Finance");
    // coverage 1, seniority 0, time zone 0: (1.0 * 1) / 2.0
    assertEquals(0.5, new PairScorer(heavy).score(goals, mentee, farMentor).score(), 1e-12);
  }

  @Test
  void theBoundFromPartsIsTheBoundFromTheSidesToTheBit() {
    // The search bounds a walk by parts computed once per mentee; a mentor class's bound must be
    // the very double atMost gives from the two sides, or a walk could stop a bit early.
    for (int menteeSeniority = 1; menteeSeniority <= 10; menteeSeniority++) {
      for (int mentorSeniority = 1; mentorSeniority <= 10; mentorSeniority++) {
        for (int menteeOffset = -720; menteeOffset <= 840; menteeOffset += 210) {
          for (int mentorOffset = -720; mentorOffset <= 840; mentorOffset += 150) {
            for (double coverage : new double[] {0, 0.3, 1.0 / 3, 0.71, 1}) {
              for (boolean differ : new boolean[] {false, true}) {
                assertEquals(
                    SCORER.atMost(
                        coverage,
                        menteeSeniority,
                        menteeOffset,
                        mentorSeniority,
                        mentorOffset,
                        differ),
                    SCORER.atMost(
                        coverage,
                        SCORER.seniorityPart(menteeSeniority, mentorSeniority),
                        SCORER.timezonePart(menteeOffset, mentorOffset),
                        differ));
              }
            }
          }
        }
      }
    }
  }
}
