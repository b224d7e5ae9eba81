package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhrasePairs;
import org.mentormatch.scoring.PhraseSimilarity;
import org.mentormatch.scoring.PhraseSimilarity.Phrase;

/**
 * The longer similar-skill lists: what {@code Skills.closest} gives, computed once per goal and
 * depth however many threads ask, shared by equal settings only, never across indexes, and right
 * again after being forgotten.
 */
class SkillListsTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final PhraseAnalyzer ANALYZER = new PhraseAnalyzer(TAXONOMY);
  private static final double MIN = 0.3;

  /** A first list shorter than the tests' skills, so walks read beyond it. */
  private static final int FIRST = 24;

  private static PhraseSimilarity similarity() {
    return new PhraseSimilarity(TAXONOMY, PhraseEmbedder.ALL_MINILM_L6_V2_Q);
  }

  /** A phrase near one of a few directions, so many skills cover a goal. */
  private static Phrase phrase(SplittableRandom random, byte[][] bases, String text) {
    byte[] e = bases[random.nextInt(bases.length)].clone();
    for (int d = 0; d < e.length; d++) {
      e[d] = (byte) Math.max(-127, Math.min(127, e[d] + random.nextInt(81) - 40));
    }
    PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
    return new Phrase(text, a.concepts(), a.coverage(), a.topical(), e);
  }

  /** A few directions that every index and goal of these tests lie near. */
  private static final byte[][] BASES = bases(new SplittableRandom(0));

  private static byte[][] bases(SplittableRandom random) {
    byte[][] bases = new byte[3][PhraseEmbedder.DIMENSIONS];
    for (byte[] b : bases) {
      for (int d = 0; d < b.length; d++) {
        b[d] = (byte) (random.nextInt(61) - 30);
      }
    }
    return bases;
  }

  /** An index of {@code skills} skill phrases, each offered by one mentor. */
  private static MentorIndex index(long seed, int skills) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] bases = BASES;
    Map<String, Phrase> phrases = new HashMap<>();
    List<MentorIndex.Mentor> mentors = new ArrayList<>();
    for (int s = 0; s < skills; s++) {
      String text = "gardening " + seed + "." + s;
      phrases.put(text, phrase(random, bases, text));
      mentors.add(
          new MentorIndex.Mentor(
              "m" + seed + "." + s,
              List.of("en"),
              0,
              3,
              "d",
              null,
              java.util.Set.of(),
              1,
              0,
              List.of(text)));
    }
    return new MentorIndex(mentors, phrases);
  }

  private static List<Phrase> goals(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[][] bases = BASES;
    List<Phrase> goals = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      goals.add(phrase(random, bases, "gardening goal " + g));
    }
    return goals;
  }

  /** A list as text: each skill's phrase, similarity and kind, and whether it is all of them. */
  private static String describe(SkillLists.Ranking r) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < r.size(); i++) {
      out.append(r.text(i)).append('=').append(r.similarity(i)).append('/').append(r.kind(i));
      out.append(';');
    }
    return out.append(r.complete() ? "all" : "more").toString();
  }

  /** What {@code Skills.closest} keeps of {@code goal}'s skills, described alike. */
  private static String closest(MentorIndex index, Phrase goal, int kept) {
    PhrasePairs.Closest c = index.skills().closest(goal, similarity(), MIN, kept);
    StringBuilder out = new StringBuilder();
    for (PhrasePairs.Covering k : c.first()) {
      out.append(k.skill().text()).append('=').append(k.value()).append('/').append(k.kind());
      out.append(';');
    }
    return out.append(c.complete() ? "all" : "more").toString();
  }

  @Test
  void aListIsWhatClosestKeepsAndItsPlacesFindEachSkill() {
    MentorIndex index = index(1, 300);
    SkillLists lists = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    Phrase goal = goals(5, 1).get(0);
    SkillLists.Ranking first = lists.longer(goal, 2);
    assertEquals(2 * SkillLists.GROWTH, first.size());
    assertEquals(closest(index, goal, 2 * SkillLists.GROWTH), describe(first));
    SkillLists.Ranking second = lists.longer(goal, first.size());
    assertEquals(closest(index, goal, first.size() * SkillLists.GROWTH), describe(second));
    assertTrue(second.complete(), "300 skills, a list of 512: all of them");
    for (int i = 0; i < second.size(); i++) {
      assertEquals(i, second.placeOf(second.skill(i)));
      assertEquals(index.skillId(second.text(i)), second.skill(i));
    }
    // A skill not covering the goal has no place.
    for (int s = 0; s < index.skills().size(); s++) {
      boolean listed = false;
      for (int i = 0; i < second.size(); i++) {
        listed |= second.skill(i) == s;
      }
      assertEquals(listed, second.placeOf(s) >= 0, "skill " + s);
    }
    assertSame(second, lists.longer(goal, 5), "a longer list known serves a shorter ask");
    assertEquals(2, lists.computed());
  }

  @Test
  void aGoalNotWalkedYetGetsAFirstListAndAWalkBeyondItALongerOne() {
    MentorIndex index = index(1, 300);
    SkillLists lists = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    Phrase goal = goals(5, 1).get(0);
    SkillLists.Ranking first = lists.longer(goal, 0);
    assertEquals(FIRST, first.size());
    assertEquals(closest(index, goal, FIRST), describe(first));
    assertSame(first, lists.longer(goal, FIRST - 1), "the first list serves a shorter walk");
    SkillLists.Ranking longer = lists.longer(goal, FIRST);
    assertEquals(closest(index, goal, FIRST * SkillLists.GROWTH), describe(longer));
    assertEquals(2, lists.computed());
    assertThrows(
        IllegalArgumentException.class,
        () -> new SkillLists(index, similarity(), MIN, 0, Long.MAX_VALUE));
  }

  @Test
  void preparedListsAreTheOnesAWalkWouldComputeAndAreNotComputedAgain() {
    MentorIndex index = index(1, 700);
    SkillLists lists = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    List<Phrase> goals = goals(9, 45);
    // A goal twice, and one whose longer list is known already: each computed once.
    goals.add(goals.get(3));
    SkillLists.Ranking known = lists.longer(goals.get(7), 2);
    int[] have = new int[goals.size()];
    for (int g = 0; g < have.length; g++) {
      // A third not walked yet (the search's own ask: first lists), the rest walked a little.
      have[g] = g % 3 == 0 ? 0 : g % 2 == 0 ? 2 : 3;
    }
    have[7] = 2;
    lists.prepare(goals, have);
    assertEquals(1 + 44, lists.computed(), "45 distinct goals, one known before");
    SkillLists fresh = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    for (int g = 0; g < goals.size(); g++) {
      SkillLists.Ranking r = lists.longer(goals.get(g), have[g]);
      assertEquals(describe(fresh.longer(goals.get(g), have[g])), describe(r), "goal " + g);
      int depth = have[g] == 0 ? FIRST : have[g] * SkillLists.GROWTH;
      assertEquals(closest(index, goals.get(g), depth), describe(r), "goal " + g);
    }
    assertSame(known, lists.longer(goals.get(7), 2));
    assertEquals(45, lists.computed(), "the walks found every list prepared");
  }

  @Test
  void wholeListsArePreparedInOneGoAndWalksToTheEndComputeNoMore() {
    MentorIndex index = index(1, 700);
    SkillLists lists = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    List<Phrase> goals = goals(13, 30);
    // One goal with its first list known, one with a whole list known, one asked twice.
    lists.longer(goals.get(4), 0);
    SkillLists.Ranking whole = lists.longer(goals.get(9), lists.longer(goals.get(9), 0).size());
    assertTrue(whole.complete(), "24 x 16 = 384 of 700 skills hold all covering goal 9");
    goals.add(goals.get(2));
    long before = lists.computed();
    lists.prepareWhole(goals);
    assertEquals(before + 29, lists.computed(), "30 distinct goals, one whole already");
    SkillLists fresh = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    for (int g = 0; g < goals.size(); g++) {
      Phrase goal = goals.get(g);
      // A funnel's walk: from the start, each list longer than the last, to the end.
      SkillLists.Ranking r = lists.longer(goal, 0);
      assertTrue(r.complete(), "goal " + g + " whole");
      SkillLists.Ranking walked = fresh.longer(goal, 0);
      while (!walked.complete()) {
        walked = fresh.longer(goal, walked.size());
      }
      assertEquals(describe(walked), describe(r), "goal " + g);
      assertEquals(closest(index, goal, index.skills().size()), describe(r), "goal " + g);
    }
    assertEquals(before + 29, lists.computed(), "the walks found every whole list prepared");
  }

  @Test
  void twoIndexesInOneJvmNeverShareLists() {
    MentorIndex one = index(1, 200);
    MentorIndex other = index(2, 200);
    Phrase goal = goals(5, 1).get(0);
    SkillLists.Ranking a = one.lists(similarity(), MIN, FIRST).longer(goal, 1);
    SkillLists.Ranking b = other.lists(similarity(), MIN, FIRST).longer(goal, 1);
    assertEquals(closest(one, goal, SkillLists.GROWTH), describe(a));
    assertEquals(closest(other, goal, SkillLists.GROWTH), describe(b));
    assertNotEquals(describe(a), describe(b), "the two indexes have different skills");
    // The same skills in a new index object: its own lists, equal to the first's.
    MentorIndex again = index(1, 200);
    SkillLists.Ranking c = again.lists(similarity(), MIN, FIRST).longer(goal, 1);
    assertNotSame(a, c);
    assertEquals(describe(a), describe(c));
  }

  @Test
  void equalSettingsShareListsAndOtherSettingsDoNot() {
    MentorIndex index = index(1, 200);
    assertSame(index.lists(similarity(), MIN, FIRST), index.lists(similarity(), MIN, FIRST));
    assertNotSame(index.lists(similarity(), MIN, FIRST), index.lists(similarity(), 0.5, FIRST));
    assertNotSame(index.lists(similarity(), MIN, FIRST), index.lists(similarity(), MIN, 1));
    Taxonomy extended =
        TAXONOMY.extendedWith(
            new java.io.StringReader("concept,area,broader,variants\nzz test,zz,,zz test\n"),
            "test");
    PhraseSimilarity other = new PhraseSimilarity(extended, PhraseEmbedder.ALL_MINILM_L6_V2_Q);
    assertNotSame(index.lists(similarity(), MIN, FIRST), index.lists(other, MIN, FIRST));

    Phrase goal = goals(5, 1).get(0);
    SkillLists.Ranking at03 = index.lists(similarity(), MIN, FIRST).longer(goal, 1000);
    SkillLists.Ranking at05 = index.lists(similarity(), 0.5, FIRST).longer(goal, 1000);
    assertTrue(at03.complete() && at05.complete());
    assertTrue(at05.size() < at03.size(), at05.size() + " skills at 0.5, " + at03.size());
    for (int i = 0; i < at05.size(); i++) {
      assertTrue(at05.similarity(i) >= 0.5);
    }
  }

  @Test
  void aGoalOfTheSameTextWithAnotherEmbeddingHasItsOwnList() {
    MentorIndex index = index(1, 200);
    SkillLists lists = index.lists(similarity(), MIN, FIRST);
    Phrase goal = goals(5, 1).get(0);
    Phrase elsewhere = goals(6, 1).get(0);
    assertEquals(goal.text(), elsewhere.text());
    assertEquals(describe(lists.longer(goal, 1)), closest(index, goal, SkillLists.GROWTH));
    assertEquals(
        describe(lists.longer(elsewhere, 1)), closest(index, elsewhere, SkillLists.GROWTH));
    assertNotEquals(describe(lists.longer(goal, 1)), describe(lists.longer(elsewhere, 1)));
  }

  @Test
  void concurrentAsksComputeEachListOnceAndGetTheSameOne() throws Exception {
    MentorIndex index = index(3, 2000);
    SkillLists lists = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    List<Phrase> goals = goals(7, 12);
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CyclicBarrier phase = new CyclicBarrier(threads);
      List<Future<SkillLists.Ranking[][]>> asks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        asks.add(
            pool.submit(
                () -> {
                  // Every thread asks for every goal, each from another goal on: first past one
                  // skill, then (once all have) past the list that gave.
                  SkillLists.Ranking[][] got = new SkillLists.Ranking[2][goals.size()];
                  for (int depth = 0; depth < 2; depth++) {
                    phase.await();
                    for (int i = 0; i < goals.size(); i++) {
                      int g = (i + offset) % goals.size();
                      got[depth][g] = lists.longer(goals.get(g), depth == 0 ? 1 : got[0][g].size());
                    }
                  }
                  return got;
                }));
      }
      List<SkillLists.Ranking[][]> results = new ArrayList<>();
      for (Future<SkillLists.Ranking[][]> f : asks) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      for (int g = 0; g < goals.size(); g++) {
        for (int depth = 0; depth < 2; depth++) {
          for (int t = 1; t < threads; t++) {
            assertSame(results.get(0)[depth][g], results.get(t)[depth][g], "goal " + g);
          }
        }
        SkillLists.Ranking first = results.get(0)[0][g];
        assertEquals(closest(index, goals.get(g), SkillLists.GROWTH), describe(first));
        assertFalse(first.complete(), "goal " + g + " has more than " + SkillLists.GROWTH);
        assertEquals(
            closest(index, goals.get(g), SkillLists.GROWTH * SkillLists.GROWTH),
            describe(results.get(0)[1][g]));
      }
      assertEquals(2L * goals.size(), lists.computed(), "each goal at each depth once");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void listsBeyondTheBudgetAreForgottenAndComputedAgainAlike() {
    MentorIndex index = index(1, 300);
    List<Phrase> goals = goals(5, 4);
    SkillLists none = new SkillLists(index, similarity(), MIN, FIRST, 0);
    SkillLists all = new SkillLists(index, similarity(), MIN, FIRST, Long.MAX_VALUE);
    for (int round = 0; round < 3; round++) {
      for (Phrase goal : goals) {
        assertEquals(describe(all.longer(goal, 1)), describe(none.longer(goal, 1)));
      }
    }
    assertEquals(goals.size(), all.computed());
    // With no room, only the list just computed is held: every ask of another goal computes.
    assertEquals(3L * goals.size(), none.computed());
    assertTrue(none.bytes() <= none.longer(goals.get(3), 1).bytes());
    assertTrue(all.bytes() > 0);
  }
}
