package org.mentormatch.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.mentormatch.config.AssignmentConfig;
import org.mentormatch.config.ScoreConfig;
import org.mentormatch.scoring.PairScorer;
import org.mentormatch.scoring.PhrasePairs;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * A mentee's best fitting mentors, found without scoring every mentor: a threshold algorithm over
 * the goals' similar skills.
 *
 * <p>The score is a weighted mean of coverage (over the mentee's topical goals, the similarity of
 * the mentor's closest skill to each) and three parts that are each at most 1. Each goal's similar
 * skill phrases are walked from the most similar down, always on the goal whose next phrase is the
 * most similar, and every mentor offering that phrase is checked against the hard rules and, if
 * allowed and if they could still place with every skill beyond a goal's list as similar as the
 * list's last, scored in full ({@link PairScorer}, the scorer of every other path). A mentor not
 * met yet has, for each goal, no skill more similar than that goal's next phrase, so their score is
 * at most the score those next similarities give with the other parts at 1 (the same formula, in
 * the same order of operations; floating-point sums are monotone, so the bound is never below a
 * real score). The walk stops when that bound falls below the k-th best score found (an equal bound
 * keeps walking: an unmet mentor with an equal score and a smaller id would rank first), below
 * {@code assignment.min_score}, or its coverage below {@code assignment.min_coverage}.
 *
 * <p>A goal's similar skills come from {@link SkillLists}: its first {@link SkillLists#FIRST}
 * (computed once in the JVM, comparing the goal with every skill, and shared by every search over
 * the same index), since most walks stop within them; a walk that reaches the end of a list takes
 * one sixteen times as long, and walks on. A mentor met is scored on every skill: one beyond the
 * goal's list is compared with the goal here, by the same similarity on the same phrases, so it
 * gets the number a longer list would have. Either way the walk and the scores are those of the
 * whole phrase-pair table.
 *
 * <p>Exact: the result is the first {@code k} fitting pairs (allowed by every rule, coverage and
 * score at least the minimums) in the order of {@code PairScoring.bestFirst} (score descending,
 * then mentor id), as scoring every pair with any coverage would give them, provided {@code
 * assignment.min_coverage} is above 0 (with 0, a mentor sharing no similar phrase could fit on the
 * other parts alone, and neither this search nor the exhaustive candidates look at them).
 *
 * <p>Not thread-safe: one instance per task (it keeps a scratch array of mentors met); the longer
 * lists it shares with other tasks are.
 */
public final class TopMentorSearch implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A mentor found for a mentee, by number in the index, with the pair's score and parts. */
  public record Found(int mentor, PairScorer.Score score) implements Serializable {}

  /**
   * What one search found, how many mentors it met on the way, and how many of the mentee's goals
   * it read beyond their first list of similar skills.
   */
  public record Result(List<Found> best, int mentorsMet, int goalsExtended)
      implements Serializable {}

  /**
   * Everything about one mentee's candidates that an unmatched reason needs, over every mentor
   * sharing at least one similar phrase with the mentee (the exhaustive candidates).
   *
   * @param candidates mentors sharing a similar phrase (the mentee excluded)
   * @param bestCoverage the best coverage among them
   * @param topical those whose coverage reaches the minimum
   * @param leftAfter topical mentors passing each rule and the ones before it ({@link
   *     PairRuleCheck#NAMES} order)
   * @param bestScore the best score of a topical mentor passing every rule (0 if none)
   * @param aboveMinimum topical mentors passing every rule and reaching the minimum score
   * @param best the first {@code k} fitting pairs, as {@link #top} finds them
   */
  public record Funnel(
      int candidates,
      double bestCoverage,
      int topical,
      int[] leftAfter,
      double bestScore,
      int aboveMinimum,
      List<Found> best)
      implements Serializable {}

  private static final Comparator<Found> BEST_FIRST =
      Comparator.<Found>comparingDouble(f -> -f.score().score()).thenComparingInt(Found::mentor);

  private final MentorIndex index;
  private final PairScorer scorer;
  private final ScoreConfig score;
  private final AssignmentConfig assignment;
  private final PairRuleCheck rules;
  private final PhraseSimilarity similarity;
  private transient int[] metBy;
  private transient int stamp;
  // The funnel's counts: each candidate's coverage so far, and who a goal's walk has met.
  private transient double[] covered;
  private transient int[] metForGoal;
  private transient int goalStamp;
  private transient SkillLists lists;
  private transient MentorRules mentorRules;
  // Each (seniority, UTC offset)'s reach: its classes are read by every mentee of the pair.
  private transient java.util.Map<Long, Reach> reaches;
  private final int firstList;
  private final int skillsPerMentorScanned;

  /**
   * A search over {@code index} with the score, thresholds and rules in force, comparing goals with
   * skills by {@code similarity}.
   */
  public TopMentorSearch(
      MentorIndex index,
      ScoreConfig score,
      AssignmentConfig assignment,
      PairRuleCheck rules,
      PhraseSimilarity similarity) {
    this(index, score, assignment, rules, similarity, SkillLists.FIRST, SKILLS_PER_MENTOR_SCANNED);
  }

  /**
   * A search whose goals' first lists hold {@code firstList} similar skills, which scores a
   * mentee's mentors one by one when there are at most one per {@code skillsPerMentorScanned} skill
   * phrases: only how the search gets there changes, never what is found (tests make lists short,
   * so walks read beyond them, and scan always or never).
   */
  TopMentorSearch(
      MentorIndex index,
      ScoreConfig score,
      AssignmentConfig assignment,
      PairRuleCheck rules,
      PhraseSimilarity similarity,
      int firstList,
      int skillsPerMentorScanned) {
    if (firstList < 1) {
      throw new IllegalArgumentException("a first list holds at least one skill: " + firstList);
    }
    if (skillsPerMentorScanned < 0) {
      throw new IllegalArgumentException("skills per mentor scanned: " + skillsPerMentorScanned);
    }
    this.firstList = firstList;
    this.skillsPerMentorScanned = skillsPerMentorScanned;
    this.index = index;
    this.similarity = similarity;
    this.scorer = new PairScorer(score);
    this.score = score;
    this.assignment = assignment;
    this.rules = rules;
  }

  /**
   * Readies the search of {@code mentees}, who are searched next: computes together the first skill
   * lists of their topical goals, as each walk would ask for them one by one (a block of goals
   * compared with the skills at once costs a fraction of one at a time). Changes nothing a search
   * finds, only when its lists are computed.
   */
  public void prepare(List<MenteeQuery> mentees) {
    scratch();
    List<MenteeQuery> searched = new ArrayList<>(mentees.size());
    for (MenteeQuery q : mentees) {
      if (walks(reach(q.seniority(), q.utcOffsetMinutes()))) {
        searched.add(q);
      }
    }
    List<PhraseSimilarity.Phrase> goals = topicalGoals(searched);
    if (!goals.isEmpty()) {
      lists.prepare(goals, new int[goals.size()]);
    }
  }

  /**
   * Readies the funnels of {@code mentees}, who are counted next: computes together the whole lists
   * of their topical goals (every skill covering each), which a funnel walks to the end; one goal
   * at a time, each list read every skill's embedding from memory for that goal alone. Changes
   * nothing a funnel counts, only when its lists are computed.
   */
  public void prepareWhole(List<MenteeQuery> mentees) {
    scratch();
    List<PhraseSimilarity.Phrase> goals = topicalGoals(mentees);
    if (!goals.isEmpty()) {
      lists.prepareWhole(goals);
    }
  }

  /** The topical goals of {@code mentees}, in order: the only goals that need lists. */
  private static List<PhraseSimilarity.Phrase> topicalGoals(List<MenteeQuery> mentees) {
    List<PhraseSimilarity.Phrase> goals = new ArrayList<>();
    for (MenteeQuery q : mentees) {
      for (MenteeQuery.Goal goal : q.goals()) {
        if (goal.topical()) {
          goals.add(goal.phrase());
        }
      }
    }
    return goals;
  }

  /** The task's scratch array of mentors met and the JVM's skill lists, made on first use. */
  private void scratch() {
    if (metBy == null) {
      metBy = new int[index.size()];
      lists = index.lists(similarity, score.minPhraseSimilarity(), firstList);
      mentorRules = index.rules();
    }
  }

  /**
   * Up to how many mentors pass a mentee's time-zone and seniority rules, as a share of the skill
   * phrases, for the mentee's mentors to be scored one by one rather than walked to: each costs a
   * few goal-skill comparisons, one at a time, where a walk compares each goal with every skill
   * phrase at least once, and reads on past a first list when few mentors can take the mentee (at
   * 100,000 generated members, the most senior mentees' walks went to the ends of their goals'
   * lists for the few mentors above them).
   */
  static final int SKILLS_PER_MENTOR_SCANNED = 16;

  /**
   * The mentor classes (seniority and UTC offset) a mentee of {@code seniority} at {@code
   * offsetMinutes} may be matched with by time zone and seniority.
   *
   * @param allowed those classes
   * @param mentors how many mentors they hold
   * @param seniorityPart the best seniority part among them
   * @param timezonePart the best time-zone part among them (of the same class or another): no
   *     mentor allowed has a part above either, so none scores above both at their coverage
   */
  private record Reach(int[] allowed, int mentors, double seniorityPart, double timezonePart) {}

  /**
   * The {@link Reach} of a mentee of {@code seniority} at {@code offsetMinutes}, computed once per
   * pair in the search: {@link #prepare} and the walk both ask, and mentees fall into few pairs.
   */
  private Reach reach(int seniority, int offsetMinutes) {
    if (reaches == null) {
      reaches = new java.util.HashMap<>();
    }
    return reaches.computeIfAbsent(
        ((long) seniority << 32) | (offsetMinutes & 0xFFFFFFFFL),
        key -> reachOf(seniority, offsetMinutes));
  }

  private Reach reachOf(int seniority, int offsetMinutes) {
    int[] allowed = new int[index.classes()];
    int count = 0;
    int mentors = 0;
    double seniorityPart = 0;
    double timezonePart = 0;
    for (int c = 0; c < allowed.length; c++) {
      int cs = index.classSeniority(c);
      int co = index.classOffset(c);
      if (rules.failsOnClass(seniority, offsetMinutes, cs, co)) {
        continue;
      }
      allowed[count++] = c;
      mentors += index.mentorsOfClass(c).length;
      seniorityPart = Math.max(seniorityPart, scorer.seniorityPart(seniority, cs));
      timezonePart = Math.max(timezonePart, scorer.timezonePart(offsetMinutes, co));
    }
    return new Reach(java.util.Arrays.copyOf(allowed, count), mentors, seniorityPart, timezonePart);
  }

  /**
   * Whether a mentee of {@code reach} is searched by walking their goals' lists: not when no mentor
   * may take them, nor when so few may that scoring each is cheaper ({@link #scan}).
   */
  private boolean walks(Reach reach) {
    return reach.mentors() > 0 && !scans(reach);
  }

  private boolean scans(Reach reach) {
    // With no least coverage a mentor sharing no similar phrase may fit, whom no walk meets.
    return assignment.minCoverage() > 0
        && (long) reach.mentors() * skillsPerMentorScanned <= index.skills().size();
  }

  /** The mentee's first {@code k} fitting mentors, best first. */
  public Result top(MenteeQuery q, int k) {
    Walk walk = new Walk(q);
    PriorityQueue<Found> kept = new PriorityQueue<>(BEST_FIRST.reversed());
    if (walk.reach.mentors() == 0) {
      return result(walk, kept); // no mentor passes the time-zone and seniority rules
    }
    if (scans(walk.reach)) {
      return scan(walk, k, kept);
    }
    while (true) {
      double bound = walk.bound();
      if (walk.boundCoverage < assignment.minCoverage() || bound < assignment.minScore()) {
        break;
      }
      if (kept.size() == k && bound < kept.peek().score().score()) {
        break;
      }
      int skill = walk.nextSkill();
      if (skill == Walk.WALKED) {
        break;
      }
      if (skill == Walk.NO_SKILL) {
        continue;
      }
      // A phrase's mentors come in runs by class: a class whose time zone or seniority fails a
      // rule, or whose best score at the walk's coverage bound is below the k-th best, is passed
      // over whole (counted at 100,000 members, four in five mentors met ended at those tests).
      int[] mentors = index.mentorsWith(skill);
      int[] runs = index.runsOf(skill);
      int from = 0;
      for (int r = 0; r < runs.length; r += 2) {
        int end = runs[r + 1];
        double kth = kept.size() == k ? kept.peek().score().score() : Double.NEGATIVE_INFINITY;
        if (walk.classMayPlace(runs[r], kth)) {
          for (int i = from; i < end; i++) {
            meet(walk, mentors[i], kept, k);
          }
        }
        from = end;
      }
    }
    return result(walk, kept);
  }

  private static Result result(Walk walk, PriorityQueue<Found> kept) {
    List<Found> best = new ArrayList<>(kept);
    best.sort(BEST_FIRST);
    return new Result(best, walk.met, walk.extended);
  }

  /**
   * The first {@code k} fitting mentors of the walk's mentee found by meeting every mentor of the
   * classes their rules allow, with nothing walked: each met as a walk would meet them, at a
   * coverage bound of 1 (no coverage is above it), so the first k are those a walk finds.
   */
  private Result scan(Walk walk, int k, PriorityQueue<Found> kept) {
    walk.boundCoverage = 1;
    for (int c : walk.reach.allowed()) {
      for (int m : index.mentorsOfClass(c)) {
        meet(walk, m, kept, k);
      }
    }
    return result(walk, kept);
  }

  /** Meets mentor {@code m} on the walk, keeping them among the first {@code k} if they belong. */
  private void meet(Walk walk, int m, PriorityQueue<Found> kept, int k) {
    if (metBy[m] == stamp) {
      return;
    }
    metBy[m] = stamp;
    walk.met++;
    // Met only now, the mentor covers no goal better than the walk's bound did, so their score
    // is at most that coverage's with their own other parts: below the k-th best (or the
    // minimum), they cannot be among the first k, and their coverage is never computed.
    double most = walk.atMost(walk.boundCoverage, m);
    if (most < assignment.minScore() || (kept.size() == k && most < kept.peek().score().score())) {
      return;
    }
    if (mentorRules.isMentee(walk.ruleQuery, m)
        || rules.firstFailure(mentorRules, walk.ruleQuery, m) != PairRuleCheck.PASSES) {
      return;
    }
    // Most mentors met fall short even with every skill beyond a goal's list as similar as the
    // list's last: they are left before those skills are compared with the goals.
    double coverage = coverageAtMost(walk, m);
    most = walk.atMost(coverage, m);
    if (coverage < assignment.minCoverage()
        || most < assignment.minScore()
        || (kept.size() == k && most < kept.peek().score().score())) {
      return;
    }
    PairScorer.Score s = scoreOf(walk, m);
    if (fits(s)) {
      Found f = new Found(m, s);
      if (kept.size() < k) {
        kept.add(f);
      } else if (BEST_FIRST.compare(f, kept.peek()) < 0) {
        kept.poll();
        kept.add(f);
      }
    }
  }

  /** The funnel over every mentor sharing a similar phrase, and the first {@code k} fitting. */
  public Funnel funnel(MenteeQuery q, int k) {
    if (k == 0) {
      return counts(q);
    }
    Walk walk = new Walk(q);
    Tally tally = new Tally(walk.ruleQuery);
    List<Found> fitting = new ArrayList<>();
    for (int[] mentors = walk.nextOfAnyGoal(); mentors != null; mentors = walk.nextOfAnyGoal()) {
      for (int m : mentors) {
        if (metBy[m] == stamp) {
          continue;
        }
        metBy[m] = stamp;
        if (mentorRules.isMentee(walk.ruleQuery, m)) {
          continue;
        }
        PairScorer.Score s = scoreOf(walk, m);
        if (tally.allowed(m, s.coverage()) && tally.fits(s.score())) {
          fitting.add(new Found(m, s));
        }
      }
    }
    fitting.sort(BEST_FIRST);
    return tally.funnel(List.copyOf(fitting.subList(0, Math.min(k, fitting.size()))));
  }

  /** A funnel's counts, candidate by candidate. */
  private final class Tally {
    private final MentorRules.Query ruleQuery;
    private int candidates;
    private int topical;
    private int aboveMinimum;
    private double bestCoverage;
    private double bestScore;
    private boolean anyAllowed;
    private final int[] leftAfter = new int[PairRuleCheck.NAMES.size()];

    Tally(MentorRules.Query ruleQuery) {
      this.ruleQuery = ruleQuery;
    }

    /**
     * Counts mentor {@code m} (not the mentee) of {@code coverage}: whether they are topical and
     * pass every rule, so their score is to be counted by {@link #fits}.
     */
    boolean allowed(int m, double coverage) {
      candidates++;
      bestCoverage = Math.max(bestCoverage, coverage);
      if (coverage < assignment.minCoverage()) {
        return false;
      }
      topical++;
      int failure = rules.firstFailure(mentorRules, ruleQuery, m);
      for (int r = 0; r < failure; r++) {
        leftAfter[r]++;
      }
      return failure == PairRuleCheck.PASSES;
    }

    /** Counts the score of an allowed mentor: whether it reaches the minimum. */
    boolean fits(double score) {
      bestScore = anyAllowed ? Math.max(bestScore, score) : score;
      anyAllowed = true;
      if (score < assignment.minScore()) {
        return false;
      }
      aboveMinimum++;
      return true;
    }

    Funnel funnel(List<Found> best) {
      return new Funnel(
          candidates, bestCoverage, topical, leftAfter, bestScore, aboveMinimum, best);
    }
  }

  /**
   * {@link #funnel} without pairs: the same counts, from each candidate's coverage summed as the
   * walk goes rather than each candidate scored goal by goal. Every goal's list is walked whole,
   * goal after goal, most similar first, so the first time a goal's walk meets a mentor it meets
   * their best skill for that goal; adding that similarity then gives the coverage {@link
   * PairScorer} computes, in its order of goals (a goal the mentor does not cover adds nothing, as
   * adding 0 would), and {@link PairScorer#atMost} of it is their score.
   */
  private Funnel counts(MenteeQuery q) {
    Walk walk = new Walk(q);
    if (covered == null || covered.length != index.size()) {
      covered = new double[index.size()];
      metForGoal = new int[index.size()];
      goalStamp = 0;
    }
    int topicalGoals = 0;
    for (MenteeQuery.Goal goal : walk.goals) {
      topicalGoals += goal.topical() ? 1 : 0;
    }
    int[] candidates = new int[16];
    int candidateCount = 0;
    for (int g = 0; g < walk.goals.size(); g++) {
      if (++goalStamp == 0) {
        java.util.Arrays.fill(metForGoal, 0);
        goalStamp = 1;
      }
      boolean topical = walk.goals.get(g).topical();
      while (walk.hasNext(g)) {
        double similarity = walk.similarityAt(g, walk.next[g]);
        for (int m : walk.advance(g)) {
          if (metBy[m] != stamp) {
            metBy[m] = stamp;
            covered[m] = 0;
            if (candidateCount == candidates.length) {
              candidates = java.util.Arrays.copyOf(candidates, 2 * candidateCount);
            }
            candidates[candidateCount++] = m;
          }
          if (topical && metForGoal[m] != goalStamp) {
            metForGoal[m] = goalStamp;
            covered[m] += similarity;
          }
        }
      }
    }
    Tally tally = new Tally(walk.ruleQuery);
    for (int c = 0; c < candidateCount; c++) {
      int m = candidates[c];
      if (mentorRules.isMentee(walk.ruleQuery, m)) {
        continue;
      }
      double coverage = topicalGoals == 0 ? 0 : covered[m] / topicalGoals;
      if (tally.allowed(m, coverage)) {
        tally.fits(walk.atMost(coverage, m));
      }
    }
    return tally.funnel(List.of());
  }

  private boolean fits(PairScorer.Score s) {
    return s.coverage() >= assignment.minCoverage() && s.score() >= assignment.minScore();
  }

  /**
   * A coverage of the walk's mentee that mentor {@code m}'s is not above.
   *
   * <p>Summed as {@link PairScorer#score} sums it, comparing no skill with a goal beyond the goal's
   * list ({@link Walk#atMost}).
   */
  private double coverageAtMost(Walk walk, int m) {
    int[] skills = index.skillsOf(m);
    double covered = 0;
    int topical = 0;
    for (int g = 0; g < walk.goals.size(); g++) {
      if (!walk.goals.get(g).topical()) {
        continue;
      }
      topical++;
      double best = Double.NaN;
      for (int s : skills) {
        double most = walk.atMost(g, s);
        if (!Double.isNaN(most) && !(most <= best)) {
          best = most;
        }
      }
      if (best >= score.minPhraseSimilarity()) {
        covered += best;
      }
    }
    return topical == 0 ? 0 : covered / topical;
  }

  /** Mentor {@code m} scored against the walk's mentee, each goal covered by their best skill. */
  private PairScorer.Score scoreOf(Walk walk, int m) {
    int[] skills = index.skillsOf(m);
    List<PairScorer.Goal> goals = new ArrayList<>(walk.goals.size());
    for (int g = 0; g < walk.goals.size(); g++) {
      MenteeQuery.Goal goal = walk.goals.get(g);
      int best = -1;
      double bestSimilarity = 0;
      if (goal.topical()) {
        for (int s : skills) {
          double similarity = walk.similarity(g, s);
          if (!Double.isNaN(similarity) && (best < 0 || similarity > bestSimilarity)) {
            best = s; // the first of equals in the mentor's order, as PairScoring keeps
            bestSimilarity = similarity;
          }
        }
      }
      MenteeQuery.SkillMatch match = best < 0 ? null : walk.match(g, best);
      goals.add(
          new PairScorer.Goal(
              goal.text(),
              goal.topical(),
              match == null
                  ? null
                  : new PairScorer.Match(
                      goal.text(), match.skill(), match.similarity(), match.how())));
    }
    return scorer.score(goals, walk.mentee, index.side(m));
  }

  /** One mentee's walk down their goals' similar skills, with the bound on mentors not met. */
  private final class Walk {
    final List<MenteeQuery.Goal> goals;

    /**
     * Each goal's similar skills as far as known, shared by the searches of this JVM ({@link
     * SkillLists}); null before the walk first asks.
     */
    final SkillLists.Ranking[] ranking;

    /** Whether a goal's list is all the skills covering it. */
    final boolean[] complete;

    final long[] goalNorms;
    final PhraseSimilarity.Against[] against;

    /**
     * Per goal, by skill number, the match (or {@link #NO_MATCH}) computed here for a skill beyond
     * the goal's list; null until the goal's first.
     */
    final SkillMatches[] beyond;

    final PairScorer.Side mentee;

    /** The mentee as the rules read them against the index's mentors. */
    final MentorRules.Query ruleQuery;

    final int[] next;

    /** The mentor classes the mentee may be matched with: the bound reads their best. */
    final Reach reach;

    double boundCoverage;
    int extended;

    /** Mentors met one by one (a class passed over whole is not counted). */
    int met;

    Walk(MenteeQuery q) {
      scratch();
      if (++stamp == 0) {
        java.util.Arrays.fill(metBy, 0);
        stamp = 1;
      }
      goals = q.goals();
      next = new int[goals.size()];
      ranking = new SkillLists.Ranking[goals.size()];
      complete = new boolean[goals.size()];
      goalNorms = new long[goals.size()];
      against = new PhraseSimilarity.Against[goals.size()];
      beyond = new SkillMatches[goals.size()];
      for (int g = 0; g < goals.size(); g++) {
        MenteeQuery.Goal goal = goals.get(g);
        // A goal naming no topic is covered by no skill (similarity 0, below any positive minimum):
        // its list is empty without comparing it with the skills.
        complete[g] = !goal.topical() && score.minPhraseSimilarity() > 0;
        goalNorms[g] = PhrasePairs.Skills.norm(goal.phrase());
      }
      mentee = new PairScorer.Side(q.seniority(), q.utcOffsetMinutes(), q.department());
      ruleQuery = mentorRules.query(q);
      reach = reach(q.seniority(), q.utcOffsetMinutes());
    }

    /**
     * How much skill number {@code s} covers goal {@code g}, or NaN when it does not: from the
     * goal's list, or, beyond it, compared now as a longer list would (and remembered for the
     * walk).
     */
    double similarity(int g, int s) {
      int at = placeOf(g, s);
      if (at >= 0) {
        return ranking[g].similarity(at);
      }
      MenteeQuery.SkillMatch m = beyond(g, s);
      return m == null ? Double.NaN : m.similarity();
    }

    /**
     * The score of the mentee and mentor {@code m} at {@code coverage}: {@link PairScorer#atMost},
     * read from the flat arrays of {@link MentorRules}.
     */
    double atMost(double coverage, int m) {
      return scorer.atMost(
          coverage,
          mentee.seniority(),
          mentee.utcOffsetMinutes(),
          mentorRules.seniority(m),
          mentorRules.utcOffsetMinutes(m),
          mentorRules.departmentsDiffer(ruleQuery, m));
    }

    /**
     * A similarity that skill {@code s}'s with goal {@code g} is not above, or NaN for none.
     *
     * <p>Without comparing the two: {@link #similarity} when the skill is in the goal's list or was
     * compared already, else the similarity of the list's last skill (a list is the start of the
     * goal's whole order, so no skill after it is more similar), or 1 for an empty list.
     */
    double atMost(int g, int s) {
      int at = placeOf(g, s);
      if (at >= 0) {
        return ranking[g].similarity(at);
      }
      if (complete[g]) {
        return Double.NaN;
      }
      MenteeQuery.SkillMatch known = beyond[g] == null ? null : beyond[g].get(s);
      if (known != null) {
        return known == NO_MATCH ? Double.NaN : known.similarity();
      }
      int size = size(g);
      return size == 0 ? 1 : similarityAt(g, size - 1);
    }

    /** How skill number {@code s} covers goal {@code g}, or null, as {@link #similarity} says. */
    MenteeQuery.SkillMatch match(int g, int s) {
      int at = placeOf(g, s);
      if (at >= 0) {
        SkillLists.Ranking r = ranking[g];
        return new MenteeQuery.SkillMatch(r.text(at), r.similarity(at), r.kind(at).words());
      }
      return beyond(g, s);
    }

    /** The place of skill {@code s} in goal {@code g}'s list, or -1. */
    private int placeOf(int g, int s) {
      return ranking[g] == null ? -1 : ranking[g].placeOf(s);
    }

    /** The match of skill {@code s} beyond goal {@code g}'s list, computed once, or null. */
    private MenteeQuery.SkillMatch beyond(int g, int s) {
      if (complete[g]) {
        return null;
      }
      if (beyond[g] == null) {
        beyond[g] = new SkillMatches();
      }
      MenteeQuery.SkillMatch known = beyond[g].get(s);
      if (known != null) {
        return known == NO_MATCH ? null : known;
      }
      if (against[g] == null) {
        against[g] = lists.against(goals.get(g).phrase());
      }
      PhrasePairs.Covering c =
          index
              .skills()
              .covering(
                  goals.get(g).phrase(),
                  goalNorms[g],
                  s,
                  against[g],
                  similarity,
                  score.minPhraseSimilarity());
      MenteeQuery.SkillMatch m =
          c == null
              ? NO_MATCH
              : new MenteeQuery.SkillMatch(c.skill().text(), c.value(), c.kind().words());
      beyond[g].put(s, m);
      return m == NO_MATCH ? null : m;
    }

    /** How many of goal {@code g}'s similar skills are known. */
    private int size(int g) {
      return ranking[g] == null ? 0 : ranking[g].size();
    }

    /** The similarity of goal {@code g}'s {@code i}-th similar skill. */
    private double similarityAt(int g, int i) {
      return ranking[g].similarity(i);
    }

    /** Whether goal {@code g} has a next similar skill, reading a longer list if needed. */
    boolean hasNext(int g) {
      if (next[g] == size(g) && !complete[g]) {
        // Every list of a goal is a prefix of one order (the index's skill texts are distinct, and
        // they break ties), so the walk goes on at the same place in a longer one.
        SkillLists.Ranking longer = lists.longer(goals.get(g).phrase(), size(g));
        ranking[g] = longer;
        complete[g] = longer.complete();
      }
      return next[g] < size(g);
    }

    /** The similarity of goal {@code g}'s next phrase, or 0 when the goal's list is walked. */
    double frontier(int g) {
      return hasNext(g) ? similarityAt(g, next[g]) : 0;
    }

    /**
     * The best score a mentor not met yet can have (and, in {@link #boundCoverage}, their best
     * coverage), computed as {@link PairScorer#score} computes a score: with the best seniority
     * part and the best time-zone part among the mentor classes the rules allow rather than 1 (a
     * senior mentee's walk with mentors at most one level above, whose seniority part is a third,
     * stops that much sooner), and the department part at its best.
     */
    double bound() {
      double covered = 0;
      int topical = 0;
      for (int g = 0; g < goals.size(); g++) {
        if (!goals.get(g).topical()) {
          continue;
        }
        topical++;
        double f = frontier(g);
        if (f >= score.minPhraseSimilarity()) {
          covered += f;
        }
      }
      boundCoverage = topical == 0 ? 0 : covered / topical;
      return scorer.atMost(
          boundCoverage, reach.seniorityPart(), reach.timezonePart(), mentee.department() != null);
    }

    /** {@link #nextSkill} when every topical goal's list is walked. */
    static final int WALKED = -2;

    /** {@link #nextSkill} for a list entry that names no skill of the index. */
    static final int NO_SKILL = -1;

    /**
     * The skill number of the most similar phrase not walked yet among topical goals, {@link
     * #NO_SKILL}, or {@link #WALKED}.
     */
    int nextSkill() {
      int pick = -1;
      double best = -1;
      for (int g = 0; g < goals.size(); g++) {
        if (goals.get(g).topical() && hasNext(g)) {
          double f = frontier(g);
          if (f > best) {
            best = f;
            pick = g;
          }
        }
      }
      if (pick < 0) {
        return WALKED;
      }
      int s = advanceSkill(pick);
      return s < 0 ? NO_SKILL : s;
    }

    /**
     * Whether a mentor of class {@code c} met now might still be among the first k, {@code kth}
     * being the k-th best score so far (or minus infinity): not when the class fails the time-zone
     * or seniority rule, nor when its score at the walk's coverage bound, with the department part
     * at its best, is below {@code kth} or the minimum. Each is what {@link #meet} would find of
     * every mentor of the class, one by one.
     */
    boolean classMayPlace(int c, double kth) {
      int seniority = index.classSeniority(c);
      int offset = index.classOffset(c);
      if (rules.failsOnClass(mentee.seniority(), mentee.utcOffsetMinutes(), seniority, offset)) {
        return false;
      }
      double most =
          scorer.atMost(
              boundCoverage,
              mentee.seniority(),
              mentee.utcOffsetMinutes(),
              seniority,
              offset,
              true);
      return most >= assignment.minScore() && most >= kth;
    }

    /** The mentors of the next phrase of any goal, topical or not, or null when all are walked. */
    int[] nextOfAnyGoal() {
      for (int g = 0; g < goals.size(); g++) {
        if (hasNext(g)) {
          return advance(g);
        }
      }
      return null;
    }

    private int[] advance(int g) {
      int s = advanceSkill(g);
      return s < 0 ? new int[0] : index.mentorsWith(s);
    }

    /** Moves goal {@code g}'s walk one skill on: that skill's number, or negative for none. */
    private int advanceSkill(int g) {
      // Counted by place, not by the lists asked for: another walk may have left a longer one.
      if (next[g] == firstList) {
        extended++;
      }
      return ranking[g].skill(next[g]++);
    }
  }

  /**
   * Matches by skill number, in open addressing: a map of boxed numbers was 9% of the search at
   * 1,000,000 members (its lookups, most of them misses, walked tree bins).
   */
  static final class SkillMatches {
    private int[] keys = new int[16]; // skill number + 1; 0 is an empty slot
    private MenteeQuery.SkillMatch[] values = new MenteeQuery.SkillMatch[16];
    private int size;

    /** The match kept for skill number {@code s}, or null. */
    MenteeQuery.SkillMatch get(int s) {
      int mask = keys.length - 1;
      for (int at = slot(s, mask); keys[at] != 0; at = (at + 1) & mask) {
        if (keys[at] == s + 1) {
          return values[at];
        }
      }
      return null;
    }

    /** Keeps {@code match} for skill number {@code s}, which has none yet. */
    void put(int s, MenteeQuery.SkillMatch match) {
      if (2 * (size + 1) > keys.length) {
        int[] oldKeys = keys;
        MenteeQuery.SkillMatch[] oldValues = values;
        keys = new int[2 * oldKeys.length];
        values = new MenteeQuery.SkillMatch[keys.length];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
          if (oldKeys[i] != 0) {
            put(oldKeys[i] - 1, oldValues[i]);
          }
        }
      }
      int mask = keys.length - 1;
      int at = slot(s, mask);
      while (keys[at] != 0) {
        at = (at + 1) & mask;
      }
      keys[at] = s + 1;
      values[at] = match;
      size++;
    }

    private static int slot(int s, int mask) {
      // Fibonacci hashing: the product's high bits depend on every bit of the number.
      return (int) (((s + 1) * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }
  }

  /** A skill number looked at for a goal and found not to cover it. */
  private static final MenteeQuery.SkillMatch NO_MATCH =
      new MenteeQuery.SkillMatch("", Double.NaN, "");
}
