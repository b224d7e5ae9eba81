package org.mentormatch.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
  private long started = System.nanoTime();

  /** Starts timing the next stage. */
  public void start() {
    started = System.nanoTime();
  }

  /** Ends the current stage: records its time and logs {@code what}. */
  public void end(String stage, String what) {
    double s = (System.nanoTime() - started) / 1e9;
    seconds.merge(stage, s, Double::sum);
    LOG.info(String.format(Locale.ROOT, "%-12s %-70s %6.1f s", stage, what, s));
    started = System.nanoTime();
  }

  /** Seconds per stage, in the order the stages ran. */
  public Map<String, Double> seconds() {
    return Collections.unmodifiableMap(seconds);
  }
}
