/**
 * Every setting: its meaning, rule and default in one declaration, one immutable record per stage,
 * loaded and checked once from a properties file.
 *
 * <p>May use: {@code org.mentormatch}.
 */
package org.mentormatch.config;
