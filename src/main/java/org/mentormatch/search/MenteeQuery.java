package org.mentormatch.search;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * One mentee as the search reads them: what the hard rules need, the declined mentors, and each
 * goal (in the mentee's order) with the skill phrases similar to it, most similar first.
 */
public record MenteeQuery(
    String id,
    List<String> languages,
    int utcOffsetMinutes,
    int seniority,
    String department,
    String managerId,
    List<String> managementChain,
    List<Goal> goals,
    Set<String> declined)
    implements Serializable {

  /** A skill phrase similar to a goal: a row of the phrase-pair table. */
  public record SkillMatch(String skill, double similarity, String how) implements Serializable {}

  /**
   * One goal: its text, whether it names a topic (only those count in the coverage), its first
   * similar skill phrases in the order of {@code PhrasePairs.closestFirst}, whether those are all
   * of them ({@code complete}), and the phrase itself, to compare with the skills beyond them.
   */
  public record Goal(
      String text,
      boolean topical,
      List<SkillMatch> matches,
      boolean complete,
      PhraseSimilarity.Phrase phrase)
      implements Serializable {}
}
