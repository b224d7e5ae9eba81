package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;
import org.mentormatch.tools.TopicBank.Phrasing;
import org.mentormatch.tools.TopicBank.Topic;

/** A topic's phrasings usable as goals and as skills, earlier ones drawn more often. */
final class TopicModel {
  /** The taxonomy concept the topic stands for. */
  final String concept;

  /** The name of the bank area the topic belongs to ("engineering", "leadership"...). */
  final String area;

  final WeightedChoice<Phrasing> goalPhrasings;
  final WeightedChoice<Phrasing> skillPhrasings;

  TopicModel(Topic t, String area) {
    this.concept = t.concept();
    this.area = area;
    List<Phrasing> goals = new ArrayList<>();
    List<Phrasing> skills = new ArrayList<>();
    for (Phrasing p : t.phrasings()) {
      if (p.forGoals()) {
        goals.add(p);
      }
      if (p.forSkills()) {
        skills.add(p);
      }
    }
    if (goals.isEmpty() || skills.isEmpty()) {
      throw new IllegalStateException(
          "topic " + t.concept() + " needs a phrasing for goals and one for skills");
    }
    this.goalPhrasings = WeightedChoice.decreasing(goals, 0.8);
    this.skillPhrasings = WeightedChoice.decreasing(skills, 0.8);
  }
}
