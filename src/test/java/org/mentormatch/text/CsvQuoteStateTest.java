package org.mentormatch.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvQuoteStateTest {

  static Stream<Arguments> lines() {
    return Stream.of(
        // what, line, open before, open after
        Arguments.of("plain fields", "m1,Ana,ana@example.com", false, false),
        Arguments.of("empty line", "", false, false),
        Arguments.of("empty fields", ",,,", false, false),
        Arguments.of("quoted field closed", "m1,\"Lima, Ana\",x", false, false),
        Arguments.of("quoted field closed at line end", "m1,\"Lima, Ana\"", false, false),
        Arguments.of("empty quoted field", "m1,\"\",x", false, false),
        Arguments.of("quoted field opened, not closed", "m1,\"goals;", false, true),
        Arguments.of("quote opens the first field", "\"m1", false, true),
        Arguments.of("quote right after a comma opens", "m1,\"", false, true),
        Arguments.of(
            "escaped quotes inside a closed field", "m1,\"say \"\"hi\"\"\",x", false, false),
        Arguments.of("escaped quote in a field still open", "m1,\"say \"\"hi", false, true),
        Arguments.of("field of only an escaped quote, still open", "\"\"\"", false, true),
        Arguments.of("stray quote inside an unquoted field", "m1,O\"Brien,x", false, false),
        Arguments.of("stray quote at the end of an unquoted field", "m1,5\"", false, false),
        Arguments.of("stray quote then a real opening", "m1,O\"Brien,\"goals", false, true),
        Arguments.of("quote after a space is not at field start", "m1, \"x", false, false),
        Arguments.of("continuing an open field", "more goals; still writing", true, true),
        Arguments.of("empty line inside an open field", "", true, true),
        Arguments.of("closing an open field", "last goal\",en,yes", true, false),
        Arguments.of("closing at the first character", "\",en,yes", true, false),
        Arguments.of("escaped quote keeps the field open", "say \"\"hi\"\" again", true, true),
        Arguments.of("closing then opening another field", "end\",\"next", true, true),
        Arguments.of("closing then a stray quote", "end\",O\"Brien", true, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lines")
  void openAfter(String what, String line, boolean openBefore, boolean openAfter) {
    assertEquals(openAfter, CsvQuoteState.openAfter(line, openBefore), line);
  }
}
