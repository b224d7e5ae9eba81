package org.mentormatch.io;

import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.FileInputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.text.LenientUtf8;

/**
 * Reads a text file's lines with Spark, on the executors, without ever replacing bytes that are not
 * UTF-8: Spark's own {@code textFile} turns them into U+FFFD, which would then reach a sheet or an
 * introduction; here they stay visible (see {@link LenientUtf8}) for ingest to reject with their
 * line.
 */
public final class TextLines {
  private TextLines() {}

  /** The lines of {@code file} (CR LF, LF or CR ended) in about {@code partitions} partitions. */
  public static JavaRDD<String> read(
      SparkSession spark, FileStore files, Path file, int partitions) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Given as a Path, not hadoopFile's comma-separated string, and escaped: a comma or a bracket
    // in the file's path names only itself.
    JobConf job = new JobConf(context.hadoopConfiguration());
    FileInputFormat.setInputPaths(job, new Path(files.forReader(file)));
    return context
        .hadoopRDD(job, TextInputFormat.class, LongWritable.class, Text.class, partitions)
        // The reader reuses one Text per partition: decode it before the next record overwrites it.
        .map(line -> LenientUtf8.decode(line._2().getBytes(), line._2().getLength()));
  }
}
