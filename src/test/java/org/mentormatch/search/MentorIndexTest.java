package org.mentormatch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mentormatch.scoring.PhraseSimilarity;

/** The mentor index keeps each mentor as given, in little memory. */
class MentorIndexTest {
  private static PhraseSimilarity.Phrase phrase(String text) {
    return new PhraseSimilarity.Phrase(text, List.of(), 0, true, new byte[] {1, 2, 3});
  }

  /** A fresh string object equal to {@code s}, as each row read from Spark gives one. */
  private static String fresh(String s) {
    return new String(s.toCharArray());
  }

  private static MentorIndex.Mentor mentor(String id, String... chain) {
    Set<String> ids = new HashSet<>();
    for (String c : chain) {
      ids.add(fresh(c));
    }
    return new MentorIndex.Mentor(
        id,
        new ArrayList<>(Arrays.asList(fresh("en"), null)),
        0,
        4,
        fresh("Finance"),
        fresh("boss"),
        ids,
        1,
        0,
        List.of(fresh("sql"), fresh("negotiation")));
  }

  @Test
  void stringsAMentorSharesWithAnotherAreOneObject() {
    MentorIndex index =
        new MentorIndex(
            List.of(mentor("m2", "boss", "ceo"), mentor("m1", "boss", "vp", "ceo")),
            Map.of("sql", phrase("sql"), "negotiation", phrase("negotiation")));
    MentorIndex.Mentor first = index.mentor(0);
    MentorIndex.Mentor second = index.mentor(1);
    assertEquals("m1", first.id());
    assertSame(first.managerId(), second.managerId());
    assertSame(first.department(), second.department());
    assertSame(first.languages().get(0), second.languages().get(0));
    assertSame(first.skills().get(1), second.skills().get(1));
    assertSame(idOf(first.managementChain(), "ceo"), idOf(second.managementChain(), "ceo"));
    assertSame(first.managerId(), idOf(first.managementChain(), "boss"));
  }

  @Test
  void aMentorReadsAsGivenAndSurvivesSerialisation() throws IOException, ClassNotFoundException {
    MentorIndex.Mentor given = mentor("m1", "boss", "vp", "ceo");
    MentorIndex index =
        new MentorIndex(
            List.of(given), Map.of("sql", phrase("sql"), "negotiation", phrase("negotiation")));
    MentorIndex.Mentor kept = index.mentor(0);
    assertEquals(given, kept); // records compare lists and sets by their elements
    assertEquals(List.of("boss", "ceo", "vp"), List.copyOf(kept.managementChain()));
    assertTrue(kept.managementChain().contains(fresh("vp")));
    assertFalse(kept.managementChain().contains("m1"));
    assertFalse(kept.managementChain().contains(null));
    assertEquals(Arrays.asList("en", null), kept.languages());

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(index);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      MentorIndex copy = (MentorIndex) in.readObject();
      assertEquals(given, copy.mentor(0));
      assertEquals(0, copy.skillId("sql"));
    }
  }

  private static String idOf(Set<String> chain, String id) {
    for (String c : chain) {
      if (c.equals(id)) {
        return c;
      }
    }
    throw new AssertionError(id + " not in " + chain);
  }

  @org.junit.jupiter.api.Test
  void idsCompareInTheOrderOfTheirUtf8Bytes() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    // Letters, a character from U+E000 up and a code point above U+FFFF (a surrogate pair).
    String[] parts = {"a", "b", "m0", "\u00e9", "\uE000", "\uFFFD", "\uD83D\uDE00", ""};
    for (int i = 0; i < 5_000; i++) {
      String a = parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)];
      String b = parts[random.nextInt(parts.length)] + parts[random.nextInt(parts.length)];
      int bytes =
          java.util.Arrays.compareUnsigned(
              a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
              b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      org.junit.jupiter.api.Assertions.assertEquals(
          Integer.signum(bytes), Integer.signum(MentorIndex.inUtf8Order(a, b)), a + " / " + b);
    }
  }
}
