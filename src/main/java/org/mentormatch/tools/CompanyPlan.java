package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.mentormatch.tools.MemberGenerator.Defect;

/**
 * The row layout decided before any row is written, so a report's manager_id can name a manager
 * whose row comes later in the file: which row is broken, which department each other row belongs
 * to, each department's leaders, and in the realistic style the two members who will name each
 * other as manager. It holds one byte per row plus the leaders.
 */
final class CompanyPlan {

  /** The {@link #rowDepartment} of a broken row. */
  static final byte BROKEN = -1;

  private static final double[] DEPARTMENT_HEADCOUNT = AreaModel.departmentHeadcounts();

  /** Rows to write: the members plus the broken rows. */
  final int rows;

  /** Each row's department, an index into {@link AreaModel#DEPARTMENTS}, or {@link #BROKEN}. */
  final byte[] rowDepartment;

  /** The fault of each broken row, by row. */
  final Map<Integer, Defect> defects;

  final DepartmentPlan[] departments;

  /**
   * Two rows of individual contributors in one department who name each other as manager, a
   * management cycle the job must stop on; empty when the options want none or no such pair exists.
   */
  final int[] managerCycle;

  private CompanyPlan(
      int rows,
      byte[] rowDepartment,
      Map<Integer, Defect> defects,
      DepartmentPlan[] ds,
      int[] managerCycle) {
    this.rows = rows;
    this.rowDepartment = rowDepartment;
    this.defects = defects;
    this.departments = ds;
    this.managerCycle = managerCycle;
  }

  static CompanyPlan build(MemberGenerator.Options options, SplittableRandom random) {
    int members = options.members();
    int[] sizes = apportion(members, DEPARTMENT_HEADCOUNT);
    byte[] labels = new byte[members];
    int at = 0;
    for (int d = 0; d < sizes.length; d++) {
      Arrays.fill(labels, at, at + sizes[d], (byte) d);
      at += sizes[d];
    }
    FisherYates.shuffle(labels, random);

    List<Defect> faults = new ArrayList<>();
    if (options.brokenRows()) {
      faults.addAll(options.style().defects());
      for (int i = faults.size() - 1; i > 0; i--) {
        Collections.swap(faults, i, random.nextInt(i + 1));
      }
    }
    int rows = members + faults.size();
    // Row 0 is always valid, so the duplicate id always has an earlier row to copy.
    TreeMap<Integer, Defect> defects = new TreeMap<>();
    while (defects.size() < faults.size()) {
      int row = 1 + random.nextInt(rows - 1);
      if (!defects.containsKey(row)) {
        defects.put(row, faults.get(defects.size()));
      }
    }
    byte[] rowDepartment = new byte[rows];
    int next = 0;
    for (int r = 0; r < rows; r++) {
      rowDepartment[r] = defects.containsKey(r) ? BROKEN : labels[next++];
    }

    DepartmentPlan[] departments = new DepartmentPlan[sizes.length];
    for (int d = 0; d < sizes.length; d++) {
      departments[d] = DepartmentPlan.plan(d, sizes[d], random);
    }
    int[] local = new int[sizes.length];
    int[] nextLeader = new int[sizes.length];
    for (int r = 0; r < rows; r++) {
      int d = rowDepartment[r];
      if (d == BROKEN) {
        continue;
      }
      DepartmentPlan dep = departments[d];
      int k = local[d]++;
      int p = nextLeader[d];
      if (p < dep.leaderLocal.length && dep.leaderLocal[p] == k) {
        dep.leaderRow[p] = r;
        nextLeader[d]++;
      }
    }
    CompanyPlan plan =
        new CompanyPlan(
            rows, rowDepartment, Collections.unmodifiableMap(defects), departments, new int[0]);
    if (options.brokenRows() && options.style().managerCycle()) {
      return plan.withManagerCycle(random);
    }
    return plan;
  }

  /** Whether row {@code r} is a valid member who manages no one. */
  boolean isIndividual(int r) {
    int d = rowDepartment[r];
    return d != BROKEN && Arrays.binarySearch(departments[d].leaderRow, r) < 0;
  }

  /** This plan with a pair of individual contributors of one department in a manager cycle. */
  private CompanyPlan withManagerCycle(SplittableRandom random) {
    int first = nextIndividual(random.nextInt(rows), -1, -1);
    if (first < 0) {
      return this;
    }
    int second = nextIndividual(random.nextInt(rows), first, rowDepartment[first]);
    if (second < 0) {
      return this;
    }
    int[] pair = {Math.min(first, second), Math.max(first, second)};
    return new CompanyPlan(rows, rowDepartment, defects, departments, pair);
  }

  /**
   * The first individual contributor at or after {@code from} (wrapping around), other than row
   * {@code not}, in department {@code department} unless it is -1; or -1 if there is none.
   */
  private int nextIndividual(int from, int not, int department) {
    for (int i = 0; i < rows; i++) {
      int r = (from + i) % rows;
      if (r != not && isIndividual(r) && (department < 0 || rowDepartment[r] == department)) {
        return r;
      }
    }
    return -1;
  }

  /** Splits {@code total} into parts proportional to {@code weights} (largest remainder). */
  private static int[] apportion(int total, double[] weights) {
    double sum = Arrays.stream(weights).sum();
    int[] parts = new int[weights.length];
    double[] remainder = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      parts[i] = (int) exact;
      remainder[i] = exact - parts[i];
      given += parts[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      parts[best]++;
      remainder[best] = -1;
      given++;
    }
    return parts;
  }
}
