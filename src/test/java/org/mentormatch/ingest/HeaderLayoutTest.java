package org.mentormatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.mentormatch.text.MalformedInputException;

class HeaderLayoutTest {

  private static final String FULL =
      "member_id,name,email,role,goals,skills,department,manager_id,timezone,seniority,languages,"
          + "capacity,consent";

  static final List<String> REQUIRED = HeaderLayout.REQUIRED;

  @Test
  void fullHeaderPlacesEveryColumn() {
    HeaderLayout h = HeaderLayout.parse(FULL, "members.csv");
    assertEquals(13, h.width());
    assertEquals(List.of(), h.unknownColumns());
    List<String> names = List.of(FULL.split(","));
    for (int i = 0; i < names.size(); i++) {
      assertEquals(i, h.positions().get(names.get(i)), names.get(i));
    }
    assertEquals(13, h.positions().size());
  }

  @Test
  void requiredAndOptionalColumnsAreTheContractColumns() {
    List<String> all = new ArrayList<>(HeaderLayout.REQUIRED);
    all.addAll(HeaderLayout.OPTIONAL);
    assertEquals(
        List.of(FULL.split(",")).stream().sorted().toList(), all.stream().sorted().toList());
  }

  @ParameterizedTest
  @FieldSource("REQUIRED")
  void missingRequiredColumnIsNamed(String column) {
    String header =
        String.join(",", List.of(FULL.split(",")).stream().filter(c -> !c.equals(column)).toList());
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> HeaderLayout.parse(header, "m.csv"));
    assertTrue(
        e.getMessage().contains("lacks the required column " + column + " (found: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("m.csv"), e.getMessage());
  }

  @Test
  void everyMissingColumnIsNamed() {
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> HeaderLayout.parse("member_id,name,role,office", "m.csv"));
    assertTrue(
        e.getMessage()
            .contains(
                "lacks the required columns email, goals, skills, consent"
                    + " (found: member_id, name, role, office)"),
        e.getMessage());
  }

  @Test
  void emptyHeaderLacksEveryRequiredColumn() {
    MalformedInputException e =
        assertThrows(MalformedInputException.class, () -> HeaderLayout.parse("", "m.csv"));
    for (String c : REQUIRED) {
      assertTrue(e.getMessage().contains(c), c + " in " + e.getMessage());
    }
  }

  @Test
  void columnNamedTwiceIsRejectedWithBothPositions() {
    MalformedInputException e =
        assertThrows(
            MalformedInputException.class,
            () -> HeaderLayout.parse(FULL.replace("department", "Email"), "m.csv"));
    assertTrue(
        e.getMessage().contains("names the column 'email' twice (columns 3 and 7)"),
        e.getMessage());
  }

  @Test
  void namesMatchIgnoringCaseAndSpaces() {
    HeaderLayout h =
        HeaderLayout.parse(
            " Consent ,ROLE,  Member_ID,name ,EMAIL,Goals,\"Skills \",TimeZone", "m.csv");
    assertEquals(
        Map.of(
            "consent", 0,
            "role", 1,
            "member_id", 2,
            "name", 3,
            "email", 4,
            "goals", 5,
            "skills", 6,
            "timezone", 7),
        h.positions());
    assertEquals(8, h.width());
    assertEquals(
        "Europe/Berlin",
        h.value(
            List.of("yes", "mentee", "m1", "Ana", "a@b.org", "x", "", " Europe/Berlin "),
            "timezone"));
  }

  @Test
  void unknownColumnsAreListedInOrderAndNotPlaced() {
    HeaderLayout h =
        HeaderLayout.parse(
            "office,member_id,name,email,role,goals,skills, Pronouns ,consent,team", "m.csv");
    assertEquals(List.of("office", "Pronouns", "team"), h.unknownColumns());
    assertEquals(10, h.width());
    assertNull(h.positions().get("office"));
    assertEquals(1, h.positions().get("member_id"));
  }

  @Test
  void optionalColumnsMayBeAbsent() {
    HeaderLayout h = HeaderLayout.parse("member_id,name,email,role,goals,skills,consent", "m.csv");
    assertEquals(7, h.width());
    assertEquals(List.of(), h.unknownColumns());
    List<String> fields = List.of("m1", "Ana", "a@b.org", "mentee", "sql", "", "yes");
    for (String optional : HeaderLayout.OPTIONAL) {
      assertNull(h.positions().get(optional), optional);
      assertNull(h.value(fields, optional), optional);
    }
    assertEquals("m1", h.value(fields, "member_id"));
    assertNull(h.value(fields, "skills"), "a blank value reads as absent");
  }

  @Test
  void aBlankColumnNameIsIgnoredNotListed() {
    HeaderLayout h = HeaderLayout.parse(FULL + ",", "m.csv");
    assertEquals(14, h.width());
    assertEquals(List.of(), h.unknownColumns());
  }

  @Test
  void severalBlankColumnNamesAreIgnored() {
    HeaderLayout h = HeaderLayout.parse(FULL + ",,", "m.csv");
    assertEquals(15, h.width());
    assertEquals(0, h.positions().get("member_id"));
  }
}
