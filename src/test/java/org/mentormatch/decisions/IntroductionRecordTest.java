package org.mentormatch.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.api.Test;
import org.mentormatch.avro.Introduction;

/** The outbox record itself refuses an introduction nobody approved. */
class IntroductionRecordTest {
  private static final Instant AT = Instant.parse("2024-06-03T10:15:30.123Z");

  /** Every field but the approval. */
  private static Introduction.Builder unapproved() {
    return Introduction.newBuilder()
        .setProposalId("P-1")
        .setRunId("2024-06-01")
        .setMenteeId("m-1")
        .setMenteeName("Ana Lima")
        .setMenteeEmail("ana@example.org")
        .setMentorId("t-1")
        .setMentorName("Bo Berg")
        .setMentorEmail("bo@example.org")
        .setSubject("Mentoring introduction: Ana and Bo")
        .setBody("Hi Ana and Bo.")
        .setApprovedByName("Eli Eng");
  }

  @Test
  void anIntroductionWithoutApproverCannotBeBuilt() {
    Introduction.Builder builder = unapproved().setApprovedAt(AT);

    AvroRuntimeException e = assertThrows(AvroRuntimeException.class, builder::build);

    assertTrue(e.getMessage().contains("approved_by"), e.getMessage());
  }

  @Test
  void anIntroductionWithoutApprovalTimeCannotBeBuilt() {
    Introduction.Builder builder = unapproved().setApprovedBy("eng");

    AvroRuntimeException e = assertThrows(AvroRuntimeException.class, builder::build);

    assertTrue(e.getMessage().contains("approved_at"), e.getMessage());
  }

  @Test
  void theApprovalFieldsHaveNoDefault() {
    assertFalse(Introduction.getClassSchema().getField("approved_by").hasDefaultValue());
    assertFalse(Introduction.getClassSchema().getField("approved_at").hasDefaultValue());
    assertEquals(
        org.apache.avro.Schema.Type.STRING,
        Introduction.getClassSchema().getField("approved_by").schema().getType(),
        "approved_by is not nullable");
  }

  @Test
  void aCompleteIntroductionBuilds() {
    Introduction i = unapproved().setApprovedBy("eng").setApprovedAt(AT).build();

    assertEquals("eng", i.getApprovedBy());
    assertEquals("Eli Eng", i.getApprovedByName());
    assertEquals(AT, i.getApprovedAt());
  }
}
