package org.mentormatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunIdTest {
  @ParameterizedTest
  @ValueSource(strings = {"2026-11-21", "2026-11-21-rerun", "night.7", "A_b-c.d", "x"})
  void plainNamesAreRunIds(String id) {
    assertEquals(id, RunId.of(id).value());
    assertTrue(RunId.ofName(id).isPresent());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        "../runs/2026-11-21",
        "runs/x",
        "/tmp/x",
        "x/",
        "_x",
        ".x",
        "a:b",
        "a b",
        "x~writing-1",
        "\u0430bc",
        "x\u0000"
      })
  void anythingElseIsRefusedNamingTheRule(String text) {
    UserError e = assertThrows(UserError.class, () -> RunId.of(text));

    assertTrue(e.getMessage().contains("not a path"), e.getMessage());
    assertFalse(e.getMessage().contains("\u0000"), "control characters are not echoed");
    assertTrue(RunId.ofName(text).isEmpty());
  }

  @Test
  void aVeryLongIdIsRefusedAndNotEchoedWhole() {
    String id = "a".repeat(500);
    UserError e = assertThrows(UserError.class, () -> RunId.of(id));

    assertFalse(e.getMessage().contains(id), e.getMessage());
  }

  @Test
  void aRefusedIdIsEchoedOnOneLineWithHiddenCharactersShown() {
    UserError e =
        assertThrows(UserError.class, () -> RunId.of("a\u2028b\u0085c\u202Ed\u001B[31m\re"));

    assertTrue(
        e.getMessage()
            .startsWith("the run id 'a<U+2028>b<U+0085>c<U+202E>d<U+001B>[31m<U+000D>e' is not"),
        e.getMessage());
    // Cut at 80 characters, a pair of surrogates (an emoji) is not split.
    String id = "a".repeat(79) + "\uD83D\uDE00" + "b";
    assertEquals("a".repeat(79) + "...", RunId.printable(id));
  }
}
