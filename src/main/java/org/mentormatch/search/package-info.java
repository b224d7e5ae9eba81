/**
 * The exact search for each mentee's best mentors without scoring every pair: a threshold algorithm
 * over each goal's closest skill phrases (compared with the skills as far as a walk needs), which
 * stops once no further mentor can enter a mentee's top list, and the exhaustive enumeration the
 * funnel of an unmatched mentee and the recall measure need. Each mentee's list is kept for the
 * next night ({@link org.mentormatch.search.ListMemory}), which searches whole only the mentees who
 * changed and merges the others' lists with a search of the mentors who changed ({@link
 * org.mentormatch.search.KeptList}).
 *
 * <p>Input: profiles ({@code candidates.MemberProfiles}) with their phrases, declined pairs.
 * Output: each mentee's best fitting pairs with {@code scoring.PairScoring.SCORE_COLUMNS}, and the
 * funnel of the mentees asked for.
 *
 * <p>May use: {@code org.mentormatch}, {@code candidates}, {@code config}, {@code scoring}.
 */
package org.mentormatch.search;
