package org.mentormatch.tools;

import java.util.List;
import java.util.SplittableRandom;

/** Writes a member's chosen topics as the text of their goals or skills cell. */
interface Wording {

  /** The goals cell for these topics, in the member's own words. */
  String goals(List<TopicModel> topics, int seniority, SplittableRandom random);

  /** The skills cell for these topics, in the vocabulary people use for what they can teach. */
  String skills(List<TopicModel> topics, int seniority, SplittableRandom random);
}
