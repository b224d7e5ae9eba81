package org.mentormatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The written benchmark report ({@code docs/benchmarks.md}): each benchmark replaces its own
 * section, between {@code <!-- name:start -->} and {@code <!-- name:end -->}, and leaves the rest.
 */
public final class BenchmarkReport {
  private BenchmarkReport() {}

  /** Replaces (or appends) section {@code name} of {@code report} with {@code body}. */
  public static void replaceSection(Path report, String name, String body) throws IOException {
    String start = "<!-- " + name + ":start -->";
    String end = "<!-- " + name + ":end -->";
    String text =
        Files.exists(report)
            ? Files.readString(report, StandardCharsets.UTF_8)
            : "# Benchmarks\n\nWritten by `jobs/bench.sh`; each section says the command that"
                + " produced it. Timings are wall-clock seconds on the machine named in the"
                + " section, noisy within perhaps 20%.\n";
    String section = start + "\n" + body.strip() + "\n" + end;
    int s = text.indexOf(start);
    int e = text.indexOf(end);
    if (s >= 0 && e > s) {
      text = text.substring(0, s) + section + text.substring(e + end.length());
    } else {
      text = text.stripTrailing() + "\n\n" + section + "\n";
    }
    Files.createDirectories(report.toAbsolutePath().getParent());
    Files.writeString(report, text, StandardCharsets.UTF_8);
  }

  /** One line naming the machine, the JVM and the day. */
  static String machine() {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return String.format(
        Locale.ROOT,
        "%d cores, %.0f GB RAM, %s %s, Java %s, Spark %s; measured %s.",
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / 1e9,
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        org.apache.spark.package$.MODULE$.SPARK_VERSION(),
        LocalDate.now(ZoneOffset.UTC));
  }

  /** Seconds with one decimal, or two below one second. */
  static String seconds(double s) {
    return String.format(Locale.ROOT, s < 1 ? "%.2f" : "%.1f", s);
  }
}
