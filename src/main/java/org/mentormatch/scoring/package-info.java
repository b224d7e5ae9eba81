/**
 * The scoring stage: a pair's score and its parts (coverage of the goals by the skills, seniority,
 * shared working hours, department).
 *
 * <p>Input: candidate pairs and profiles. Output: the pairs with {@code PairScoring.SCORE_COLUMNS}.
 *
 * <p>May use: {@code org.mentormatch}, {@code config}, {@code features}.
 */
package org.mentormatch.scoring;
