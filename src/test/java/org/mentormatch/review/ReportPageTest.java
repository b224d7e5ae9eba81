package org.mentormatch.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mentormatch.review.ReportData.AlternativeView;
import org.mentormatch.review.ReportData.FairnessRow;
import org.mentormatch.review.ReportData.ProposalView;
import org.mentormatch.review.ReportData.SharedView;
import org.mentormatch.review.ReportData.UnmatchedView;

class ReportPageTest {

  private static final long[] HISTOGRAM = {0, 0, 0, 2, 5, 8, 13, 400, 3, 1};

  private static final ProposalView WILLIAM =
      new ProposalView(
          "P-c562c1177c89df08",
          "William Evans",
          "Engineering",
          "Mathilde Bernard",
          "Product",
          0.6064,
          0.49,
          1.0,
          0.75,
          1.0,
          List.of(new SharedView("presentations", "presentation skills", 1.0, "same concept")),
          List.of(
              "Skills cover 1 of 2 goals: presentations by presentation skills (same concept).",
              "Mentor is 5 levels more senior (8 vs 3)."),
          List.of(
              new AlternativeView("m00296", "Leonie Meyer", 0.572, "fits less well"),
              new AlternativeView("m00163", "Abigail Okafor", 0.571, "at capacity")),
          "Hi William and Mathilde,\n\nI would like to introduce you to each other.\n\nBest wishes,"
              + "\nThe mentoring programme");

  private static final ProposalView AMARA =
      new ProposalView(
          "P-0000000000000002",
          "Amara Nwosu",
          "",
          "Kenji Sato",
          "Sales",
          0.42,
          0.3,
          0.5,
          1.0,
          0.0,
          List.of(),
          List.of("Both speak en."),
          List.of(),
          "Hi Amara and Kenji,\n\nA first conversation is a good start.");

  private static final UnmatchedView OMAR =
      new UnmatchedView("m00001", "Omar Haddad", "Finance", "no mentor whose skills fit speaks fr");

  private static Map<String, Long> figures() {
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("members read", 334L);
    figures.put("proposals", 124L);
    figures.put("unmatched mentees", 82L);
    return figures;
  }

  private static ReportData data(
      List<ProposalView> proposals,
      long proposalCount,
      List<UnmatchedView> unmatched,
      long unmatchedCount,
      List<FairnessRow> byDepartment,
      List<FairnessRow> byRegion) {
    return new ReportData(
        "2025-06-01",
        figures(),
        proposals,
        proposalCount,
        unmatched,
        unmatchedCount,
        HISTOGRAM.clone(),
        byDepartment,
        byRegion);
  }

  /** Overall 26 of 40 (65%): Sales at 40% is 25 points below, Product at 60% only 5. */
  private static final List<FairnessRow> DEPARTMENTS =
      List.of(
          new FairnessRow("Engineering", 20, 16, 0.6234),
          new FairnessRow("Sales", 10, 4, 0.5),
          new FairnessRow("Product", 10, 6, 0.55));

  private static final List<FairnessRow> REGIONS =
      List.of(new FairnessRow("Europe", 30, 26, 0.58), new FairnessRow("Asia", 10, 0, Double.NaN));

  private static String fullPage() {
    return ReportPage.render(
        data(List.of(WILLIAM, AMARA), 2, List.of(OMAR), 1, DEPARTMENTS, REGIONS));
  }

  private static String emptyPage() {
    return ReportPage.render(
        new ReportData(
            "empty-run", Map.of(), List.of(), 0, List.of(), 0, new long[10], List.of(), List.of()));
  }

  /** The fairness table row whose group cell holds exactly {@code group}. */
  private static String row(String html, String group) {
    Matcher m =
        Pattern.compile("<tr[^>]*><th scope=\"row\">(▼ )?" + Pattern.quote(group) + "</th>.*?</tr>")
            .matcher(html);
    assertTrue(m.find(), "no row for " + group);
    return m.group();
  }

  private static List<String> all(String html, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void headerShowsTheRunAndTheFiguresInOrder() {
    String html = fullPage();
    assertTrue(html.contains("<title>mentor-match run 2025-06-01</title>"), html);
    int read = html.indexOf("<dt>members read</dt><dd>334</dd>");
    int proposals = html.indexOf("<dt>proposals</dt><dd>124</dd>");
    int unmatched = html.indexOf("<dt>unmatched mentees</dt><dd>82</dd>");
    assertTrue(read >= 0 && read < proposals && proposals < unmatched, html);
  }

  @Test
  void everyProposalIsShownWithItsScoreReasonsAlternativesAndIntroduction() {
    String html = fullPage();
    assertTrue(
        html.contains(
            "William Evans <span class=\"dept\">(Engineering)</span> → Mathilde Bernard"
                + " <span class=\"dept\">(Product)</span>"),
        html);
    assertTrue(html.contains("Score 0.606"), html);
    assertTrue(
        html.contains("coverage 0.49, seniority 1.00, time zone 0.75, department 1.00"), html);
    assertTrue(html.contains("P-c562c1177c89df08"), html);
    assertTrue(html.contains("<li>presentations ← presentation skills"), html);
    assertTrue(html.contains("(same concept, 1.00)"), html);
    for (String reason : WILLIAM.reasons()) {
      assertTrue(html.contains("<li>" + reason + "</li>"), reason);
    }
    assertTrue(
        html.contains(
            "<tr><td>Leonie Meyer</td><td><code>m00296</code></td><td class=\"num\">0.572</td>"
                + "<td>fits less well</td></tr>"),
        html);
    assertTrue(html.contains("<td>Abigail Okafor</td><td><code>m00163</code>"), html);
    // The introduction keeps its line breaks verbatim inside a pre-wrapped block.
    assertTrue(html.contains("<pre class=\"intro\">" + WILLIAM.introduction() + "</pre>"), html);
    assertTrue(html.contains("<pre class=\"intro\">" + AMARA.introduction() + "</pre>"), html);
    // A proposal without shared goals or alternatives says so; an empty department says so.
    assertTrue(html.contains("Amara Nwosu <span class=\"dept\">(no department)</span>"), html);
    assertTrue(html.contains("No goal is covered by a skill."), html);
    assertTrue(html.contains("No alternatives listed."), html);
    assertEquals(2, all(html, "(<article class=\"proposal\">)").size(), html);
  }

  @Test
  void unmatchedMenteesAreListedWithTheirReasons() {
    String html = fullPage();
    assertTrue(
        html.contains(
            "<tr><td><code>m00001</code></td><td>Omar Haddad</td><td>Finance</td>"
                + "<td>no mentor whose skills fit speaks fr</td></tr>"),
        html);
    assertFalse(html.contains("No unmatched mentees"), html);
  }

  @Test
  void histogramHasTenBarsLabelledWithTheirBandsAndCounts() {
    String html = fullPage();
    assertEquals(10, all(html, "(<rect class=\"bar\")").size(), html);
    assertEquals(
        List.of("0", "0", "0", "2", "5", "8", "13", "400", "3", "1"),
        all(html, "<text class=\"count\"[^>]*>([^<]*)</text>"));
    assertEquals(
        List.of(
            "0.0–0.1", "0.1–0.2", "0.2–0.3", "0.3–0.4", "0.4–0.5", "0.5–0.6", "0.6–0.7", "0.7–0.8",
            "0.8–0.9", "0.9–1.0"),
        all(html, "<text class=\"band\"[^>]*>([^<]*)</text>"));
    List<Integer> heights =
        all(html, "<rect class=\"bar\"[^>]* height=\"(\\d+)\"").stream()
            .map(Integer::valueOf)
            .toList();
    // Heights follow the counts: the fullest band is the tallest, an empty band has no bar,
    // and a band with one proposal stays visible.
    assertEquals(ReportPage.BAR_MAX_HEIGHT, heights.get(7));
    assertEquals(0, heights.get(0));
    assertTrue(heights.get(9) >= 1, heights.toString());
    assertTrue(
        heights.get(6) < heights.get(7) && heights.get(5) < heights.get(6), heights.toString());
  }

  @Test
  void fairnessRowsShowRatesAndFlagAGroupFarBelowTheOverallRate() {
    String html = fullPage();
    assertTrue(
        html.contains("so a coordinator can see whether some groups are matched less often"));
    String sales = row(html, "Sales");
    assertTrue(sales.startsWith("<tr class=\"low\"><th scope=\"row\">▼ Sales"), sales);
    assertTrue(sales.contains("<td class=\"num\">10</td><td class=\"num\">4</td>"), sales);
    assertTrue(sales.contains(">40.0%<"), sales);
    assertTrue(sales.contains(">-25.0<"), sales);
    assertTrue(sales.contains(">0.50<"), sales);
    String product = row(html, "Product");
    assertTrue(product.startsWith("<tr><th"), "5 points below is not flagged: " + product);
    assertTrue(product.contains(">60.0%<"), product);
    String engineering = row(html, "Engineering");
    assertTrue(engineering.startsWith("<tr><th"), engineering);
    assertTrue(engineering.contains(">80.0%<") && engineering.contains(">0.62<"), engineering);
    String total = row(html, "All mentees");
    assertTrue(total.contains(">40<") && total.contains(">26<"), total);
    assertTrue(total.contains(">65.0%<"), total);
    // The overall mean weighs each group's mean by its matched mentees.
    assertTrue(total.contains(">0.59<"), total);
  }

  @Test
  void aGroupExactlyTenPointsBelowIsNotFlagged() {
    // Overall 16 of 20 (80%); 7 of 10 is 70%, exactly 10 points below, which is not "more than".
    // In floating point 0.8 - 0.7 exceeds 0.1, so a naive comparison would flag it.
    List<FairnessRow> rows =
        List.of(new FairnessRow("High", 10, 9, 0.7), new FairnessRow("Edge", 10, 7, 0.6));
    String html = ReportPage.render(data(List.of(), 0, List.of(), 0, rows, rows));
    String edge = row(html, "Edge");
    assertTrue(edge.startsWith("<tr><th scope=\"row\">Edge</th>"), edge);
    assertTrue(edge.contains(">-10.0<"), edge);
  }

  @Test
  void aMissingMeanScoreShowsADash() {
    String html = fullPage();
    String asia = row(html, "Asia");
    assertTrue(asia.endsWith("<td class=\"num\">–</td></tr>"), asia);
    assertFalse(html.contains("NaN"), html);
  }

  @Test
  void truncationNotesAppearOnlyWhenAListIsShortened() {
    String complete = fullPage();
    assertFalse(complete.contains("Showing"), complete);

    String proposalsCut =
        ReportPage.render(
            data(List.of(WILLIAM, AMARA), 12_345, List.of(OMAR), 1, DEPARTMENTS, REGIONS));
    assertTrue(
        proposalsCut.contains("Showing 2 of 12,345; the full list is in <code>review.csv</code>."),
        proposalsCut);
    assertFalse(proposalsCut.contains("full list is in <code>unmatched.csv"), proposalsCut);

    String unmatchedCut =
        ReportPage.render(data(List.of(WILLIAM, AMARA), 2, List.of(OMAR), 7, DEPARTMENTS, REGIONS));
    assertTrue(
        unmatchedCut.contains("Showing 1 of 7; the full list is in <code>unmatched.csv</code>."),
        unmatchedCut);
    assertFalse(unmatchedCut.contains("full list is in <code>review.csv"), unmatchedCut);
  }

  @Test
  void memberTextIsEscapedNeverInjected() {
    ProposalView hostile =
        new ProposalView(
            "P-1",
            "<script>alert(1)</script>",
            "R&D",
            "Eve \" onmouseover=\"alert(2)",
            "Sales",
            0.5,
            0.5,
            0.5,
            0.5,
            0.5,
            List.of(
                new SharedView(
                    "=HYPERLINK(\"x\")", "<img onerror=alert(3)>", 0.5, "similar meaning")),
            List.of("Covers \"public speaking\" & more"),
            List.of(new AlternativeView("m2", "<b>Bold</b>", 0.4, "it's </td> broken")),
            "Hi <script>alert(4)</script>,\nbye & thanks");
    UnmatchedView hostileUnmatched = new UnmatchedView("m3", "<i>x</i>", "<u>y</u>", "a < b");
    String html =
        ReportPage.render(
            data(
                List.of(hostile),
                1,
                List.of(hostileUnmatched),
                1,
                List.of(new FairnessRow("<svg onload=alert(5)>", 1, 1, 0.5)),
                REGIONS));

    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
    assertTrue(html.contains("Covers &quot;public speaking&quot; &amp; more"), html);
    assertTrue(html.contains("(R&amp;D)"), html);
    assertTrue(html.contains("Eve &quot; onmouseover&#x3D;&quot;alert(2)"), html);
    assertTrue(html.contains("Hi &lt;script&gt;alert(4)&lt;/script&gt;,\nbye &amp; thanks"), html);
    for (String raw :
        List.of(
            "<script",
            "\" onmouseover",
            "<img",
            "<b>",
            "</td> broken",
            "<i>",
            "<u>",
            "a < b",
            "<svg onload",
            "& more",
            "R&D")) {
      assertFalse(html.contains(raw), "raw member text in the page: " + raw);
    }
  }

  @Test
  void templateNeverTurnsEscapingOff() throws IOException {
    try (InputStream in = ReportPage.class.getResourceAsStream("/templates/report.html.mustache")) {
      String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertFalse(template.contains("{{{"), "triple mustache writes raw HTML");
      assertFalse(template.contains("{{&"), "{{& writes raw HTML");
      assertFalse(template.contains("{{="), "changed delimiters hide tags from this check");
    }
  }

  @Test
  void pageLoadsNothingFromOutside() {
    for (String html : List.of(fullPage(), emptyPage())) {
      assertFalse(html.contains("http://"), html);
      assertFalse(html.contains("https://"), html);
      assertFalse(html.contains("//"), "no protocol-relative address either");
      assertFalse(html.contains("src="), html);
      assertFalse(html.contains("<script"), html);
      assertFalse(html.contains("<link"), html);
      assertFalse(html.contains("@import"), html);
      assertFalse(html.contains("url("), html);
      for (String href : all(html, "href=\"([^\"]*)\"")) {
        assertTrue(href.startsWith("#"), "only links within the page: " + href);
      }
      // Should anything slip through, the browser still fetches and runs nothing.
      assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""), html);
    }
  }

  @Test
  void anEmptyRunStillRenders() {
    String html = emptyPage();
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    assertTrue(html.strip().endsWith("</html>"), html);
    assertTrue(html.contains("No proposals in this run."), html);
    assertTrue(html.contains("No unmatched mentees in this run."), html);
    assertFalse(html.contains("Showing"), html);
    assertFalse(html.contains("<article"), html);
    assertEquals(2, all(html, "(No eligible mentees in this run.)").size(), html);
    assertEquals(10, all(html, "<rect class=\"bar\"[^>]* height=\"(0)\"").size(), html);
    assertTrue(row(html, "All mentees").contains(">–<"), html);
  }

  @Test
  void aHistogramWithoutTenBandsIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new ReportData(
                    "r", Map.of(), List.of(), 0, List.of(), 0, new long[9], List.of(), List.of()));
    assertTrue(e.getMessage().contains("must have 10 bands"), e.getMessage());
    assertTrue(e.getMessage().endsWith("not 9"), e.getMessage());
  }
}
