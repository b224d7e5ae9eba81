package org.mentormatch.io;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.mentormatch.Columns;
import org.mentormatch.text.SafeCsv;

/**
 * Writes the result of {@code jobs/assign.sh}: {@code mentee_id,mentor_id,score}, all or nothing.
 *
 * <p>The file is written beside its target under a hidden name and renamed into place; an earlier
 * file of that name is moved aside first and deleted last, so a crash leaves the old file, the new
 * one, or no file, never half of one.
 */
public final class AssignmentFile {
  private AssignmentFile() {}

  /** What was written: how many pairs and their exact total score. */
  public record Written(long pairs, BigDecimal totalScore) {}

  /** Writes {@code rows} ({@code mentee_id, mentor_id, score} as text) to {@code target}. */
  public static Written write(FileStore files, Path target, Iterator<Row> rows) throws IOException {
    Path parent = target.getParent();
    if (parent != null) {
      files.mkdirs(parent);
    }
    Path draft = new Path(parent, "." + target.getName() + ".writing-" + UUID.randomUUID());
    long n = 0;
    BigDecimal total = BigDecimal.ZERO;
    try {
      try (OutputStream out = files.create(draft);
          SafeCsv csv = SafeCsv.open(out, List.of("mentee_id", "mentor_id", "score"), false)) {
        while (rows.hasNext()) {
          Row r = rows.next();
          String score = r.getAs("score_text");
          csv.row(r.<String>getAs(Columns.MENTEE_ID), r.<String>getAs(Columns.MENTOR_ID), score);
          total = total.add(new BigDecimal(score));
          n++;
        }
      }
      Path old = null;
      if (files.exists(target)) {
        old = new Path(parent, "." + target.getName() + ".replaced-" + UUID.randomUUID());
        files.rename(target, old);
      }
      files.rename(draft, target);
      if (old != null) {
        files.delete(old);
      }
      return new Written(n, total);
    } finally {
      files.delete(draft); // no-op after the rename
    }
  }
}
