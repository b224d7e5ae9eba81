package org.mentormatch.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mentormatch.UserError;

class TaxonomyTest {

  private static final String HEADER = "concept,area,broader,variants\n";

  private static Taxonomy parse(String body) {
    return Taxonomy.parse(new StringReader(HEADER + body), "extra.csv");
  }

  private static Taxonomy extend(Taxonomy base, String body) {
    return base.extendedWith(new StringReader(HEADER + body), "extra.csv");
  }

  private static String failure(String csv) {
    return assertThrows(UserError.class, () -> Taxonomy.parse(new StringReader(csv), "extra.csv"))
        .getMessage();
  }

  @Test
  void builtInHasAtLeast200Concepts() {
    assertTrue(Taxonomy.builtIn().concepts().size() >= 200);
  }

  @Test
  void builtInBroaderConceptsExistWithinThreeSteps() {
    Taxonomy t = Taxonomy.builtIn();
    for (Taxonomy.Concept c : t.concepts()) {
      int steps = 0;
      for (Taxonomy.Concept at = c; !at.broader().isEmpty(); at = t.concept(at.broader())) {
        assertNotNull(t.concept(at.broader()), at.name() + " -> " + at.broader());
        steps++;
      }
      assertTrue(steps <= 3, c.name() + " is " + steps + " steps from its root");
    }
  }

  @Test
  void builtInFollowsItsReadme() {
    Set<String> areas =
        Set.of(
            "engineering",
            "data",
            "design",
            "product",
            "marketing",
            "sales",
            "finance",
            "people",
            "legal",
            "operations",
            "leadership",
            "communication");
    Set<String> names = new HashSet<>();
    Taxonomy.builtIn().concepts().forEach(c -> names.add(c.name()));
    for (Taxonomy.Concept c : Taxonomy.builtIn().concepts()) {
      assertTrue(areas.contains(c.area()), c.name() + " has area " + c.area());
      for (String v : c.variants()) {
        assertTrue(!names.contains(v), "variant '" + v + "' of " + c.name() + " is a concept");
      }
    }
  }

  @Test
  void builtInReadsTheDocumentedExamples() {
    Taxonomy t = Taxonomy.builtIn();
    Taxonomy.Concept ml = t.concept("machine learning");
    assertEquals("data", ml.area());
    assertEquals("artificial intelligence", ml.broader());
    assertTrue(ml.variants().contains("ml"), ml.variants().toString());
    assertEquals("machine learning", t.concept("deep learning").broader());
    assertTrue(t.concept("kubernetes").variants().contains("k8s"));
    assertNull(t.concept("ml"), "a variant is not a concept");
  }

  @Test
  void parseNormalisesNamesAndVariants() {
    Taxonomy t = parse("Machine  Learning , Data ,, ML ; Statistical   Learning;;\n");
    Taxonomy.Concept c = t.concept("machine learning");
    assertEquals(
        new Taxonomy.Concept("machine learning", "data", "", List.of("ml", "statistical learning")),
        c);
  }

  @Test
  void unknownBroaderConceptFails() {
    String m = failure(HEADER + "deep learning,data,machine learning,dl\n");
    assertEquals(
        "extra.csv: concept 'deep learning' names an unknown broader concept 'machine learning'",
        m);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a,x,b,|b,x,a,", // two concepts
        "a,x,a,|b,x,,", // a concept its own broader
        "a,x,b,|b,x,c,|c,x,a,|d,x,a,", // three concepts, and one hanging off the cycle
      })
  void cycleOfBroaderConceptsFails(String rows) {
    String m = failure(HEADER + rows.replace('|', '\n') + "\n");
    assertTrue(m.startsWith("extra.csv: broader concepts form a cycle through '"), m);
  }

  @Test
  void variantClaimedByTwoConceptsFails() {
    String m = failure(HEADER + "machine learning,data,,ml;predictive modelling\nmlops,data,,ml\n");
    assertEquals(
        "extra.csv: the phrasing 'ml' belongs to both 'machine learning' and 'mlops'; keep it"
            + " under one concept",
        m);
  }

  @Test
  void variantThatIsAnotherConceptFails() {
    String m = failure(HEADER + "python,engineering,,\nscripting,engineering,,python\n");
    assertTrue(m.contains("the phrasing 'python' belongs to both"), m);
  }

  @Test
  void conceptTwiceFails() {
    String m = failure(HEADER + "sql,data,,\nSQL,data,,structured query language\n");
    assertTrue(m.contains("concept 'sql' appears twice"), m);
    assertTrue(m.startsWith("extra.csv line 3"), m);
  }

  @Test
  void emptyConceptFails() {
    String m = failure(HEADER + " ,data,,x\n");
    assertTrue(m.contains("empty concept"), m);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "area,broader,variants | concept",
        "concept,broader,variants | area",
        "concept,area,variants | broader",
        "concept,area,broader | variants",
      })
  void missingColumnIsNamed(String header, String missing) {
    String m = failure(header + "\n");
    assertEquals(
        "extra.csv lacks the column '"
            + missing
            + "' (header: concept,area,broader,variants, and optionally goals)",
        m);
  }

  @Test
  void mergeAddsConceptsAndVariants() {
    Taxonomy builtIn = Taxonomy.builtIn();
    int before = builtIn.concepts().size();
    List<String> pythonBefore = builtIn.concept("python").variants();
    Taxonomy merged =
        extend(
            builtIn,
            "quantum computing,engineering,,qc;quantum algorithms\n"
                + "quantum annealing,engineering,quantum computing,\n"
                + "python,,,py;pythonic code\n");

    assertEquals(before + 2, merged.concepts().size());
    Taxonomy.Concept quantum = merged.concept("quantum computing");
    assertEquals("engineering", quantum.area());
    assertEquals("quantum computing", merged.concept("quantum annealing").broader());
    assertEquals(List.of("qc", "quantum algorithms"), quantum.variants());

    Taxonomy.Concept python = merged.concept("python");
    assertEquals(pythonBefore, python.variants().subList(0, pythonBefore.size()));
    assertEquals(
        List.of("py", "pythonic code"),
        python.variants().subList(pythonBefore.size(), python.variants().size()));
    assertEquals("engineering", python.area(), "an empty area keeps the built-in one");
    assertEquals("software engineering", python.broader(), "an empty broader keeps the old one");

    assertNull(builtIn.concept("quantum computing"), "merge leaves the built-in unchanged");
    assertEquals(pythonBefore, builtIn.concept("python").variants());
  }

  @Test
  void mergeMayNameABroaderConceptOfTheBuiltIn() {
    Taxonomy merged = extend(Taxonomy.builtIn(), "sqlmesh,data,sql,sql mesh\n");
    assertEquals("sql", merged.concept("sqlmesh").broader());
  }

  @Test
  void mergeRejectsAVariantTheBuiltInGivesAnotherConcept() {
    UserError e =
        assertThrows(
            UserError.class, () -> extend(Taxonomy.builtIn(), "robotics,engineering,,ml\n"));
    assertEquals(
        "extra.csv: the phrasing 'ml' belongs to both 'machine learning' and 'robotics'; keep it"
            + " under one concept",
        e.getMessage());
  }

  @Test
  void goalsAreAnOptionalColumnOfPhrasesSeparatedBySemicolons() {
    Taxonomy t =
        Taxonomy.parse(
            new StringReader(
                "concept,area,broader,variants,goals\n"
                    + "public speaking,communication,,presenting,"
                    + "Calm my nerves on stage; ;talk to  a room;calm my nerves on stage\n"
                    + "negotiation,sales,,haggling,\n"),
            "extra.csv");
    assertEquals(
        List.of("calm my nerves on stage", "talk to a room"), t.concept("public speaking").goals());
    assertEquals(List.of(), t.concept("negotiation").goals());
    assertEquals(List.of(), parse("sql,data,,structured query language\n").concept("sql").goals());
  }

  @Test
  void extendingAConceptAddsItsNewGoals() {
    Taxonomy base =
        Taxonomy.parse(
            new StringReader(
                "concept,area,broader,variants,goals\nsql,data,,,query our warehouse myself\n"),
            "base.csv");
    Taxonomy merged =
        base.extendedWith(
            new StringReader(
                "concept,area,broader,variants,goals\n"
                    + "sql,data,,,query our warehouse myself;stop waiting for someone to pull data\n"),
            "extra.csv");
    assertEquals(
        List.of("query our warehouse myself", "stop waiting for someone to pull data"),
        merged.concept("sql").goals());
  }

  @Test
  void builtInGivesEveryConceptGoalsThatAreNeitherNamesNorVariants() {
    Taxonomy t = Taxonomy.builtIn();
    Set<String> names = new HashSet<>();
    for (Taxonomy.Concept c : t.concepts()) {
      names.add(c.name());
      names.addAll(c.variants());
    }
    for (Taxonomy.Concept c : t.concepts()) {
      assertTrue(c.goals().size() >= 6, c.name() + " has " + c.goals().size() + " goals");
      for (String g : c.goals()) {
        assertTrue(!names.contains(g), c.name() + ": the goal '" + g + "' is a name or variant");
      }
    }
  }

  /** One concept, public speaking, with one variant (presenting) and one goal. */
  static Taxonomy speakingWithOneGoal() {
    return Taxonomy.parse(
        new StringReader(
            "concept,area,broader,variants,goals\n"
                + "public speaking,communication,,presenting,calm my nerves on stage\n"),
        "extra.csv");
  }

  @Test
  void aGoalOfAConceptIsNotReadAsTheConcept() {
    PhraseAnalyzer analyzer = new PhraseAnalyzer(speakingWithOneGoal());
    assertEquals(List.of(), analyzer.analyze("calm my nerves on stage").concepts());
    assertEquals(List.of("public speaking"), analyzer.analyze("presenting").concepts());
  }

  @Test
  void aRowMayLeaveOutItsGoalsCellButNoOtherCell() {
    String header = "concept,area,broader,variants,goals\n";
    Taxonomy t = Taxonomy.parse(new StringReader(header + "sql,data,,structured query\n"), "x.csv");
    assertEquals(List.of(), t.concept("sql").goals());
    assertEquals(
        "extra.csv line 2 has 3 cells where the header has 5: put a cell that holds a comma in double"
            + " quotes",
        failure(header + "sql,data,\n"));
    assertEquals(
        "extra.csv line 2 has 6 cells where the header has 5: put a cell that holds a comma in double"
            + " quotes",
        failure(header + "sql,data,,,query our data, and more\n"));
  }

  @Test
  void aColumnNotOfTheTaxonomyOrNamedTwiceIsRefused() {
    assertEquals(
        "extra.csv has the column 'Goals', which is not one of concept,area,broader,variants,goals"
            + " (names in lower case; goals may be left out)",
        failure("concept,area,broader,variants,Goals\nsql,data,,,query\n"));
    assertTrue(
        failure("concept,area,broader,variants,goals,goals\nsql,data,,,a,b\n")
            .startsWith("extra.csv: "));
  }

  @Test
  void goalsWithoutALetterOrDigitAreLeftOutAndOddSpacesAreSpaces() {
    Taxonomy t =
        Taxonomy.parse(
            new StringReader(
                "concept,area,broader,variants,goals\n"
                    + "sql,data,,,query\u00a0our\u200b data;\u00a0;!!!;query our data;\u00a0query our"
                    + " data\n"),
            "x.csv");
    assertEquals(List.of("query our data"), t.concept("sql").goals());
  }
}
