package org.mentormatch.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeCsvTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=SUM(A1:A9)",
        "+1 555 0100",
        "-2+3+cmd|' /C calc'!A0",
        "@cmd",
        "\tindented",
        "\rx",
        "=",
        "-",
        "-1e"
      })
  void everyTriggerAtTheStartGetsAnApostrophe(String text) {
    assertEquals("'" + text, SafeCsv.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-2", "-0.5", "+3", "-48533", "-1.5e-3", "+7E2"})
  void plainSignedNumbersStayNumbers(String number) {
    assertEquals(number, SafeCsv.neutralise(number));
    assertEquals(number, SafeCsv.restore(SafeCsv.neutralise(number)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Ana Lima",
        "a=b",
        "1+1",
        "x-y",
        "ana@example.com",
        " =1",
        "\n=1",
        "it's",
        "é=",
        "\u200b=1"
      })
  void otherTextIsUntouched(String text) {
    assertEquals(text, SafeCsv.neutralise(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=SUM(A1:A9)",
        "+1 555 0100",
        "-2",
        "@cmd",
        "\tindented",
        "\rx",
        "=",
        "-",
        "",
        "Ana",
        "a=b",
        "'quoted'",
        "it's",
        "'",
        "''",
        "'x"
      })
  void restoreInvertsNeutralise(String text) {
    assertEquals(text, SafeCsv.restore(SafeCsv.neutralise(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'quoted'", "it's", "'", "'x", "'a=b"})
  void restoreLeavesOtherApostrophesAlone(String cell) {
    assertEquals(cell, SafeCsv.restore(cell));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'quoted'", "'", "''", "'=x"})
  void aLeadingApostropheIsDoubledSoRestoreCanTellItFromAnEscape(String text) {
    assertEquals("'" + text, SafeCsv.neutralise(text));
    assertEquals(text, SafeCsv.restore(SafeCsv.neutralise(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"'=x", "'+1", "'-", "'@a"})
  void restoreInvertsNeutraliseForTextStartingWithApostropheAndTrigger(String text) {
    assertEquals(text, SafeCsv.restore(SafeCsv.neutralise(text)));
  }

  private static final List<String> HEADER = List.of("id", "note", "formula");

  private static byte[] write(boolean forSpreadsheets, Object[]... rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SafeCsv csv = SafeCsv.open(out, HEADER, forSpreadsheets)) {
      for (Object[] row : rows) {
        csv.row(row);
      }
    }
    return out.toByteArray();
  }

  private static List<CSVRecord> parse(String text) throws IOException {
    CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (CSVParser p = CSVParser.parse(new StringReader(text), f)) {
      assertEquals(HEADER, p.getHeaderNames());
      return p.getRecords();
    }
  }

  @Test
  void spreadsheetOutputStartsWithBomAndParsesBack() throws IOException {
    byte[] bytes =
        write(
            true,
            new Object[] {"P-1", "line one\nline two\r\nline three", "=HYPERLINK(\"x\")"},
            new Object[] {"P-2", "a, b, and \"c\"", null},
            new Object[] {3, "Zoë's café", -0.5});
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<CSVRecord> records = parse(text.substring(1));
    assertEquals(3, records.size());
    assertEquals(
        List.of("P-1", "line one\nline two\r\nline three", "'=HYPERLINK(\"x\")"),
        records.get(0).toList());
    assertEquals(List.of("P-2", "a, b, and \"c\"", ""), records.get(1).toList());
    assertEquals(List.of("3", "Zoë's café", "-0.5"), records.get(2).toList());
    assertEquals("=HYPERLINK(\"x\")", SafeCsv.restore(records.get(0).get("formula")));
    assertEquals("-0.5", SafeCsv.restore(records.get(2).get("formula")));
  }

  @Test
  void plainOutputHasNoBom() throws IOException {
    byte[] bytes = write(false, new Object[] {"P-1", "x", "y"});
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertEquals("id,note,formula\r\nP-1,x,y\r\n", text);
  }

  @Test
  void headerOnlyWhenNoRows() throws IOException {
    String text = new String(write(true), StandardCharsets.UTF_8);
    assertEquals("\uFEFFid,note,formula\r\n", text);
  }

  @Test
  void noWrittenCellStartsAFormula() throws IOException {
    String[] nasty = {"=1+2", "+A1", "-A1", "@SUM(A1)", "\t=1", "\r=1"};
    Object[][] rows = new Object[nasty.length][];
    for (int i = 0; i < nasty.length; i++) {
      rows[i] = new Object[] {nasty[i], nasty[i], nasty[i]};
    }
    List<CSVRecord> records = parse(new String(write(false, rows), StandardCharsets.UTF_8));
    for (int i = 0; i < nasty.length; i++) {
      for (String cell : records.get(i).toList()) {
        assertFalse("=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
        assertEquals(nasty[i], SafeCsv.restore(cell));
      }
    }
  }
}
