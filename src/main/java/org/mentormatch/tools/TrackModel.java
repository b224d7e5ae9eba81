package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;
import org.mentormatch.tools.TopicBank.Topic;
import org.mentormatch.tools.TopicBank.Track;

/** A {@link TopicBank} track whose earlier topics are drawn more often. */
final class TrackModel {
  final WeightedChoice<TopicModel> topics;

  TrackModel(Track t, String area) {
    List<TopicModel> ms = new ArrayList<>();
    for (Topic topic : t.topics()) {
      ms.add(new TopicModel(topic, area));
    }
    this.topics = WeightedChoice.decreasing(ms, 0.6);
  }
}
