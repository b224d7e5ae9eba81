package org.mentormatch.search;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.mentormatch.Checkpoints;

/**
 * Where each mentee's list of best fitting mentors ({@link TopMentors#lists}) is kept between
 * nights.
 *
 * <p>A night then searches whole only the mentees who changed. This is the search's side of the
 * store in {@code <home>/cache/search/} ({@code io.KeptListStore}).
 */
public interface ListMemory {

  /**
   * Lists kept by an earlier night: {@link TopMentors#LISTS} rows, and the fingerprint of every
   * mentor that night indexed ({@link MentorIndex#fingerprint}), by id.
   */
  record Kept(Dataset<Row> lists, Map<String, Long> mentors) {}

  /** The lists last kept under the settings fingerprint {@code settings}, or null for none. */
  Kept recall(long settings);

  /**
   * Keeps tonight's {@code lists} under {@code settings}, with the fingerprints of tonight's
   * mentors ({@code mentor_member_id, fingerprint} rows), and returns them computed once.
   */
  Dataset<Row> keep(long settings, Dataset<Row> lists, Dataset<Row> mentors);

  /** Nothing kept: every mentee is searched whole, every night. */
  ListMemory NONE =
      new ListMemory() {
        @Override
        public Kept recall(long settings) {
          return null;
        }

        @Override
        public Dataset<Row> keep(long settings, Dataset<Row> lists, Dataset<Row> mentors) {
          return Checkpoints.keep(lists);
        }
      };
}
