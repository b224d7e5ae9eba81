package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentormatch.config.MatchConfig;

/** The class-wide rules the search passes whole runs of mentors over with. */
class PairRuleCheckTest {
  @Test
  void aClassFailsExactlyWhenEachOfItsMentorsFailsTheTimeZoneOrSeniorityRule() {
    PairRuleCheck check = new PairRuleCheck(MatchConfig.fromValues(Map.of(), "test").rules());
    int fails = 0;
    int passes = 0;
    // Every half hour of offset both ways, and seniorities around every gap the rule allows.
    for (int menteeOffset = -720; menteeOffset <= 840; menteeOffset += 90) {
      for (int mentorOffset = -720; mentorOffset <= 840; mentorOffset += 30) {
        for (int menteeSeniority = 1; menteeSeniority <= 4; menteeSeniority++) {
          for (int mentorSeniority = 1; mentorSeniority <= 7; mentorSeniority++) {
            MenteeQuery mentee =
                new MenteeQuery(
                    "a",
                    List.of("en"),
                    menteeOffset,
                    menteeSeniority,
                    null,
                    null,
                    Set.of(),
                    List.of(),
                    Set.of());
            MentorIndex.Mentor mentor =
                new MentorIndex.Mentor(
                    "b",
                    List.of("en"),
                    mentorOffset,
                    mentorSeniority,
                    null,
                    null,
                    Set.of(),
                    1,
                    0,
                    List.of("s"));
            int failure = check.firstFailure(mentee, mentor);
            boolean classFails =
                check.failsOnClass(menteeSeniority, menteeOffset, mentorSeniority, mentorOffset);
            assertEquals(
                failure == 1 || failure == 2,
                classFails,
                menteeOffset
                    + "/"
                    + menteeSeniority
                    + " and "
                    + mentorOffset
                    + "/"
                    + mentorSeniority);
            if (classFails) {
              fails++;
            } else {
              passes++;
            }
          }
        }
      }
    }
    assertTrue(fails > 100 && passes > 100, fails + " fail, " + passes + " pass");
  }
}
