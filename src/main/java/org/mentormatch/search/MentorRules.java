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
  // Mentor m's languages as bits, in words [m * languageWords, (m + 1) * languageWords).
  private final long[] languages;
  // Mentor m's seniority, UTC offset, department number (or NONE) and free capacity, at m * FACTS:
  // side by side, so the rules and the score's other parts read one cache line of a mentor.
  private final int[] facts;
  private static final int FACTS = 4;
  private final int[] idNumber;
  // The manager's id number, or NONE.
  private final int[] managerNumber;
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
    languages = new long[n * languageWords];
    facts = new int[n * FACTS];
    idNumber = new int[n];
    managerNumber = new int[n];
    chainStart = new int[n + 1];
    int links = 0;
    for (int m = 0; m < n; m++) {
      links += index.mentor(m).managementChain().size();
    }
    chain = new int[links];
    for (int m = 0; m < n; m++) {
      MentorIndex.Mentor mentor = index.mentor(m);
      setLanguages(mentor.languages(), languages, m * languageWords);
      String department = index.side(m).department();
      facts[m * FACTS] = mentor.seniority();
      facts[m * FACTS + 1] = mentor.utcOffsetMinutes();
      facts[m * FACTS + 2] = department == null ? NONE : departments.get(department);
      facts[m * FACTS + 3] = mentor.freeCapacity();
      idNumber[m] = ids.get(mentor.id());
      managerNumber[m] = mentor.managerId() == null ? NONE : ids.get(mentor.managerId());
      int at = chainStart[m];
      for (String id : mentor.managementChain()) {
        chain[at++] = ids.get(id);
      }
      Arrays.sort(chain, chainStart[m], at);
      chainStart[m + 1] = at;
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
    int from = m * languageWords;
    for (int w = 0; w < languageWords; w++) {
      if ((languages[from + w] & q.languages[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  int seniority(int m) {
    return facts[m * FACTS];
  }

  int utcOffsetMinutes(int m) {
    return facts[m * FACTS + 1];
  }

  int freeCapacity(int m) {
    return facts[m * FACTS + 3];
  }

  /** Whether both departments are known and differ, as the score's department part asks. */
  boolean departmentsDiffer(Query q, int m) {
    int d = facts[m * FACTS + 2];
    return q.department != NONE && d != NONE && q.department != d;
  }

  /** Whether mentor {@code m} is the mentee. */
  boolean isMentee(Query q, int m) {
    return idNumber[m] == q.id;
  }

  /** Whether one of the two manages the other, directly or up the line. */
  boolean inOneReportingLine(Query q, int m) {
    return Arrays.binarySearch(q.chain, idNumber[m]) >= 0
        || (q.managesAMentor
            && Arrays.binarySearch(chain, chainStart[m], chainStart[m + 1], q.id) >= 0);
  }

  /** Whether the two have the same manager (both known). */
  boolean sameManager(Query q, int m) {
    return q.manager >= 0 && q.manager == managerNumber[m];
  }

  /** Whether the mentee declined mentor {@code m}. */
  boolean declined(Query q, int m) {
    return q.declined.length > 0 && Arrays.binarySearch(q.declined, idNumber[m]) >= 0;
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
