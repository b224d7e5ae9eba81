package org.mentormatch.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.mentormatch.scoring.PhrasePairs;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * Goals' similar skills, each list computed once and shared by every search over one {@link
 * MentorIndex} with one similarity in this JVM: the tasks of an executor, mentee after mentee (many
 * name the same goal), and the funnel after the search.
 *
 * <p>A list holds a goal's first similar skills (skill numbers, similarities and kinds in arrays)
 * in the order of {@code PhrasePairs.closestFirst}, what {@code PhrasePairs.Skills#closest} gives.
 * Asked for more than the first {@code have} of a goal's skills, it gives a list already known if
 * that has more (or all of them), or computes one: {@code first} long for a goal not walked yet,
 * else {@link #GROWTH} times {@code have}, comparing the goal with every skill; a second caller
 * asking for the same goal meanwhile waits for that one. Lists are forgotten, least recently used
 * first, when they hold more than {@link #bytesHeld} bytes.
 *
 * <p>Thread-safe. Lists are keyed by everything of the goal the similarity reads (text, concepts,
 * coverage, topicality and embedding), and the whole cache belongs to one index object and one
 * similarity and minimum ({@link MentorIndex#lists}), so two runs or tests in one JVM, with other
 * skills or other settings, never see each other's lists.
 */
final class SkillLists {
  /**
   * Each longer list is this many times the last, so a deep walk rereads the skills few times (at
   * 10,000 generated members, with first lists of 128, most walks went past them; growing by 4 took
   * the search stage from 24 s to 38 s).
   */
  static final int GROWTH = 16;

  /**
   * How long a goal's first list is, by default: most walks stop within it. At 100,000 generated
   * members, 25,098 goals went past a first list of 2,048 and 8,101 past one of 4,096, and the
   * search took 440 s and 362 s; 8,192 (1,530 goals past it, 352 s) gained little more for lists
   * twice the size in the JVM's memory.
   */
  static final int FIRST = 4096;

  private final MentorIndex index;
  private final double min;
  private final int first;
  private final long bytesHeld;
  private final PhrasePairs.Skills.SharedVerdicts verdicts;
  private final Map<Goal, Slot> byGoal = new LinkedHashMap<>(1024, 0.75f, true);
  private long bytes;
  private long computed;

  /**
   * Lists of {@code index}'s skills covering goals at least {@code min} by {@code similarity},
   * first lists {@code first} long, forgetting the least recently used beyond {@code bytesHeld}
   * bytes.
   */
  SkillLists(
      MentorIndex index, PhraseSimilarity similarity, double min, int first, long bytesHeld) {
    if (bytesHeld < 0) {
      throw new IllegalArgumentException("bytes held must be at least 0: " + bytesHeld);
    }
    if (first < 1) {
      throw new IllegalArgumentException("a first list holds at least one skill: " + first);
    }
    this.first = first;
    this.index = index;
    this.min = min;
    this.bytesHeld = bytesHeld;
    this.verdicts = index.skills().verdicts(similarity);
  }

  /**
   * {@code goal} against the index's skills by the lists' similarity, with the taxonomy's verdicts
   * the lists keep: for a skill beyond a goal's list.
   */
  PhraseSimilarity.Against against(PhraseSimilarity.Phrase goal) {
    return verdicts.against(goal);
  }

  /**
   * More than the first {@code have} of {@code goal}'s similar skills, or all of them: a list known
   * already, or one {@link #depth} long.
   */
  Ranking longer(PhraseSimilarity.Phrase goal, int have) {
    Goal key = new Goal(goal);
    while (true) {
      CompletableFuture<Ranking> pending;
      boolean mine = false;
      synchronized (this) {
        Slot slot = byGoal.computeIfAbsent(key, k -> new Slot());
        if (slot.list != null && slot.list.covers(have)) {
          return slot.list;
        }
        if (slot.computing == null) {
          slot.computing = new CompletableFuture<>();
          mine = true;
        }
        pending = slot.computing;
      }
      if (mine) {
        Ranking list;
        try {
          list = compute(goal, depth(have));
        } catch (RuntimeException | Error e) {
          abandon(key, pending, e);
          throw e;
        }
        keep(key, pending, list);
        return list;
      }
      Ranking list = pending.join();
      if (list.covers(have)) {
        return list;
      }
      // Computed for a caller who had fewer: ask again, for a longer one.
    }
  }

  /**
   * Computes now, together, the list {@link #longer} would compute for each of {@code goals} that
   * has no list longer than its first {@code have[i]} skills and none being computed: a block of
   * goals compared with the skills at once costs a fraction of comparing them one by one ({@code
   * PhrasePairs.Skills#closest}). For the goals of mentees about to be searched.
   */
  void prepare(List<PhraseSimilarity.Phrase> goals, int[] have) {
    if (goals.size() != have.length) {
      throw new IllegalArgumentException(goals.size() + " goals, " + have.length + " lengths");
    }
    // Grouped by the length to compute: a block compares its goals to one depth.
    Map<Integer, List<Goal>> keysByDepth = new LinkedHashMap<>();
    Map<Goal, CompletableFuture<Ranking>> mine = new LinkedHashMap<>();
    synchronized (this) {
      for (int i = 0; i < have.length; i++) {
        Goal key = new Goal(goals.get(i));
        if (mine.containsKey(key)) {
          continue;
        }
        Slot slot = byGoal.computeIfAbsent(key, k -> new Slot());
        if ((slot.list != null && slot.list.covers(have[i])) || slot.computing != null) {
          continue;
        }
        slot.computing = new CompletableFuture<>();
        mine.put(key, slot.computing);
        int depth = depth(have[i]);
        keysByDepth.computeIfAbsent(depth, d -> new ArrayList<>()).add(key);
      }
    }
    for (Map.Entry<Integer, List<Goal>> e : keysByDepth.entrySet()) {
      List<Goal> keys = e.getValue();
      List<Ranking> lists;
      try {
        lists = compute(keys.stream().map(k -> k.phrase).toList(), e.getKey());
      } catch (RuntimeException | Error failure) {
        for (Map.Entry<Goal, CompletableFuture<Ranking>> m : mine.entrySet()) {
          if (!m.getValue().isDone()) {
            abandon(m.getKey(), m.getValue(), failure);
          }
        }
        throw failure;
      }
      for (int i = 0; i < keys.size(); i++) {
        keep(keys.get(i), mine.get(keys.get(i)), lists.get(i));
      }
    }
  }

  /**
   * Computes now, together, a list holding every skill that covers it for each of {@code goals}
   * that has no such list: {@link #prepare} as asked by a caller holding the goal's longest list
   * known, or at least a sixteenth of the skills, so the list computed is as long as the skills.
   */
  void prepareWhole(List<PhraseSimilarity.Phrase> goals) {
    int whole = (int) ((index.skills().size() + (long) GROWTH - 1) / GROWTH);
    int[] have = new int[goals.size()];
    synchronized (this) {
      for (int i = 0; i < have.length; i++) {
        Slot slot = byGoal.get(new Goal(goals.get(i)));
        have[i] = Math.max(whole, slot == null || slot.list == null ? 0 : slot.list.size());
      }
    }
    prepare(goals, have);
  }

  /** How long a list to compute for a caller who has the first {@code have} skills. */
  private int depth(int have) {
    return have == 0 ? first : (int) Math.min(Integer.MAX_VALUE, (long) have * GROWTH);
  }

  /**
   * Holds {@code list}, computed for {@code key} under {@code pending}, and hands it to waiters.
   */
  private void keep(Goal key, CompletableFuture<Ranking> pending, Ranking list) {
    synchronized (this) {
      computed++;
      Slot slot = byGoal.get(key);
      if (slot == null) { // forgotten meanwhile: only the finished lists count
        slot = new Slot();
        byGoal.put(key, slot);
      }
      if (slot.computing == pending) {
        slot.computing = null;
      }
      if (slot.list == null || list.size() > slot.list.size() || list.complete()) {
        bytes += list.bytes() - (slot.list == null ? 0 : slot.list.bytes());
        slot.list = list;
      }
      forgetBeyondBudget(slot);
    }
    pending.complete(list);
  }

  /** Gives up computing {@code key}'s list: waiters see {@code failure}, a later ask computes. */
  private void abandon(Goal key, CompletableFuture<Ranking> pending, Throwable failure) {
    synchronized (this) {
      Slot slot = byGoal.get(key);
      if (slot != null && slot.computing == pending) {
        slot.computing = null;
        if (slot.list == null) {
          byGoal.remove(key);
        }
      }
    }
    pending.completeExceptionally(failure);
  }

  /** How many lists were computed (comparing a goal with every skill), for measurements. */
  synchronized long computed() {
    return computed;
  }

  /** The bytes the lists held now take, as {@link #bytesHeld} counts them. */
  synchronized long bytes() {
    return bytes;
  }

  private void forgetBeyondBudget(Slot keep) {
    var it = byGoal.values().iterator();
    while (bytes > bytesHeld && it.hasNext()) {
      Slot s = it.next();
      if (s == keep || s.computing != null) {
        continue;
      }
      if (s.list != null) {
        bytes -= s.list.bytes();
      }
      it.remove();
    }
  }

  private Ranking compute(PhraseSimilarity.Phrase goal, int kept) {
    return ranking(index.skills().closest(List.of(goal), verdicts, min, kept).get(0));
  }

  private List<Ranking> compute(List<PhraseSimilarity.Phrase> goals, int kept) {
    List<Ranking> out = new ArrayList<>(goals.size());
    for (PhrasePairs.Closest closest : index.skills().closest(goals, verdicts, min, kept)) {
      out.add(ranking(closest));
    }
    return out;
  }

  private Ranking ranking(PhrasePairs.Closest closest) {
    int[] skills = new int[closest.size()];
    double[] similarities = new double[closest.size()];
    byte[] kinds = new byte[closest.size()];
    for (int i = 0; i < skills.length; i++) {
      skills[i] = closest.number(i); // the index numbers its skills as its Skills does
      similarities[i] = closest.value(i);
      kinds[i] = (byte) closest.kind(i).ordinal();
    }
    return new Ranking(index, skills, similarities, kinds, closest.complete());
  }

  /** A goal as the similarity reads it; equal when every part read is equal. */
  private static final class Goal {
    private final PhraseSimilarity.Phrase phrase;
    private final int hash;

    Goal(PhraseSimilarity.Phrase phrase) {
      this.phrase = phrase;
      this.hash =
          Objects.hash(phrase.text(), phrase.concepts(), phrase.coverage(), phrase.topical()) * 31
              + Arrays.hashCode(phrase.embedding());
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Goal g) || g.hash != hash) {
        return false;
      }
      PhraseSimilarity.Phrase p = g.phrase;
      return p.text().equals(phrase.text())
          && p.concepts().equals(phrase.concepts())
          && Double.compare(p.coverage(), phrase.coverage()) == 0
          && p.topical() == phrase.topical()
          && Arrays.equals(p.embedding(), phrase.embedding());
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A goal's longest list known, and the one being computed, if any. */
  private static final class Slot {
    Ranking list;
    CompletableFuture<Ranking> computing;
  }

  /**
   * A goal's first similar skills, closest first: skill numbers, similarities and kinds, with a
   * table from skill number to place. Immutable.
   */
  static final class Ranking {
    private static final PhraseSimilarity.Kind[] KINDS = PhraseSimilarity.Kind.values();

    private final MentorIndex index;
    private final int[] skills;
    private final double[] similarities;
    private final byte[] kinds;
    private final boolean complete;

    /** Open addressing: place + 1 of the skill hashed there, 0 for none. */
    private final int[] places;

    Ranking(
        MentorIndex index, int[] skills, double[] similarities, byte[] kinds, boolean complete) {
      this.index = index;
      this.skills = skills;
      this.similarities = similarities;
      this.kinds = kinds;
      this.complete = complete;
      // At most half full: the smallest power of two at least twice the skills.
      this.places = new int[Integer.highestOneBit(Math.max(2, 2 * skills.length - 1)) << 1];
      int mask = places.length - 1;
      for (int i = 0; i < skills.length; i++) {
        if (skills[i] < 0) {
          continue;
        }
        int at = mix(skills[i]) & mask;
        while (places[at] != 0) {
          at = (at + 1) & mask;
        }
        places[at] = i + 1;
      }
    }

    private static int mix(int s) {
      return s * 0x9E3779B1;
    }

    /** Whether this list has more than {@code have} skills, or all of them. */
    boolean covers(int have) {
      return complete || skills.length > have;
    }

    /** How many skills the list holds. */
    int size() {
      return skills.length;
    }

    /** Whether these are all the skills covering the goal. */
    boolean complete() {
      return complete;
    }

    /** The number of the {@code i}-th skill (-1 if the index has no such skill). */
    int skill(int i) {
      return skills[i];
    }

    /** The text of the {@code i}-th skill. */
    String text(int i) {
      return index.skills().phrase(skills[i]).text();
    }

    /** The similarity of the {@code i}-th skill. */
    double similarity(int i) {
      return similarities[i];
    }

    /** How the {@code i}-th skill covers the goal. */
    PhraseSimilarity.Kind kind(int i) {
      return KINDS[kinds[i]];
    }

    /** The place of skill number {@code s} in the list, or -1. */
    int placeOf(int s) {
      int mask = places.length - 1;
      for (int at = mix(s) & mask; places[at] != 0; at = (at + 1) & mask) {
        if (skills[places[at] - 1] == s) {
          return places[at] - 1;
        }
      }
      return -1;
    }

    /** About how many bytes the list takes on the heap. */
    long bytes() {
      return 96L + 13L * skills.length + 4L * places.length;
    }
  }
}
