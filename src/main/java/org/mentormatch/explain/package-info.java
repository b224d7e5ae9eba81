/**
 * The explanation stage: for every proposal the goals covered and by which skill, the score and its
 * parts, the alternatives and why each was not chosen, a draft introduction; for every unmatched
 * mentee, the step of the funnel that left nobody.
 *
 * <p>Input: profiles, scored and chosen pairs, the funnel. Output: proposal rows ({@code
 * Explanations.PROPOSAL_FIELDS}) and {@code member_id, role, reason} rows.
 *
 * <p>May use: {@code org.mentormatch}, {@code candidates}, {@code config}, {@code introductions},
 * {@code scoring}.
 */
package org.mentormatch.explain;
