package org.mentormatch.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A run's {@link ReportData} as JSON ({@code runs/<run-id>/report.json}): what report.html shows,
 * kept so the review console, which starts no Spark, can show the same fairness tables and
 * unmatched mentees. Keys are the record components' names; a mean score of no proposal is the
 * string "NaN".
 */
public final class ReportJson {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ReportJson() {}

  /** The report as JSON text. */
  public static String write(ReportData report) {
    try {
      return JSON.writeValueAsString(report) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a report is plain data and always serialises", e);
    }
  }

  /**
   * The report in {@code json}.
   *
   * @throws IllegalArgumentException naming {@code source} when it is not a report
   */
  public static ReportData read(String json, String source) {
    try {
      return JSON.readValue(json, ReportData.class);
    } catch (JsonProcessingException e) {
      // The location only: the parser's message may quote member data.
      throw new IllegalArgumentException(
          source
              + " is not a report written by jobs/match.sh (unreadable at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ")",
          e);
    }
  }
}
