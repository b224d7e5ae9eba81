package org.mentormatch.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mentormatch.tools.MembersCsv.generate;
import static org.mentormatch.tools.MembersCsv.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mentormatch.tools.MemberGenerator.Defect;
import org.mentormatch.tools.MemberGenerator.HeaderOrder;
import org.mentormatch.tools.MemberGenerator.NotableRow;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MemberGenerator.Style;
import org.mentormatch.tools.MembersCsv.Generated;

class RealisticStyleTest {

  private static Options realistic(int members, long seed, boolean brokenRows) {
    return new Options(members, seed, brokenRows, HeaderOrder.CONTRACT, Style.REALISTIC);
  }

  @Test
  void sameOptionsGiveSameBytesAndAnotherSeedAnotherFile() {
    Options o = new Options(3_000, 7, true, HeaderOrder.SHUFFLED, Style.REALISTIC);
    assertEquals(generate(o).text(), generate(o).text());
    assertNotEquals(generate(o).text(), generate(realistic(3_000, 8, true)).text());
  }

  @Test
  void everyRowIsValidOrBrokenAsTheSummaryDeclares() {
    Generated g = generate(realistic(4_000, 21, true));
    MembersCsv p = parse(g.text());
    Map<Long, String> declared = new HashMap<>();
    for (NotableRow b : g.summary().brokenRows()) {
      declared.put(b.line(), b.what());
    }
    List<Long> badLines = new ArrayList<>();
    for (CSVRecord r : p.records()) {
      List<String> problems = p.violations().get(r);
      if (!problems.isEmpty()) {
        assertEquals(1, problems.size(), () -> "line " + p.line(r) + ": " + problems);
        assertTrue(declared.containsKey(p.line(r)), "undeclared: " + problems);
        badLines.add(p.line(r));
      }
    }
    assertEquals(Style.REALISTIC.defects().size(), badLines.size(), "broken: " + badLines);
    assertEquals(declared.keySet(), new TreeSet<>(badLines));
    assertTrue(declared.containsValue(Defect.SELF_MANAGER.description()));
    assertEquals(4_000, g.summary().validRows());
    assertEquals(4_000 + Style.REALISTIC.defects().size(), p.records().size());
  }

  @Test
  void withoutBrokenRowsEveryRowIsValidAndEveryManagementChainEndsAtAHead() {
    Generated g = generate(realistic(5_000, 22, false));
    assertFalse(g.text().startsWith("\uFEFF"));
    MembersCsv p = parse(g.text());
    Map<String, CSVRecord> byId = new HashMap<>();
    for (CSVRecord r : p.records()) {
      assertEquals(List.of(), p.violations().get(r), () -> "line " + p.line(r));
      byId.put(r.get("member_id"), r);
    }
    assertEquals(Set.of(), cycles(p), "management cycles");
    int heads = 0;
    for (CSVRecord r : p.records()) {
      String boss = r.get("manager_id");
      if (boss.isEmpty()) {
        heads++;
        continue;
      }
      CSVRecord manager = byId.get(boss);
      assertTrue(manager != null, r.get("member_id") + " reports to unknown " + boss);
      String mine = r.get("department");
      String theirs = manager.get("department");
      assertTrue(
          mine.isEmpty() || theirs.isEmpty() || mine.equals(theirs),
          r.get("member_id") + " in " + mine + " reports to " + boss + " in " + theirs);
    }
    assertEquals(AreaModel.DEPARTMENTS.size(), heads, "one head per department");
  }

  @Test
  void theOnlyManagementCyclesAreTheDeclaredOnes() {
    Generated g = generate(realistic(3_000, 23, true));
    MembersCsv p = parse(g.text());
    Set<String> declared = new TreeSet<>();
    for (NotableRow t : g.summary().trickyRows()) {
      if (t.what().contains("management cycle")) {
        declared.add(t.memberId());
      }
    }
    assertEquals(2, declared.size(), "a two-member cycle is declared");
    Set<String> found = cycles(p);
    // The self-managed broken row is a cycle of one; the job rejects it.
    Set<String> selfManaged = new TreeSet<>();
    for (CSVRecord r : p.records()) {
      if (r.isConsistent() && r.get("manager_id").equals(r.get("member_id"))) {
        selfManaged.add(r.get("member_id"));
      }
    }
    assertEquals(1, selfManaged.size());
    Set<String> expected = new TreeSet<>(declared);
    expected.addAll(selfManaged);
    assertEquals(expected, found);
  }

  @Test
  void distinctPhrasingsGrowWithTheNumberOfMembersAndFollowAZipfLikeCurve() {
    Map<String, Integer> small = phraseCounts(generate(realistic(2_000, 5, false)));
    Map<String, Integer> large = phraseCounts(generate(realistic(20_000, 5, false)));
    assertTrue(
        large.size() > 4 * small.size(),
        "ten times the members: " + small.size() + " -> " + large.size() + " distinct");
    Map<String, Integer> sample =
        phraseCounts(generate(new Options(20_000, 5, false, HeaderOrder.CONTRACT, Style.SAMPLE)));
    assertTrue(
        large.size() > 3 * sample.size(),
        "realistic " + large.size() + " vs sample " + sample.size() + " distinct");
    List<Integer> ranked = large.values().stream().sorted((a, b) -> b - a).toList();
    double slope = logLogSlope(ranked.subList(0, 5_000));
    assertTrue(slope < -0.6 && slope > -1.4, "frequency ~ rank^" + slope);
  }

  @Test
  void skillsRepeatMoreThanGoals() {
    Generated g = generate(realistic(10_000, 6, false));
    MembersCsv p = parse(g.text());
    Set<String> goals = new HashSet<>();
    Set<String> skills = new HashSet<>();
    long goalCount = 0;
    long skillCount = 0;
    for (CSVRecord r : p.records()) {
      for (String s : MembersCsv.phrases(r.get("goals"))) {
        goals.add(s.toLowerCase(Locale.ROOT));
        goalCount++;
      }
      for (String s : MembersCsv.phrases(r.get("skills"))) {
        skills.add(s.toLowerCase(Locale.ROOT));
        skillCount++;
      }
    }
    double goalVariety = goals.size() / (double) goalCount;
    double skillVariety = skills.size() / (double) skillCount;
    assertTrue(
        skillVariety < goalVariety,
        "skills in the usual vocabulary (" + skillVariety + ") vs own words (" + goalVariety + ")");
  }

  /** Distinct phrasings, ignoring case, with how often each occurs. */
  private static Map<String, Integer> phraseCounts(Generated g) {
    Map<String, Integer> counts = new HashMap<>();
    for (CSVRecord r : parse(g.text()).records()) {
      for (String column : List.of("goals", "skills")) {
        for (String s : MembersCsv.phrases(r.get(column))) {
          counts.merge(s.toLowerCase(Locale.ROOT), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  private static double logLogSlope(List<Integer> frequencies) {
    int n = frequencies.size();
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += Math.log(i + 1) / n;
      my += Math.log(frequencies.get(i)) / n;
    }
    double num = 0;
    double den = 0;
    for (int i = 0; i < n; i++) {
      double dx = Math.log(i + 1) - mx;
      num += dx * (Math.log(frequencies.get(i)) - my);
      den += dx * dx;
    }
    return num / den;
  }

  /** Every member on a manager_id cycle (a member naming themself is a cycle of one). */
  private static Set<String> cycles(MembersCsv p) {
    Map<String, String> managerOf = new HashMap<>();
    for (CSVRecord r : p.records()) {
      if (r.isConsistent()) {
        managerOf.putIfAbsent(r.get("member_id"), r.get("manager_id"));
      }
    }
    Set<String> onCycle = new TreeSet<>();
    for (String start : managerOf.keySet()) {
      Set<String> path = new LinkedHashSet<>();
      String at = start;
      while (at != null && !at.isEmpty() && path.add(at)) {
        at = managerOf.get(at);
      }
      if (at != null && !at.isEmpty() && at.equals(start)) {
        onCycle.add(start);
      }
    }
    return onCycle;
  }
}
