package org.mentormatch.review;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.mentormatch.review.ReportData.FairnessRow;
import org.mentormatch.review.ReportData.ProposalView;
import org.mentormatch.review.ReportData.UnmatchedView;

/** The coordinator's self-contained {@code report.html} for one run. */
public final class ReportPage {
  private static final String TEMPLATE_PATH = "/templates/report.html.mustache";

  /** Score bands of the histogram: [0, 0.1), ..., [0.9, 1.0]. */
  static final int BANDS = 10;

  /** A group whose match rate is more than this many points below the overall rate is flagged. */
  static final double LOW_RATE_GAP_POINTS = 10;

  /** Height in SVG units of the histogram's tallest bar. */
  static final int BAR_MAX_HEIGHT = 140;

  private static final int BAR_WIDTH = 40;
  private static final int BAR_STEP = 48;
  private static final int CHART_MARGIN = 10;
  private static final int CHART_BASELINE = 165;
  private static final int CHART_HEIGHT = 190;

  // JMustache templates are immutable once compiled and safe to execute from several threads.
  private static final Template TEMPLATE = compile();

  private ReportPage() {}

  /** The whole page for {@code data}; every value from member data is HTML-escaped. */
  public static String render(ReportData data) {
    Objects.requireNonNull(data, "data"); // ReportData itself guarantees 10 bands
    Map<String, Object> model = new HashMap<>();
    model.put("runId", data.runId());
    List<Map<String, Object>> figures = new ArrayList<>();
    data.figures()
        .forEach((label, value) -> figures.add(Map.of("label", label, "value", count(value))));
    model.put("figures", figures);
    model.put("chartWidth", 2 * CHART_MARGIN + BANDS * BAR_STEP - (BAR_STEP - BAR_WIDTH));
    model.put("chartHeight", CHART_HEIGHT);
    model.put("baseline", CHART_BASELINE);
    model.put("bars", bars(data.scoreHistogram()));
    model.putAll(fairness(data));
    model.put("proposals", data.proposals().stream().map(ReportPage::proposal).toList());
    model.put("hasProposals", !data.proposals().isEmpty());
    model.put("proposalCount", count(data.proposalCount()));
    model.put("proposalsNote", truncation(data.proposals().size(), data.proposalCount()));
    model.put("unmatched", data.unmatched().stream().map(ReportPage::unmatched).toList());
    model.put("hasUnmatched", !data.unmatched().isEmpty());
    model.put("unmatchedCount", count(data.unmatchedCount()));
    model.put("unmatchedNote", truncation(data.unmatched().size(), data.unmatchedCount()));
    return TEMPLATE.execute(model);
  }

  /**
   * The fairness tables of {@code data} as the page shows them ({@code fairnessTables}, {@code
   * lowGap}): shared with the review console, so both show the same figures and flags.
   */
  public static Map<String, Object> fairness(ReportData data) {
    return Map.of(
        "fairnessTables",
        List.of(
            fairnessTable("By department", "Department", data.byDepartment()),
            fairnessTable("By time-zone region", "Region", data.byRegion())),
        "lowGap",
        fixed(LOW_RATE_GAP_POINTS, 0));
  }

  private static List<Map<String, Object>> bars(long[] counts) {
    long max = Arrays.stream(counts).max().orElse(0);
    List<Map<String, Object>> bars = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      long n = counts[i];
      // A band with a single proposal keeps a visible sliver next to a band with thousands.
      int height = n <= 0 ? 0 : (int) Math.max(1, Math.round((double) BAR_MAX_HEIGHT * n / max));
      int x = CHART_MARGIN + i * BAR_STEP;
      String from = fixed(i / 10.0, 1);
      String to = fixed((i + 1) / 10.0, 1);
      Map<String, Object> bar = new HashMap<>();
      bar.put("x", x);
      bar.put("y", CHART_BASELINE - height);
      bar.put("width", BAR_WIDTH);
      bar.put("height", height);
      bar.put("centre", x + BAR_WIDTH / 2);
      bar.put("countY", CHART_BASELINE - height - 4);
      bar.put("labelY", CHART_BASELINE + 16);
      bar.put("band", from + "–" + to);
      bar.put("range", "[" + from + ", " + to + (i == counts.length - 1 ? "]" : ")"));
      bar.put("count", count(n));
      bars.add(bar);
    }
    return bars;
  }

  private static Map<String, Object> fairnessTable(
      String title, String groupHeading, List<FairnessRow> rows) {
    long eligible = 0;
    long matched = 0;
    long scored = 0;
    double scoreSum = 0;
    for (FairnessRow row : rows) {
      eligible += row.eligible();
      matched += row.matched();
      if (!Double.isNaN(row.meanScore())) {
        scoreSum += row.meanScore() * row.matched();
        scored += row.matched();
      }
    }
    FairnessRow all =
        new FairnessRow(
            "All mentees", eligible, matched, scored == 0 ? Double.NaN : scoreSum / scored);
    Map<String, Object> table = new HashMap<>();
    table.put("title", title);
    table.put("groupHeading", groupHeading);
    table.put("rows", rows.stream().map(row -> fairnessRow(row, all)).toList());
    table.put("hasRows", !rows.isEmpty());
    table.put("all", fairnessRow(all, all));
    return table;
  }

  private static Map<String, Object> fairnessRow(FairnessRow row, FairnessRow all) {
    boolean comparable = row.eligible() > 0 && all.eligible() > 0;
    // Rounded as shown, so the flag always agrees with the printed gap (-10.0 is not flagged).
    double gap =
        comparable ? Math.round(1000 * (row.matchRate() - all.matchRate())) / 10.0 : Double.NaN;
    Map<String, Object> model = new HashMap<>();
    model.put("group", row.group());
    model.put("eligible", count(row.eligible()));
    model.put("matched", count(row.matched()));
    model.put("rate", row.eligible() == 0 ? "–" : fixed(100 * row.matchRate(), 1) + "%");
    model.put("gap", comparable ? String.format(Locale.ROOT, "%+.1f", gap) : "–");
    model.put("low", comparable && gap < -LOW_RATE_GAP_POINTS);
    model.put("meanScore", fixed(row.meanScore(), 2));
    return model;
  }

  private static Map<String, Object> proposal(ProposalView p) {
    Map<String, Object> model = new HashMap<>();
    model.put("proposalId", p.proposalId());
    model.put("menteeName", p.menteeName());
    model.put("menteeDepartment", department(p.menteeDepartment()));
    model.put("mentorName", p.mentorName());
    model.put("mentorDepartment", department(p.mentorDepartment()));
    model.put("score", fixed(p.score(), 3));
    model.put("coverage", fixed(p.coverage(), 2));
    model.put("seniority", fixed(p.seniority(), 2));
    model.put("timezone", fixed(p.timezone(), 2));
    model.put("department", fixed(p.department(), 2));
    model.put(
        "shared",
        p.shared().stream()
            .map(
                s ->
                    Map.of(
                        "goal",
                        s.goal(),
                        "skill",
                        s.skill(),
                        "similarity",
                        fixed(s.similarity(), 2),
                        "how",
                        s.how()))
            .toList());
    model.put("hasShared", !p.shared().isEmpty());
    model.put("reasons", p.reasons());
    model.put(
        "alternatives",
        p.alternatives().stream()
            .map(
                a ->
                    Map.of(
                        "name", a.mentorName(),
                        "id", a.mentorId(),
                        "score", fixed(a.score(), 3),
                        "whyNot", a.whyNot()))
            .toList());
    model.put("hasAlternatives", !p.alternatives().isEmpty());
    model.put("introduction", p.introduction());
    return model;
  }

  private static Map<String, Object> unmatched(UnmatchedView u) {
    Map<String, Object> model = new HashMap<>();
    model.put("memberId", u.memberId());
    model.put("name", u.name());
    model.put("department", department(u.department()));
    model.put("reason", u.reason());
    return model;
  }

  /** The "showing N of M" figures when the page lists fewer than the run has, else false. */
  private static Object truncation(int shown, long total) {
    return shown < total ? Map.of("shown", count(shown), "total", count(total)) : false;
  }

  private static String department(String department) {
    return department == null || department.isBlank() ? "no department" : department;
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String fixed(double value, int places) {
    return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%." + places + "f", value);
  }

  private static Template compile() {
    try (InputStream in = ReportPage.class.getResourceAsStream(TEMPLATE_PATH)) {
      if (in == null) {
        throw new IllegalStateException("template " + TEMPLATE_PATH + " is missing from the jar");
      }
      // Escaping stays on (the default); strict sections make a misspelt section name fail loudly
      // instead of silently hiding part of the page.
      return Mustache.compiler()
          .strictSections(true)
          .compile(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
