package org.mentormatch.search;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentormatch.scoring.PairScorer;

/**
 * What the hard rules and the score's other parts read of each mentor, in flat arrays by number.
 *
 * <p>Ids, languages and departments are numbered once per index: the search checks most mentors it
 * meets, and reading each mentor's id, language and chain strings was 18% of the search at 100,000
 * members (a cache miss on each object). {@link PairRuleCheck#firstFailure(MentorRules,
 * MentorRules.Query, int)} reads them and gives what {@link PairRuleCheck#firstFailure(MenteeQuery,
 * MentorIndex.Mentor)} gives. Immutable.
 */
final class MentorRules {
  /** A number for every mentor id, manager id and id in a management chain. */
  private final Map<String, Integer> ids = new HashMap<>();

  /** A number for every language a mentor speaks. */
  private final Map<String, Integer> languageNumbers = new HashMap<>();

  private final int languageWords;
  // Mentor m's language bits beyond the first 64 (those are in facts), w = languageWords - 1 words
  // from m * w.
  private final long[] moreLanguages;
  // Mentor m's facts at m * FACTS, side by side: the search checks most mentors it meets, and at
  // 1,000,000 members each fact in an array of its own was a cache miss (the language check alone
  // 22% of the search's samples), so the score's other parts and the rules read one place.
  private final int[] facts;
  private static final int FACTS = 8;
  private static final int SENIORITY = 0;
  private static final int UTC_OFFSET = 1;
  private static final int DEPARTMENT = 2; // number, or NONE
  private static final int FREE_CAPACITY = 3;
  private static final int ID = 4; // id number
  private static final int MANAGER = 5; // id number, or NONE
  private static final int LANGUAGES_LOW = 6; // the first 64 language bits, low half
  private static final int LANGUAGES_HIGH = 7; // and high half
  // Mentor m's chain as id numbers, ascending, in chain[chainStart[m] .. chainStart[m + 1]).
  private final int[] chainStart;
  private final int[] chain;
  // By id number: whether the id is in some mentor's chain (manages a mentor). Most mentees manage
  // no mentor, and for them no mentor's chain is searched: each search was a cache miss on a
  // mentor's slice of `chain`, 14% of the search at 100,000 members.
  private final boolean[] inAChain;

  /** A number for every department of a mentor, as the score compares them. */
  private final Map<String, Integer> departments = new HashMap<>();

  /** No manager, or no department. */
  private static final int NONE = -1;

  /** An id or department that no mentor has: it equals none of theirs. */
  private static final int UNKNOWN = -2;

  /** The rules' view of {@code index}'s mentors. */
  MentorRules(MentorIndex index) {
    int n = index.size();
    for (int m = 0; m < n; m++) {
      MentorIndex.Mentor mentor = index.mentor(m);
      number(mentor.id());
      if (mentor.managerId() != null) {
        number(mentor.managerId());
      }
      mentor.managementChain().forEach(this::number);
      String department = index.side(m).department();
      if (department != null) {
        departments.putIfAbsent(department, departments.size());
      }
      if (mentor.languages() != null) {
        for (String l : mentor.languages()) {
          if (l != null) {
            languageNumbers.putIfAbsent(l, languageNumbers.size());
          }
        }
      }
    }
    languageWords = Math.max(1, (languageNumbers.size() + 63) / 64);
    moreLanguages = new long[n * (languageWords - 1)];
    facts = new int[n * FACTS];
    long[] bits = new long[languageWords];
    chainStart = new int[n + 1];
    int links = 0;
    for (int m = 0; m < n; m++) {
      links += index.mentor(m).managementChain().size();
    }
    chain = new int[links];
    for (int m = 0; m < n; m++) {
      MentorIndex.Mentor mentor = index.mentor(m);
      Arrays.fill(bits, 0);
      setLanguages(mentor.languages(), bits, 0);
      System.arraycopy(bits, 1, moreLanguages, m * (languageWords - 1), languageWords - 1);
      String department = index.side(m).department();
      int at = m * FACTS;
      facts[at + SENIORITY] = mentor.seniority();
      facts[at + UTC_OFFSET] = mentor.utcOffsetMinutes();
      facts[at + DEPARTMENT] = department == null ? NONE : departments.get(department);
      facts[at + FREE_CAPACITY] = mentor.freeCapacity();
      facts[at + ID] = ids.get(mentor.id());
      facts[at + MANAGER] = mentor.managerId() == null ? NONE : ids.get(mentor.managerId());
      facts[at + LANGUAGES_LOW] = (int) bits[0];
      facts[at + LANGUAGES_HIGH] = (int) (bits[0] >>> 32);
      int link = chainStart[m];
      for (String id : mentor.managementChain()) {
        chain[link++] = ids.get(id);
      }
      Arrays.sort(chain, chainStart[m], link);
      chainStart[m + 1] = link;
    }
    inAChain = new boolean[ids.size()];
    for (int link : chain) {
      inAChain[link] = true;
    }
  }

  private void number(String id) {
    ids.putIfAbsent(id, ids.size());
  }

  /** Sets the bits of {@code names}' numbered languages in {@code bits} from {@code from}. */
  private void setLanguages(List<String> names, long[] bits, int from) {
    if (names == null) {
      return; // no bit: shares no language, as a null list fails the rule
    }
    for (String l : names) {
      Integer k = l == null ? null : languageNumbers.get(l);
      if (k != null) {
        bits[from + k / 64] |= 1L << (k % 64);
      }
    }
  }

  /**
   * A mentee as {@link PairRuleCheck#firstFailure(MentorRules, MentorRules.Query, int)} reads them
   * against these mentors.
   */
  Query query(MenteeQuery q) {
    long[] bits = new long[languageWords];
    setLanguages(q.languages(), bits, 0);
    Integer id = ids.get(q.id());
    int manager =
        q.managerId() == null
            ? NONE
            : ids.getOrDefault(q.managerId(), UNKNOWN); // unknown: no mentor shares it
    // Read as the score reads a department (PairScorer.Side trims it and lowers its case).
    String department =
        new PairScorer.Side(q.seniority(), q.utcOffsetMinutes(), q.department()).department();
    return new Query(
        q.utcOffsetMinutes(),
        q.seniority(),
        department == null ? NONE : departments.getOrDefault(department, UNKNOWN),
        bits,
        id == null ? UNKNOWN : id,
        id != null && inAChain[id],
        manager,
        known(q.managementChain()),
        known(q.declined()));
  }

  /** The numbers of the ids of {@code idSet} that are numbered, ascending (others match no one). */
  private int[] known(Set<String> idSet) {
    return idSet.stream()
        .map(ids::get)
        .filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue)
        .sorted()
        .toArray();
  }

  /** Whether mentor {@code m} and the mentee share a language. */
  boolean shareALanguage(Query q, int m) {
    int at = m * FACTS;
    long first =
        ((long) facts[at + LANGUAGES_HIGH] << 32) | (facts[at + LANGUAGES_LOW] & 0xFFFFFFFFL);
    if ((first & q.languages[0]) != 0) {
      return true;
    }
    int from = m * (languageWords - 1);
    for (int w = 1; w < languageWords; w++) {
      if ((moreLanguages[from + w - 1] & q.languages[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  int seniority(int m) {
    return facts[m * FACTS + SENIORITY];
  }

  int utcOffsetMinutes(int m) {
    return facts[m * FACTS + UTC_OFFSET];
  }

  int freeCapacity(int m) {
    return facts[m * FACTS + FREE_CAPACITY];
  }

  /** Whether both departments are known and differ, as the score's department part asks. */
  boolean departmentsDiffer(Query q, int m) {
    int d = facts[m * FACTS + DEPARTMENT];
    return q.department != NONE && d != NONE && q.department != d;
  }

  /** Whether mentor {@code m} is the mentee. */
  boolean isMentee(Query q, int m) {
    return idNumber(m) == q.id;
  }

  private int idNumber(int m) {
    return facts[m * FACTS + ID];
  }

  /** Whether one of the two manages the other, directly or up the line. */
  boolean inOneReportingLine(Query q, int m) {
    return Arrays.binarySearch(q.chain, idNumber(m)) >= 0
        || (q.managesAMentor
            && Arrays.binarySearch(chain, chainStart[m], chainStart[m + 1], q.id) >= 0);
  }

  /** Whether the two have the same manager (both known). */
  boolean sameManager(Query q, int m) {
    return q.manager >= 0 && q.manager == facts[m * FACTS + MANAGER];
  }

  /** Whether the mentee declined mentor {@code m}. */
  boolean declined(Query q, int m) {
    return q.declined.length > 0 && Arrays.binarySearch(q.declined, idNumber(m)) >= 0;
  }

  /** A mentee with ids numbered as the mentors' view numbers them. */
  static final class Query {
    final int utcOffsetMinutes;
    final int seniority;
    private final int department;
    private final long[] languages;
    private final int id;
    // Whether the mentee is in some mentor's chain: only then can a mentor report to them.
    private final boolean managesAMentor;
    private final int manager;
    private final int[] chain;
    private final int[] declined;

    private Query(
        int utcOffsetMinutes,
        int seniority,
        int department,
        long[] languages,
        int id,
        boolean managesAMentor,
        int manager,
        int[] chain,
        int[] declined) {
      this.utcOffsetMinutes = utcOffsetMinutes;
      this.seniority = seniority;
      this.department = department;
      this.languages = languages;
      this.id = id;
      this.managesAMentor = managesAMentor;
      this.manager = manager;
      this.chain = chain;
      this.declined = declined;
    }
  }
}
