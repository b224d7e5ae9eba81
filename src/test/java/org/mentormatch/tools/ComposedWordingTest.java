package org.mentormatch.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mentormatch.tools.TopicBank.Phrasing;

class ComposedWordingTest {

  private final ComposedWording wording = new ComposedWording();

  @Test
  void nearlyEveryPhraseStillSaysItsTopicInOneOfTheBanksPhrasings() {
    SplittableRandom random = new SplittableRandom(3);
    int phrases = 0;
    int keep = 0;
    for (AreaModel area : AreaModel.all()) {
      for (TrackModel track : area.tracks.items()) {
        for (TopicModel topic : track.topics.items()) {
          for (int i = 0; i < 20; i++) {
            int seniority = 1 + i % 10;
            for (boolean goal : new boolean[] {true, false}) {
              List<TopicModel> one = List.of(topic);
              String cell =
                  goal
                      ? wording.goals(one, seniority, random)
                      : wording.skills(one, seniority, random);
              List<String> split = MembersCsv.phrases(cell);
              assertEquals(1, split.size(), "one topic, one phrase: " + cell);
              phrases++;
              if (saysTopic(split.get(0), topic, goal)) {
                keep++;
              }
            }
          }
        }
      }
    }
    // Only the 3% of phrases with a typo may lose the bank's wording.
    assertTrue(keep > 0.95 * phrases, keep + " of " + phrases + " keep the bank's phrasing");
  }

  @Test
  void partsHoldNoSeparatorAndEveryBankAreaHasContexts() {
    for (List<String> parts :
        List.of(
            PhraseParts.GOAL_FRAMES,
            PhraseParts.SKILL_QUALIFIERS,
            PhraseParts.GENERAL_CONTEXTS,
            PhraseParts.PURPOSES)) {
      for (String p : parts) {
        assertFalse(p.contains(";") || p.contains("\n"), p);
      }
    }
    for (AreaModel area : AreaModel.all()) {
      assertTrue(PhraseParts.AREA_CONTEXTS.containsKey(area.name), area.name);
    }
    assertEquals(AreaModel.all().size(), PhraseParts.AREA_CONTEXTS.size(), "no unused contexts");
  }

  @Test
  void shortMeansTwoWordsWithoutBracketsOrCommas() {
    assertTrue(ComposedWording.isShort("Kubernetes"));
    assertTrue(ComposedWording.isShort("public speaking"));
    assertFalse(ComposedWording.isShort("designing REST APIs"));
    assertFalse(ComposedWording.isShort("Python (Django)"));
    assertFalse(ComposedWording.isShort("logging, metrics"));
  }

  private static boolean saysTopic(String phrase, TopicModel topic, boolean goal) {
    String lower = phrase.toLowerCase(Locale.ROOT);
    for (Phrasing p : (goal ? topic.goalPhrasings : topic.skillPhrasings).items()) {
      if (lower.contains(p.text().toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}
