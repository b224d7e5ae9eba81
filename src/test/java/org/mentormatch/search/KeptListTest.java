package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentormatch.scoring.PairScorer;

/**
 * A kept list less the changed mentors, merged with the changed mentors' own first ones, is used
 * only as far as no mentor either list left out could rank before an entry.
 */
class KeptListTest {
  private static KeptList.Entry e(String mentor, double score) {
    return new KeptList.Entry(mentor, new PairScorer.Score(score, score, 1, 1, 1, 8, List.of()));
  }

  private static List<String> ids(KeptList list) {
    List<String> out = new ArrayList<>();
    list.entries().forEach(x -> out.add(x.mentor()));
    return out;
  }

  /** Last night's list: six mentors, not all there were. */
  private static final KeptList FULL =
      new KeptList(
          42,
          List.of(e("a", 0.9), e("b", 0.8), e("c", 0.7), e("d", 0.6), e("e", 0.5), e("f", 0.4)),
          false);

  @Test
  void withNothingChangedTheListIsUsedAsItWas() {
    KeptList tonight = FULL.update(Set.of(), List.of(), 4, 6);
    assertEquals(FULL, tonight);
  }

  @Test
  void aChangedMentorLeavesAndTheirNewScoreTakesItsPlace() {
    KeptList tonight = FULL.update(Set.of("b", "z"), List.of(e("b", 0.55), e("z", 0.95)), 4, 6);
    assertEquals(List.of("z", "a", "c", "d", "b", "e"), ids(tonight));
    assertFalse(tonight.complete());
    assertEquals(42, tonight.mentee());
  }

  @Test
  void entriesRankedAfterTheKeptListsEndAreNotUsed() {
    // y scores below f, the list's last: a mentor last night's list left out may rank before y.
    KeptList tonight = FULL.update(Set.of("y"), List.of(e("y", 0.3)), 4, 6);
    assertEquals(List.of("a", "b", "c", "d", "e", "f"), ids(tonight));
  }

  @Test
  void tooManyChangedMentorsCallForAWholeSearch() {
    assertNull(FULL.update(Set.of("a", "b", "c"), List.of(), 4, 6));
    assertEquals(3, FULL.update(Set.of("a", "b", "c"), List.of(), 3, 6).entries().size());
  }

  @Test
  void aListNeverHoldsMoreThanItKeeps() {
    KeptList tonight =
        FULL.update(
            Set.of("v", "w", "x", "y"),
            List.of(e("v", 0.85), e("w", 0.84), e("x", 0.83), e("y", 0.82)),
            3,
            4);
    assertEquals(List.of("a", "v", "w", "x"), ids(tonight));
    assertFalse(tonight.complete());
    assertThrows(IllegalArgumentException.class, () -> FULL.update(Set.of(), List.of(), 3, 2));
  }

  @Test
  void aCompleteListStaysCompleteWhenEveryMentorIsKnown() {
    KeptList all = new KeptList(7, List.of(e("a", 0.9), e("b", 0.8)), true);
    KeptList tonight = all.update(Set.of("a", "c"), List.of(e("c", 0.5)), 4, 6);
    assertEquals(List.of("b", "c"), ids(tonight));
    assertTrue(tonight.complete());
    KeptList none = new KeptList(7, List.of(), true).update(Set.of("a"), List.of(), 4, 6);
    assertEquals(List.of(), ids(none));
    assertTrue(none.complete());
  }

  @Test
  void equalScoresRankByMentorIdAsTheIndexNumbersThem() {
    KeptList tied = new KeptList(1, List.of(e("m2", 0.5), e("m4", 0.5)), false);
    // m3 ties with the list's last and has a smaller id: it ranks before m4, and is known.
    KeptList tonight = tied.update(Set.of("m3"), List.of(e("m3", 0.5)), 3, 3);
    assertEquals(List.of("m2", "m3", "m4"), ids(tonight));
    // m5 ties too but ranks after m4: a mentor the list left out (say m4a) might come before it.
    assertNull(tied.update(Set.of("m5"), List.of(e("m5", 0.5)), 3, 3));
  }
}
