package org.mentormatch.jobs;

import java.io.IOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.io.Home;
import org.mentormatch.io.ScratchSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SparkSession of a command: the master spark-submit set, else embedded local Spark. */
public final class Sessions {
  private static final Logger LOG = LoggerFactory.getLogger("mentor-match");

  private Sessions() {}

  /** A command's session and the scratch folder it writes to, ended together. */
  public static final class CommandSession implements AutoCloseable {
    private final SparkSession spark;
    private final ScratchSpace scratch;

    private CommandSession(SparkSession spark, ScratchSpace scratch) {
      this.spark = spark;
      this.scratch = scratch;
    }

    /** The session. */
    public SparkSession spark() {
      return spark;
    }

    /**
     * Stops the session, then removes its scratch folder. A folder that cannot be removed is only a
     * warning (the command's work is done; the next command on the home tries again), so it never
     * hides the error a failed command is ending with.
     */
    @Override
    public void close() {
      try {
        spark.stop();
      } finally {
        if (scratch != null) {
          try {
            scratch.close();
          } catch (IOException | RuntimeException e) {
            LOG.warn("Spark's scratch folder {} was not removed: {}", scratch.dir(), e.toString());
          }
        }
      }
    }
  }

  /** The session for {@code appName}; settings given with {@code --conf} win over defaults here. */
  public static SparkSession open(String appName) {
    return SparkSession.builder().config(conf(appName)).getOrCreate();
  }

  /**
   * The session for {@code appName} of a command on the home at {@code homeLocation}. In local mode
   * Spark's scratch files (shuffle and spill blocks, which hold member data) go to a folder of the
   * home ({@link ScratchSpace}) rather than the system's temporary folder, unless {@code
   * spark.local.dir}, {@code SPARK_LOCAL_DIRS} or {@code SPARK_EXECUTOR_DIRS} chooses otherwise or
   * the home is not a local folder Spark can name.
   */
  public static CommandSession open(String appName, String homeLocation) {
    SparkConf conf = conf(appName);
    ScratchSpace scratch = null;
    Optional<java.nio.file.Path> local = scratchHome(conf, homeLocation);
    if (local.isPresent()) {
      scratch = ScratchSpace.create(local.get());
      conf.set("spark.local.dir", scratch.dir().toString());
    }
    try {
      return new CommandSession(SparkSession.builder().config(conf).getOrCreate(), scratch);
    } catch (RuntimeException e) {
      if (scratch != null) {
        try {
          scratch.close();
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  /** The local home whose {@code .scratch} Spark is to use, if it is to use one. */
  static Optional<java.nio.file.Path> scratchHome(SparkConf conf, String homeLocation) {
    if (!conf.get("spark.master").startsWith("local")
        || conf.contains("spark.local.dir")
        || System.getenv("SPARK_LOCAL_DIRS") != null
        || System.getenv("SPARK_EXECUTOR_DIRS") != null) {
      return Optional.empty();
    }
    // The home's file system as its commands will see it: a path without a scheme is on the
    // fs.defaultFS of Hadoop's configuration (core-site.xml, or --conf spark.hadoop.fs.defaultFS).
    Configuration hadoop = new Configuration();
    for (scala.Tuple2<String, String> setting : conf.getAllWithPrefix("spark.hadoop.")) {
      hadoop.set(setting._1(), setting._2());
    }
    Optional<java.nio.file.Path> local =
        ScratchSpace.localRoot(Home.at(homeLocation), FileSystem.getDefaultUri(hadoop).getScheme());
    if (local.isPresent() && local.get().toString().contains(",")) {
      // spark.local.dir is a comma-separated list: such a path would name two folders.
      LOG.warn(
          "the home's path holds a comma, which spark.local.dir cannot name; Spark's scratch files"
              + " go to the system's temporary folder for this command");
      return Optional.empty();
    }
    return local;
  }

  private static SparkConf conf(String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    setIfAbsent(conf, "spark.master", "local[*]");
    setIfAbsent(conf, "spark.ui.showConsoleProgress", "false");
    setIfAbsent(conf, "spark.sql.session.timeZone", "UTC");
    // The stage checkpoints in the home are most of a night's disk (823 of 1,018 MB at 20,000
    // members; 17 GB at a million). Compressed (lz4, as Spark's shuffle files) they take 342 MB,
    // for 5 to 10% more time: running out of disk fails a night, a few seconds do not.
    setIfAbsent(conf, "spark.checkpoint.compress", "true");
    if (conf.get("spark.master").startsWith("local")) {
      setIfAbsent(conf, "spark.ui.enabled", "false");
    }
    return conf;
  }

  private static void setIfAbsent(SparkConf conf, String key, String value) {
    if (!conf.contains(key)) {
      conf.set(key, value);
    }
  }
}
