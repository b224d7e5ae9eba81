package org.mentormatch.assignment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  /** One edge of a block as read from its row. */
  private record Edge(String mentee, String mentor, double score, long units, int capacity) {}

  private static Iterator<Row> solveBlock(Iterator<Row> rows, AssignmentSolver solver) {
    List<Edge> edges = new ArrayList<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      edges.add(
          new Edge(
              r.getAs(Columns.MENTEE_ID),
              r.getAs(Columns.MENTOR_ID),
              r.<Double>getAs(Columns.SCORE),
              r.<Long>getAs(SCORE_UNITS),
              r.<Integer>getAs(Columns.CAPACITY)));
    }
    // Rows of a group arrive in no fixed order; numbering from sorted ids makes the solve
    // repeatable.
    edges.sort(Comparator.comparing(Edge::mentee).thenComparing(Edge::mentor));
    Map<String, Integer> mentees = new TreeMap<>();
    Map<String, Integer> mentors = new TreeMap<>();
    Map<String, Integer> capacities = new TreeMap<>();
    for (Edge e : edges) {
      mentees.putIfAbsent(e.mentee(), 0);
      mentors.putIfAbsent(e.mentor(), 0);
      capacities.put(e.mentor(), e.capacity());
    }
    int i = 0;
    for (Map.Entry<String, Integer> m : mentees.entrySet()) {
      m.setValue(i++);
    }
    i = 0;
    int[] capacity = new int[mentors.size()];
    for (Map.Entry<String, Integer> m : mentors.entrySet()) {
      capacity[i] = capacities.get(m.getKey());
      m.setValue(i++);
    }
    int[] edgeMentee = new int[edges.size()];
    int[] edgeMentor = new int[edges.size()];
    long[] edgeScore = new long[edges.size()];
    for (int e = 0; e < edges.size(); e++) {
      edgeMentee[e] = mentees.get(edges.get(e).mentee());
      edgeMentor[e] = mentors.get(edges.get(e).mentor());
      edgeScore[e] = edges.get(e).units();
    }
    int[] chosen =
        solver.solve(
            new AssignmentProblem(mentees.size(), capacity, edgeMentee, edgeMentor, edgeScore));
    List<Row> out = new ArrayList<>(chosen.length);
    for (int e : chosen) {
      Edge edge = edges.get(e);
      out.add(RowFactory.create(edge.mentee(), edge.mentor(), edge.score()));
    }
    return out.iterator();
  }
}
