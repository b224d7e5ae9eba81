/**
 * The assignment stage: which scored pairs may be chosen, and the exact capacity-constrained
 * assignment (most mentees matched, then the largest total score), solved per connected block with
 * OR-Tools; also bring-your-own scores for {@code assign.sh}.
 *
 * <p>Input: fitting pairs and free capacities, or scored edges. Output: chosen pairs and the
 * problem's shape ({@code ExactAssignment.Result}).
 *
 * <p>May use: {@code org.mentormatch}, {@code config}, {@code scoring}, {@code text}.
 */
package org.mentormatch.assignment;
