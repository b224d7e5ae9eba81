package org.mentormatch.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the stages of a run and prints one progress line per stage: what, how many, how long.
 *
 * <p>Lines carry counts only, never a member's name or e-mail.
 */
public final class StageClock {
  private static final Logger LOG = LoggerFactory.getLogger("mentor-match");

  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final Map<String, Integer> jobs = new LinkedHashMap<>();
  private final AtomicInteger jobsStarted = new AtomicInteger();
  private long started = System.nanoTime();
  private int jobsAtStart;
  private SparkListener listener;

  /** Starts timing the next stage. */
  public void start() {
    started = System.nanoTime();
    jobsAtStart = jobsStarted.get();
  }

  /**
   * Counts the Spark jobs each stage starts from now on (Spark's fixed cost per job is what a small
   * programme's night is made of), until {@link #stopCounting}. The count reaches the clock through
   * Spark's listener bus, so a stage's figure can be short by a job the bus has not delivered yet.
   */
  public void countJobsOf(SparkContext sc) {
    listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart jobStart) {
            jobsStarted.incrementAndGet();
          }
        };
    sc.addSparkListener(listener);
    jobsAtStart = jobsStarted.get();
  }

  /** Stops counting jobs. */
  public void stopCounting(SparkContext sc) {
    if (listener != null) {
      sc.removeSparkListener(listener);
      listener = null;
    }
  }

  /** Ends the current stage: records its time and logs {@code what}. */
  public void end(String stage, String what) {
    double s = (System.nanoTime() - started) / 1e9;
    seconds.merge(stage, s, Double::sum);
    if (listener != null) {
      int n = jobsStarted.get() - jobsAtStart;
      jobs.merge(stage, n, Integer::sum);
      LOG.info(String.format(Locale.ROOT, "%-12s %-70s %6.1f s, %d Spark jobs", stage, what, s, n));
    } else {
      LOG.info(String.format(Locale.ROOT, "%-12s %-70s %6.1f s", stage, what, s));
    }
    started = System.nanoTime();
    jobsAtStart = jobsStarted.get();
  }

  /** Spark jobs per stage, in the order the stages ran (empty unless counting). */
  public Map<String, Integer> jobs() {
    return Collections.unmodifiableMap(jobs);
  }

  /** Seconds per stage, in the order the stages ran. */
  public Map<String, Double> seconds() {
    return Collections.unmodifiableMap(seconds);
  }
}
