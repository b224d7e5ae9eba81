package org.mentormatch.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.config.ScoreConfig;
import org.mentormatch.explain.ProposalExplainer.Parts;
import org.mentormatch.explain.ProposalExplainer.Person;
import org.mentormatch.scoring.PairScorer.Match;

class ProposalExplainerTest {

  private static final ProposalExplainer EXPLAINER =
      new ProposalExplainer(MatchConfig.defaults().score());

  private static final Person MENTEE =
      new Person("e1", "Sales", "Europe/Berlin", 2, List.of("en", "de"), 3);
  private static final Person MENTOR =
      new Person("m1", "Finance", "America/New_York", 5, List.of("fr", "de", "en"), 4);
  private static final List<Match> MATCHES =
      List.of(
          new Match("negotiation", "negotiation skills", 1.0, "same concept"),
          new Match("SQL", "data analysis with SQL", 0.55, "related concept"),
          new Match("public speaking", "presenting", 0.31, "similar meaning"));
  private static final Parts PARTS = new Parts(0.714, 0.8, 1.0, 0.25, 1.0, 2.0, MATCHES);

  @Test
  void reasonsNameEveryPartMostImportantFirst() {
    assertEquals(
        List.of(
            "Skills cover 3 of 3 goals: \"negotiation\" by \"negotiation skills\" (same concept);"
                + " \"SQL\" by \"data analysis with SQL\" (related concept, 0.55); \"public"
                + " speaking\" by \"presenting\" (similar meaning, 0.31).",
            "Score 0.71 = coverage 0.80 x 0.70 + seniority 1.00 x 0.10 + time zone 0.25 x 0.15 +"
                + " department 1.00 x 0.05 (weights normalised to 1).",
            "Mentor is 3 levels more senior (5 vs 2).",
            "2 shared working hours a day (Europe/Berlin and America/New_York).",
            "Brings a view from another department (Finance, mentee in Sales).",
            "Both speak en, de.",
            "Found in topic cluster 4 (negotiation, sales)."),
        EXPLAINER.reasons(MENTEE, MENTOR, PARTS, 4, "negotiation, sales"));
  }

  @Test
  void coverageSentenceCountsTheGoalsCovered() {
    Parts one = new Parts(0.5, 0.4, 1, 1, 0, 8, MATCHES.subList(0, 1));
    List<String> reasons = EXPLAINER.reasons(MENTEE, MENTOR, one, 0, "x");
    assertEquals(
        "Skills cover 1 of 3 goals: \"negotiation\" by \"negotiation skills\" (same concept).",
        reasons.get(0));
    Person singleGoal = new Person("e1", "Sales", "UTC", 2, List.of("en"), 1);
    assertTrue(
        EXPLAINER
            .reasons(singleGoal, MENTOR, one, 0, "x")
            .get(0)
            .startsWith("Skills cover 1 of 1 goal: "));
  }

  @ParameterizedTest
  @CsvSource({
    "1.0, same concept, same concept",
    "0.5, related concept, 'related concept, 0.50'",
    "0.714, similar meaning, 'similar meaning, 0.71'",
    "0.3, similar meaning, 'similar meaning, 0.30'"
  })
  void eachCoveredGoalSaysHow(double similarity, String how, String words) {
    Parts p = new Parts(0.5, 0.5, 1, 1, 0, 8, List.of(new Match("g", "s", similarity, how)));
    assertTrue(
        EXPLAINER.reasons(MENTEE, MENTOR, p, 0, "x").get(0).endsWith("(" + words + ")."), words);
  }

  @Test
  void scoreLineQuotesTheWeightsNormalisedToOne() {
    ScoreConfig doubled = new ScoreConfig(1.4, 0.2, 0.3, 0.1, 0.3, 3, 9, 17);
    String line = new ProposalExplainer(doubled).reasons(MENTEE, MENTOR, PARTS, 4, "x").get(1);
    assertEquals(
        "Score 0.71 = coverage 0.80 x 0.70 + seniority 1.00 x 0.10 + time zone 0.25 x 0.15 +"
            + " department 1.00 x 0.05 (weights normalised to 1).",
        line);
  }

  @Test
  void oneLevelIsSingular() {
    Person junior = new Person("e1", "Sales", "UTC", 4, List.of("en"), 1);
    assertEquals(
        "Mentor is 1 level more senior (5 vs 4).",
        EXPLAINER.reasons(junior, MENTOR, PARTS, 0, "x").get(2));
  }

  @Test
  void peersAreNotCalledMoreSenior() {
    Person peerMentee = new Person("e1", "Sales", "UTC", 3, List.of("en"), 1);
    Person peerMentor = new Person("m1", "Finance", "UTC", 3, List.of("en"), 1);
    String line = EXPLAINER.reasons(peerMentee, peerMentor, PARTS, 0, "x").get(2);
    assertFalse(line.contains("more senior"), line);
    assertTrue(line.contains("(3 vs 3)"), line);
  }

  @ParameterizedTest(name = "{0} h")
  @CsvSource({"8, '8 shared'", "2.5, '2.5 shared'", "0, '0 shared'", "7.25, '7.3 shared'"})
  void sharedHoursNameBothZones(double hours, String start) {
    Parts p = new Parts(0.5, 0.5, 1, hours / 8, 1, hours, MATCHES);
    assertEquals(
        start + " working hours a day (Europe/Berlin and America/New_York).",
        EXPLAINER.reasons(MENTEE, MENTOR, p, 0, "x").get(3));
  }

  @Test
  void sameDepartmentIsSaidIgnoringCase() {
    Person mentor = new Person("m1", "SALES", "UTC", 5, List.of("en"), 2);
    Parts p = new Parts(0.5, 0.5, 1, 1, 0, 8, MATCHES);
    List<String> reasons = EXPLAINER.reasons(MENTEE, mentor, p, 0, "x");
    assertTrue(reasons.contains("Same department (Sales)."), reasons.toString());
  }

  @Test
  void unknownDepartmentGivesNoDepartmentSentence() {
    Person mentor = new Person("m1", null, "UTC", 5, List.of("en"), 2);
    Parts p = new Parts(0.5, 0.5, 1, 1, 0, 8, MATCHES);
    List<String> reasons = EXPLAINER.reasons(MENTEE, mentor, p, 0, "x");
    assertEquals(6, reasons.size(), reasons.toString());
    assertTrue(reasons.stream().noneMatch(r -> r.contains("department (")), reasons.toString());
    Person menteeWithout = new Person("e1", null, "UTC", 2, List.of("en"), 1);
    assertEquals(6, EXPLAINER.reasons(menteeWithout, MENTOR, p, 0, "x").size());
  }

  @Test
  void sharedLanguagesInTheMenteesOrder() {
    Person mentor = new Person("m1", "Finance", "UTC", 5, List.of("pt", "de"), 2);
    Person mentee = new Person("e1", "Sales", "UTC", 2, List.of("de", "en", "pt"), 2);
    List<String> reasons = EXPLAINER.reasons(mentee, mentor, PARTS, 0, "x");
    assertTrue(reasons.contains("Both speak de, pt."), reasons.toString());
  }

  @Test
  void clusterIsNamedWithItsLabel() {
    List<String> reasons = EXPLAINER.reasons(MENTEE, MENTOR, PARTS, 12, "kubernetes, docker");
    assertEquals(
        "Found in topic cluster 12 (kubernetes, docker).", reasons.get(reasons.size() - 1));
  }

  @Test
  void exactSearchDoesNotClaimTheClusterFoundTheMentor() {
    List<String> reasons =
        EXPLAINER.forEveryMentorSearched().reasons(MENTEE, MENTOR, PARTS, 12, "kubernetes, docker");
    assertEquals(
        "Found among all mentors with a skill similar to a goal; this mentor's skills are in"
            + " topic cluster 12 (kubernetes, docker).",
        reasons.get(reasons.size() - 1));
    assertTrue(
        reasons.stream().noneMatch(r -> r.startsWith("Found in topic cluster")),
        reasons.toString());
    assertEquals(
        EXPLAINER.reasons(MENTEE, MENTOR, PARTS, 12, "kubernetes, docker").size(), reasons.size());
  }

  @Test
  void whyNotAtCapacityWithOnePlace() {
    assertEquals(
        "at capacity: their one place went to another mentee",
        ProposalExplainer.whyNot(0.9, 0.7, 1, 1));
  }

  @ParameterizedTest
  @CsvSource({"2, 2", "3, 3", "5, 4"})
  void whyNotAtCapacityWithSeveralPlaces(int taken, int capacity) {
    assertEquals(
        "at capacity: all " + capacity + " places went to other mentees",
        ProposalExplainer.whyNot(0.6, 0.7, taken, capacity));
  }

  @Test
  void whyNotWithRoomLeftFitsLessWell() {
    assertEquals("fits less well (0.610 vs 0.740)", ProposalExplainer.whyNot(0.61, 0.74, 0, 2));
    assertEquals("fits less well (0.700 vs 0.700)", ProposalExplainer.whyNot(0.7, 0.7, 1, 2));
  }

  @Test
  void whyNotBetterMentorWithRoom() {
    assertEquals(
        "scores higher (0.800) but was kept free by the assignment",
        ProposalExplainer.whyNot(0.8, 0.7, 0, 1));
  }

  @Test
  void whyNotMentorWithoutPlaces() {
    String why = ProposalExplainer.whyNot(0.8, 0.7, 0, 0);
    assertTrue(why.startsWith("at capacity"), why);
    assertFalse(why.contains("0 places"), why);
    assertFalse(why.contains("went to other mentees"), why);
  }
}
