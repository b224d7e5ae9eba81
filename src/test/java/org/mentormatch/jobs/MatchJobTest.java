package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.mentormatch.UserError;

/** The date a run is taken at, which makes re-running a run id give the same bytes on any day. */
class MatchJobTest {
  @Test
  void aDatedRunIdIsItsOwnDate() {
    assertEquals(LocalDate.of(2026, 11, 21), MatchJob.asOf("2026-11-21", null));
    assertEquals(LocalDate.of(2026, 11, 21), MatchJob.asOf("2026-11-21-rerun", null));
  }

  @Test
  void asOfWinsOverTheRunId() {
    assertEquals(LocalDate.of(2026, 1, 5), MatchJob.asOf("2026-11-21", "2026-01-05"));
    assertEquals(LocalDate.of(2026, 1, 5), MatchJob.asOf("nightly", "2026-01-05"));
  }

  @Test
  void aRunIdWithoutADateIsTakenToday() {
    assertEquals(LocalDate.now(ZoneOffset.UTC), MatchJob.asOf("nightly", null));
    assertEquals(LocalDate.now(ZoneOffset.UTC), MatchJob.asOf("2026-13-45-bad", null));
  }

  @Test
  void anAsOfThatIsNotADateIsAClearError() {
    UserError e = assertThrows(UserError.class, () -> MatchJob.asOf("nightly", "21/11/2026"));
    assertTrue(e.getMessage().contains("--as-of '21/11/2026'"), e.getMessage());
  }
}
