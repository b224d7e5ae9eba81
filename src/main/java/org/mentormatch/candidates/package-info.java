/**
 * The candidates stage: each member's profile as the rules read it, management chains, and
 * candidate pairs from the clusters with every hard rule marked.
 *
 * <p>Input: profiles ({@code MemberProfiles}), declined pairs. Output: pairs {@code mentee_id,
 * mentor_id} with one column per hard rule and {@code allowed}.
 *
 * <p>May use: {@code org.mentormatch}, {@code config}, {@code features}, {@code ingest}.
 */
package org.mentormatch.candidates;
