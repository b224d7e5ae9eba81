package org.mentormatch.assignment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;

/**
 * Solves the assignment one block at a time on the executors, blocks in parallel.
 *
 * <p>Input edges: {@code block} (long), {@code mentee_id}, {@code mentor_id}, {@code score}
 * (double), {@code score_units} (long, the score as the solver compares it) and {@code capacity}
 * (int, the mentor's free capacity; the same on every edge of a mentor). Blocks must share no
 * mentee and no mentor. Output: the chosen edges as {@code mentee_id, mentor_id, score}.
 */
public final class BlockAssignment {
  public static final String BLOCK = "block";
  public static final String SCORE_UNITS = "score_units";

  /** The chosen pairs. */
  public static final StructType CHOSEN =
      new StructType()
          .add(Columns.MENTEE_ID, DataTypes.StringType, false)
          .add(Columns.MENTOR_ID, DataTypes.StringType, false)
          .add(Columns.SCORE, DataTypes.DoubleType, false);

  private BlockAssignment() {}

  /** Solves every block of {@code edges} with {@code solver}. */
  public static Dataset<Row> assign(Dataset<Row> edges, AssignmentSolver solver) {
    Dataset<Row> input =
        edges.select(
            BLOCK,
            Columns.MENTEE_ID,
            Columns.MENTOR_ID,
            Columns.SCORE,
            SCORE_UNITS,
            Columns.CAPACITY);
    return input
        .groupByKey((MapFunction<Row, Long>) r -> r.<Long>getAs(BLOCK), Encoders.LONG())
        .flatMapGroups(
            (FlatMapGroupsFunction<Long, Row, Row>) (block, rows) -> solveBlock(rows, solver),
            Encoders.row(CHOSEN));
  }

  /**
   * Solves one block. Mentees and mentors are numbered in the order of their ids, and edges given
   * to the solver sorted by mentee id, then mentor id: rows of a group arrive in no fixed order,
   * and this makes the solve repeatable. Ids are numbered through hash maps and the edges bucketed
   * by mentee, not sorted as strings: on a block of 30 million edges (a million members' size) the
   * preparation took 153 s of one core that way, and 50 s this way.
   */
  static Iterator<Row> solveBlock(Iterator<Row> rows, AssignmentSolver solver) {
    Edges read = new Edges();
    while (rows.hasNext()) {
      read.add(rows.next());
    }
    int n = read.size;
    String[] menteeIds = distinctSorted(read.mentee, n);
    String[] mentorIds = distinctSorted(read.mentor, n);
    Map<String, Integer> menteeNumber = numbers(menteeIds);
    Map<String, Integer> mentorNumber = numbers(mentorIds);
    int[] menteeOf = new int[n];
    int[] mentorOf = new int[n];
    int[] capacity = new int[mentorIds.length];
    for (int e = 0; e < n; e++) {
      menteeOf[e] = menteeNumber.get(read.mentee[e]);
      mentorOf[e] = mentorNumber.get(read.mentor[e]);
      capacity[mentorOf[e]] = read.capacity[e]; // the same on every edge of a mentor
    }
    int[] order = byMenteeThenMentor(menteeOf, mentorOf, menteeIds.length);
    int[] edgeMentee = new int[n];
    int[] edgeMentor = new int[n];
    long[] edgeScore = new long[n];
    for (int i = 0; i < n; i++) {
      edgeMentee[i] = menteeOf[order[i]];
      edgeMentor[i] = mentorOf[order[i]];
      edgeScore[i] = read.units[order[i]];
    }
    int[] chosen =
        solver.solve(
            new AssignmentProblem(menteeIds.length, capacity, edgeMentee, edgeMentor, edgeScore));
    List<Row> out = new ArrayList<>(chosen.length);
    for (int i : chosen) {
      int e = order[i];
      out.add(RowFactory.create(read.mentee[e], read.mentor[e], read.score[e]));
    }
    return out.iterator();
  }

  /** A block's edges as read, in arrays (ids shared between edges of one member). */
  private static final class Edges {
    private final Map<String, String> interned = new HashMap<>();
    String[] mentee = new String[1024];
    String[] mentor = new String[1024];
    double[] score = new double[1024];
    long[] units = new long[1024];
    int[] capacity = new int[1024];
    int size;

    void add(Row r) {
      if (size == mentee.length) {
        int grown = 2 * size;
        mentee = Arrays.copyOf(mentee, grown);
        mentor = Arrays.copyOf(mentor, grown);
        score = Arrays.copyOf(score, grown);
        units = Arrays.copyOf(units, grown);
        capacity = Arrays.copyOf(capacity, grown);
      }
      mentee[size] = interned.computeIfAbsent(r.getAs(Columns.MENTEE_ID), k -> k);
      mentor[size] = interned.computeIfAbsent(r.getAs(Columns.MENTOR_ID), k -> k);
      score[size] = r.<Double>getAs(Columns.SCORE);
      units[size] = r.<Long>getAs(SCORE_UNITS);
      capacity[size] = r.<Integer>getAs(Columns.CAPACITY);
      size++;
    }
  }

  /** The distinct ids among the first {@code n} of {@code ids}, in their natural order. */
  private static String[] distinctSorted(String[] ids, int n) {
    String[] distinct = new HashSet<>(Arrays.asList(ids).subList(0, n)).toArray(new String[0]);
    Arrays.sort(distinct);
    return distinct;
  }

  /** Each of {@code sorted} by its place. */
  private static Map<String, Integer> numbers(String[] sorted) {
    Map<String, Integer> out = new HashMap<>(2 * sorted.length);
    for (int i = 0; i < sorted.length; i++) {
      out.put(sorted[i], i);
    }
    return out;
  }

  /**
   * The edges' places in order of mentee number, then mentor number: counted into one bucket a
   * mentee, then each bucket (a mentee's few candidates) sorted by mentor number. A pair appears
   * once in a block, so the order is total.
   */
  private static int[] byMenteeThenMentor(int[] menteeOf, int[] mentorOf, int mentees) {
    int n = menteeOf.length;
    int[] start = new int[mentees + 1];
    for (int m : menteeOf) {
      start[m + 1]++;
    }
    for (int m = 0; m < mentees; m++) {
      start[m + 1] += start[m];
    }
    int[] next = Arrays.copyOf(start, mentees);
    int[] order = new int[n];
    for (int e = 0; e < n; e++) {
      order[next[menteeOf[e]]++] = e;
    }
    long[] bucket = new long[16];
    for (int m = 0; m < mentees; m++) {
      int from = start[m];
      int size = start[m + 1] - from;
      if (bucket.length < size) {
        bucket = new long[Math.max(size, 2 * bucket.length)];
      }
      for (int i = 0; i < size; i++) {
        int e = order[from + i];
        bucket[i] = ((long) mentorOf[e] << 32) | e;
      }
      Arrays.sort(bucket, 0, size);
      for (int i = 0; i < size; i++) {
        order[from + i] = (int) bucket[i];
      }
    }
    return order;
  }
}
