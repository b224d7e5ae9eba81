package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The walk's table of matches by skill number against a plain map. */
class SkillMatchesTest {
  @Test
  void keepsWhatAMapKeepsThroughGrowthAndAnswersNullForTheRest() {
    SplittableRandom random = new SplittableRandom(7);
    TopMentorSearch.SkillMatches table = new TopMentorSearch.SkillMatches();
    Map<Integer, MenteeQuery.SkillMatch> map = new HashMap<>();
    // Skill 0, neighbours and multiples of powers of two: the numbers a weak hash would pile up.
    for (int i = 0; i < 5_000; i++) {
      int s = i % 3 == 0 ? i * 1024 + (i % 2) : random.nextInt(200_000);
      if (!map.containsKey(s)) {
        MenteeQuery.SkillMatch m = new MenteeQuery.SkillMatch("skill " + s, i / 5_000.0, "how");
        map.put(s, m);
        table.put(s, m);
      }
    }
    for (int s = 0; s < 5_000 * 1024; s += 97) {
      assertSame(map.get(s), table.get(s), "skill " + s);
    }
    map.forEach((s, m) -> assertSame(m, table.get(s), "skill " + s));
    assertFalse(map.containsKey(1)); // not drawn with this seed, and below 1 * 1024 + 1
    assertNull(table.get(1));
  }
}
