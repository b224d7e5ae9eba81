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
}
