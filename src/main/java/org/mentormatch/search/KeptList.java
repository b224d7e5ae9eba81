package org.mentormatch.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.mentormatch.scoring.PairScorer;

/**
 * A mentee's best fitting mentors as a night found them, kept for the next night: the first of the
 * order {@code PairScoring.bestFirst} (score descending, then mentor id) over every mentor the
 * night indexed, and whether they are all the fitting mentors there were.
 *
 * <p>The next night, if the mentee is unchanged, {@link #update} turns it into the same night's
 * exact list from a search of the mentors who changed alone: a mentor not in the list ranked after
 * its last entry, and still does if unchanged, so the list, less the changed mentors, is the start
 * of the unchanged mentors' order; merged with the changed mentors' own first ones, every entry
 * ranked before both lists' ends is where a whole search would put it.
 *
 * @param mentee the mentee's fingerprint ({@link MenteeQuery#fingerprint}) when the list was found
 * @param entries the first fitting mentors, best first
 * @param complete whether {@code entries} are every fitting mentor of the night
 */
public record KeptList(long mentee, List<Entry> entries, boolean complete) implements Serializable {

  /** A fitting mentor of the list, by id, with the pair's score and its parts. */
  public record Entry(String mentor, PairScorer.Score score) implements Serializable {}

  /** Score descending, then mentor id in UTF-8 byte order: the index's numbering. */
  public static final Comparator<Entry> BEST_FIRST =
      Comparator.<Entry>comparingDouble(e -> -e.score().score())
          .thenComparing(Entry::mentor, MentorIndex::inUtf8Order);

  /**
   * Tonight's exact list of at least {@code k} entries (or every fitting mentor), at most {@code
   * keep}, or null when this list cannot give one and the mentee must be searched whole.
   *
   * @param changed ids of the mentors whose fingerprint differs from the night the list was found,
   *     or who were indexed then and are not now
   * @param ofChanged the first {@code keep} fitting mentors among the changed mentors indexed
   *     tonight, best first (fewer when there are no more)
   */
  public KeptList update(Set<String> changed, List<Entry> ofChanged, int k, int keep) {
    if (k > keep) {
      throw new IllegalArgumentException("k " + k + " above the entries kept, " + keep);
    }
    List<Entry> merged = new ArrayList<>(entries.size() + ofChanged.size());
    for (Entry e : entries) {
      if (!changed.contains(e.mentor())) {
        merged.add(e);
      }
    }
    merged.addAll(ofChanged);
    merged.sort(BEST_FIRST);
    boolean changedComplete = ofChanged.size() < keep;
    // Beyond either list's last entry, a mentor it did not hold might rank before ours.
    int exact = merged.size();
    if (!complete && !entries.isEmpty()) {
      exact = Math.min(exact, rankedUpTo(merged, entries.get(entries.size() - 1)));
    } else if (!complete) {
      exact = 0;
    }
    if (!changedComplete) {
      exact = Math.min(exact, rankedUpTo(merged, ofChanged.get(ofChanged.size() - 1)));
    }
    boolean allFitting = exact == merged.size() && complete && changedComplete;
    if (!allFitting && exact < k) {
      return null;
    }
    int kept = Math.min(exact, keep);
    return new KeptList(
        mentee, List.copyOf(merged.subList(0, kept)), allFitting && kept == merged.size());
  }

  /** How many entries of sorted {@code merged} rank no later than {@code last}. */
  private static int rankedUpTo(List<Entry> merged, Entry last) {
    int n = 0;
    while (n < merged.size() && BEST_FIRST.compare(merged.get(n), last) <= 0) {
      n++;
    }
    return n;
  }
}
