package org.mentormatch.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.UserError;
import org.mentormatch.io.FileStore;

class CoordinatorsTest {
  private static final String HEADER = "coordinator_id,name,email,scope\n";

  private static Coordinators parse(String csv) {
    return Coordinators.parse(new StringReader(csv), "coordinators.csv");
  }

  private static UserError parseFails(String csv) {
    return assertThrows(UserError.class, () -> parse(csv));
  }

  @Test
  void parsesEveryField() {
    Coordinators all =
        parse(HEADER + "c1,Ana Lima,ana@example.org,*\nc2,Bo Berg,bo@example.org,Engineering\n");

    Coordinators.Coordinator ana = all.get("c1", "coordinators.csv");
    assertEquals("c1", ana.id());
    assertEquals("Ana Lima", ana.name());
    assertEquals("ana@example.org", ana.email());
    assertEquals("*", ana.scope());
    assertTrue(ana.everyone());

    Coordinators.Coordinator bo = all.get("c2", "coordinators.csv");
    assertEquals("Bo Berg", bo.name());
    assertEquals("Engineering", bo.scope());
    assertEquals(Set.of("engineering"), bo.departments());
    assertFalse(bo.everyone());
  }

  @Test
  void starCoversEveryDepartmentAndAMenteeWithoutDepartment() {
    Coordinators.Coordinator ana = parse(HEADER + "c1,Ana,ana@x,*\n").get("c1", "c.csv");

    assertTrue(ana.covers("Engineering"));
    assertTrue(ana.covers("Finance"));
    assertTrue(ana.covers(""));
    assertTrue(ana.covers(null));
  }

  @Test
  void departmentListCoversCaseInsensitivelyAndTrims() {
    Coordinators.Coordinator bo =
        parse(HEADER + "c2,Bo,bo@x,\" Engineering ;SALES; ;\"\n").get("c2", "c.csv");

    assertEquals(Set.of("engineering", "sales"), bo.departments());
    assertFalse(bo.everyone());
    assertTrue(bo.covers("engineering"));
    assertTrue(bo.covers("ENGINEERING"));
    assertTrue(bo.covers("  Sales "));
    assertFalse(bo.covers("Finance"));
    assertFalse(bo.covers("Engineering;Sales"));
  }

  @Test
  void departmentListDoesNotCoverAMenteeWithoutDepartment() {
    Coordinators.Coordinator bo = parse(HEADER + "c2,Bo,bo@x,Engineering\n").get("c2", "c.csv");

    assertFalse(bo.covers(null));
    assertFalse(bo.covers(""));
    assertFalse(bo.covers("   "));
  }

  @Test
  void aMissingColumnIsNamed() {
    UserError e = parseFails("coordinator_id,name,email\nc1,Ana,ana@x\n");

    assertEquals(
        "coordinators.csv lacks the column 'scope' (header: coordinator_id,name,email,scope)",
        e.getMessage());
  }

  @Test
  void headerNamesAreMatchedIgnoringCaseAndBlanks() {
    Coordinators all = parse(" Coordinator_ID , Name ,EMAIL, Scope \nc1,Ana,ana@x,*\n");

    assertEquals("Ana", all.get("c1", "c.csv").name());
  }

  @Test
  void aRepeatedIdAndMissingFieldsAreAllListedWithTheirLines() {
    UserError e =
        parseFails(
            HEADER
                + "c1,Ana,ana@x,*\n"
                + "c1,Ana Again,ana2@x,Sales\n"
                + ",Nobody,n@x,*\n"
                + "c4,,d@x,*\n"
                + "c5,Eve,e@x,\n");

    assertEquals(
        "coordinators.csv has problems:\n"
            + "  line 3: coordinator_id 'c1' appears twice\n"
            + "  line 4: coordinator_id, name and scope are all required\n"
            + "  line 5: coordinator_id, name and scope are all required\n"
            + "  line 6: coordinator_id, name and scope are all required",
        e.getMessage());
  }

  @Test
  void aRowWithTooFewCellsIsListedWithItsLine() {
    UserError e = parseFails(HEADER + "c1,Ana,ana@x,*\nc3,Cy\nc1,Ana,ana@x,*\n");

    assertEquals(
        "coordinators.csv has problems:\n"
            + "  line 3: coordinator_id, name and scope are all required\n"
            + "  line 4: coordinator_id 'c1' appears twice",
        e.getMessage());
  }

  @Test
  void aProblemInAMultiLineRecordNamesItsFirstLine() {
    UserError e = parseFails(HEADER + "c1,\"Ana\nLima\",ana@x,\nc2,Bo,bo@x,*\n");

    assertEquals(
        "coordinators.csv has problems:\n"
            + "  line 2: coordinator_id, name and scope are all required",
        e.getMessage());
  }

  @Test
  void anUnknownCoordinatorNamesTheKnownIds() {
    Coordinators all = parse(HEADER + "c1,Ana,ana@x,*\nc2,Bo,bo@x,Sales\n");

    UserError e = assertThrows(UserError.class, () -> all.get("zed", "/home/coordinators.csv"));

    assertEquals(
        "no coordinator 'zed' in /home/coordinators.csv (known: c1, c2). Add them there, with"
            + " their scope, before they decide.",
        e.getMessage());
  }

  @Test
  void aByteOrderMarkIsSkippedByOpenText(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("coordinators.csv");
    Files.writeString(file, "\uFEFF" + HEADER + "c1,Ana,ana@x,*\n", StandardCharsets.UTF_8);
    FileStore files = new FileStore(new Configuration());

    Coordinators all;
    try (Reader r = files.openText(new org.apache.hadoop.fs.Path(file.toUri()))) {
      all = Coordinators.parse(r, "coordinators.csv");
    }

    assertEquals("Ana", all.get("c1", "coordinators.csv").name());
    // Without openText the mark sticks to the first header name.
    UserError e = parseFails("\uFEFF" + HEADER + "c1,Ana,ana@x,*\n");
    assertTrue(e.getMessage().contains("lacks the column 'coordinator_id'"), e.getMessage());
  }

  @Test
  void openTextLeavesAFileWithoutByteOrderMarkWhole(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("coordinators.csv");
    Files.writeString(file, HEADER + "c1,Ana,ana@x,*\n", StandardCharsets.UTF_8);

    Coordinators all;
    try (Reader r =
        new FileStore(new Configuration()).openText(new org.apache.hadoop.fs.Path(file.toUri()))) {
      all = Coordinators.parse(r, "coordinators.csv");
    }

    assertEquals("ana@x", all.get("c1", "coordinators.csv").email());
  }
}
