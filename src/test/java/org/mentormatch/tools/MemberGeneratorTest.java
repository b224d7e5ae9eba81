package org.mentormatch.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mentormatch.tools.MembersCsv.generate;
import static org.mentormatch.tools.MembersCsv.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.mentormatch.tools.MemberGenerator.HeaderOrder;
import org.mentormatch.tools.MemberGenerator.NotableRow;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MembersCsv.Generated;

class MemberGeneratorTest {

  private static final List<String> CONTRACT_COLUMNS =
      List.of(
          "member_id",
          "name",
          "email",
          "role",
          "goals",
          "skills",
          "department",
          "manager_id",
          "timezone",
          "seniority",
          "languages",
          "capacity",
          "consent");

  @Test
  void sameOptionsGiveSameBytes() {
    Options o = new Options(2_000, 7, true, HeaderOrder.SHUFFLED);
    assertEquals(generate(o).text(), generate(o).text());
  }

  @Test
  void differentSeedGivesDifferentFile() {
    assertNotEquals(
        generate(new Options(500, 1, false, HeaderOrder.CONTRACT)).text(),
        generate(new Options(500, 2, false, HeaderOrder.CONTRACT)).text());
  }

  @Test
  void withoutBrokenRowsEveryRowFollowsTheContract() {
    Generated g = generate(new Options(3_000, 11, false, HeaderOrder.CONTRACT));
    assertFalse(g.text().startsWith("\uFEFF"), "a byte order mark only comes with broken rows");
    MembersCsv p = parse(g.text());
    assertEquals(3_000, p.records().size());
    for (CSVRecord r : p.records()) {
      assertEquals(List.of(), p.violations().get(r), () -> "record " + r.getRecordNumber());
    }
    assertEquals(3_000, g.summary().validRows());
    assertEquals(List.of(), g.summary().brokenRows());
    assertEquals(List.of(), g.summary().trickyRows());
  }

  @Test
  void headerHasEveryContractColumnAndTheUnknownOffice() {
    for (HeaderOrder order : HeaderOrder.values()) {
      List<String> header = parse(generate(new Options(50, 3, true, order)).text()).header();
      assertTrue(header.containsAll(CONTRACT_COLUMNS), order + ": " + header);
      assertTrue(header.contains("office"), order + ": " + header);
      assertEquals(CONTRACT_COLUMNS.size() + 1, header.size(), order + ": " + header);
    }
    List<String> contract =
        parse(generate(new Options(50, 3, false, HeaderOrder.CONTRACT)).text()).header();
    assertEquals(CONTRACT_COLUMNS, contract.subList(0, CONTRACT_COLUMNS.size()));
  }

  @Test
  void shuffledHeaderOnlyMovesColumns() {
    MembersCsv contract = parse(generate(new Options(300, 5, true, HeaderOrder.CONTRACT)).text());
    MembersCsv shuffled = parse(generate(new Options(300, 5, true, HeaderOrder.SHUFFLED)).text());
    assertNotEquals(contract.header(), shuffled.header());
    assertEquals(contract.records().size(), shuffled.records().size());
    for (int i = 0; i < contract.records().size(); i++) {
      CSVRecord a = contract.records().get(i);
      CSVRecord b = shuffled.records().get(i);
      if (a.isConsistent()) {
        assertEquals(a.toMap(), b.toMap(), "record " + a.getRecordNumber());
      }
    }
  }

  @Test
  void everyManagerIsAMemberAndEveryChainEndsAtAHead() {
    MembersCsv p = parse(generate(new Options(5_000, 13, false, HeaderOrder.CONTRACT)).text());
    Map<String, String> managerOf = new HashMap<>();
    for (CSVRecord r : p.records()) {
      managerOf.put(r.get("member_id"), r.get("manager_id"));
    }
    Set<String> managers = new HashSet<>();
    int heads = 0;
    for (Map.Entry<String, String> e : managerOf.entrySet()) {
      String boss = e.getValue();
      if (boss.isEmpty()) {
        heads++;
        continue;
      }
      assertTrue(managerOf.containsKey(boss), e.getKey() + " reports to unknown " + boss);
      managers.add(boss);
      String at = e.getKey();
      for (int steps = 0; !managerOf.get(at).isEmpty(); steps++) {
        assertTrue(steps < 20, "management chain of " + e.getKey() + " does not end");
        at = managerOf.get(at);
      }
    }
    assertTrue(heads >= 8, "one head per department, found " + heads);
    assertTrue(managers.size() > heads * 3, "managers: " + managers.size());
  }

  @Test
  void sampleHasExactlyOneRejectableRowPerDefectWhereTheSummarySaysSo() {
    Generated g = generate(Options.defaults());
    MembersCsv p = parse(g.text());
    List<Long> badLines = new ArrayList<>();
    for (CSVRecord r : p.records()) {
      List<String> problems = p.violations().get(r);
      if (!problems.isEmpty()) {
        assertEquals(1, problems.size(), () -> "line " + p.line(r) + ": " + problems);
        badLines.add(p.line(r));
      }
    }
    int defects = MemberGenerator.Style.SAMPLE.defects().size();
    assertEquals(defects, badLines.size(), "rows failing the contract: " + badLines);
    assertEquals(badLines, g.summary().brokenRows().stream().map(NotableRow::line).toList());
    assertEquals(320 + defects, p.records().size());
    assertEquals(320, g.summary().validRows());
  }

  @Test
  void sampleStartsWithBomAndHasTheAwkwardValidRows() {
    Generated g = generate(Options.defaults());
    assertTrue(g.text().startsWith("\uFEFF"));
    MembersCsv p = parse(g.text());
    assertTrue(
        p.records().stream().anyMatch(r -> r.isConsistent() && r.get("goals").contains("\n")));
    assertTrue(
        p.records().stream().anyMatch(r -> r.isConsistent() && r.get("name").startsWith("=")));
    assertTrue(p.records().stream().anyMatch(r -> r.isConsistent() && r.get("name").contains(",")));
    assertEquals(3, g.summary().trickyRows().size());
    for (NotableRow t : g.summary().trickyRows()) {
      CSVRecord r =
          p.records().stream().filter(x -> p.line(x) == t.line()).findFirst().orElseThrow();
      assertEquals(t.memberId(), r.get("member_id"));
      assertEquals(List.of(), p.violations().get(r), "line " + t.line());
    }
  }

  @Test
  void membersLookLikeAMentoringProgramme() {
    MembersCsv p = parse(generate(new Options(5_000, 17, false, HeaderOrder.CONTRACT)).text());
    Map<String, Integer> roles = new HashMap<>();
    Set<String> departments = new TreeSet<>();
    long withoutEnglish = 0;
    double mentorSeniority = 0;
    double menteeSeniority = 0;
    int mentors = 0;
    int mentees = 0;
    for (CSVRecord r : p.records()) {
      String role = r.get("role").toLowerCase(Locale.ROOT);
      roles.merge(role, 1, Integer::sum);
      departments.add(r.get("department"));
      String langs = r.get("languages");
      if (!langs.isEmpty() && !List.of(langs.split(";")).contains("en")) {
        withoutEnglish++;
      }
      if (!r.get("seniority").isEmpty()) {
        int s = Integer.parseInt(r.get("seniority"));
        if (role.equals("mentor")) {
          mentorSeniority += s;
          mentors++;
        } else if (role.equals("mentee")) {
          menteeSeniority += s;
          mentees++;
        }
      }
    }
    double n = p.records().size();
    assertBetween(0.42, 0.58, roles.get("mentee") / n, "mentee share");
    assertBetween(0.28, 0.42, roles.get("mentor") / n, "mentor share");
    assertBetween(0.10, 0.22, roles.get("both") / n, "both share");
    assertTrue(mentorSeniority / mentors > menteeSeniority / mentees + 1, "mentors are senior");
    departments.remove("");
    assertTrue(departments.size() >= 8, "departments: " + departments);
    assertTrue(withoutEnglish > 0, "some members speak no English");
  }

  @Test
  void everyTopicNamesATaxonomyConceptAndReadsAsGoalAndSkill() throws IOException {
    Set<String> concepts = new HashSet<>();
    try (InputStream in = getClass().getResourceAsStream("/taxonomy/concepts.csv")) {
      assertTrue(in != null, "taxonomy/concepts.csv is on the classpath");
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      CSVFormat f = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      for (CSVRecord r : CSVParser.parse(reader, f)) {
        concepts.add(r.get("concept"));
      }
    }
    for (TopicBank.Topic t : TopicBank.allTopics()) {
      assertTrue(concepts.contains(t.concept()), "not in the taxonomy: " + t.concept());
      assertTrue(t.phrasings().stream().anyMatch(TopicBank.Phrasing::forGoals), t.concept());
      assertTrue(t.phrasings().stream().anyMatch(TopicBank.Phrasing::forSkills), t.concept());
    }
  }

  @Test
  void typoDropsOrSwapsOneLetterButNeverTheFirst() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 200; i++) {
      String t = Typing.typo("machine learning", random);
      assertNotEquals("machine learning", t);
      assertTrue(t.startsWith("m") && t.contains(" l"), t);
      assertTrue(t.length() >= "machine learning".length() - 1, t);
    }
    assertEquals("ML", Typing.typo("ML", random));
  }

  @Test
  void optionsNeedAtLeastOneMember() {
    assertThrows(
        IllegalArgumentException.class, () -> new Options(0, 1, false, HeaderOrder.CONTRACT));
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertBetween(double low, double high, double actual, String what) {
    assertTrue(
        actual >= low && actual <= high, what + " " + actual + " not in " + low + ".." + high);
  }
}
