package org.mentormatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StreamTokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.mentormatch.assignment.AssignmentProblem;

/**
 * One OR-Library assignment instance (dense {@code assignN} or sparse {@code assignpN}) read as an
 * {@link AssignmentProblem}: agents are mentees, tasks are mentors of capacity 1, and each allowed
 * pair scores minus its cost.
 */
public record OrLibraryInstance(String name, int size, AssignmentProblem problem) {

  /** The published optimal costs of {@code dir}/assignopt.txt, by instance name. */
  public static Map<String, Long> optima(Path dir) throws IOException {
    Map<String, Long> optima = new LinkedHashMap<>();
    for (String line :
        Files.readAllLines(dir.resolve("assignopt.txt"), StandardCharsets.US_ASCII)) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length == 2 && parts[0].startsWith("assign") && parts[1].matches("\\d+")) {
        optima.put(parts[0], Long.parseLong(parts[1]));
      }
    }
    return optima;
  }

  /** Reads {@code dir}/{@code name}.txt.gz (or .txt). */
  public static OrLibraryInstance read(Path dir, String name) throws IOException {
    Path gz = dir.resolve(name + ".txt.gz");
    boolean zipped = Files.exists(gz);
    try (InputStream raw = Files.newInputStream(zipped ? gz : dir.resolve(name + ".txt"));
        InputStream in = zipped ? new GZIPInputStream(raw) : raw) {
      StreamTokenizer tokens =
          new StreamTokenizer(
              new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
      tokens.resetSyntax();
      tokens.wordChars('0', '9');
      tokens.wordChars('-', '-');
      tokens.whitespaceChars(0, ' ');
      int n = (int) next(tokens, name);
      List<long[]> edges = new ArrayList<>();
      if (name.startsWith("assignp")) {
        while (tokens.nextToken() != StreamTokenizer.TT_EOF) {
          long i = Long.parseLong(tokens.sval);
          long j = next(tokens, name);
          long c = next(tokens, name);
          edges.add(new long[] {i - 1, j - 1, c});
        }
      } else {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < n; j++) {
            edges.add(new long[] {i, j, next(tokens, name)});
          }
        }
      }
      int[] mentee = new int[edges.size()];
      int[] mentor = new int[edges.size()];
      long[] score = new long[edges.size()];
      for (int e = 0; e < edges.size(); e++) {
        mentee[e] = (int) edges.get(e)[0];
        mentor[e] = (int) edges.get(e)[1];
        score[e] = -edges.get(e)[2];
      }
      int[] capacity = new int[n];
      java.util.Arrays.fill(capacity, 1);
      return new OrLibraryInstance(
          name, n, new AssignmentProblem(n, capacity, mentee, mentor, score));
    }
  }

  private static long next(StreamTokenizer tokens, String name) throws IOException {
    if (tokens.nextToken() != StreamTokenizer.TT_WORD) {
      throw new IOException(name + ": the file ends early (line " + tokens.lineno() + ")");
    }
    return Long.parseLong(tokens.sval);
  }
}
