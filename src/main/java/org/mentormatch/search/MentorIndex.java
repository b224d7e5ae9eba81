package org.mentormatch.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentormatch.scoring.PairScorer;
import org.mentormatch.scoring.PhrasePairs;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * Every mentor as the hard rules and the score read them, numbered in the order of their ids (as
 * Spark orders strings: by UTF-8 bytes), and for each distinct skill phrase the mentors who offer
 * it: the inverted index the search walks from a goal's similar skills to the mentors. Each skill
 * phrase comes with what the similarity reads of it, so the search can compare a goal with the
 * skills.
 */
public final class MentorIndex implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One mentor, as read from the profiles; the management chain is a set of the ids above them, as
   * the rules ask only whether a mentee is in it.
   */
  public record Mentor(
      String id,
      List<String> languages,
      int utcOffsetMinutes,
      int seniority,
      String department,
      String managerId,
      Set<String> managementChain,
      int freeCapacity,
      int cluster,
      List<String> skills)
      implements Serializable {}

  private final Mentor[] mentors;
  private final Map<String, Integer> skillIds;
  private final int[][] skillsOf;
  private final int[][] mentorsWith;
  // Per skill number: its mentors' classes and where each class's run ends in mentorsWith, as
  // (class, end) pairs in class order.
  private final int[][] runsOf;
  // Each class's seniority and UTC offset: what the score's other parts (but the department) and
  // the time-zone and seniority rules read of a mentor.
  private final int[] classSeniority;
  private final int[] classOffset;
  // Each class's mentors, ascending.
  private final int[][] mentorsOfClass;
  private final PhrasePairs.Skills skills;

  /**
   * The similar-skill lists of searches over this index, per similarity, minimum and first length:
   * one object in each JVM (a broadcast index is one object per executor), so its tasks share them.
   */
  private transient Map<ListSettings, SkillLists> lists;

  private transient volatile PairScorer.Side[] sides;
  // Each mentor's number by id, made on first use: a warm night looks up every kept entry.
  private transient volatile Map<String, Integer> numbers;
  private transient volatile MentorRules rules;

  /**
   * What a list of similar skills depends on besides the skills and the goal, and how long a first
   * list is.
   */
  private record ListSettings(PhraseSimilarity similarity, double min, int first) {}

  /**
   * The index of {@code mentors} (in any order; ids distinct), whose skill phrases are read in
   * {@code phrases} (by text; every skill of a mentor is there).
   */
  public MentorIndex(List<Mentor> mentors, Map<String, PhraseSimilarity.Phrase> phrases) {
    this.mentors = pooled(mentors);
    Arrays.sort(this.mentors, (a, b) -> inUtf8Order(a.id(), b.id()));
    this.skillIds = new HashMap<>();
    this.skillsOf = new int[this.mentors.length][];
    List<List<Integer>> postings = new ArrayList<>();
    for (int m = 0; m < this.mentors.length; m++) {
      List<String> skills = this.mentors[m].skills();
      int[] ids = new int[skills.size()];
      for (int s = 0; s < ids.length; s++) {
        Integer id = skillIds.get(skills.get(s));
        if (id == null) {
          id = skillIds.size();
          skillIds.put(skills.get(s), id);
          postings.add(new ArrayList<>());
        }
        ids[s] = id;
        List<Integer> posting = postings.get(id);
        if (posting.isEmpty() || posting.get(posting.size() - 1) != m) {
          posting.add(m);
        }
      }
      skillsOf[m] = ids;
    }
    // Classes numbered in the order of (seniority, offset), so a skill's runs come in class order.
    java.util.TreeMap<Long, Integer> classes = new java.util.TreeMap<>();
    for (Mentor mentor : this.mentors) {
      classes.put(classKey(mentor), 0);
    }
    classSeniority = new int[classes.size()];
    classOffset = new int[classes.size()];
    int c = 0;
    for (Map.Entry<Long, Integer> e : classes.entrySet()) {
      e.setValue(c);
      classSeniority[c] = (int) (e.getKey() >> 32);
      classOffset[c] = (int) (long) e.getKey();
      c++;
    }
    int[] classOf = new int[this.mentors.length];
    int[] classSize = new int[classSeniority.length];
    for (int m = 0; m < classOf.length; m++) {
      classOf[m] = classes.get(classKey(this.mentors[m]));
      classSize[classOf[m]]++;
    }
    this.mentorsOfClass = new int[classSize.length][];
    for (int k = 0; k < classSize.length; k++) {
      mentorsOfClass[k] = new int[classSize[k]];
    }
    int[] filled = new int[classSize.length];
    for (int m = 0; m < classOf.length; m++) {
      mentorsOfClass[classOf[m]][filled[classOf[m]]++] = m;
    }
    this.mentorsWith = new int[postings.size()][];
    this.runsOf = new int[postings.size()][];
    for (int s = 0; s < mentorsWith.length; s++) {
      int[] with =
          postings.get(s).stream()
              .sorted(Comparator.<Integer>comparingInt(m -> classOf[m]).thenComparingInt(m -> m))
              .mapToInt(Integer::intValue)
              .toArray();
      mentorsWith[s] = with;
      int[] runs = new int[2 * with.length];
      int r = 0;
      for (int i = 0; i < with.length; i++) {
        if (r > 0 && runs[r - 2] == classOf[with[i]]) {
          runs[r - 1] = i + 1;
        } else {
          runs[r++] = classOf[with[i]];
          runs[r++] = i + 1;
        }
      }
      runsOf[s] = Arrays.copyOf(runs, r);
    }
    PhraseSimilarity.Phrase[] byId = new PhraseSimilarity.Phrase[skillIds.size()];
    skillIds.forEach(
        (text, id) -> {
          byId[id] = phrases.get(text);
          if (byId[id] == null) {
            throw new IllegalArgumentException("no phrase for the skill \"" + text + "\"");
          }
        });
    this.skills = new PhrasePairs.Skills(Arrays.asList(byId));
  }

  /**
   * {@code mentors} with one object for each distinct string and each chain a sorted array: at a
   * million generated members the mentors' chains named 2.6 million ids of some 100,000 managers,
   * each its own string in a hash set of its own, and an executor's copy of the broadcast index
   * took 677 MB where it now takes 223 (serialisation writes a shared string once).
   */
  private static Mentor[] pooled(List<Mentor> mentors) {
    Map<String, String> pool = new HashMap<>();
    Mentor[] out = new Mentor[mentors.size()];
    for (int i = 0; i < out.length; i++) {
      Mentor m = mentors.get(i);
      out[i] =
          new Mentor(
              pool.computeIfAbsent(m.id(), d -> d),
              m.languages() == null ? null : pooled(m.languages(), pool),
              m.utcOffsetMinutes(),
              m.seniority(),
              m.department() == null ? null : pool.computeIfAbsent(m.department(), d -> d),
              m.managerId() == null ? null : pool.computeIfAbsent(m.managerId(), d -> d),
              m.managementChain() == null ? null : new IdSet(m.managementChain(), pool),
              m.freeCapacity(),
              m.cluster(),
              pooled(m.skills(), pool));
    }
    return out;
  }

  private static List<String> pooled(List<String> strings, Map<String, String> pool) {
    String[] out = new String[strings.size()];
    for (int i = 0; i < out.length; i++) {
      String s = strings.get(i);
      out[i] = s == null ? null : pool.computeIfAbsent(s, t -> t);
    }
    for (String s : out) {
      if (s == null) {
        return java.util.Collections.unmodifiableList(Arrays.asList(out)); // nulls kept, as given
      }
    }
    return List.of(out);
  }

  /**
   * A management chain: its ids sorted in one array (a hash set held a node and a table slot per
   * id). Immutable; iterates in the order of {@link String#compareTo}.
   */
  static final class IdSet extends java.util.AbstractSet<String> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String[] ids;

    /**
     * The ids of {@code chain} (nulls name no one and are left out), each as {@code pool} has it.
     */
    IdSet(Set<String> chain, Map<String, String> pool) {
      this.ids =
          chain.stream()
              .filter(java.util.Objects::nonNull)
              .map(id -> pool.computeIfAbsent(id, t -> t))
              .sorted()
              .toArray(String[]::new);
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof String id && Arrays.binarySearch(ids, id) >= 0;
    }

    @Override
    public java.util.Iterator<String> iterator() {
      return Arrays.asList(ids).iterator(); // no remove: the set stays as built
    }

    @Override
    public int size() {
      return ids.length;
    }
  }

  /** The skill phrases, numbered as {@link #skillId} numbers them. */
  public PhrasePairs.Skills skills() {
    return skills;
  }

  /**
   * The similar-skill lists of goals over this index's skills by {@code similarity} at least {@code
   * min}, first lists {@code first} long, shared by every search in this JVM asking with equal
   * settings. Each settings' lists hold at most a tenth of the maximum heap.
   */
  synchronized SkillLists lists(PhraseSimilarity similarity, double min, int first) {
    if (lists == null) {
      lists = new HashMap<>();
    }
    return lists.computeIfAbsent(
        new ListSettings(similarity, min, first),
        k -> new SkillLists(this, similarity, min, first, Runtime.getRuntime().maxMemory() / 10));
  }

  /** How many mentors there are. */
  public int size() {
    return mentors.length;
  }

  /** Mentor number {@code m} (numbers follow the order of the ids). */
  public Mentor mentor(int m) {
    return mentors[m];
  }

  /** The index of this index's mentors whose ids are in {@code ids}, with their skill phrases. */
  public MentorIndex only(Set<String> ids) {
    List<Mentor> kept = new ArrayList<>();
    Map<String, PhraseSimilarity.Phrase> phrases = new HashMap<>();
    for (Mentor m : mentors) {
      if (ids.contains(m.id())) {
        kept.add(m);
        for (String text : m.skills()) {
          phrases.put(text, skills.phrase(skillId(text)));
        }
      }
    }
    return new MentorIndex(kept, phrases);
  }

  /** The number of the mentor with id {@code id}, or -1 when the index has none. */
  public int numberOf(String id) {
    Map<String, Integer> n = numbers;
    if (n == null) {
      n = new HashMap<>(mentors.length * 2);
      for (int m = 0; m < mentors.length; m++) {
        n.put(mentors[m].id(), m);
      }
      numbers = n; // made twice at worst, by two tasks at once: the same numbers
    }
    Integer m = n.get(id);
    return m == null ? -1 : m;
  }

  /**
   * {@code a} against {@code b} in the order of their UTF-8 bytes (code point order, as Spark
   * orders strings), without encoding them: UTF-16 order differs only where a surrogate pair (a
   * code point above U+FFFF) meets a character from U+E000 up, which UTF-8 puts first.
   */
  public static int inUtf8Order(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        boolean surrogateX = Character.isSurrogate(x);
        if (surrogateX != Character.isSurrogate(y)) {
          return surrogateX ? 1 : -1;
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /**
   * A fingerprint of everything the search reads of mentor {@code m}: the rules' fields, whether
   * they have a free place (not how many, nor their cluster: neither changes a score or a rule),
   * and every field of each skill phrase the similarity reads, embedding bytes included.
   */
  public long fingerprint(int m) {
    Mentor mentor = mentors[m];
    Fingerprint f =
        new Fingerprint()
            .add(mentor.id())
            .addAll(mentor.languages())
            .add(mentor.utcOffsetMinutes())
            .add(mentor.seniority())
            .add(mentor.department())
            .add(mentor.managerId())
            .addSorted(mentor.managementChain())
            .add(mentor.freeCapacity() > 0)
            .add(mentor.skills().size());
    for (String text : mentor.skills()) {
      f.add(text).add(skills.phrase(skillId(text)));
    }
    return f.value();
  }

  /** The number of skill phrase {@code text}, or -1 when no mentor offers it. */
  public int skillId(String text) {
    Integer id = skillIds.get(text);
    return id == null ? -1 : id;
  }

  /**
   * Mentor {@code m} as the scorer reads them, made once per JVM: the search asks for it at every
   * meeting.
   */
  PairScorer.Side side(int m) {
    PairScorer.Side[] s = sides;
    if (s == null) {
      s = new PairScorer.Side[mentors.length];
      for (int i = 0; i < s.length; i++) {
        Mentor mentor = mentors[i];
        s[i] =
            new PairScorer.Side(mentor.seniority(), mentor.utcOffsetMinutes(), mentor.department());
      }
      sides = s; // made twice at worst, by two tasks at once: the same values
    }
    return s[m];
  }

  /** The mentors as the hard rules read them, made once per JVM (as {@link #side}). */
  MentorRules rules() {
    MentorRules r = rules;
    if (r == null) {
      r = new MentorRules(this);
      rules = r; // made twice at worst, by two tasks at once: equal views
    }
    return r;
  }

  /** Mentor {@code m}'s skills as skill numbers, in the mentor's order. */
  int[] skillsOf(int m) {
    return skillsOf[m];
  }

  /** The mentors offering skill number {@code s}, in runs by class ({@link #runsOf}). */
  int[] mentorsWith(int s) {
    return mentorsWith[s];
  }

  /**
   * The class runs of {@link #mentorsWith}{@code (s)}: pairs of a class and the index its run ends
   * at (exclusive), each run's mentors ascending.
   */
  int[] runsOf(int s) {
    return runsOf[s];
  }

  /** How many classes of seniority and UTC offset the mentors fall in, numbered from 0. */
  int classes() {
    return classSeniority.length;
  }

  /** The mentors of class {@code c}, ascending. */
  int[] mentorsOfClass(int c) {
    return mentorsOfClass[c];
  }

  /** The seniority of the mentors of class {@code c}. */
  int classSeniority(int c) {
    return classSeniority[c];
  }

  /** The UTC offset in minutes of the mentors of class {@code c}. */
  int classOffset(int c) {
    return classOffset[c];
  }

  private static long classKey(Mentor mentor) {
    return ((long) mentor.seniority() << 32) | (mentor.utcOffsetMinutes() & 0xFFFFFFFFL);
  }
}
