/**
 * The features stage: goal and skill phrases to concepts (a taxonomy), word stems and trigrams, and
 * TF-IDF vectors with Spark MLlib.
 *
 * <p>Input: used members' {@code member_id, goals, skills}. Output: phrase vectors and member
 * profile vectors ({@code MemberFeatures}).
 *
 * <p>May use: {@code org.mentormatch}, {@code config}.
 */
package org.mentormatch.features;
