package org.mentormatch.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.Path;
import org.mentormatch.RunId;
import org.mentormatch.io.FileStore;
import org.mentormatch.io.Home;
import org.mentormatch.io.RunOutputs;
import org.mentormatch.review.ReportData;
import org.mentormatch.review.ReportJson;

/** The fairness tables and unmatched mentees of a run, as its report.html shows them. */
final class RunReport {
  private RunReport() {}

  /** The run's report data, or null for a run written before report.json existed. */
  static ReportData read(FileStore files, Home home, RunId runId) throws IOException {
    Path file = new Path(home.run(runId), RunOutputs.REPORT_DATA);
    files.refuseLinksBelow(home.root(), file); // the console shows only the run's own report
    if (!files.exists(file)) {
      return null;
    }
    try (InputStream in = files.open(file)) {
      return ReportJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), file.getName());
    }
  }
}
