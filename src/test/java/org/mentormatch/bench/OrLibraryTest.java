package org.mentormatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mentormatch.assignment.AssignmentProblem;
import org.mentormatch.assignment.MinCostFlowSolver;

/** The solver reproduces every published OR-Library optimum to the unit, all agents assigned. */
class OrLibraryTest {
  static final Path DIR = Path.of("data/benchmarks/orlib");

  static Stream<String> instances() throws IOException {
    return OrLibraryInstance.optima(DIR).keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("instances")
  void reproducesThePublishedOptimum(String name) throws IOException {
    Map<String, Long> optima = OrLibraryInstance.optima(DIR);
    OrLibraryInstance instance = OrLibraryInstance.read(DIR, name);
    AssignmentProblem p = instance.problem();
    int[] chosen = new MinCostFlowSolver().solve(p);
    long cost = 0;
    boolean[] taskUsed = new boolean[instance.size()];
    for (int e : chosen) {
      cost -= p.edgeScore()[e];
      taskUsed[p.edgeMentor()[e]] = true;
    }
    assertEquals(instance.size(), chosen.length, "every agent assigned");
    for (boolean used : taskUsed) {
      assertEquals(true, used, "every task used once");
    }
    assertEquals(optima.get(name), cost, name);
  }
}
