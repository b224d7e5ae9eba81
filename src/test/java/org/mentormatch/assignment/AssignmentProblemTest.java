package org.mentormatch.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AssignmentProblemTest {
  @Test
  void constructorRejectsEdgeArraysOfDifferentLengths() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0, 1}, new int[] {0}, new long[] {1, 2}));
    assertEquals("edge arrays differ in length: 2, 1, 2", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0}, new int[] {0}, new long[] {1, 2}));
    assertEquals("edge arrays differ in length: 1, 1, 2", e.getMessage());
  }

  @Test
  void constructorRejectsMenteeOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0, 2}, new int[] {0, 0}, new long[] {1, 1}));
    assertEquals("edge 1 has mentee 2 out of range", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {-1}, new int[] {0}, new long[] {1}));
    assertEquals("edge 0 has mentee -1 out of range", e.getMessage());
  }

  @Test
  void constructorRejectsMentorOutOfRange() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1, 1}, new int[] {0, 1}, new int[] {1, 2}, new long[] {1, 1}));
    assertEquals("edge 1 has mentor 2 out of range", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    2, new int[] {1}, new int[] {0}, new int[] {-1}, new long[] {1}));
    assertEquals("edge 0 has mentor -1 out of range", e.getMessage());
  }

  @Test
  void constructorRejectsNegativeCapacity() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new AssignmentProblem(
                    1, new int[] {1, -1}, new int[] {0}, new int[] {0}, new long[] {1}));
    assertEquals("mentor 1 has negative capacity -1", e.getMessage());
  }

  @Test
  void problemCountsMentorsAndEdges() {
    AssignmentProblem p =
        new AssignmentProblem(
            3, new int[] {1, 2}, new int[] {0, 1, 2}, new int[] {0, 1, 1}, new long[] {1, 2, 3});
    assertEquals(2, p.mentors());
    assertEquals(3, p.edges());
  }
}
