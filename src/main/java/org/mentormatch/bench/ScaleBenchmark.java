package org.mentormatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code jobs/bench.sh scale}: the floor, the nightly job and the naive job at given sizes, each in
 * a process of its own started through the {@code jobs/} scripts, as a user runs them.
 *
 * <p>For each size: a generated members file; the <em>floor</em> (a Spark job that reads the CSV
 * and writes every row as Avro, nothing else); the first night (empty home, so an empty embedding
 * cache); a warm night (the same run id again, on the file with one profile in a hundred edited,
 * with the cache the first night left); the search's recall on a stratified sample; and, at the
 * naive sizes, the naive cross-join job, stopped at the cap. Wall time is the whole process, JVM
 * and Spark start-up included; peak RSS is the highest resident memory of the process tree (sampled
 * every 200 ms from {@code /proc}, so Linux only); driver heap is the highest heap in use before a
 * collection, from the JVM's GC log.
 */
public final class ScaleBenchmark {
  private ScaleBenchmark() {}

  /** The run id both nights use. */
  public static final String RUN_ID = "2026-12-01";

  /** What to run. */
  public record Options(
      List<Integer> sizes,
      List<Integer> naiveSizes,
      int naiveMinutes,
      int recallSample,
      long seed,
      Path root,
      Path work) {}

  /** One child process measured. */
  public record Measure(
      List<String> command,
      double seconds,
      long peakRssBytes,
      long peakHeapBytes,
      long peakDiskBytes,
      int exitCode,
      boolean stopped,
      String loadBefore,
      String loadAfter) {}

  /** Runs everything and returns the figures (as written to JSON). */
  public static Map<String, Object> run(Options o, PrintStream log) throws IOException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("machine", BenchmarkReport.machine());
    all.put("seed", o.seed());
    List<Map<String, Object>> sizes = new ArrayList<>();
    for (int n : o.sizes()) {
      sizes.add(size(o, n, log));
    }
    all.put("sizes", sizes);
    List<Map<String, Object>> naive = new ArrayList<>();
    for (int n : o.naiveSizes()) {
      naive.add(naive(o, n, log));
    }
    all.put("naive", naive);
    return all;
  }

  private static Path job(Options o, String script) {
    return o.root().resolve("jobs").resolve(script);
  }

  private static Path members(Options o, int n, PrintStream log) throws IOException {
    Path file = o.work().resolve("members-" + n + ".csv");
    if (!Files.exists(file)) {
      Measure g =
          measure(
              List.of(
                  job(o, "generate.sh").toString(),
                  "--members",
                  String.valueOf(n),
                  "--seed",
                  String.valueOf(o.seed()),
                  "--out",
                  file.toString()),
              null,
              null,
              log);
      check(g, "generating " + n + " members");
    }
    return file;
  }

  private static Map<String, Object> size(Options o, int n, PrintStream log) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("members", n);
    Path file = members(o, n, log);
    out.put("file_bytes", Files.size(file));

    Path floorOut = o.work().resolve("floor-" + n);
    Measure floor =
        measure(
            List.of(
                job(o, "bench.sh").toString(),
                "floor",
                "--members-file",
                file.toString(),
                "--out",
                floorOut.toString()),
            o.work().resolve("gc-floor-" + n + ".log"),
            null,
            log);
    check(floor, "the floor job at " + n);
    out.put("floor", describe(floor));

    Path home = o.work().resolve("home-" + n);
    Map<String, Object> first = night(o, file, home, n, "first", log);
    out.put("first_night", first);
    Path edited = o.work().resolve("members-" + n + "-edited.csv");
    out.put("edited_profiles", editOnePercent(file, edited));
    Map<String, Object> warm = night(o, edited, home, n, "warm", log);
    out.put("warm_night", warm);
    out.put("first_over_floor", (double) first.get("seconds") / floor.seconds());
    out.put("warm_over_floor", (double) warm.get("seconds") / floor.seconds());

    Path recallJson = o.work().resolve("recall-" + n + ".json");
    Measure recall =
        measure(
            List.of(
                job(o, "bench.sh").toString(),
                "recall",
                "--members-file",
                file.toString(),
                "--home",
                home.toString(),
                "--sample",
                String.valueOf(o.recallSample()),
                "--json",
                recallJson.toString()),
            null,
            null,
            log);
    check(recall, "the recall measure at " + n);
    out.put("recall", read(recallJson));
    return out;
  }

  private static Map<String, Object> night(
      Options o, Path file, Path home, int n, String which, PrintStream log) throws IOException {
    // Spark's own scratch (shuffle files, spill) goes to a folder of this night's, so the peak
    // disk counts it with the home's checkpoints and outputs.
    Path scratch = o.work().resolve("spark-local-" + which + "-" + n);
    Files.createDirectories(scratch);
    Measure m =
        measure(
            List.of(
                job(o, "match.sh").toString(),
                "--members",
                file.toString(),
                "--home",
                home.toString(),
                "--run-id",
                RUN_ID,
                "--conf",
                "spark.local.dir=" + scratch),
            o.work().resolve("gc-" + which + "-" + n + ".log"),
            null,
            List.of(home, scratch),
            log);
    check(m, "the " + which + " night at " + n);
    Map<String, Object> out = describe(m);
    Map<String, Object> summary =
        read(home.resolve("runs").resolve(RUN_ID).resolve("summary.json"));
    out.put("stage_seconds", summary.get("stage_seconds"));
    for (String figure :
        List.of(
            "rows_read",
            "mentees_eligible",
            "distinct_phrases",
            "best_pairs",
            "proposals",
            "unmatched",
            "assignment_blocks",
            "largest_block_edges",
            "total_score")) {
      if (summary.containsKey(figure)) {
        out.put(figure, summary.get(figure));
      }
    }
    return out;
  }

  private static Map<String, Object> naive(Options o, int n, PrintStream log) throws IOException {
    Path file = members(o, n, log);
    Path json = o.work().resolve("naive-" + n + ".json");
    Files.deleteIfExists(json);
    Measure m =
        measure(
            List.of(
                job(o, "bench.sh").toString(),
                "naive",
                "--members-file",
                file.toString(),
                "--json",
                json.toString()),
            o.work().resolve("gc-naive-" + n + ".log"),
            Duration.ofMinutes(o.naiveMinutes()),
            log);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("members", n);
    out.putAll(describe(m));
    out.put("cap_minutes", o.naiveMinutes());
    out.put("finished", !m.stopped() && m.exitCode() == 0);
    if (Files.exists(json)) {
      out.putAll(read(json));
    }
    return out;
  }

  private static Map<String, Object> describe(Measure m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("seconds", m.seconds());
    out.put("peak_rss_mb", m.peakRssBytes() / 1e6);
    out.put("peak_heap_mb", m.peakHeapBytes() / 1e6);
    out.put("peak_disk_mb", m.peakDiskBytes() / 1e6);
    out.put("exit_code", m.exitCode());
    out.put("stopped_at_cap", m.stopped());
    out.put("load_before", m.loadBefore());
    out.put("load_after", m.loadAfter());
    return out;
  }

  private static void check(Measure m, String what) {
    if (m.exitCode() != 0) {
      throw new IllegalStateException(
          what + " failed (exit " + m.exitCode() + "): " + String.join(" ", m.command()));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> read(Path json) throws IOException {
    return new ObjectMapper().readValue(json.toFile(), LinkedHashMap.class);
  }

  /** Writes the figures as indented JSON. */
  public static void write(Map<String, Object> figures, Path json) throws IOException {
    Files.createDirectories(json.toAbsolutePath().getParent());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(json.toFile(), figures);
  }

  /**
   * Copies {@code from} to {@code to} with the goals of one member in a hundred (by a hash of the
   * id) replaced by those of the next member that has goals: every edited mentee is matched again.
   */
  static int editOnePercent(Path from, Path to) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
    int edited = 0;
    try (Reader in = Files.newBufferedReader(from, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(in, format);
        Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8);
        CSVPrinter out =
            new CSVPrinter(
                w,
                CSVFormat.RFC4180
                    .builder()
                    .setHeader(parser.getHeaderNames().toArray(new String[0]))
                    .setRecordSeparator("\n")
                    .build())) {
      // A byte-order mark (the generator writes one, as spreadsheets do) is not part of a name.
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
      int goals = header.indexOf("goals");
      int id = header.indexOf("member_id");
      String lastGoals = "public speaking";
      for (CSVRecord r : parser) {
        List<String> values = new ArrayList<>(r.toList());
        if (goals >= 0 && goals < values.size() && id >= 0 && id < values.size()) {
          String g = values.get(goals);
          if (Math.floorMod(values.get(id).hashCode(), 100) == 0 && !g.isBlank()) {
            values.set(goals, lastGoals);
            edited++;
          } else if (!g.isBlank()) {
            lastGoals = g;
          }
        }
        out.printRecord(values);
      }
    }
    return edited;
  }

  /** Runs {@code command}, sampling its tree's memory, stopped after {@code cap} if given. */
  static Measure measure(List<String> command, Path gcLog, Duration cap, PrintStream log)
      throws IOException {
    return measure(command, gcLog, cap, List.of(), log);
  }

  /**
   * {@link #measure(List, Path, Duration, PrintStream)}, also sampling (every two seconds) how many
   * bytes the files under {@code watched} hold beyond what they held at the start: the peak is the
   * disk the command used at once.
   */
  static Measure measure(
      List<String> command, Path gcLog, Duration cap, List<Path> watched, PrintStream log)
      throws IOException {
    String before = load();
    long diskAtStart = bytesUnder(watched);
    long peakDisk = 0;
    long nextDiskSample = 0;
    log.println("bench: " + String.join(" ", command) + " (load " + before + ")");
    ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
    if (gcLog != null) {
      Files.deleteIfExists(gcLog);
      pb.environment().put("JAVA_OPTS", "-Xlog:gc:file=" + gcLog);
    }
    long start = System.nanoTime();
    Process p = pb.start();
    long peak = 0;
    boolean stopped = false;
    try {
      while (!p.waitFor(200, TimeUnit.MILLISECONDS)) {
        peak = Math.max(peak, treeRss(p.toHandle()));
        if (!watched.isEmpty() && System.nanoTime() >= nextDiskSample) {
          peakDisk = Math.max(peakDisk, bytesUnder(watched) - diskAtStart);
          nextDiskSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        }
        if (cap != null && System.nanoTime() - start > cap.toNanos()) {
          p.toHandle().descendants().forEach(ProcessHandle::destroy);
          p.destroy();
          p.waitFor(30, TimeUnit.SECONDS);
          stopped = true;
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while running " + command, e);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int code = stopped ? -1 : p.exitValue();
    return new Measure(
        command,
        seconds,
        peak,
        gcLog == null ? 0 : peakHeap(gcLog),
        peakDisk,
        code,
        stopped,
        before,
        load());
  }

  /** The bytes the regular files under {@code roots} hold (files vanishing meanwhile count 0). */
  static long bytesUnder(List<Path> roots) {
    long sum = 0;
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (java.util.stream.Stream<Path> files = Files.walk(root)) {
        sum +=
            files
                .mapToLong(
                    f -> {
                      try {
                        return Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                            ? Files.size(f)
                            : 0;
                      } catch (IOException gone) {
                        return 0;
                      }
                    })
                .sum();
      } catch (IOException | java.io.UncheckedIOException gone) {
        // Spark deletes shuffle and checkpoint files as it goes: the next sample counts again.
      }
    }
    return sum;
  }

  private static long treeRss(ProcessHandle root) {
    long sum = rss(root.pid());
    for (ProcessHandle h : root.descendants().toList()) {
      sum += rss(h.pid());
    }
    return sum;
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading: it holds no memory any more
    }
    return 0;
  }

  private static final Pattern GC_HEAP = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])");

  /** The highest heap in use before a collection, from a {@code -Xlog:gc} file. */
  static long peakHeap(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return 0;
    }
    long peak = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = GC_HEAP.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, bytes(m.group(1), m.group(2)));
      }
    }
    return peak;
  }

  /** The larger peak disk of two nights in MB, or "-" for figures measured before it was. */
  private static String peakDisk(Map<String, Object> first, Map<String, Object> warm) {
    if (first.get("peak_disk_mb") == null || warm.get("peak_disk_mb") == null) {
      return "-";
    }
    return String.format(
        Locale.ROOT,
        "%.0f",
        Math.max(num(first.get("peak_disk_mb")), num(warm.get("peak_disk_mb"))));
  }

  private static String diskOverFile(
      Map<String, Object> first, Map<String, Object> warm, Object fileBytes) {
    if (first.get("peak_disk_mb") == null
        || warm.get("peak_disk_mb") == null
        || fileBytes == null) {
      return "-";
    }
    double peak = Math.max(num(first.get("peak_disk_mb")), num(warm.get("peak_disk_mb"))) * 1e6;
    return String.format(Locale.ROOT, "%.0f", peak / num(fileBytes));
  }

  private static long bytes(String n, String unit) {
    long v = Long.parseLong(n);
    return switch (unit) {
      case "K" -> v << 10;
      case "M" -> v << 20;
      default -> v << 30;
    };
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The report section for {@code figures}. */
  @SuppressWarnings("unchecked")
  public static String section(Map<String, Object> figures, String command) {
    StringBuilder b = new StringBuilder();
    b.append("## Scale: the nightly job against the floor\n\n");
    b.append("Command: `").append(command).append("`. Machine: ").append(figures.get("machine"));
    b.append(
        "\n\nEach figure is one process, timed from its start (JVM and Spark start-up"
            + " included). The *floor* reads the members CSV and writes every row as Avro,"
            + " nothing else. The *first night* starts from an empty home (no embedding cache);"
            + " the *warm night* is the same run id again on the file with one profile in a"
            + " hundred edited. Peak RSS is the whole process tree; driver heap is the highest"
            + " heap in use before a collection. Peak disk is the most the night's files held at"
            + " once beyond what the home held before it (Spark's shuffle and spill files, the run's"
            + " checkpoints and outputs, the embedding cache), sampled every two seconds, and its"
            + " ratio to the members file. Load is the machine's 1/5/15-minute load average"
            + " at the start (other work on the machine slows every figure).\n\n");
    b.append(
        "| members | floor s | first night s | x floor | warm night s | x floor | peak RSS MB |"
            + " driver heap MB | peak disk MB | x file | load at start |\n");
    b.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Map<String, Object> s : (List<Map<String, Object>>) figures.get("sizes")) {
      Map<String, Object> floor = (Map<String, Object>) s.get("floor");
      Map<String, Object> first = (Map<String, Object>) s.get("first_night");
      Map<String, Object> warm = (Map<String, Object>) s.get("warm_night");
      b.append(
          String.format(
              Locale.ROOT,
              "| %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %s | %s | %s |%n",
              ((Number) s.get("members")).intValue(),
              num(floor.get("seconds")),
              num(first.get("seconds")),
              num(s.get("first_over_floor")),
              num(warm.get("seconds")),
              num(s.get("warm_over_floor")),
              Math.max(num(first.get("peak_rss_mb")), num(warm.get("peak_rss_mb"))),
              Math.max(num(first.get("peak_heap_mb")), num(warm.get("peak_heap_mb"))),
              peakDisk(first, warm),
              diskOverFile(first, warm, s.get("file_bytes")),
              first.get("load_before")));
    }
    b.append("\nSeconds per stage (first night / warm night):\n\n");
    for (Map<String, Object> s : (List<Map<String, Object>>) figures.get("sizes")) {
      Map<String, Object> first = (Map<String, Object>) s.get("first_night");
      Map<String, Object> warm = (Map<String, Object>) s.get("warm_night");
      Map<String, Object> a = (Map<String, Object>) first.get("stage_seconds");
      Map<String, Object> w = (Map<String, Object>) warm.get("stage_seconds");
      b.append(
          String.format(Locale.ROOT, "- %,d members:", ((Number) s.get("members")).intValue()));
      if (a != null) {
        for (Map.Entry<String, Object> e : a.entrySet()) {
          Object warmValue = w == null ? null : w.get(e.getKey());
          b.append(
              String.format(
                  Locale.ROOT,
                  " %s %.1f / %s;",
                  e.getKey(),
                  num(e.getValue()),
                  warmValue == null ? "-" : String.format(Locale.ROOT, "%.1f", num(warmValue))));
        }
      }
      b.append(
          String.format(
              Locale.ROOT,
              " (%s distinct phrases; %s proposals)%n",
              first.get("distinct_phrases"),
              first.get("proposals")));
    }
    b.append(
        "\nRecall of the search against the exhaustive search, on mentees sampled by department"
            + " and time zone (tie-aware: a mentor scoring exactly the exhaustive k-th score"
            + " counts):\n\n");
    b.append(
        "| members | mentees sampled | k | exhaustive pairs | mean recall | min | found whole |\n");
    b.append("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map<String, Object> s : (List<Map<String, Object>>) figures.get("sizes")) {
      Map<String, Object> r = (Map<String, Object>) s.get("recall");
      b.append(
          String.format(
              Locale.ROOT,
              "| %,d | %s | %s | %s | %.2f%% | %.2f%% | %.2f%% |%n",
              ((Number) s.get("members")).intValue(),
              r.get("mentees"),
              r.get("k"),
              r.get("exhaustive_pairs"),
              100 * num(r.get("mean_recall")),
              100 * num(r.get("min_recall")),
              100 * num(r.get("whole_share"))));
    }
    List<Map<String, Object>> naive = (List<Map<String, Object>>) figures.get("naive");
    if (!naive.isEmpty()) {
      b.append(
          "\nThe naive job (every mentee crossed with every mentor, every pair scored, ranked,"
              + " greedy pick), as far as it got within its cap:\n\n");
      b.append("| members | finished | seconds | matched | total score | load at start |\n");
      b.append("|---:|---|---:|---:|---:|---|\n");
      for (Map<String, Object> s : naive) {
        b.append(
            String.format(
                Locale.ROOT,
                "| %,d | %s | %.0f | %s | %s | %s |%n",
                ((Number) s.get("members")).intValue(),
                naiveOutcome(s),
                num(s.get("seconds")),
                s.getOrDefault("matched", "-"),
                s.getOrDefault("total_score", "-"),
                s.get("load_before")));
      }
    }
    return b.toString();
  }

  /**
   * Whether the naive job finished, and if not how it ended: stopped at the cap, or failing on its
   * own before it (such as out of memory, whose message the benchmark's log shows).
   */
  static String naiveOutcome(Map<String, Object> naive) {
    if (Boolean.TRUE.equals(naive.get("finished"))) {
      return "yes";
    }
    if (Boolean.TRUE.equals(naive.get("stopped_at_cap"))) {
      return "no (stopped at " + naive.get("cap_minutes") + " min)";
    }
    Object code = naive.get("exit_code");
    // 52 is the exit code Spark's handler of uncaught errors gives an OutOfMemoryError.
    String cause = Integer.valueOf(52).equals(code) ? "out of memory, " : "";
    return "no (failed before the cap: " + cause + "exit code " + code + ")";
  }

  private static double num(Object o) {
    return o == null ? Double.NaN : ((Number) o).doubleValue();
  }
}
