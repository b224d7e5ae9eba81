package org.mentormatch.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mentormatch.Columns;
import org.mentormatch.SparkTestSession;

/**
 * Earlier nights' proposals and decisions as tonight sees them: which pending proposals keep their
 * mentor's place, which are withdrawn and why, and how many places are left.
 */
class HistoryIT {
  static final LocalDate TONIGHT = LocalDate.of(2026, 11, 21);
  static final StructType PROFILE =
      new StructType()
          .add(Columns.MEMBER_ID, DataTypes.StringType)
          .add(Columns.CAPACITY, DataTypes.IntegerType)
          .add(Columns.IS_MENTEE, DataTypes.BooleanType)
          .add(Columns.IS_MENTOR, DataTypes.BooleanType)
          .add(Columns.FREE_CAPACITY, DataTypes.IntegerType);

  static History.Effect effect;
  static Map<String, String> withdrawn = new TreeMap<>();
  static Map<String, Integer> freeCapacity = new TreeMap<>();

  @BeforeAll
  static void applyTheHistory() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> profiles =
        spark.createDataFrame(
            List.of(
                profile("lowered", 1),
                profile("loaded", 2),
                profile("steady", 2),
                profile("waits", 2),
                profile("e1", 0),
                profile("e2", 0),
                profile("e3", 0),
                profile("e4", 0),
                profile("e5", 0),
                profile("e6", 0),
                profile("e7", 0),
                profile("e8", 0)),
            PROFILE);
    Dataset<Row> present =
        spark.createDataFrame(
            List.of(
                present("lowered", 1, false),
                present("loaded", 2, false),
                present("steady", 2, false),
                present("waits", 2, false),
                present("zero", 0, false),
                // Tonight's row is rejected: nothing reliable about places or role.
                present("unreadable", null, null),
                present("e1", 0, true),
                present("e2", 0, true),
                present("e3", 0, true),
                present("e4", 0, true),
                present("e5", 0, true),
                present("e6", 0, true),
                present("e7", 0, true),
                present("e8", 0, true),
                present("e9", 0, true),
                present("became-mentor", 2, false)),
            History.PRESENT);
    Dataset<Row> proposals =
        spark.createDataFrame(
            List.of(
                // "lowered" now offers 1 place for 2 pending proposals: the older keeps it.
                proposal("P-lowered-old", "e1", "lowered", "2026-12-01"),
                proposal("P-lowered-new", "e2", "lowered", "2026-12-05"),
                // "loaded" has one active mentorship and 2 places: one pending proposal fits.
                proposal("P-loaded-old", "e3", "loaded", "2026-12-01"),
                proposal("P-loaded-new", "e4", "loaded", "2026-12-02"),
                // A proposal whose mentee left takes no place from the one after it.
                proposal("P-steady-gone", "gone", "steady", "2026-11-30"),
                proposal("P-steady-a", "e5", "steady", "2026-12-01"),
                proposal("P-steady-b", "e6", "steady", "2026-12-02"),
                proposal("P-zero", "e7", "zero", "2026-12-01"),
                proposal("P-unreadable", "e8", "unreadable", "2026-12-01"),
                proposal("P-expired", "e9", "waits", "2026-11-20"),
                proposal("P-expired-earlier", "e9", "waits", "2026-11-01"),
                proposal("P-role", "became-mentor", "waits", "2026-12-01"),
                proposal("P-approved", "e9", "loaded", "2026-11-25")),
            History.PROPOSALS);
    Dataset<Row> decisions =
        spark.createDataFrame(
            List.<Row>of(RowFactory.create("P-approved", "e9", "loaded", "APPROVE", "2026-11-18")),
            History.DECISIONS);
    Dataset<Row> withdrawnBefore =
        spark.createDataFrame(
            List.<Row>of(RowFactory.create("P-expired-earlier")), History.WITHDRAWN);
    effect =
        History.apply(
            profiles, present, new History.Files(proposals, decisions, withdrawnBefore), TONIGHT);
    for (Row r : effect.withdrawn().collectAsList()) {
      withdrawn.put(r.getAs("proposal_id"), r.getAs("reason"));
    }
    for (Row r : effect.profiles().collectAsList()) {
      freeCapacity.put(r.getAs(Columns.MEMBER_ID), r.getAs(Columns.FREE_CAPACITY));
    }
  }

  private static Row profile(String id, int capacity) {
    return RowFactory.create(id, capacity, capacity == 0, capacity > 0, capacity);
  }

  private static Row present(String id, Integer places, Boolean seeksMentor) {
    return RowFactory.create(id, places, seeksMentor);
  }

  private static Row proposal(String id, String mentee, String mentor, String expiresOn) {
    return RowFactory.create(id, "2026-11-18", mentee, mentor, expiresOn);
  }

  @Test
  void aMentorWhoLowersCapacityKeepsTheOldestProposalsAndTheRestAreWithdrawn() {
    assertEquals(
        "the mentor now offers 1 place(s), taken by active mentorships and earlier proposals",
        withdrawn.get("P-lowered-new"));
    assertEquals(null, withdrawn.get("P-lowered-old"));
    assertEquals(0, freeCapacity.get("lowered"));
  }

  @Test
  void activeMentorshipsTakeTheirPlacesBeforePendingProposals() {
    assertEquals(null, withdrawn.get("P-loaded-old"));
    assertEquals(
        "the mentor now offers 2 place(s), taken by active mentorships and earlier proposals",
        withdrawn.get("P-loaded-new"));
    assertEquals(0, freeCapacity.get("loaded"));
  }

  @Test
  void aProposalWithdrawnForAnotherReasonTakesNoPlace() {
    assertEquals("the mentee is no longer in the programme", withdrawn.get("P-steady-gone"));
    assertEquals(null, withdrawn.get("P-steady-a"));
    assertEquals(null, withdrawn.get("P-steady-b"));
    assertEquals(0, freeCapacity.get("steady"));
  }

  @Test
  void aMentorNowOfferingNoPlaceLosesEveryPendingProposal() {
    assertEquals(
        "the mentor now offers 0 place(s), taken by active mentorships and earlier proposals",
        withdrawn.get("P-zero"));
  }

  @Test
  void aRejectedRowTonightKeepsItsMembersPendingProposals() {
    assertEquals(null, withdrawn.get("P-unreadable"));
  }

  @Test
  void aMenteeWhoNoLongerAsksForAMentorLosesTheirPendingProposal() {
    assertEquals("the mentee no longer asks for a mentor", withdrawn.get("P-role"));
  }

  @Test
  void anExpiredProposalIsWithdrawnOnceAndReleasesItsPlace() {
    assertEquals("expired on 2026-11-20 without a decision", withdrawn.get("P-expired"));
    assertEquals(null, withdrawn.get("P-expired-earlier"));
    assertEquals(2, freeCapacity.get("waits"));
    assertEquals(1L, effect.figures().get("pending_expired"));
  }

  @Test
  void theFiguresCountEachProposalOnce() {
    assertEquals(
        Arrays.asList(
            "P-expired", "P-loaded-new", "P-lowered-new", "P-role", "P-steady-gone", "P-zero"),
        List.copyOf(withdrawn.keySet()));
    assertEquals(5L, effect.figures().get("pending_withdrawn"));
    assertEquals(5L, effect.figures().get("pending_carried_over"));
    assertEquals(1L, effect.figures().get("active_mentorships"));
  }
}
