package org.mentormatch.search;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * One mentee as the search reads them: what the hard rules need, the declined mentors, and each
 * goal in the mentee's order. The management chain is a set of the ids above the mentee: the rules
 * only ask whether a mentor is in it, for every mentor met (a list's scan was a sixth of the search
 * at 100,000 members).
 */
public record MenteeQuery(
    String id,
    List<String> languages,
    int utcOffsetMinutes,
    int seniority,
    String department,
    String managerId,
    Set<String> managementChain,
    List<Goal> goals,
    Set<String> declined)
    implements Serializable {

  /**
   * A fingerprint of everything the search reads of the mentee: the rules' fields, the declined
   * mentors and every field of every goal the similarity reads, embedding bytes included.
   */
  public long fingerprint() {
    Fingerprint f =
        new Fingerprint()
            .add(id)
            .addAll(languages)
            .add(utcOffsetMinutes)
            .add(seniority)
            .add(department)
            .add(managerId)
            .addSorted(managementChain)
            .addSorted(declined)
            .add(goals.size());
    for (Goal g : goals) {
      f.add(g.text()).add(g.topical()).add(g.phrase());
    }
    return f.value();
  }

  /** A skill phrase similar to a goal, how similar and how ({@code PhraseSimilarity.Kind}). */
  public record SkillMatch(String skill, double similarity, String how) implements Serializable {}

  /**
   * One goal: its text, whether it names a topic (only those count in the coverage), and the phrase
   * as the similarity reads it, to compare with the skills.
   */
  public record Goal(String text, boolean topical, PhraseSimilarity.Phrase phrase)
      implements Serializable {}
}
