package org.mentormatch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HubnessReductionTest {
  @Test
  void aSkillCloseToEveryGoalLosesAGoalToTheSkillThatIsCloseOnlyToIt() {
    // skill 0 is a hub (0.5 to every goal), skill 1 is specific to goal 0.
    double[][] cos = {
      {0.50, 0.45},
      {0.50, 0.05},
      {0.50, 0.00},
    };
    assertTrue(cos[0][0] > cos[0][1]);
    double[][] r = HubnessReduction.of(cos, 2);
    assertTrue(r[0][1] > r[0][0], "goal 0 now prefers its specific skill");
  }

  @Test
  void theOrderOfPairsIsCslssAndTheMeanPenaltyIsZero() {
    SplittableRandom random = new SplittableRandom(7);
    int goals = 30;
    int skills = 20;
    int k = 5;
    double[][] cos = new double[goals][skills];
    for (double[] row : cos) {
      for (int s = 0; s < skills; s++) {
        row[s] = random.nextDouble(-0.2, 0.9);
      }
    }
    double[][] reduced = HubnessReduction.of(cos, k);
    double[] rGoal = new double[goals];
    double[] rSkill = new double[skills];
    for (int g = 0; g < goals; g++) {
      rGoal[g] = topMean(cos[g], k);
    }
    for (int s = 0; s < skills; s++) {
      double[] col = new double[goals];
      for (int g = 0; g < goals; g++) {
        col[g] = cos[g][s];
      }
      rSkill[s] = topMean(col, k);
    }
    double sumShift = 0;
    for (int a = 0; a < goals * skills; a++) {
      double csls = 2 * cos[a / skills][a % skills] - rGoal[a / skills] - rSkill[a % skills];
      sumShift += cos[a / skills][a % skills] - reduced[a / skills][a % skills];
      for (int b = 0; b < goals * skills; b++) {
        double other = 2 * cos[b / skills][b % skills] - rGoal[b / skills] - rSkill[b % skills];
        if (Math.abs(csls - other) > 1e-6) {
          assertEquals(
              csls > other,
              reduced[a / skills][a % skills] > reduced[b / skills][b % skills],
              "pairs " + a + " and " + b);
        }
      }
    }
    assertEquals(0, sumShift / (goals * skills), 1e-9);
  }

  @Test
  void whenEveryNeighbourhoodIsAlikeNothingChanges() {
    double[][] cos = {
      {0.6, 0.1},
      {0.1, 0.6},
    };
    double[][] r = HubnessReduction.of(cos, 1);
    assertArrayEquals(cos[0], r[0]);
    assertArrayEquals(cos[1], r[1]);
  }

  @Test
  void theOrderOfPhrasesCannotChangeAValue() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] cos = new double[40][25];
    for (double[] row : cos) {
      for (int s = 0; s < row.length; s++) {
        row[s] = random.nextDouble(-0.2, 0.9);
      }
    }
    double[][] reversed = new double[40][];
    for (int g = 0; g < 40; g++) {
      reversed[g] = cos[39 - g];
    }
    double[][] a = HubnessReduction.of(cos, 10);
    double[][] b = HubnessReduction.of(reversed, 10);
    for (int g = 0; g < 40; g++) {
      for (int s = 0; s < 25; s++) {
        assertEquals(Double.doubleToRawLongBits(a[g][s]), Double.doubleToRawLongBits(b[39 - g][s]));
      }
    }
  }

  @Test
  void aNeighbourhoodMustHoldAPhrase() {
    assertThrows(IllegalArgumentException.class, () -> HubnessReduction.of(new double[1][1], 0));
  }

  private static double topMean(double[] v, int k) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    double sum = 0;
    for (int i = 0; i < k; i++) {
      sum += s[s.length - 1 - i];
    }
    return sum / k;
  }
}
