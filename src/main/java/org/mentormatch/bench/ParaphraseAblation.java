package org.mentormatch.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.assignment.AssignmentProblem;
import org.mentormatch.assignment.MinCostFlowSolver;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.Embeddings;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PairScorer;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * Where the paraphrase benchmark's proposals leave the mentee's topic: its planted members matched
 * outside Spark, with the phrase similarity built up one step at a time from the plain model's
 * cosine to the similarity the job uses, so each step's effect can be read on its own.
 *
 * <p>For each step: the share of mentees whose best-covering mentor (the largest mean over the
 * goals of the best skill's similarity; ties shared out) is of their topic, the same with the whole
 * score (seniority, time zone, department) deciding, and the exact assignment over every pair (most
 * mentees matched, then the largest total score, with the mentors' capacities; no topic clusters).
 * The steps with an uncalibrated cosine use no thresholds; the calibrated ones use the default
 * settings, as the job does.
 *
 * <p>The last two steps are not the job's: the anchored cosine with its hubness reduced over the
 * benchmark's distinct phrases ({@link HubnessReduction}), alone and combined with the taxonomy
 * like the job's similarity, calibrated afresh on the calibration file's tune half.
 */
public final class ParaphraseAblation {
  private ParaphraseAblation() {}

  /** The figures of one step. */
  public record Step(
      String name,
      int mentees,
      int bestCovered,
      double bestInTopic,
      double bestScoredInTopic,
      int assigned,
      int assignedInTopic) {}

  /** How much a skill covers a goal, by index into the distinct phrases. */
  private interface Similarity {
    double of(int goal, int skill);
  }

  /** The steps, measured on the members planted from {@code topicsFile} with {@code seed}. */
  public static List<Step> run(Path topicsFile, Path calibrationFile, long seed)
      throws IOException {
    List<ParaphraseBenchmark.Phrase> phrases = ParaphraseBenchmark.readTopics(topicsFile);
    List<String> texts = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>();
    for (ParaphraseBenchmark.Phrase p : phrases) {
      if (index.putIfAbsent(p.text(), texts.size()) == null) {
        texts.add(p.text());
      }
    }
    StringWriter members = new StringWriter();
    Map<String, String> topicOf =
        ParaphraseBenchmark.writeMembers(phrases, 2000, 0.2, seed, members);
    Planted planted = Planted.read(members.toString(), topicOf, index);

    Taxonomy taxonomy = Taxonomy.builtIn();
    PhraseEmbedder embedder = PhraseEmbedder.shipped();
    byte[][] raw = embedder.embed(texts.stream().map(PhraseEmbedder::key).toList());
    List<PhraseSimilarity.Phrase> anchored = PhraseSimilarities.read(texts);
    List<PhraseSimilarity.Phrase> namesOnly = PhraseSimilarities.read(texts, false);
    PhraseAnalyzer analyzer = new PhraseAnalyzer(taxonomy);
    List<PhraseSimilarity.Phrase> unanchored = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      PhraseAnalyzer.Analysis a = analyzer.analyze(texts.get(i));
      unanchored.add(
          new PhraseSimilarity.Phrase(
              texts.get(i), a.concepts(), a.coverage(), a.topical(), raw[i]));
    }
    byte[][] centred = centred(raw, texts, phrases, calibrationFile, embedder);
    PhraseSimilarity similarity = new PhraseSimilarity(taxonomy, embedder.model());
    double[][] hub = hubnessReduced(anchored, texts, phrases);
    int[] row = new int[texts.size()];
    int[] column = new int[texts.size()];
    sideIndices(texts, phrases, row, column);
    PhraseSimilarity hubSimilarity =
        new PhraseSimilarity(taxonomy, SimilarityCalibration.hubnessCalibrated(calibrationFile));

    Map<String, Similarity> steps = new LinkedHashMap<>();
    steps.put(
        "the plain model: cosine of the phrases' vectors",
        (g, s) -> PhraseEmbedder.cosine(raw[g], raw[s]));
    steps.put(
        "cosine, each side centred on its mean (calibration tune half)",
        (g, s) -> PhraseEmbedder.cosine(centred[g], centred[s]));
    steps.put(
        "cosine of the vectors anchored in the taxonomy's names and variants only",
        (g, s) ->
            PhraseEmbedder.cosine(namesOnly.get(g).embedding(), namesOnly.get(s).embedding()));
    steps.put(
        "cosine of the vectors anchored in the taxonomy (names, variants and goals)",
        (g, s) -> PhraseEmbedder.cosine(anchored.get(g).embedding(), anchored.get(s).embedding()));
    steps.put(
        "calibrated similarity of meaning (not anchored), threshold",
        (g, s) ->
            similarity.meaning(
                PhraseEmbedder.cosine(
                    unanchored.get(g).embedding(), unanchored.get(s).embedding())));
    steps.put(
        "calibrated similarity of meaning (anchored), threshold",
        (g, s) ->
            similarity.meaning(
                PhraseEmbedder.cosine(anchored.get(g).embedding(), anchored.get(s).embedding())));
    steps.put(
        "taxonomy and meaning (not anchored), threshold",
        (g, s) -> similarity.of(unanchored.get(g), unanchored.get(s)).value());
    steps.put(
        "taxonomy and meaning (anchored): the job's similarity",
        (g, s) -> similarity.of(anchored.get(g), anchored.get(s)).value());
    steps.put(
        "cosine of the anchored vectors, hubness reduced (CSLS, "
            + SimilarityCalibration.HUB_NEIGHBOURS
            + " neighbours, centred)",
        (g, s) -> hub[row[g]][column[s]]);
    steps.put(
        "taxonomy and meaning (anchored), hubness reduced, calibrated afresh on the tune half",
        (g, s) ->
            hubSimilarity.of(anchored.get(g), anchored.get(s), hub[row[g]][column[s]]).value());

    MatchConfig defaults = MatchConfig.defaults();
    List<Step> out = new ArrayList<>();
    for (Map.Entry<String, Similarity> e : steps.entrySet()) {
      boolean calibrated = !e.getKey().contains("cosine");
      out.add(measure(e.getKey(), e.getValue(), planted, defaults, calibrated));
    }
    return out;
  }

  /**
   * The anchored cosines of every distinct goal with every distinct skill of the benchmark (one
   * night's phrases), hubness reduced.
   */
  private static double[][] hubnessReduced(
      List<PhraseSimilarity.Phrase> anchored,
      List<String> texts,
      List<ParaphraseBenchmark.Phrase> phrases) {
    List<Integer> goals = new ArrayList<>();
    List<Integer> skills = new ArrayList<>();
    Map<String, String> side = sides(phrases);
    for (int i = 0; i < texts.size(); i++) {
      (side.get(texts.get(i)).equals("goal") ? goals : skills).add(i);
    }
    double[][] c = new double[goals.size()][skills.size()];
    for (int a = 0; a < goals.size(); a++) {
      for (int b = 0; b < skills.size(); b++) {
        c[a][b] =
            PhraseEmbedder.cosine(
                anchored.get(goals.get(a)).embedding(), anchored.get(skills.get(b)).embedding());
      }
    }
    return HubnessReduction.of(c, SimilarityCalibration.HUB_NEIGHBOURS);
  }

  /** Each text's position among the goals ({@code row}) or the skills ({@code column}). */
  private static void sideIndices(
      List<String> texts, List<ParaphraseBenchmark.Phrase> phrases, int[] row, int[] column) {
    Map<String, String> side = sides(phrases);
    int goals = 0;
    int skills = 0;
    for (int i = 0; i < texts.size(); i++) {
      if (side.get(texts.get(i)).equals("goal")) {
        row[i] = goals++;
      } else {
        column[i] = skills++;
      }
    }
  }

  private static Map<String, String> sides(List<ParaphraseBenchmark.Phrase> phrases) {
    Map<String, String> side = new HashMap<>();
    for (ParaphraseBenchmark.Phrase p : phrases) {
      if (!side.getOrDefault(p.text(), p.side()).equals(p.side())) {
        throw new IllegalArgumentException("a phrase is both a goal and a skill: " + p.text());
      }
      side.put(p.text(), p.side());
    }
    return side;
  }

  /**
   * The planted members: each mentee's goals and topic, each mentor's skills, topic, department.
   */
  private record Planted(
      List<int[]> goals,
      List<String> menteeTopic,
      List<String> menteeDepartment,
      List<int[]> skills,
      List<String> mentorTopic,
      List<String> mentorDepartment,
      List<Integer> mentorSeniority,
      List<Integer> menteeSeniority,
      List<Integer> capacity) {
    static Planted read(String csv, Map<String, String> topicOf, Map<String, Integer> index)
        throws IOException {
      Planted p =
          new Planted(
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>(),
              new ArrayList<>());
      for (CSVRecord r :
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(csv))) {
        boolean mentor = r.get("role").equals("mentor");
        int[] ids =
            java.util.Arrays.stream(r.get(mentor ? "skills" : "goals").split("; "))
                .mapToInt(index::get)
                .toArray();
        String topic = topicOf.get(r.get("member_id"));
        if (mentor) {
          p.skills.add(ids);
          p.mentorTopic.add(topic);
          p.mentorDepartment.add(r.get("department"));
          p.mentorSeniority.add(Integer.parseInt(r.get("seniority")));
          p.capacity.add(Integer.parseInt(r.get("capacity")));
        } else {
          p.goals.add(ids);
          p.menteeTopic.add(topic);
          p.menteeDepartment.add(r.get("department"));
          p.menteeSeniority.add(Integer.parseInt(r.get("seniority")));
        }
      }
      return p;
    }
  }

  private static Step measure(
      String name, Similarity sim, Planted p, MatchConfig config, boolean calibrated) {
    double min = calibrated ? config.score().minPhraseSimilarity() : Double.NEGATIVE_INFINITY;
    double minCoverage = calibrated ? config.assignment().minCoverage() : Double.NEGATIVE_INFINITY;
    double minScore = calibrated ? config.assignment().minScore() : Double.NEGATIVE_INFINITY;
    PairScorer scorer = new PairScorer(config.score());
    int mentees = p.goals().size();
    int mentors = p.skills().size();
    double bestInTopic = 0;
    double bestScoredInTopic = 0;
    int covered = 0;
    List<int[]> edges = new ArrayList<>();
    List<Long> edgeScores = new ArrayList<>();
    for (int i = 0; i < mentees; i++) {
      double[] coverage = new double[mentors];
      double[] score = new double[mentors];
      for (int j = 0; j < mentors; j++) {
        double sum = 0;
        for (int g : p.goals().get(i)) {
          double best = Double.NEGATIVE_INFINITY;
          for (int s : p.skills().get(j)) {
            best = Math.max(best, sim.of(g, s));
          }
          sum += best >= min ? best : 0;
        }
        coverage[j] = sum / p.goals().get(i).length;
        // The other parts as PairScorer weighs them, with this step's coverage.
        PairScorer.Score parts =
            scorer.score(
                List.of(),
                new PairScorer.Side(p.menteeSeniority().get(i), 0, p.menteeDepartment().get(i)),
                new PairScorer.Side(p.mentorSeniority().get(j), 0, p.mentorDepartment().get(j)));
        score[j] =
            parts.score()
                + config.score().coverageWeight() * coverage[j] / config.score().weightSum();
      }
      if (max(coverage) > (calibrated ? 0 : Double.NEGATIVE_INFINITY)) {
        covered++;
        bestInTopic += inTopicShareOfBest(coverage, p, i);
        bestScoredInTopic += inTopicShareOfBest(score, p, i);
      }
      List<long[]> mine = new ArrayList<>();
      for (int j = 0; j < mentors; j++) {
        if (coverage[j] >= minCoverage && score[j] >= minScore) {
          mine.add(new long[] {j, Math.round(score[j] * 1_000_000)});
        }
      }
      mine.sort((a, b) -> a[1] != b[1] ? Long.compare(b[1], a[1]) : Long.compare(a[0], b[0]));
      for (int k = 0;
          k < Math.min(config.assignment().maxCandidatesPerMentee(), mine.size());
          k++) {
        edges.add(new int[] {i, (int) mine.get(k)[0]});
        edgeScores.add(mine.get(k)[1]);
      }
    }
    int[] capacity = p.capacity().stream().mapToInt(Integer::intValue).toArray();
    AssignmentProblem problem =
        new AssignmentProblem(
            mentees,
            capacity,
            edges.stream().mapToInt(e -> e[0]).toArray(),
            edges.stream().mapToInt(e -> e[1]).toArray(),
            edgeScores.stream().mapToLong(Long::longValue).toArray());
    int assignedInTopic = 0;
    int[] chosen = new MinCostFlowSolver().solve(problem);
    for (int e : chosen) {
      int[] edge = edges.get(e);
      if (p.menteeTopic().get(edge[0]).equals(p.mentorTopic().get(edge[1]))) {
        assignedInTopic++;
      }
    }
    return new Step(
        name,
        mentees,
        covered,
        covered == 0 ? 0 : bestInTopic / covered,
        covered == 0 ? 0 : bestScoredInTopic / covered,
        chosen.length,
        assignedInTopic);
  }

  /**
   * The share of mentee {@code i}'s best mentors by {@code value} that are of the mentee's topic.
   */
  private static double inTopicShareOfBest(double[] value, Planted p, int i) {
    double best = max(value);
    int ties = 0;
    int inTopic = 0;
    for (int j = 0; j < value.length; j++) {
      if (value[j] == best) {
        ties++;
        inTopic += p.mentorTopic().get(j).equals(p.menteeTopic().get(i)) ? 1 : 0;
      }
    }
    return (double) inTopic / ties;
  }

  private static double max(double[] v) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : v) {
      m = Math.max(m, x);
    }
    return m;
  }

  /**
   * The vectors with their side's mean taken away: the mean goal and the mean skill vector of the
   * calibration file's tune half (the register people write goals in is shared by all goals, and
   * says nothing about their topic).
   */
  private static byte[][] centred(
      byte[][] raw,
      List<String> texts,
      List<ParaphraseBenchmark.Phrase> phrases,
      Path calibrationFile,
      PhraseEmbedder embedder)
      throws IOException {
    List<String> goals = new ArrayList<>();
    List<String> skills = new ArrayList<>();
    for (SimilarityCalibration.Labelled l : SimilarityCalibration.read(calibrationFile)) {
      if (l.set().equals("tune")) {
        (l.side().equals("goal") ? goals : skills).add(PhraseEmbedder.key(l.text()));
      }
    }
    double[] goalMean = mean(embedder.embed(goals));
    double[] skillMean = mean(embedder.embed(skills));
    Map<String, Boolean> isGoal = new HashMap<>();
    for (ParaphraseBenchmark.Phrase p : phrases) {
      isGoal.put(p.text(), p.side().equals("goal"));
    }
    byte[][] out = new byte[raw.length][];
    for (int i = 0; i < raw.length; i++) {
      double[] m = isGoal.get(texts.get(i)) ? goalMean : skillMean;
      double[] v = Embeddings.of(raw[i]).toArray();
      for (int d = 0; d < v.length; d++) {
        v[d] -= m[d];
      }
      out[i] = Embeddings.quantise(v);
    }
    return out;
  }

  private static double[] mean(byte[][] vectors) {
    double[] m = new double[PhraseEmbedder.DIMENSIONS];
    for (byte[] v : vectors) {
      double[] u = Embeddings.of(v).toArray();
      for (int d = 0; d < m.length; d++) {
        m[d] += u[d] / vectors.length;
      }
    }
    return m;
  }

  /** The report section. */
  public static String section(List<Step> steps, String command) {
    StringBuilder s = new StringBuilder("## Paraphrases: where the in-topic share is lost\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Machine: ").append(BenchmarkReport.machine()).append("\n\n");
    s.append(
        "The paraphrase benchmark's planted members matched outside Spark (every pair a candidate,"
            + " no topic clusters), with the phrase similarity built up one step at a time. *Best"
            + " mentor in topic*: the share of mentees whose best-covering mentor is of their"
            + " topic (ties shared out); *by whole score*: the same when seniority, time zone and"
            + " department count too; *assigned*: the exact assignment with the mentors'"
            + " capacities (most mentees matched, then the largest total score). Uncalibrated"
            + " cosines use no thresholds; the calibrated steps use the default settings.\n\n");
    s.append(
        "| step | mentees with a covering mentor | best mentor in topic | by whole score |"
            + " assigned | assigned in topic |\n|---|---|---|---|---|---|\n");
    for (Step st : steps) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %d of %d | %.1f%% | %.1f%% | %d | %d (%.1f%%) |%n",
              st.name(),
              st.bestCovered(),
              st.mentees(),
              100 * st.bestInTopic(),
              100 * st.bestScoredInTopic(),
              st.assigned(),
              st.assignedInTopic(),
              st.assigned() == 0 ? 0 : 100.0 * st.assignedInTopic() / st.assigned()));
    }
    return s.toString();
  }
}
