/**
 * The coordinator's page of a run ({@code report.html}): proposals, unmatched mentees, a score
 * histogram and fairness tables, rendered with Mustache and escaped.
 *
 * <p>Input: the run's proposal and unmatched rows and eligible mentees. Output: one self-contained
 * HTML page.
 *
 * <p>May use: {@code org.mentormatch}.
 */
package org.mentormatch.review;
