package org.mentormatch.assignment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.mentormatch.Columns;

/**
 * A block's rows, in whatever order they arrive, give the solver one problem: members numbered in
 * the order of their ids, edges sorted by mentee id and then mentor id; the chosen edges map back
 * to their ids and scores.
 */
class BlockAssignmentTest {
  private static final StructType ROW =
      new StructType()
          .add(BlockAssignment.BLOCK, DataTypes.LongType)
          .add(Columns.MENTEE_ID, DataTypes.StringType)
          .add(Columns.MENTOR_ID, DataTypes.StringType)
          .add(Columns.SCORE, DataTypes.DoubleType)
          .add(BlockAssignment.SCORE_UNITS, DataTypes.LongType)
          .add(Columns.CAPACITY, DataTypes.IntegerType);

  private static Row edge(String mentee, String mentor, long units, int capacity) {
    return new GenericRowWithSchema(
        new Object[] {7L, mentee, mentor, units / 100.0, units, capacity}, ROW);
  }

  /** A solver that keeps the problem it was given and chooses the edges named. */
  private static final class Recording implements AssignmentSolver {
    private static final long serialVersionUID = 1L;
    AssignmentProblem seen;
    final int[] choose;

    Recording(int... choose) {
      this.choose = choose;
    }

    @Override
    public int[] solve(AssignmentProblem p) {
      seen = p;
      return choose;
    }
  }

  private static List<Row> edges() {
    List<Row> rows = new ArrayList<>();
    // Ids whose string order is not their numeric or arrival order ("m10" before "m2").
    rows.add(edge("m2", "r1", 50, 1));
    rows.add(edge("m10", "r1", 40, 1));
    rows.add(edge("m10", "r03", 90, 2));
    rows.add(edge("m2", "r03", 70, 2));
    rows.add(edge("m1", "r2", 10, 3));
    rows.add(edge("m1", "r03", 20, 2));
    return rows;
  }

  @Test
  void everyArrivalOrderGivesTheSameProblemInIdOrder() {
    Recording first = new Recording();
    BlockAssignment.solveBlock(edges().iterator(), first);
    // Mentees m1, m10, m2; mentors r03, r1, r2.
    assertEquals(3, first.seen.mentees());
    assertArrayEquals(new int[] {2, 1, 3}, first.seen.capacity());
    assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, first.seen.edgeMentee());
    assertArrayEquals(new int[] {0, 2, 0, 1, 0, 1}, first.seen.edgeMentor());
    assertArrayEquals(new long[] {20, 10, 90, 40, 70, 50}, first.seen.edgeScore());
    Random random = new Random(5);
    for (int i = 0; i < 20; i++) {
      List<Row> shuffled = edges();
      Collections.shuffle(shuffled, random);
      Recording again = new Recording();
      BlockAssignment.solveBlock(shuffled.iterator(), again);
      assertArrayEquals(first.seen.edgeMentee(), again.seen.edgeMentee());
      assertArrayEquals(first.seen.edgeMentor(), again.seen.edgeMentor());
      assertArrayEquals(first.seen.edgeScore(), again.seen.edgeScore());
      assertArrayEquals(first.seen.capacity(), again.seen.capacity());
    }
  }

  @Test
  void theChosenEdgesComeBackWithTheirIdsAndScores() {
    List<Row> shuffled = edges();
    Collections.shuffle(shuffled, new Random(11));
    Iterator<Row> out = BlockAssignment.solveBlock(shuffled.iterator(), new Recording(1, 2, 5));
    List<String> chosen = new ArrayList<>();
    out.forEachRemaining(r -> chosen.add(r.getString(0) + "-" + r.getString(1) + "=" + r.get(2)));
    assertEquals(List.of("m1-r2=0.1", "m10-r03=0.9", "m2-r1=0.5"), chosen);
  }
}
