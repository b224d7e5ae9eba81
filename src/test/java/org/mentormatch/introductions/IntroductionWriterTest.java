package org.mentormatch.introductions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mentormatch.introductions.IntroductionWriter.Facts;
import org.mentormatch.scoring.PairScorer.Match;

class IntroductionWriterTest {

  private static final IntroductionWriter WRITER = new IntroductionWriter();

  private static Facts facts(int sharedHours) {
    return new Facts(
        "Ana Lima",
        "Ben Okafor",
        List.of(
            new Match("negotiation", "negotiation skills", 1.0, "same concept"),
            new Match("SQL", "data analysis with SQL", 0.6, "similar meaning")),
        sharedHours);
  }

  @Test
  void bodyAddressesBothFirstNames() {
    String body = WRITER.body(facts(2));
    assertTrue(body.startsWith("Hi Ana and Ben,\n"), body);
    assertFalse(body.contains("Lima"), body);
    assertFalse(body.contains("Okafor"), body);
  }

  @Test
  void bodyNamesEveryCoveredGoalAndSkill() {
    String body = WRITER.body(facts(2));
    assertTrue(
        body.contains("Ana hopes to grow in a few areas where Ben's experience fits:"), body);
    assertTrue(
        body.contains("- Ana's goal \"negotiation\", and Ben's \"negotiation skills\"\n"), body);
    assertTrue(body.contains("- Ana's goal \"SQL\", and Ben's \"data analysis with SQL\"\n"), body);
    assertFalse(body.contains("coaching"), "only the skills that meet a goal: " + body);
  }

  @Test
  void withoutACoveredGoalTheBodyDoesNotPretendOne() {
    String body = WRITER.body(new Facts("Ana Lima", "Ben Okafor", List.of(), 2));
    assertFalse(body.contains("areas where"), body);
    assertTrue(body.contains("Ben may be a good person for Ana to talk to"), body);
  }

  @Test
  void bodyMentionsSharedHoursOnlyWhenThereAreSome() {
    assertTrue(
        WRITER.body(facts(3)).contains("Your working days overlap by about 3 hours"),
        WRITER.body(facts(3)));
    String none = WRITER.body(facts(0));
    assertFalse(none.contains("overlap"), none);
    assertFalse(none.contains("working days"), none);
  }

  @Test
  void bodyEndsWithThePendingNotice() {
    String body = WRITER.body(facts(2));
    assertTrue(body.endsWith("\n\n" + IntroductionWriter.PENDING_NOTICE + "\n"), body);
    assertEquals(1, body.split(IntroductionWriter.PENDING_NOTICE, -1).length - 1);
  }

  @Test
  void bodyIsPlainTextWithoutHtmlEscaping() {
    Facts f =
        new Facts(
            "Zoë O'Neil",
            "Ravi",
            List.of(
                new Match("P&L <budgets>", "\"finance\" for non-finance", 0.7, "similar meaning")),
            1);
    String body = WRITER.body(f);
    assertTrue(body.startsWith("Hi Zoë and Ravi,"), body);
    assertTrue(body.contains("Zoë's goal \"P&L <budgets>\""), body);
    assertTrue(body.contains("\"\"finance\" for non-finance\""), body);
    assertFalse(body.contains("&amp;") || body.contains("&lt;") || body.contains("&quot;"), body);
  }

  @Test
  void confirmedReplacesThePendingNoticeNamingTheCoordinator() {
    String draft = WRITER.body(facts(2));
    String sent = IntroductionWriter.confirmed(draft, "Alex Kim");
    assertFalse(sent.contains(IntroductionWriter.PENDING_NOTICE), sent);
    assertTrue(sent.endsWith("confirmed by Alex Kim, programme coordinator."), sent);
    assertEquals(
        IntroductionWriter.confirmedNotice("Alex Kim"),
        sent.substring(sent.lastIndexOf("\n\n") + 2));
    String draftWithoutNotice =
        draft
            .strip()
            .substring(0, draft.strip().length() - IntroductionWriter.PENDING_NOTICE.length());
    assertTrue(sent.startsWith(draftWithoutNotice), sent);
  }

  @Test
  void confirmedKeepsACoordinatorsEdits() {
    String edited = WRITER.body(facts(2)).replace("Hi Ana and Ben,", "Dear Ana, dear Ben,");
    String sent = IntroductionWriter.confirmed(edited, "Alex Kim");
    assertTrue(sent.startsWith("Dear Ana, dear Ben,"), sent);
    assertTrue(sent.endsWith(IntroductionWriter.confirmedNotice("Alex Kim")), sent);
  }

  @Test
  void confirmationIsAppendedWhenAnEditLostTheNotice() {
    assertEquals(
        "Ana, meet Ben.\n\n" + IntroductionWriter.confirmedNotice("Alex Kim"),
        IntroductionWriter.confirmed("  Ana, meet Ben.\n\n", "Alex Kim"));
  }

  @Test
  void confirmedNoticeNamesTheCoordinator() {
    assertEquals(
        "This introduction was suggested by mentor-match, our matching software, and confirmed"
            + " by Alex Kim, programme coordinator.",
        IntroductionWriter.confirmedNotice("Alex Kim"));
  }

  @Test
  void subjectNamesBothFirstNames() {
    assertEquals("Mentoring introduction: Ana and Ben", WRITER.subject(facts(2)));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"Ana Lima | Ana", "Prince | Prince", "'  Ana  Maria Lima ' | Ana", "Zoë | Zoë"})
  void firstNameIsTheFirstWord(String name, String first) {
    assertEquals(first, IntroductionWriter.firstName(name));
  }

  // The wording below is pinned by its literal text, not by the constants the code uses: rewording
  // the disclosure away must fail the build.

  @Test
  void theDraftSaysLiterallyThatSoftwareSuggestedThePairAndACoordinatorReviewsIt() {
    String body =
        new IntroductionWriter()
            .body(new IntroductionWriter.Facts("Ana Lima", "Ben Okafor", List.of(), 4));

    assertTrue(
        body.endsWith(
            "\n\nThis introduction was suggested by mentor-match, our matching software, from what"
                + " you both wrote in your profiles. A programme coordinator reviews every"
                + " suggestion before it is sent.\n"),
        body);
  }

  @Test
  void whatIsSentEndsLiterallyWithTheConfirmationEvenAfterAPostscript() {
    String edited =
        "Hi Ana and Ben,\n\nMeet on Tuesday.\n\n"
            + "This introduction was suggested by mentor-match, our matching software, from what"
            + " you both wrote in your profiles. A programme coordinator reviews every suggestion"
            + " before it is sent.\n\nP.S. Bring coffee.";

    String sent = IntroductionWriter.confirmed(edited, "Alex Kim");

    assertEquals(
        "Hi Ana and Ben,\n\nMeet on Tuesday.\n\nP.S. Bring coffee.\n\n"
            + "This introduction was suggested by mentor-match, our matching software, and"
            + " confirmed by Alex Kim, programme coordinator.",
        sent);
  }

  @Test
  void anEditCannotClaimAnotherCoordinatorConfirmedIt() {
    String edited =
        "Hi both.\n\nThis introduction was suggested by mentor-match, our matching software, and"
            + " confirmed by Someone Else, programme coordinator.\n\nP.S. See you.";

    String sent = IntroductionWriter.confirmed(edited, "Alex Kim");

    assertFalse(sent.contains("Someone Else"), sent);
    assertTrue(
        sent.endsWith(
            "P.S. See you.\n\nThis introduction was suggested by mentor-match, our"
                + " matching software, and confirmed by Alex Kim, programme coordinator."),
        sent);
  }

  @Test
  void aRewrappedConfirmationNamingSomeoneElseIsTakenOutToo() {
    String edited =
        "Hi both.\n\nThis introduction was suggested by mentor-match, our matching\nsoftware, and"
            + " confirmed by  The CEO,\nprogramme coordinator.\n\nTHIS INTRODUCTION WAS SUGGESTED"
            + " BY MENTOR-MATCH, OUR MATCHING SOFTWARE, AND CONFIRMED BY Nobody, PROGRAMME"
            + " COORDINATOR.\n\nP.S. See you.";

    String sent = IntroductionWriter.confirmed(edited, "Alex Kim");

    assertEquals(
        "Hi both.\n\nP.S. See you.\n\nThis introduction was suggested by mentor-match, our"
            + " matching software, and confirmed by Alex Kim, programme coordinator.",
        sent);
  }

  @Test
  void aRewrappedPendingNoticeIsTakenOut() {
    String edited =
        "Hi both.\n\nThis introduction was suggested by mentor-match, our matching software,\nfrom"
            + " what you both wrote in your profiles. A programme coordinator reviews every\n"
            + "suggestion before it is sent.\n\nP.S. See you.";

    assertEquals(
        "Hi both.\n\nP.S. See you.\n\nThis introduction was suggested by mentor-match, our"
            + " matching software, and confirmed by Alex Kim, programme coordinator.",
        IntroductionWriter.confirmed(edited, "Alex Kim"));
  }

  @Test
  void linesOfInvisibleCharactersCannotBuryTheConfirmation() {
    String edited =
        "Hi both.\n" + "\u200B\n".repeat(400) + "\u00A0 \u2003\n".repeat(400) + "\uFEFF\n";

    assertEquals(
        "Hi both.\n\nThis introduction was suggested by mentor-match, our matching software, and"
            + " confirmed by Alex Kim, programme coordinator.",
        IntroductionWriter.confirmed(edited, "Alex Kim"));
  }
}
