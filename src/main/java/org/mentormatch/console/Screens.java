package org.mentormatch.console;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.jetty.util.Fields;
import org.mentormatch.RunId;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Profile;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.SharedTopic;
import org.mentormatch.decisions.AlternativeChoice;
import org.mentormatch.decisions.Coordinators;
import org.mentormatch.io.DecisionStore;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.review.ReportData;
import org.mentormatch.review.ReportPage;

/** The models of the console's pages for one signed-in coordinator. */
final class Screens {
  private final FileStore files;
  private final Home home;
  private final Coordinators.Coordinator who;
  private final SignIns.Session session;

  Screens(FileStore files, Home home, Coordinators.Coordinator who, SignIns.Session s) {
    this.files = files;
    this.home = home;
    this.who = who;
    this.session = s;
  }

  /** The filters of the proposals list, as given (blank when not). */
  record Filter(String department, Double min, Double max, String state, List<String> problems) {
    static Filter of(Fields query) {
      List<String> problems = new ArrayList<>();
      String dept = blank(ReviewConsole.value(query, "department"));
      Double min = score(ReviewConsole.value(query, "min"), "lowest score", problems);
      Double max = score(ReviewConsole.value(query, "max"), "highest score", problems);
      String state = blank(ReviewConsole.value(query, "state"));
      if (state == null) {
        state = "pending";
      }
      if (!List.of("pending", "decided", "closed", "all").contains(state)) {
        problems.add("unknown state filter; showing pending proposals");
        state = "pending";
      }
      return new Filter(dept, min, max, state, problems);
    }

    boolean keeps(RunView.Item i) {
      double score = i.proposal().getScore();
      boolean stateOk =
          switch (state) {
            case "pending" -> i.state() == RunView.State.PENDING;
            case "decided" ->
                i.state() == RunView.State.APPROVED || i.state() == RunView.State.REJECTED;
            case "closed" ->
                i.state() == RunView.State.EXPIRED || i.state() == RunView.State.WITHDRAWN;
            default -> true;
          };
      return stateOk
          && (department == null || department.equalsIgnoreCase(i.department()))
          && (min == null || score >= min)
          && (max == null || score <= max);
    }

    String query() {
      StringBuilder q = new StringBuilder();
      add(q, "department", department);
      add(q, "min", min == null ? null : plain(min));
      add(q, "max", max == null ? null : plain(max));
      add(q, "state", state);
      return q.toString();
    }

    private static void add(StringBuilder q, String key, String value) {
      if (value != null) {
        q.append(q.length() == 0 ? "?" : "&")
            .append(key)
            .append('=')
            .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
      }
    }

    private static Double score(String text, String what, List<String> problems) {
      if (blank(text) == null) {
        return null;
      }
      try {
        double v = Double.parseDouble(text.strip());
        if (v >= 0 && v <= 1) {
          return v;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add("the " + what + " must be a number from 0 to 1; that filter is ignored");
      return null;
    }
  }

  String runs(List<RunId> runs) {
    Map<String, Object> m = top("Runs", null);
    m.put("runs", runs.stream().map(r -> Map.of("runId", r.value())).toList());
    m.put("hasRuns", !runs.isEmpty());
    return Pages.render("runs", m);
  }

  String proposals(RunView view, Fields query, Object flash) {
    Filter f = Filter.of(query);
    Map<String, Object> m = top("Proposals, run " + view.runId, view.runId);
    m.put("navProposals", true);
    m.put("flash", flash(flash));
    Map<RunView.State, Integer> counts = new EnumMap<>(RunView.State.class);
    TreeSet<String> departments = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RunView.Item i : view.items) {
      counts.merge(i.state(), 1, Integer::sum);
      if (!i.department().isEmpty()) {
        departments.add(i.department());
      }
      if (f.keeps(i)) {
        rows.add(row(view.runId, i));
      }
    }
    m.put("rows", rows);
    m.put("hasRows", !rows.isEmpty());
    m.put("shown", rows.size());
    m.put("inScope", view.items.size());
    List<Map<String, Object>> countList = new ArrayList<>();
    for (RunView.State s : RunView.State.values()) {
      countList.add(Map.of("word", s.word, "count", counts.getOrDefault(s, 0)));
    }
    m.put("counts", countList);
    List<Map<String, Object>> depts = new ArrayList<>();
    for (String d : departments) {
      depts.add(Map.of("name", d, "selected", d.equalsIgnoreCase(nz(f.department()))));
    }
    m.put("departments", depts);
    m.put("min", f.min() == null ? "" : plain(f.min()));
    m.put("max", f.max() == null ? "" : plain(f.max()));
    List<Map<String, Object>> states = new ArrayList<>();
    for (String[] s :
        new String[][] {
          {"pending", "undecided (pending)"},
          {"decided", "decided"},
          {"closed", "expired or withdrawn"},
          {"all", "all"}
        }) {
      states.add(Map.of("value", s[0], "label", s[1], "selected", s[0].equals(f.state())));
    }
    m.put("states", states);
    m.put("filterProblems", f.problems());
    m.put("back", "/runs/" + view.runId + "/proposals" + f.query());
    m.put("anyDecidable", rows.stream().anyMatch(r -> Boolean.TRUE.equals(r.get("decidable"))));
    return Pages.render("proposals", m);
  }

  String proposal(RunView view, RunView.Item item, Object flash) {
    Proposal p = item.proposal();
    Map<String, Object> m = top("Proposal " + p.getProposalId(), view.runId);
    m.put("navProposals", true);
    m.put("flash", flash(flash));
    m.putAll(row(view.runId, item));
    m.put("menteeId", p.getMenteeId());
    m.put("mentorId", p.getMentorId());
    m.put("mentorDepartment", department(p.getMentorDepartment()));
    m.put("proposedOn", p.getProposedOn());
    m.put("expiresOn", p.getExpiresOn());
    m.put("coverage", fixed(p.getScoreParts().getCoverage(), 2));
    m.put("seniorityPart", fixed(p.getScoreParts().getSeniority(), 2));
    m.put("timezonePart", fixed(p.getScoreParts().getTimezone(), 2));
    m.put("departmentPart", fixed(p.getScoreParts().getDepartment(), 2));
    List<Map<String, Object>> shared = new ArrayList<>();
    for (SharedTopic s : p.getShared()) {
      shared.add(
          Map.of(
              "goal",
              s.getGoal(),
              "skill",
              s.getSkill(),
              "similarity",
              fixed(s.getSimilarity(), 2),
              "how",
              s.getHow()));
    }
    m.put("shared", shared);
    m.put("hasShared", !shared.isEmpty());
    m.put("reasons", p.getReasons());
    List<Map<String, Object>> alternatives = new ArrayList<>();
    for (Alternative a : p.getAlternatives()) {
      Map<String, Object> alt = new HashMap<>();
      alt.put("name", a.getMentorName());
      alt.put("id", a.getMentorId());
      alt.put("score", fixed(a.getScore(), 3));
      alt.put("whyNot", a.getWhyNot());
      alt.put(
          "chooseUrl",
          item.decidable() && a.getMentorEmail() != null
              ? "/runs/"
                  + view.runId
                  + "/proposals/"
                  + p.getProposalId()
                  + "/with/"
                  + a.getMentorId()
              : false);
      alternatives.add(alt);
    }
    m.put("menteeProfile", profile(p.getMenteeProfile()));
    m.put("mentorProfile", profile(p.getMentorProfile()));
    if (item.decision() != null && item.decision().getChosenInsteadOf() != null) {
      Alternative a = AlternativeChoice.listed(p, item.decision().getMentorId());
      m.put(
          "chosenInstead",
          Map.of("name", a == null ? item.decision().getMentorId() : a.getMentorName()));
    } else {
      m.put("chosenInstead", false);
    }
    m.put("alternatives", alternatives);
    m.put("hasAlternatives", !alternatives.isEmpty());
    m.put("clusterLabel", p.getClusterLabel());
    m.put("subject", p.getIntroductionSubject());
    String text =
        item.decision() != null && item.decision().getEditedIntroduction() != null
            ? item.decision().getEditedIntroduction()
            : p.getIntroduction();
    m.put("introduction", text);
    m.put(
        "note",
        item.decision() == null || item.decision().getNote() == null
            ? false
            : item.decision().getNote());
    m.put("back", "/runs/" + view.runId + "/proposals/" + p.getProposalId());
    return Pages.render("proposal", m);
  }

  String alternative(RunView view, RunView.Item item, String mentorId, LocalDate today)
      throws IOException {
    Proposal p = item.proposal();
    Alternative a = AlternativeChoice.listed(p, mentorId);
    AlternativeChoice.Chosen c = AlternativeChoice.redraft(p, a);
    Map<String, Object> m = top("Choose another mentor", view.runId);
    m.put("navProposals", true);
    m.put("proposalId", p.getProposalId());
    m.put("url", "/runs/" + view.runId + "/proposals/" + p.getProposalId());
    m.put("menteeName", p.getMenteeName());
    m.put("proposedName", p.getMentorName());
    m.put("name", a.getMentorName());
    m.put("id", a.getMentorId());
    m.put("department", department(a.getMentorDepartment()));
    m.put("score", fixed(a.getScore(), 3));
    m.put("whyNot", a.getWhyNot());
    List<Map<String, Object>> shared = new ArrayList<>();
    for (SharedTopic t : a.getShared()) {
      shared.add(
          Map.of(
              "goal",
              t.getGoal(),
              "skill",
              t.getSkill(),
              "similarity",
              fixed(t.getSimilarity(), 2),
              "how",
              t.getHow()));
    }
    m.put("shared", shared);
    m.put("hasShared", !shared.isEmpty());
    DecisionStore store = new DecisionStore(files, home);
    List<Proposal> everyRun = new ArrayList<>();
    for (RunId run : home.completeRuns(files)) {
      everyRun.addAll(store.proposals(run));
    }
    int taken =
        AlternativeChoice.taken(
            mentorId, store.ledger(), everyRun, store.withdrawn().keySet(), today);
    int places = a.getPlaces() == null ? 0 : a.getPlaces();
    m.put("places", places);
    m.put("taken", taken);
    m.put("free", taken < places);
    m.put("subject", c.subject());
    m.put("introduction", c.draft());
    m.put("back", "/runs/" + view.runId + "/proposals/" + p.getProposalId());
    return Pages.render("alternative", m);
  }

  String unmatched(RunId runId, ReportData report) {
    Map<String, Object> m = top("Unmatched mentees, run " + runId, runId);
    m.put("navUnmatched", true);
    m.put("hasReport", report != null);
    List<Map<String, Object>> rows = new ArrayList<>();
    long total = 0;
    if (report != null) {
      total = report.unmatchedCount();
      for (ReportData.UnmatchedView u : report.unmatched()) {
        if (who.covers(u.department())) {
          rows.add(
              Map.of(
                  "memberId", u.memberId(),
                  "name", u.name(),
                  "department", department(u.department()),
                  "reason", u.reason()));
        }
      }
      m.put("truncated", report.unmatched().size() < total);
      m.put("listed", report.unmatched().size());
      m.put("total", total);
    }
    m.put("rows", rows);
    m.put("hasRows", !rows.isEmpty());
    m.put("shown", rows.size());
    return Pages.render("unmatched", m);
  }

  String fairness(RunId runId, ReportData report) {
    Map<String, Object> m = top("Fairness, run " + runId, runId);
    m.put("navFairness", true);
    m.put("hasReport", report != null);
    if (report != null) {
      m.putAll(ReportPage.fairness(report));
    }
    return Pages.render("fairness", m);
  }

  private Map<String, Object> row(RunId runId, RunView.Item i) {
    Proposal p = i.proposal();
    Map<String, Object> r = new HashMap<>();
    r.put("proposalId", p.getProposalId());
    r.put("url", "/runs/" + runId + "/proposals/" + p.getProposalId());
    r.put("menteeName", p.getMenteeName());
    r.put("menteeDepartment", department(p.getMenteeDepartment()));
    r.put("mentorName", p.getMentorName());
    r.put("mentorDepartmentShort", department(p.getMentorDepartment()));
    r.put("score", fixed(p.getScore(), 3));
    r.put("state", i.state().word);
    r.put("stateText", i.stateText());
    r.put("decidable", i.decidable());
    return r;
  }

  private Map<String, Object> top(String title, RunId runId) {
    Map<String, Object> m = new HashMap<>();
    m.put("title", title);
    m.put("runId", runId == null ? false : runId.value());
    m.put("coordinatorName", who.name());
    m.put("coordinatorId", who.id());
    m.put("scope", who.everyone() ? "every department" : who.scope());
    m.put("csrf", session.csrf);
    m.put("maxIntroduction", Decisions.MAX_INTRODUCTION);
    m.put("maxNote", Decisions.MAX_NOTE);
    m.put("navProposals", false);
    m.put("navUnmatched", false);
    m.put("navFairness", false);
    m.put("flash", false);
    return m;
  }

  private static Object profile(Profile p) {
    if (p == null) {
      return false;
    }
    Map<String, Object> m = new HashMap<>();
    m.put("goals", p.getGoals().isEmpty() ? false : String.join("; ", p.getGoals()));
    m.put("skills", p.getSkills().isEmpty() ? false : String.join("; ", p.getSkills()));
    m.put("timezone", p.getTimezone());
    m.put("seniority", p.getSeniority());
    m.put("languages", String.join(", ", p.getLanguages()));
    return m;
  }

  private static Object flash(Object flash) {
    if (!(flash instanceof Decisions.Outcome o)) {
      return false;
    }
    Map<String, Object> m = new HashMap<>();
    m.put("applied", o.applied());
    m.put("hasApplied", !o.applied().isEmpty());
    m.put("unchanged", o.unchanged());
    m.put("hasUnchanged", !o.unchanged().isEmpty());
    m.put("refused", o.refused());
    m.put("hasRefused", !o.refused().isEmpty());
    return m;
  }

  private static String department(String d) {
    return d == null || d.isBlank() ? "no department" : d;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  private static String fixed(double v, int places) {
    return String.format(Locale.ROOT, "%." + places + "f", v);
  }
}
