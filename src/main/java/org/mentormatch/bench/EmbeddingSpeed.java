package org.mentormatch.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.tools.MemberGenerator;

/**
 * How fast the sentence model embeds phrases: distinct goal and skill phrases of generated members,
 * embedded one model run each (as the job does), on one thread and on one thread per core.
 */
public final class EmbeddingSpeed {
  private EmbeddingSpeed() {}

  /** Phrases per second on one thread, and on {@code threads} threads together. */
  public record Result(int phrases, double oneThread, int threads, double allThreads) {}

  /**
   * Distinct phrases of {@code members} generated members (seed {@code seed}), at most {@code max}.
   */
  public static List<String> phrases(int members, long seed, int max) throws IOException {
    StringWriter csv = new StringWriter();
    MemberGenerator.write(
        new MemberGenerator.Options(members, seed, false, MemberGenerator.HeaderOrder.CONTRACT),
        csv);
    Set<String> out = new LinkedHashSet<>();
    for (CSVRecord r :
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new java.io.StringReader(csv.toString()))) {
      for (String column : List.of("goals", "skills")) {
        for (String p : r.get(column).split(";")) {
          if (!p.isBlank() && out.size() < max) {
            out.add(PhraseEmbedder.key(p));
          }
        }
      }
    }
    return new ArrayList<>(out);
  }

  /** Measures on {@code phrases}, after a warm-up. */
  public static Result run(List<String> phrases, int threads) throws Exception {
    PhraseEmbedder embedder = PhraseEmbedder.shipped();
    embedder.embedAgain(phrases.subList(0, Math.min(50, phrases.size())));
    long start = System.nanoTime();
    embedder.embedAgain(phrases);
    double one = phrases.size() / ((System.nanoTime() - start) / 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<byte[][]>> parts = new ArrayList<>();
      start = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        List<String> part = new ArrayList<>();
        for (int i = t; i < phrases.size(); i += threads) {
          part.add(phrases.get(i));
        }
        parts.add(pool.submit(() -> embedder.embedAgain(part)));
      }
      for (Future<byte[][]> f : parts) {
        f.get();
      }
      double all = phrases.size() / ((System.nanoTime() - start) / 1e9);
      return new Result(phrases.size(), one, threads, all);
    } finally {
      pool.shutdown();
    }
  }

  /** The report section. */
  public static String section(Result r, String command, String load) {
    return String.format(
        Locale.ROOT,
        "## Embedding speed%n%n"
            + "Command: `%s`  %nMachine: %s Load average when it started: %s.%n%n"
            + "%d distinct goal and skill phrases of generated members, embedded by the shipped"
            + " model (all-MiniLM-L6-v2, 8-bit, ONNX Runtime on the CPU), one phrase per model"
            + " run and one model thread per task, as the nightly job does:%n%n"
            + "| | phrases per second |%n|---|---|%n"
            + "| one thread (per core) | %.0f |%n"
            + "| %d threads together | %.0f |%n%n"
            + "Embedding is the only work that grows with the number of *new* distinct phrases:"
            + " the cache in `<home>/cache/` keeps every phrase's vector, so a later night embeds"
            + " only phrases it has never seen. The machine was shared with other work, so these"
            + " figures are lower bounds.%n",
        command,
        BenchmarkReport.machine(),
        load,
        r.phrases(),
        r.oneThread(),
        r.threads(),
        r.allThreads());
  }
}
