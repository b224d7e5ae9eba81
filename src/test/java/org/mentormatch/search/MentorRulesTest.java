package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.scoring.PairScorer;

/**
 * The rules read from numbered flat arrays give what the rules read from the mentee's and mentor's
 * objects give, on every pair of random members: null and unknown languages, more languages than a
 * word of bits holds, mentees who are mentors, chains in both directions, managers no mentor has,
 * declined mentors and full mentors; and the score's other parts from the arrays are the ones from
 * each side's object, departments spelt differently, missing or no mentor's.
 */
class MentorRulesTest {
  // Spellings the score reads as one department, none, and one no mentor has.
  private static final List<String> MENTOR_DEPARTMENTS =
      Arrays.asList("Sales", " sales ", "Legal", null, "HR");
  private static final List<String> MENTEE_DEPARTMENTS =
      Arrays.asList("SALES", "legal ", null, "Ops", "HR");

  private static String department(SplittableRandom random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static String pick(SplittableRandom random, List<String> from) {
    return from.get(random.nextInt(from.size()));
  }

  private static List<String> languages(SplittableRandom random, List<String> all) {
    if (random.nextInt(12) == 0) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = random.nextInt(3); i >= 0; i--) {
      out.add(random.nextInt(15) == 0 ? null : pick(random, all));
    }
    return out;
  }

  private static Set<String> chain(SplittableRandom random, List<String> ids) {
    Set<String> out = new HashSet<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      out.add(pick(random, ids));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void numberedRulesGiveWhatTheObjectsGive(boolean samePeers) {
    SplittableRandom random = new SplittableRandom(samePeers ? 3 : 7);
    List<String> languages = new ArrayList<>();
    for (int l = 0; l < 74; l++) {
      languages.add("l" + l);
    }
    // Mentors speak 70 of them, more than 64: two words of bits.
    List<String> mentorLanguages = languages.subList(0, 70);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      ids.add("m" + i);
    }
    List<String> others = List.of("x1", "x2", "x3"); // ids of no mentor
    List<String> anyId = new ArrayList<>(ids);
    anyId.addAll(others);
    List<MentorIndex.Mentor> mentors = new ArrayList<>();
    for (String id : ids) {
      List<String> spoken = languages(random, mentorLanguages);
      if (spoken != null) {
        spoken.add(mentorLanguages.get(mentors.size() % mentorLanguages.size()));
      }
      mentors.add(
          new MentorIndex.Mentor(
              id,
              spoken,
              60 * (random.nextInt(9) - 4),
              random.nextInt(6),
              department(random, MENTOR_DEPARTMENTS),
              random.nextInt(5) == 0 ? null : pick(random, anyId.subList(0, 12)),
              chain(random, anyId),
              random.nextInt(3) - 1,
              0,
              List.of("s")));
    }
    MentorIndex index = new MentorIndex(mentors, Map.of("s", phrase()));
    MatchConfig config =
        MatchConfig.fromValues(
            Map.of("rules.allow_same_manager_peers", Boolean.toString(samePeers)), "test");
    PairRuleCheck check = new PairRuleCheck(config.rules());
    MentorRules view = index.rules();
    int[] outcomes = new int[PairRuleCheck.PASSES + 2];
    int[] departments = new int[2];
    PairScorer scorer = new PairScorer(config.score());
    for (int q = 0; q < 400; q++) {
      Set<String> declined = random.nextBoolean() ? Set.of() : chain(random, anyId);
      // A mentor, a manager who is no mentor (in mentors' chains), or neither.
      int kind = random.nextInt(6);
      String menteeId = kind == 0 ? pick(random, ids) : kind == 1 ? pick(random, others) : "e" + q;
      MenteeQuery mentee =
          new MenteeQuery(
              menteeId,
              languages(random, languages),
              60 * (random.nextInt(9) - 4),
              random.nextInt(6),
              department(random, MENTEE_DEPARTMENTS),
              random.nextInt(6) == 0
                  ? null
                  : random.nextInt(6) == 0 ? "z" + q : pick(random, anyId.subList(0, 12)),
              chain(random, anyId),
              List.of(),
              declined);
      MentorRules.Query numbered = view.query(mentee);
      for (int m = 0; m < index.size(); m++) {
        MentorIndex.Mentor mentor = index.mentor(m);
        assertEquals(mentor.id().equals(mentee.id()), view.isMentee(numbered, m), mentor.id());
        int expected = check.firstFailure(mentee, mentor);
        assertEquals(
            expected, check.firstFailure(view, numbered, m), mentee + " against " + mentor);
        outcomes[expected]++;
        PairScorer.Side mentorSide = index.side(m);
        PairScorer.Side menteeSide =
            new PairScorer.Side(mentee.seniority(), mentee.utcOffsetMinutes(), mentee.department());
        for (double coverage : new double[] {0, 0.37, 1}) {
          assertEquals(
              scorer.atMost(coverage, menteeSide, mentorSide),
              scorer.atMost(
                  coverage,
                  mentee.seniority(),
                  mentee.utcOffsetMinutes(),
                  view.seniority(m),
                  view.utcOffsetMinutes(m),
                  view.departmentsDiffer(numbered, m)),
              mentee.department() + " / " + mentor.department());
        }
        departments[view.departmentsDiffer(numbered, m) ? 1 : 0]++;
        outcomes[PairRuleCheck.PASSES + 1] += view.isMentee(numbered, m) ? 1 : 0;
      }
    }
    assertTrue(departments[0] > 1000 && departments[1] > 1000, Arrays.toString(departments));
    for (int r = 0; r < outcomes.length; r++) {
      if (r == 4 && samePeers) {
        assertEquals(0, outcomes[r], "same manager allowed");
      } else {
        assertTrue(outcomes[r] > 0, "no pair at " + r + ": " + Arrays.toString(outcomes));
      }
    }
  }

  private static org.mentormatch.scoring.PhraseSimilarity.Phrase phrase() {
    return new org.mentormatch.scoring.PhraseSimilarity.Phrase(
        "s", List.of(), 0, true, new byte[] {1, 2, 3});
  }
}
