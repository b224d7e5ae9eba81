package org.mentormatch.io;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.RunId;
import org.mentormatch.decisions.History;

/**
 * Reads what earlier nights left in a programme's home, with Spark (the ledger grows without
 * bound): the proposals of every other complete run, every decision in the ledger, and every
 * proposal a run withdrew. Runs and ledger files are listed the way {@code decide.sh} lists them
 * ({@link Home#completeRuns}, {@link DecisionStore#ledgerFiles}), so the two never disagree on what
 * the history holds.
 */
public final class HistoryReader {
  private HistoryReader() {}

  /**
   * The history as of before run {@code runId}: that run itself is left out, since running it again
   * replaces it.
   */
  public static History.Files read(SparkSession spark, FileStore files, Home home, RunId runId)
      throws IOException {
    List<String> proposals = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    DecisionStore store = new DecisionStore(files, home);
    for (RunId run : home.completeRuns(files)) {
      if (run.equals(runId)) {
        continue;
      }
      // Earlier runs decide capacity and declined pairs tonight: only their own files, no link.
      proposals.add(files.forReader(store.proposalsFolder(run)));
      Path w = new Path(home.run(run), RunOutputs.WITHDRAWN);
      files.refuseLinksBelow(home.root(), w);
      if (files.exists(w)) {
        withdrawn.add(files.forReader(w));
      }
    }
    List<String> ledger = new ArrayList<>();
    for (Path p : store.ledgerFiles()) {
      ledger.add(files.forReader(p));
    }
    return new History.Files(
        proposals.isEmpty()
            ? empty(spark, History.PROPOSALS)
            : spark
                .read()
                .format("avro")
                .load(proposals.toArray(new String[0]))
                .select(columns(History.PROPOSALS)),
        ledger.isEmpty()
            ? empty(spark, History.DECISIONS)
            : spark
                .read()
                .format("avro")
                .load(ledger.toArray(new String[0]))
                .select(columns(History.DECISIONS)),
        withdrawn.isEmpty()
            ? empty(spark, History.WITHDRAWN)
            : spark
                .read()
                .option("header", "true")
                .csv(withdrawn.toArray(new String[0]))
                .select(columns(History.WITHDRAWN)));
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames())
        .map(n -> col(n).cast(DataTypes.StringType))
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  private static Dataset<Row> empty(SparkSession spark, StructType schema) {
    return spark.createDataFrame(List.<Row>of(), schema);
  }
}
