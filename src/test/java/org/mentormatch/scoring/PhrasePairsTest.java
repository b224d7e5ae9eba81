package org.mentormatch.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhraseSimilarity.Phrase;

/**
 * A goal's closest skills are the first rows of its whole covering list, in the same order, with
 * the right count; a goal against many skills gives {@code of}'s value, and the bound lists ask
 * first is that value but where the taxonomy vetoes. Synthetic embeddings (random, and many ties)
 * with real phrases the taxonomy reads.
 */
class PhrasePairsTest {
  private static final Taxonomy TAXONOMY = Taxonomy.builtIn();
  private static final PhraseAnalyzer ANALYZER = new PhraseAnalyzer(TAXONOMY);
  private static final PhraseSimilarity SIMILARITY =
      new PhraseSimilarity(TAXONOMY, PhraseEmbedder.ALL_MINILM_L6_V2_Q);
  private static final double MIN = PhraseSimilarity.COUNTS;

  private static final List<String> TEXTS =
      List.of(
          "machine learning",
          "deep learning",
          "kubernetes",
          "public speaking",
          "negotiation",
          "SQL",
          "get a better deal from suppliers",
          "stop dreading all-hands updates",
          "gardening",
          "get better at it",
          "Go programming",
          "go to market strategy",
          "people management",
          "contract law");

  /** Phrases of the list with random embeddings leaning on a few shared directions (ties). */
  private static List<Phrase> phrases(SplittableRandom random, int n) {
    List<Phrase> out = new ArrayList<>();
    byte[][] bases = new byte[4][PhraseEmbedder.DIMENSIONS];
    for (byte[] b : bases) {
      for (int d = 0; d < b.length; d++) {
        b[d] = (byte) (random.nextInt(41) - 20);
      }
    }
    for (int i = 0; i < n; i++) {
      String text = TEXTS.get(random.nextInt(TEXTS.size())) + (i < TEXTS.size() ? "" : " " + i);
      byte[] e = bases[random.nextInt(bases.length)].clone();
      // Every third phrase is a base exactly, so equal similarities tie and the text decides.
      if (i % 3 != 0) {
        for (int d = 0; d < e.length; d++) {
          e[d] = (byte) Math.max(-127, Math.min(127, e[d] + random.nextInt(31) - 15));
        }
      }
      PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
      out.add(new Phrase(text, a.concepts(), a.coverage(), a.topical(), e));
    }
    return out;
  }

  @Test
  void entriesAreOrderedMostSimilarFirstThenEarlierEvenWhenTheirSimilaritiesAlmostMeet() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 300; round++) {
      int n = random.nextInt(1, 400);
      double[] value = new double[n];
      for (int e = 0; e < n; e++) {
        // A few levels, many entries at each, and neighbours a few ulps apart.
        double level = random.nextInt(6) / 5.0;
        for (int ulps = random.nextInt(4); ulps > 0; ulps--) {
          level = random.nextBoolean() ? Math.nextUp(level) : Math.nextDown(level);
        }
        value[e] = Math.max(0, Math.min(1, level));
      }
      Integer[] expected = new Integer[n];
      for (int e = 0; e < n; e++) {
        expected[e] = e;
      }
      java.util.Arrays.sort(
          expected,
          (a, b) -> {
            int bySimilarity = Double.compare(value[b], value[a]);
            return bySimilarity != 0 ? bySimilarity : Integer.compare(a, b);
          });
      int[] order = PhrasePairs.Skills.closestFirst(value, n);
      assertEquals(
          java.util.Arrays.toString(expected), java.util.Arrays.toString(order), "round " + round);
    }
  }

  @Test
  void theClosestAreTheFirstOfTheWholeSortedListAndSayWhetherTheyAreAll() {
    SplittableRandom random = new SplittableRandom(3);
    List<Phrase> skillList = phrases(random, 300);
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    int cut = 0;
    for (Phrase goal : phrases(random, 60)) {
      List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
      // The oracle: of() on every pair, nothing remembered, no shortcut.
      List<String> direct = new ArrayList<>();
      for (int i = 0; i < skills.size(); i++) {
        PhraseSimilarity.Similarity sim = SIMILARITY.of(goal, skills.phrase(i));
        if (sim.value() >= MIN) {
          direct.add(skills.phrase(i).text() + "=" + sim.value() + "/" + sim.kind());
        }
      }
      assertEquals(direct, describe(whole), goal.text());
      whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
      for (int kept : new int[] {1, 2, 7, 32, 1000}) {
        PhrasePairs.Closest closest = skills.closest(goal, SIMILARITY, MIN, kept);
        assertComplete(whole, kept, closest, goal.text());
        assertEquals(
            describe(whole.subList(0, Math.min(kept, whole.size()))),
            describe(closest.first()),
            goal.text() + ", kept " + kept);
        cut += whole.size() > kept ? 1 : 0;
      }
    }
    assertTrue(cut > 50, "goals with more covering skills than kept: " + cut);
  }

  @Test
  void theClosestAreRightWhenSimilaritiesSpreadAndArriveInAnyOrder() {
    // One direction blurred by noise of every strength: similarities spread over the whole range
    // (few ties), and the skills come in no order of similarity, so the first kept are chosen
    // again and again as better ones arrive.
    SplittableRandom random = new SplittableRandom(11);
    byte[] base = new byte[PhraseEmbedder.DIMENSIONS];
    for (int d = 0; d < base.length; d++) {
      base[d] = (byte) (random.nextInt(81) - 40);
    }
    List<Phrase> skillList = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      int noise = random.nextInt(120);
      byte[] e = new byte[base.length];
      for (int d = 0; d < e.length; d++) {
        e[d] =
            (byte) Math.max(-127, Math.min(127, base[d] + random.nextInt(2 * noise + 1) - noise));
      }
      skillList.add(new Phrase("gardening " + i, List.of(), 0, true, e));
    }
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    Phrase goal = new Phrase("grow vegetables", List.of(), 0, true, base);
    List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
    whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
    long distinct = whole.stream().mapToDouble(PhrasePairs.Covering::value).distinct().count();
    assertTrue(distinct > 100, "distinct similarities: " + distinct);
    for (int kept : new int[] {1, 2, 3, 7, 32, 100}) {
      PhrasePairs.Closest closest = skills.closest(goal, SIMILARITY, MIN, kept);
      assertComplete(whole, kept, closest, "kept " + kept);
      assertEquals(
          describe(whole.subList(0, Math.min(kept, whole.size()))),
          describe(closest.first()),
          "kept " + kept);
    }
  }

  @Test
  void aSkillTheTaxonomyVetoesStaysOutHoweverAlikeTheirEmbeddings() {
    // Every phrase has the goal's embedding (cosine 1): only the taxonomy tells them apart. The
    // skills the taxonomy knows whole and finds of other concepts and areas are vetoed; those it
    // does not know whole count by their cosine.
    byte[] same = new byte[PhraseEmbedder.DIMENSIONS];
    java.util.Arrays.fill(same, (byte) 9);
    List<Phrase> skillList = new ArrayList<>();
    for (String text : TEXTS) {
      PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
      skillList.add(new Phrase(text, a.concepts(), a.coverage(), a.topical(), same));
    }
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    PhraseAnalyzer.Analysis g = ANALYZER.analyze("go to market strategy");
    Phrase goal =
        new Phrase("go to market strategy", g.concepts(), g.coverage(), g.topical(), same);
    List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
    whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
    assertTrue(
        whole.size() < TEXTS.size() - 2, "vetoed or not topical: " + describe(whole) + " covering");
    assertTrue(
        describe(whole).stream().noneMatch(d -> d.startsWith("Go programming")),
        describe(whole).toString());
    for (int kept : new int[] {1, 3, TEXTS.size()}) {
      PhrasePairs.Closest closest = skills.closest(goal, SIMILARITY, MIN, kept);
      assertComplete(whole, kept, closest, "kept " + kept);
      assertEquals(
          describe(whole.subList(0, Math.min(kept, whole.size()))),
          describe(closest.first()),
          "kept " + kept);
    }
  }

  @Test
  void vetoedSkillsNeverRaiseTheBarOthersMustClear() {
    // A goal the taxonomy knows whole meets, first in text order, many skills it vetoes whose
    // embeddings are the goal's own (bound 1, similarity 0), then skills it does not know whose
    // cosines spread and rise in text order (each better than all before it): were the vetoed
    // counted as sure, the bar would rise to 1 and leave out every skill that covers the goal.
    SplittableRandom random = new SplittableRandom(17);
    byte[] base = new byte[PhraseEmbedder.DIMENSIONS];
    for (int d = 0; d < base.length; d++) {
      base[d] = (byte) (random.nextInt(81) - 40);
    }
    List<Phrase> skillList = new ArrayList<>();
    for (String text : List.of("Go programming", "contract law", "kubernetes", "SQL")) {
      PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
      for (int copy = 0; copy < 5; copy++) {
        skillList.add(
            new Phrase("a " + copy + " " + text, a.concepts(), 1, a.topical(), base.clone()));
      }
    }
    for (int i = 0; i < 60; i++) {
      // Less noise later: cosines rise from about 0.3 to 0.6, similarities spread below 1.
      int noise = 126 - 76 * i / 59;
      byte[] e = new byte[base.length];
      for (int d = 0; d < e.length; d++) {
        e[d] =
            (byte) Math.max(-127, Math.min(127, base[d] + random.nextInt(2 * noise + 1) - noise));
      }
      skillList.add(new Phrase(String.format("z %03d", i), List.of(), 0, true, e));
    }
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    PhraseAnalyzer.Analysis g = ANALYZER.analyze("go to market strategy");
    assertTrue(!g.concepts().isEmpty() && g.coverage() == 1, "the taxonomy knows the goal whole");
    Phrase goal = new Phrase("go to market strategy", g.concepts(), 1, g.topical(), base);
    List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
    whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
    assertTrue(
        describe(whole).stream().noneMatch(d -> d.startsWith("a ")), "vetoed: " + describe(whole));
    assertTrue(whole.size() > 20, "covering: " + whole.size());
    assertTrue(whole.get(0).value() < 1, "the most similar: " + whole.get(0).value());
    for (int kept : new int[] {1, 2, 5, 19}) {
      PhrasePairs.Closest closest = skills.closest(goal, SIMILARITY, MIN, kept);
      assertComplete(whole, kept, closest, "kept " + kept);
      assertEquals(
          describe(whole.subList(0, Math.min(kept, whole.size()))),
          describe(closest.first()),
          "kept " + kept);
    }
  }

  @Test
  void theBarRisesOnlyAsFarAsTheSkillsAlreadyNotedAllow() {
    // Skills the taxonomy does not know (no veto: each similarity is its bound), in text order:
    // one alike, two equal ones further off, then one a hair closer than those two (within one of
    // the first pass's buckets), then lesser ones. The bar may leave out only what ranks below
    // more than `kept` noted skills; the late, slightly closer one still makes the first two, and
    // a list whose bar left skills out is never complete.
    SplittableRandom random = new SplittableRandom(23);
    byte[] base = new byte[PhraseEmbedder.DIMENSIONS];
    byte[] far = new byte[base.length];
    for (int d = 0; d < base.length; d++) {
      base[d] = (byte) (random.nextInt(81) - 40);
      far[d] = (byte) Math.max(-127, Math.min(127, base[d] + random.nextInt(121) - 60));
    }
    byte[] nearer = far.clone();
    int d = 0;
    while (base[d] < 20 || far[d] > 0) {
      d++;
    }
    nearer[d]++; // the dot product 20 or more higher, the length hardly: a little more similar
    List<Phrase> skillList = new ArrayList<>();
    skillList.add(new Phrase("a alike", List.of(), 0, true, base.clone()));
    skillList.add(new Phrase("b far", List.of(), 0, true, far.clone()));
    skillList.add(new Phrase("c far", List.of(), 0, true, far.clone()));
    skillList.add(new Phrase("d nearer", List.of(), 0, true, nearer));
    for (int i = 0; i < 12; i++) {
      byte[] e = new byte[base.length];
      for (int c = 0; c < e.length; c++) {
        e[c] = (byte) Math.max(-127, Math.min(127, base[c] + random.nextInt(181) - 90));
      }
      skillList.add(new Phrase(String.format("e lesser %02d", i), List.of(), 0, true, e));
    }
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    Phrase goal = new Phrase("the goal", List.of(), 0, true, base);
    List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
    whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
    List<String> order = whole.stream().map(c -> c.skill().text()).toList();
    assertEquals(List.of("a alike", "d nearer", "b far", "c far"), order.subList(0, 4));
    double gap = whole.get(1).value() - whole.get(2).value();
    assertTrue(gap > 0 && gap < 0.0005, "the nearer one is a hair closer: " + gap);
    assertTrue(whole.size() > 6, "covering: " + order);
    for (int kept : new int[] {1, 2, 3}) {
      PhrasePairs.Closest closest = skills.closest(goal, SIMILARITY, MIN, kept);
      assertComplete(whole, kept, closest, "kept " + kept);
      assertEquals(describe(whole.subList(0, kept)), describe(closest.first()), "kept " + kept);
    }
    // Without the two closest after the first: the first two noted are exactly `kept`, and the
    // lesser ones after them still cover the goal, so the list is not complete.
    List<Phrase> fewer = new ArrayList<>(skillList);
    fewer.remove(3);
    fewer.remove(2);
    PhrasePairs.Skills sparse = new PhrasePairs.Skills(fewer);
    List<PhrasePairs.Covering> sparseWhole = sparse.covering(goal, SIMILARITY, MIN);
    sparseWhole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
    PhrasePairs.Closest two = sparse.closest(goal, SIMILARITY, MIN, 2);
    assertComplete(sparseWhole, 2, two, "the first two of " + sparseWhole.size());
    assertEquals(describe(sparseWhole.subList(0, 2)), describe(two.first()));
  }

  @Test
  void goalsComparedInBlocksGetTheListsEachGetsAlone() {
    // More goals and skills than one block of each, in sizes no block divides.
    SplittableRandom random = new SplittableRandom(5);
    PhrasePairs.Skills skills = new PhrasePairs.Skills(phrases(random, 601));
    List<Phrase> goals = phrases(random, 75);
    for (int kept : new int[] {1, 9, 200}) {
      List<PhrasePairs.Closest> lists = skills.closest(goals, SIMILARITY, MIN, kept);
      assertEquals(goals.size(), lists.size());
      for (int g = 0; g < goals.size(); g++) {
        Phrase goal = goals.get(g);
        List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
        whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
        PhrasePairs.Closest closest = lists.get(g);
        assertComplete(whole, kept, closest, goal.text());
        assertEquals(
            describe(whole.subList(0, Math.min(kept, whole.size()))),
            describe(closest.first()),
            goal.text() + ", kept " + kept);
        for (int r = 0; r < closest.size(); r++) {
          assertEquals(
              closest.first().get(r).skill(), skills.phrase(closest.number(r)), goal.text());
        }
      }
    }
  }

  /**
   * A list says it is complete when it holds every covering skill, except one that stopped reading
   * at {@code kept} skills of similarity 1 (settled), which never says so.
   */
  private static void assertComplete(
      List<PhrasePairs.Covering> whole, int kept, PhrasePairs.Closest closest, String what) {
    boolean settled =
        closest.first().size() == kept && closest.first().stream().allMatch(c -> c.value() == 1);
    assertEquals(whole.size() <= kept && !settled, closest.complete(), what);
  }

  @Test
  void aListOfSkillsOfSimilarityOneStopsReadingAndIsTheWholeListsStart() {
    // Many skills name the goal's concept (similarity 1), in texts that sort before and after
    // other covering skills: the first kept are the first of them by text.
    SplittableRandom random = new SplittableRandom(17);
    List<Phrase> skillList = new ArrayList<>();
    List<String> texts =
        List.of(
            "machine learning",
            "ml",
            "sklearn",
            "predictive modelling",
            "scikit learn",
            "deep learning",
            "pytorch",
            "keras");
    for (int i = 0; i < 400; i++) {
      String text = texts.get(i % texts.size());
      PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
      byte[] e = new byte[PhraseEmbedder.DIMENSIONS];
      for (int d = 0; d < e.length; d++) {
        e[d] = (byte) (random.nextInt(41) - 20);
      }
      skillList.add(new Phrase(text, a.concepts(), a.coverage(), a.topical(), e));
    }
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    PhraseAnalyzer.Analysis ml = ANALYZER.analyze("machine learning");
    Phrase goal =
        new Phrase(
            "machine learning", ml.concepts(), ml.coverage(), true, skillList.get(0).embedding());
    List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
    whole.sort(PhrasePairs.Covering.CLOSEST_FIRST);
    long ones = whole.stream().filter(c -> c.value() == 1).count();
    assertTrue(ones >= 200 && whole.size() > ones, "ones " + ones + " of " + whole.size());
    for (int kept : new int[] {1, 50, 199, (int) ones, (int) ones + 1, 1000}) {
      PhrasePairs.Closest closest = skills.closest(goal, SIMILARITY, MIN, kept);
      assertEquals(
          describe(whole.subList(0, Math.min(kept, whole.size()))),
          describe(closest.first()),
          "kept " + kept);
      assertComplete(whole, kept, closest, "kept " + kept);
      assertEquals(kept >= whole.size(), closest.complete(), "kept " + kept);
    }
  }

  @Test
  void aSettledListIsNeverCalledCompleteEvenWhenNothingIsLeft() {
    // Only skills of the goal's concept cover it (the others are of unrelated concepts of other
    // areas, similarity 0): kept as many as there are, the list settles on its last skill and
    // does not read on to learn that nothing else covers the goal.
    PhraseAnalyzer.Analysis ml = ANALYZER.analyze("machine learning");
    List<Phrase> skillList = new ArrayList<>();
    for (String text :
        List.of("contract law", "ml", "negotiation", "machine learning", "sklearn")) {
      PhraseAnalyzer.Analysis a = ANALYZER.analyze(text);
      skillList.add(
          new Phrase(text, a.concepts(), a.coverage(), a.topical(), new byte[] {0, 1, 0, 0}));
    }
    PhrasePairs.Skills skills = new PhrasePairs.Skills(skillList);
    Phrase goal = new Phrase("machine learning", ml.concepts(), 1, true, new byte[] {1, 0, 0, 0});
    List<PhrasePairs.Covering> whole = skills.covering(goal, SIMILARITY, MIN);
    assertEquals(3, whole.size(), describe(whole).toString());
    assertTrue(whole.stream().allMatch(c -> c.value() == 1), describe(whole).toString());
    assertTrue(!skills.closest(goal, SIMILARITY, MIN, 3).complete(), "settled at 3");
    assertTrue(skills.closest(goal, SIMILARITY, MIN, 4).complete(), "all 3 within 4");
  }

  @Test
  void verdictsSharedByThreadsGiveWhatEachGoalAloneGets() throws Exception {
    SplittableRandom random = new SplittableRandom(23);
    PhrasePairs.Skills skills = new PhrasePairs.Skills(phrases(random, 500));
    List<Phrase> goals = phrases(random, 120);
    PhrasePairs.Skills.SharedVerdicts shared = skills.verdicts(SIMILARITY);
    List<String> alone = new ArrayList<>();
    for (Phrase goal : goals) {
      alone.add(describe(skills.closest(goal, SIMILARITY, MIN, 40).first()).toString());
    }
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<List<String>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t * 7;
        runs.add(
            pool.submit(
                () -> {
                  List<String> got = new ArrayList<>(goals.size());
                  for (int g = 0; g < goals.size(); g++) {
                    got.add(null);
                  }
                  // Each thread starts elsewhere, so verdicts are first asked by different ones.
                  for (int k = 0; k < goals.size(); k++) {
                    int g = (k + offset) % goals.size();
                    got.set(
                        g,
                        describe(
                                skills
                                    .closest(List.of(goals.get(g)), shared, MIN, 40)
                                    .get(0)
                                    .first())
                            .toString());
                  }
                  return got;
                }));
      }
      for (java.util.concurrent.Future<List<String>> run : runs) {
        assertEquals(alone, run.get());
      }
    } finally {
      pool.shutdownNow();
    }
    PhrasePairs.Skills other = new PhrasePairs.Skills(phrases(random, 10));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> other.closest(goals, shared, MIN, 5));
  }

  @Test
  void verdictsBeyondTheirBudgetAreTheGoalsOwnAndGiveTheSameLists() {
    SplittableRandom random = new SplittableRandom(29);
    PhrasePairs.Skills skills = new PhrasePairs.Skills(phrases(random, 300));
    List<Phrase> goals = phrases(random, 60);
    long distinctGoalLists = goals.stream().map(Phrase::concepts).distinct().count();
    assertTrue(distinctGoalLists > 3, "goal concept lists: " + distinctGoalLists);
    List<String> expected = new ArrayList<>();
    for (PhrasePairs.Closest c : skills.closest(goals, SIMILARITY, MIN, 25)) {
      expected.add(describe(c.first()).toString());
    }
    for (long budget : new long[] {0, 1_000, Long.MAX_VALUE}) {
      PhrasePairs.Skills.SharedVerdicts verdicts = skills.verdicts(SIMILARITY, budget);
      List<String> got = new ArrayList<>();
      for (PhrasePairs.Closest c : skills.closest(goals, verdicts, MIN, 25)) {
        got.add(describe(c.first()).toString());
      }
      assertEquals(expected, got, "budget " + budget);
      long most = budget == Long.MAX_VALUE ? distinctGoalLists : budget / 64;
      assertTrue(verdicts.kept() <= most, "kept " + verdicts.kept() + " within " + budget);
      if (budget == Long.MAX_VALUE) {
        assertEquals(distinctGoalLists, verdicts.kept());
      }
    }
  }

  @Test
  void verdictsKeptForOneNumberingRefuseAnother() {
    PhraseAnalyzer.Analysis ml = ANALYZER.analyze("machine learning");
    Phrase goal = new Phrase("machine learning", ml.concepts(), 1, true, new byte[4]);
    Phrase skill = new Phrase("machine learning", ml.concepts(), 1, true, new byte[4]);
    Object numbering = new Object();
    PhraseSimilarity.Against against =
        SIMILARITY.against(goal, new PhraseSimilarity.Verdicts(ml.concepts(), numbering, 2));
    assertEquals(SIMILARITY.of(goal, skill), against.of(skill, numbering, 1, 0.5));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> against.of(skill, new Object(), 1, 0.5));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> against.of(skill, numbering, 2, 0.5));
  }

  @Test
  void verdictsAreSharedOnlyByGoalsNamingTheSameConcepts() {
    PhraseAnalyzer.Analysis ml = ANALYZER.analyze("machine learning");
    PhraseAnalyzer.Analysis sql = ANALYZER.analyze("SQL");
    Phrase goal = new Phrase("machine learning", ml.concepts(), 1, true, new byte[4]);
    PhraseSimilarity.Verdicts onSql = new PhraseSimilarity.Verdicts(sql.concepts());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> SIMILARITY.against(goal, onSql));
  }

  @Test
  void rememberedVerdictsGiveWhatOfGivesAndTheBoundIsItButForVetoes() {
    SplittableRandom random = new SplittableRandom(5);
    List<Phrase> all = phrases(random, 200);
    int checked = 0;
    int vetoed = 0;
    // Each distinct concept list numbered, as PhrasePairs.Skills numbers them.
    java.util.Map<List<String>, Integer> numbers = new java.util.HashMap<>();
    for (Phrase goal : all.subList(0, 40)) {
      PhraseSimilarity.Against against = SIMILARITY.against(goal);
      for (Phrase skill : all) {
        double cosine = PhraseEmbedder.cosine(goal.embedding(), skill.embedding());
        int list = numbers.computeIfAbsent(skill.concepts(), c -> numbers.size());
        assertEquals(
            SIMILARITY.of(goal, skill),
            against.of(skill, numbers, list, cosine),
            "remembered verdicts");
        // The bound is the similarity itself but where the taxonomy vetoes the pair.
        PhraseSimilarity.Similarity sim = SIMILARITY.of(goal, skill);
        double most = against.atMost(skill, numbers, list, cosine);
        if (sim.kind() == PhraseSimilarity.Kind.DIFFERENT_CONCEPTS) {
          assertEquals(0, sim.value());
          assertTrue(most >= 0, goal.text() + " / " + skill.text());
          vetoed++;
        } else {
          assertEquals(sim.value(), most, goal.text() + " / " + skill.text());
          checked++;
        }
      }
    }
    assertTrue(vetoed >= 20, "pairs the taxonomy vetoes: " + vetoed);
    assertTrue(checked > 1000, "pairs not vetoed: " + checked);
  }

  @Test
  void oneGoalAskedUnderTwoNumberingsOfConceptListsGivesWhatOfGives() {
    SplittableRandom random = new SplittableRandom(11);
    List<Phrase> all = phrases(random, 200);
    List<Phrase> reversed = new ArrayList<>(all);
    java.util.Collections.reverse(reversed);
    // The two lists number the same concept lists in opposite orders: a verdict kept under one
    // number and read under the other would be another list's.
    PhrasePairs.Skills forward = new PhrasePairs.Skills(all);
    PhrasePairs.Skills backward = new PhrasePairs.Skills(reversed);
    int counted = 0;
    for (Phrase goal : all.subList(0, 40)) {
      PhraseSimilarity.Against against = SIMILARITY.against(goal);
      long norm = PhrasePairs.Skills.norm(goal);
      for (PhrasePairs.Skills skills : List.of(forward, backward, forward)) {
        for (int i = 0; i < skills.size(); i++) {
          Phrase skill = skills.phrase(i);
          PhraseSimilarity.Similarity expected = SIMILARITY.of(goal, skill);
          PhrasePairs.Covering c = skills.covering(goal, norm, i, against, SIMILARITY, 0.3);
          if (expected.value() >= 0.3) {
            counted++;
            assertEquals(expected.value(), c.value(), goal.text() + " / " + skill.text());
            assertEquals(expected.kind(), c.kind(), goal.text() + " / " + skill.text());
          } else {
            assertEquals(null, c, goal.text() + " / " + skill.text());
          }
        }
      }
    }
    assertTrue(counted > 100, "covering pairs: " + counted);
  }

  private static List<String> describe(List<PhrasePairs.Covering> list) {
    List<String> out = new ArrayList<>();
    for (PhrasePairs.Covering c : list) {
      out.add(c.skill().text() + "=" + c.value() + "/" + c.kind());
    }
    return out;
  }
}
