package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhraseSimilarity;
import org.mentormatch.scoring.PhraseSimilarity.Phrase;

/**
 * Without Spark: however short a goal's first list of similar skills, one search instance reused
 * across mentees in any order, and a second search sharing the first one's longer lists, find what
 * complete lists find (the first k pairs, scores, parts and matches, the mentors met, every funnel
 * field). Random mentors and phrases, with ties; and a case made to fail a bound on a met mentor's
 * coverage that counted goals naming no topic.
 */
class TopMentorSearchTest {
  private static final MatchConfig CONFIG = MatchConfig.defaults();
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final PhraseAnalyzer ANALYZER = new PhraseAnalyzer(TAXONOMY);
  private static final PhraseSimilarity SIMILARITY =
      new PhraseSimilarity(TAXONOMY, PhraseEmbedder.ALL_MINILM_L6_V2_Q);
  private static final List<String> WORDS =
      List.of(
          "machine learning",
          "public speaking",
          "negotiation",
          "SQL",
          "kubernetes",
          "get better at it",
          "people management",
          "stop dreading all-hands updates",
          "contract law",
          "gardening");

  private static Phrase phrase(SplittableRandom random, byte[][] bases, String text) {
    byte[] e = bases[random.nextInt(bases.length)].clone();
    if (random.nextInt(3) != 0) {
      for (int d = 0; d < e.length; d++) {
        e[d] = (byte) Math.max(-127, Math.min(127, e[d] + random.nextInt(41) - 20));
      }
    }
    PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
    return new Phrase(text, a.concepts(), a.coverage(), a.topical(), e);
  }

  @Test
  void shortFirstListsFindWhatCompleteListsFind() {
    findsWhatCompleteListsFind(CONFIG);
  }

  @Test
  void withNoLeastSimilarityGoalsNamingNoTopicAreWalkedToo() {
    // At 0 every skill covers every goal (at 0 at least), so a goal naming no topic has a list.
    findsWhatCompleteListsFind(
        MatchConfig.fromValues(java.util.Map.of("score.min_phrase_similarity", "0"), "test"));
  }

  @Test
  void aGoalNamingNoTopicDoesNotLowerTheBoundThatLeavesMentorsUnscored() {
    // Two mentors offer the one skill of the mentee's one topical goal; the second, met last, fits
    // better by seniority. Its coverage is 1 (the goal naming no topic does not count): a bound
    // that counted that goal would be 1/2 and leave the better mentor unscored.
    MatchConfig config =
        MatchConfig.fromValues(
            Map.of(
                "score.weight.coverage", "1",
                "score.weight.seniority", "0.2",
                "score.weight.timezone", "0",
                "score.weight.department", "0",
                "score.ideal_seniority_gap", "2",
                "rules.min_seniority_gap", "1"),
            "test");
    SplittableRandom random = new SplittableRandom(3);
    byte[][] bases = {new byte[PhraseEmbedder.DIMENSIONS]};
    bases[0][0] = 50;
    Phrase skill = phrase(random, bases, "machine learning");
    List<MentorIndex.Mentor> mentors = new ArrayList<>();
    for (String id : List.of("a", "b")) {
      mentors.add(
          new MentorIndex.Mentor(
              id,
              List.of("en"),
              0,
              id.equals("a") ? 2 : 3,
              "d1",
              null,
              Set.of(),
              1,
              0,
              List.of(skill.text())));
    }
    MentorIndex index = new MentorIndex(mentors, Map.of(skill.text(), skill));
    List<MenteeQuery.Goal> goals = new ArrayList<>();
    for (String text : List.of("machine learning", "get better at it")) {
      Phrase g = phrase(random, bases, text);
      goals.add(new MenteeQuery.Goal(g.text(), g.topical(), g));
    }
    MenteeQuery mentee =
        new MenteeQuery("q", List.of("en"), 0, 1, "d0", null, Set.of(), goals, Set.of());
    TopMentorSearch search =
        new TopMentorSearch(
            index,
            config.score(),
            config.assignment(),
            new PairRuleCheck(config.rules()),
            SIMILARITY,
            1,
            Integer.MAX_VALUE);
    List<TopMentorSearch.Found> best = search.top(mentee, 1).best();
    assertEquals(1, best.size());
    assertEquals("b", index.mentor(best.get(0).mentor()).id());
    assertEquals(1.0, best.get(0).score().coverage());
  }

  @Test
  void aMenteeNoMentorMayServeByTimeZoneOrSeniorityIsAnsweredWithoutComparingAGoal() {
    SplittableRandom random = new SplittableRandom(5);
    byte[][] bases = {new byte[PhraseEmbedder.DIMENSIONS]};
    bases[0][0] = 50;
    Phrase skill = phrase(random, bases, "machine learning");
    MentorIndex index =
        new MentorIndex(List.of(mentor("a", 3, skill.text())), Map.of(skill.text(), skill));
    TopMentorSearch search = search(index, CONFIG, 1);
    Phrase g = phrase(random, bases, "machine learning");
    MenteeQuery senior = mentee(3, new MenteeQuery.Goal(g.text(), g.topical(), g));
    search.prepare(List.of(senior));
    TopMentorSearch.Result r = search.top(senior, 5);
    assertEquals(List.of(), r.best());
    assertEquals(
        0,
        index.lists(SIMILARITY, CONFIG.score().minPhraseSimilarity(), 1).computed(),
        "no goal compared with the skills");
    // A mentee a level below is searched as before.
    assertEquals(1, search.top(mentee(2, senior.goals().get(0)), 5).best().size());
  }

  @Test
  void theBoundTakesTheSeniorityPartOfTheMostSeniorMentorAllowed() {
    // Mentors a and b are one level above the mentee: a seniority part of a third. a covers the
    // goal fully (score (1 + 1/3) / 2); b's skill less (similarity x, score (x + 1/3) / 2). With
    // the seniority part at 1 the bound after a, (x + 1) / 2, would keep the walk going past the
    // first list for b; with the part mentors one level above can have, it stops there.
    MatchConfig config =
        MatchConfig.fromValues(
            Map.of(
                "score.weight.coverage", "1",
                "score.weight.seniority", "1",
                "score.weight.timezone", "0",
                "score.weight.department", "0",
                "score.ideal_seniority_gap", "3",
                "rules.min_seniority_gap", "1"),
            "test");
    SplittableRandom random = new SplittableRandom(3);
    byte[] base = new byte[PhraseEmbedder.DIMENSIONS];
    base[0] = 60;
    base[1] = 10;
    byte[] near = base.clone();
    near[0] = 20;
    near[2] = 40;
    PhraseAnalyzer.Analysis a = ANALYZER.analyze("zorbing");
    Phrase exact = new Phrase("zorbing", a.concepts(), a.coverage(), a.topical(), base);
    PhraseAnalyzer.Analysis b = ANALYZER.analyze("quoits");
    Phrase close = new Phrase("quoits", b.concepts(), b.coverage(), b.topical(), near);
    MentorIndex index =
        new MentorIndex(
            List.of(mentor("a", 2, exact.text()), mentor("b", 2, close.text())),
            Map.of(exact.text(), exact, close.text(), close));
    TopMentorSearch search = search(index, config, 1);
    MenteeQuery mentee = mentee(1, new MenteeQuery.Goal(exact.text(), exact.topical(), exact));
    double x = search.funnel(mentee, 2).best().get(1).score().coverage();
    assertTrue(x >= 1.0 / 3 && x < 1, "b's similarity between a third and 1: " + x);
    TopMentorSearch.Result r = search.top(mentee, 1);
    assertEquals("a", index.mentor(r.best().get(0).mentor()).id());
    assertEquals(0, r.goalsExtended(), "the walk stops at the end of the first list");
  }

  private static MentorIndex.Mentor mentor(String id, int seniority, String skill) {
    return new MentorIndex.Mentor(
        id, List.of("en"), 0, seniority, "d1", null, Set.of(), 1, 0, List.of(skill));
  }

  private static MenteeQuery mentee(int seniority, MenteeQuery.Goal goal) {
    return new MenteeQuery(
        "q", List.of("en"), 0, seniority, "d0", null, Set.of(), List.of(goal), Set.of());
  }

  private static TopMentorSearch search(MentorIndex index, MatchConfig config, int firstList) {
    return new TopMentorSearch(
        index,
        config.score(),
        config.assignment(),
        new PairRuleCheck(config.rules()),
        SIMILARITY,
        firstList,
        Integer.MAX_VALUE);
  }

  private static void findsWhatCompleteListsFind(MatchConfig config) {
    SplittableRandom random = new SplittableRandom(17);
    byte[][] bases = new byte[5][PhraseEmbedder.DIMENSIONS];
    for (byte[] b : bases) {
      for (int d = 0; d < b.length; d++) {
        b[d] = (byte) (random.nextInt(61) - 30);
      }
    }
    Map<String, Phrase> skills = new HashMap<>();
    for (int s = 0; s < 60; s++) {
      String text = WORDS.get(random.nextInt(WORDS.size())) + " " + s;
      skills.put(text, phrase(random, bases, text));
    }
    List<String> skillTexts = new ArrayList<>(skills.keySet());
    skillTexts.sort(null);
    List<MentorIndex.Mentor> mentors = new ArrayList<>();
    for (int m = 0; m < 80; m++) {
      List<String> offered = new ArrayList<>();
      for (int s = 0; s < 1 + random.nextInt(4); s++) {
        offered.add(skillTexts.get(random.nextInt(skillTexts.size())));
      }
      mentors.add(
          new MentorIndex.Mentor(
              String.format("t%03d", m),
              List.of(random.nextBoolean() ? "en" : "de", "en"),
              60 * (random.nextInt(7) - 3),
              3 + random.nextInt(4),
              "d" + random.nextInt(3),
              null,
              java.util.Set.of(),
              1,
              0,
              offered));
    }
    MentorIndex index = new MentorIndex(mentors, skills);
    PairRuleCheck rules = new PairRuleCheck(config.rules());

    List<List<Phrase>> menteeGoals = new ArrayList<>();
    for (int q = 0; q < 40; q++) {
      List<Phrase> goals = new ArrayList<>();
      for (int g = 0; g < 1 + random.nextInt(3); g++) {
        // One text, one phrase: as in a run, where a phrase's fields follow from its text.
        goals.add(
            phrase(
                random, bases, WORDS.get(random.nextInt(WORDS.size())) + " goal " + q + "." + g));
      }
      menteeGoals.add(goals);
    }

    List<String> expected =
        found(run(config, index, rules, menteeGoals, 1 << 20, Integer.MAX_VALUE, false));
    // Scoring every mentor the rules allow finds the same first k (the bounds met fewer).
    assertEquals(
        best(expected), best(run(config, index, rules, menteeGoals, 1 << 20, 0, false)), "scan");
    for (int first : new int[] {1, 2, 3}) {
      // A fresh index computes its own lists; the second search over it (mentees in reverse)
      // starts with the lists the first one left (SkillLists).
      MentorIndex fresh = new MentorIndex(mentors, skills);
      List<String> forward =
          run(config, fresh, rules, menteeGoals, first, Integer.MAX_VALUE, false);
      List<String> reversed =
          run(config, fresh, rules, menteeGoals, first, Integer.MAX_VALUE, true);
      assertEquals(expected, found(forward), "first lists of " + first);
      assertEquals(expected, found(reversed), "first lists of " + first + ", mentees in reverse");
      // The goals read beyond the first list too, though the second search found longer lists.
      assertEquals(forward, reversed, "first lists of " + first);
      assertTrue(
          forward.stream().anyMatch(l -> !l.endsWith(" extended=0")),
          "some walk reads beyond a first list of " + first);
    }
    assertTrue(expected.stream().anyMatch(l -> l.contains("best=[t")), "some mentee has a fit");
  }

  /** Each line's first k pairs alone. */
  private static List<String> best(List<String> lines) {
    return lines.stream().map(l -> l.substring(0, l.indexOf(" met="))).toList();
  }

  /** Each line without the count of goals read beyond the first list. */
  private static List<String> found(List<String> lines) {
    return lines.stream().map(l -> l.substring(0, l.lastIndexOf(" extended="))).toList();
  }

  /**
   * Every mentee's top 5, mentors met, funnel and goals read beyond the first list, with first
   * lists {@code first} skills long.
   */
  private static List<String> run(
      MatchConfig config,
      MentorIndex index,
      PairRuleCheck rules,
      List<List<Phrase>> menteeGoals,
      int first,
      int skillsPerMentorScanned,
      boolean reversed) {
    TopMentorSearch search =
        new TopMentorSearch(
            index,
            config.score(),
            config.assignment(),
            rules,
            SIMILARITY,
            first,
            skillsPerMentorScanned);
    List<Integer> order = new ArrayList<>();
    for (int q = 0; q < menteeGoals.size(); q++) {
      order.add(q);
    }
    if (reversed) {
      java.util.Collections.reverse(order);
    }
    String[] lines = new String[menteeGoals.size()];
    for (int q : order) {
      List<MenteeQuery.Goal> goals = new ArrayList<>();
      for (Phrase g : menteeGoals.get(q)) {
        goals.add(new MenteeQuery.Goal(g.text(), g.topical(), g));
      }
      // Mentors are of seniority 3 to 6 at UTC-3 to UTC+3: a mentee of seniority 6 has none, one
      // of 5 only mentors one level above (the bound's seniority part a third), one at UTC+5 none
      // of UTC-3 (six hours apart at most).
      MenteeQuery query =
          new MenteeQuery(
              "q" + q,
              List.of("en"),
              60 * (q % 11 - 5),
              1 + q % 6,
              "d0",
              null,
              Set.of(),
              goals,
              Set.of());
      TopMentorSearch.Result top = search.top(query, 5);
      TopMentorSearch.Funnel f = search.funnel(query, 5);
      // Without pairs, the funnel sums coverages as it walks: the same counts, to the bit.
      TopMentorSearch.Funnel counts = search.funnel(query, 0);
      assertEquals(f.candidates(), counts.candidates(), "q" + q);
      assertEquals(f.bestCoverage(), counts.bestCoverage(), "q" + q);
      assertEquals(f.topical(), counts.topical(), "q" + q);
      assertEquals(Arrays.toString(f.leftAfter()), Arrays.toString(counts.leftAfter()), "q" + q);
      assertEquals(f.bestScore(), counts.bestScore(), "q" + q);
      assertEquals(f.aboveMinimum(), counts.aboveMinimum(), "q" + q);
      assertEquals(List.of(), counts.best());
      // The funnel scores every candidate in full: the walk's bounds must leave none of its first.
      assertEquals(describe(index, f.best()), describe(index, top.best()), "q" + q);
      // With one kept, the heap is full from the first mentor scored: the bounds cut the most.
      assertEquals(
          describe(index, search.funnel(query, 1).best()),
          describe(index, search.top(query, 1).best()),
          "q" + q + ", k = 1");
      lines[q] =
          "q"
              + q
              + " best="
              + describe(index, top.best())
              + " met="
              + top.mentorsMet()
              + " funnel="
              + f.candidates()
              + "/"
              + f.bestCoverage()
              + "/"
              + f.topical()
              + "/"
              + Arrays.toString(f.leftAfter())
              + "/"
              + f.bestScore()
              + "/"
              + f.aboveMinimum()
              + "/"
              + describe(index, f.best())
              + " extended="
              + top.goalsExtended();
    }
    return Arrays.asList(lines);
  }

  private static String describe(MentorIndex index, List<TopMentorSearch.Found> found) {
    List<String> out = new ArrayList<>();
    for (TopMentorSearch.Found f : found) {
      out.add(index.mentor(f.mentor()).id() + ":" + f.score());
    }
    return out.toString();
  }
}
