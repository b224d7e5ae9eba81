/**
 * Draft introductions of a proposed pair (Mustache), and the text sent once a named coordinator has
 * approved it.
 *
 * <p>Input: the pair's names and matched goals and skills. Output: subject and body.
 *
 * <p>May use: {@code scoring}.
 */
package org.mentormatch.introductions;
