package org.mentormatch.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhraseSimilarity;

/**
 * Calibrates how the sentence model's cosine becomes a phrase similarity, on labelled goal-skill
 * pairs, and measures the combined similarity on pairs held out from the fit.
 *
 * <p>The data, {@code data/calibration/phrases.csv} ({@code set,topic,side,phrase}), holds 40
 * workplace topics, each with 4 skills in the usual vocabulary and 6 goals in people's own words;
 * its topics are not the paraphrase benchmark's. A pair (goal, skill) of one set is positive when
 * both are of the same topic; cosines are of the phrases as matching reads them (anchored in the
 * taxonomy where it knows them, {@code PhraseReading}). On the {@code tune} set the model's
 * counting cosine is the smallest on a 0.01 grid that at most {@value #MAX_FALSE_POSITIVE_RATE} of
 * negative pairs reach, and its certain cosine the smallest at and above which at most {@value
 * #MAX_NEGATIVE_SHARE} of the pairs are negative. The {@code holdout} set is only measured.
 */
public final class SimilarityCalibration {
  static final double MAX_FALSE_POSITIVE_RATE = 0.10;
  static final double MAX_NEGATIVE_SHARE = 0.01;

  /** Neighbourhood size of the hubness-reduced cosine measured beside the plain one. */
  public static final int HUB_NEIGHBOURS = 10;

  private SimilarityCalibration() {}

  /** One labelled phrase. */
  record Labelled(String set, String topic, String side, String text) {}

  /** The two cosines the fit finds. */
  public record Fit(double cosineCounts, double cosineCertain, int positives, int negatives) {}

  /** Figures of the combined similarity on one set. */
  public record Measure(
      String set,
      int positives,
      int negatives,
      double auc,
      double truePositiveRate,
      double falsePositiveRate,
      int goals,
      int top1Right) {}

  /**
   * The calibration and its figures; {@code hub*} the same for the hubness-reduced cosine ({@link
   * HubnessReduction}, {@link #HUB_NEIGHBOURS} neighbours among each half's phrases), fitted and
   * measured the same way.
   */
  public record Result(
      Fit fit,
      Measure tune,
      Measure holdout,
      Fit hubFit,
      Measure hubTune,
      Measure hubHoldout,
      List<String> edgeCases) {}

  /** A cosine of goal {@code g} and skill {@code s}, indices into the labelled phrases. */
  interface PairCosine {
    double of(int g, int s);
  }

  /** Reads the labelled phrases. */
  static List<Labelled> read(Path file) throws IOException {
    List<Labelled> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        out.add(new Labelled(rec.get("set"), rec.get("topic"), rec.get("side"), rec.get("phrase")));
      }
    }
    return out;
  }

  /** Fits on the tune set of {@code file} and measures both sets. */
  public static Result run(Path file) throws IOException {
    List<Labelled> all = read(file);
    List<PhraseSimilarity.Phrase> read =
        PhraseSimilarities.read(all.stream().map(Labelled::text).toList());
    PairCosine plain =
        (g, s) -> PhraseEmbedder.cosine(read.get(g).embedding(), read.get(s).embedding());
    Fit fit = fit(all, "tune", plain);
    PhraseSimilarity similarity =
        new PhraseSimilarity(Taxonomy.builtIn(), PhraseEmbedder.shipped().model());
    PairCosine hub = hubnessReduced(all, plain, HUB_NEIGHBOURS);
    Fit hubFit = fit(all, "tune", hub);
    PhraseSimilarity hubSimilarity = new PhraseSimilarity(Taxonomy.builtIn(), calibrated(hubFit));
    return new Result(
        fit,
        measure(all, read, "tune", similarity, plain),
        measure(all, read, "holdout", similarity, plain),
        hubFit,
        measure(all, read, "tune", hubSimilarity, hub),
        measure(all, read, "holdout", hubSimilarity, hub),
        edgeCases(similarity));
  }

  /**
   * The shipped model calibrated afresh, on the tune set of {@code file}, for its cosine with
   * hubness reduced ({@link #HUB_NEIGHBOURS} neighbours).
   */
  static PhraseEmbedder.Model hubnessCalibrated(Path file) throws IOException {
    List<Labelled> all = read(file);
    List<PhraseSimilarity.Phrase> read =
        PhraseSimilarities.read(all.stream().map(Labelled::text).toList());
    PairCosine plain =
        (g, s) -> PhraseEmbedder.cosine(read.get(g).embedding(), read.get(s).embedding());
    return calibrated(fit(all, "tune", hubnessReduced(all, plain, HUB_NEIGHBOURS)));
  }

  /** The shipped model with the cosines of {@code fit}. */
  static PhraseEmbedder.Model calibrated(Fit fit) {
    PhraseEmbedder.Model m = PhraseEmbedder.shipped().model();
    return new PhraseEmbedder.Model(
        m.name(),
        m.onnxResource(),
        m.tokenizerResource(),
        m.pooling(),
        m.maxTokens(),
        m.prefix(),
        fit.cosineCounts(),
        fit.cosineCertain());
  }

  /**
   * {@code cosine} with hubness reduced within each set: every goal and skill of the set is one
   * night's distinct phrases.
   */
  static PairCosine hubnessReduced(List<Labelled> all, PairCosine cosine, int k) {
    double[][] reduced = new double[all.size()][];
    int[] column = new int[all.size()];
    for (String set : all.stream().map(Labelled::set).distinct().toList()) {
      List<Integer> goals = new ArrayList<>();
      List<Integer> skills = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).set().equals(set)) {
          (all.get(i).side().equals("goal") ? goals : skills).add(i);
        }
      }
      double[][] c = new double[goals.size()][skills.size()];
      for (int a = 0; a < goals.size(); a++) {
        for (int b = 0; b < skills.size(); b++) {
          c[a][b] = cosine.of(goals.get(a), skills.get(b));
        }
      }
      double[][] r = HubnessReduction.of(c, k);
      for (int a = 0; a < goals.size(); a++) {
        reduced[goals.get(a)] = r[a];
      }
      for (int b = 0; b < skills.size(); b++) {
        column[skills.get(b)] = b;
      }
    }
    return (g, s) -> reduced[g][column[s]];
  }

  /** The cosines of every goal-skill pair of {@code set}, positives and negatives apart. */
  private static double[][] cosines(List<Labelled> all, String set, PairCosine cosine) {
    List<Double> pos = new ArrayList<>();
    List<Double> neg = new ArrayList<>();
    for (int g = 0; g < all.size(); g++) {
      if (!all.get(g).set().equals(set) || !all.get(g).side().equals("goal")) {
        continue;
      }
      for (int s = 0; s < all.size(); s++) {
        if (!all.get(s).set().equals(set) || !all.get(s).side().equals("skill")) {
          continue;
        }
        double c = cosine.of(g, s);
        (all.get(g).topic().equals(all.get(s).topic()) ? pos : neg).add(c);
      }
    }
    return new double[][] {
      pos.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
      neg.stream().mapToDouble(Double::doubleValue).sorted().toArray()
    };
  }

  /** The calibration cosines, fitted on {@code set}. */
  static Fit fit(List<Labelled> all, String set, PairCosine cosine) {
    double[][] c = cosines(all, set, cosine);
    double[] pos = c[0];
    double[] neg = c[1];
    double counts = 1;
    double certain = 1;
    boolean countsFound = false;
    boolean certainFound = false;
    // From -1: a hubness-reduced cosine can be below 0 where a plain one is not.
    for (int step = -100; step <= 100; step++) {
      double t = step / 100.0;
      int tp = pos.length - below(pos, t);
      int fp = neg.length - below(neg, t);
      if (!countsFound && fp <= MAX_FALSE_POSITIVE_RATE * neg.length) {
        counts = t;
        countsFound = true;
      }
      if (!certainFound && tp + fp > 0 && fp <= MAX_NEGATIVE_SHARE * (tp + fp)) {
        certain = t;
        certainFound = true;
      }
    }
    return new Fit(counts, certain, pos.length, neg.length);
  }

  /** How many of the sorted {@code values} lie below {@code t}. */
  private static int below(double[] values, double t) {
    int lo = 0;
    int hi = values.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (values[mid] < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The combined similarity's figures on {@code set}. */
  static Measure measure(
      List<Labelled> all,
      List<PhraseSimilarity.Phrase> read,
      String set,
      PhraseSimilarity similarity,
      PairCosine cosine) {
    double[][] c = cosines(all, set, cosine);
    long wins = 0;
    for (double p : c[0]) {
      wins += below(c[1], p);
    }
    double auc = (double) wins / c[0].length / c[1].length;
    int tp = 0;
    int fp = 0;
    int goals = 0;
    int right = 0;
    for (int g = 0; g < all.size(); g++) {
      if (!all.get(g).set().equals(set) || !all.get(g).side().equals("goal")) {
        continue;
      }
      goals++;
      double best = -1;
      boolean bestRight = false;
      for (int s = 0; s < all.size(); s++) {
        if (!all.get(s).set().equals(set) || !all.get(s).side().equals("skill")) {
          continue;
        }
        double v = similarity.of(read.get(g), read.get(s), cosine.of(g, s)).value();
        boolean same = all.get(g).topic().equals(all.get(s).topic());
        if (v >= PhraseSimilarity.COUNTS) {
          if (same) {
            tp++;
          } else {
            fp++;
          }
        }
        if (v > best) {
          best = v;
          bestRight = same;
        }
      }
      right += bestRight && best >= PhraseSimilarity.COUNTS ? 1 : 0;
    }
    return new Measure(
        set,
        c[0].length,
        c[1].length,
        auc,
        (double) tp / c[0].length,
        (double) fp / c[1].length,
        goals,
        right);
  }

  /** The lexical edge cases the taxonomy settles, with what the combined similarity says. */
  static List<String> edgeCases(PhraseSimilarity similarity) {
    String[][] pairs = {
      {"ML", "machine learning"},
      {"AI for product managers", "artificial intelligence"},
      {"AI", "retail"},
      {"retail banking", "AI"},
      {"go to market strategy", "Go programming"},
      {"learn Go", "golang"},
      {"kubernets", "kubernetes"},
      {"machine learning", "deep learning"},
    };
    List<String> texts = new ArrayList<>();
    for (String[] p : pairs) {
      texts.addAll(Arrays.asList(p));
    }
    List<PhraseSimilarity.Phrase> read = PhraseSimilarities.read(texts);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < pairs.length; i++) {
      PhraseSimilarity.Phrase g = read.get(2 * i);
      PhraseSimilarity.Phrase s = read.get(2 * i + 1);
      PhraseSimilarity.Similarity sim = similarity.of(g, s);
      out.add(
          String.format(
              Locale.ROOT,
              "| %s | %s | %.2f | %.2f, %s |",
              g.text(),
              s.text(),
              PhraseEmbedder.cosine(g.embedding(), s.embedding()),
              sim.value(),
              sim.kind().words()));
    }
    return out;
  }

  /** The report section. */
  public static String section(Result r, String command) {
    StringBuilder s = new StringBuilder("## Phrase similarity: calibration\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Machine: ").append(BenchmarkReport.machine()).append("\n\n");
    PhraseEmbedder.Model model = PhraseEmbedder.shipped().model();
    boolean same =
        r.fit().cosineCounts() == model.cosineCounts()
            && r.fit().cosineCertain() == model.cosineCertain();
    s.append(
        String.format(
            Locale.ROOT,
            "Labelled data: `data/calibration/phrases.csv`, 40 workplace topics (none of them the"
                + " paraphrase benchmark's), each with 4 skills in the usual vocabulary and 6"
                + " goals in people's own words; half the topics tune, the other half are held"
                + " out. A goal-skill pair is positive when both are of one topic (tune: %d"
                + " positive, %d negative pairs). Cosines are of the phrases as matching reads"
                + " them (anchored in the taxonomy where it knows them).%n%n"
                + "Fitted on the tune half: a skill counts for a goal from cosine **%.2f**, the"
                + " smallest that at most %.0f%% of different-topic pairs reach; from **%.2f** on"
                + " at most %.0f%% of pairs are of different topics. Shipped with the model"
                + " (`PhraseEmbedder.Model`): %.2f and %.2f%s. The similarity of meaning is"
                + " linear between (%.2f, %.2f) and (%.2f, 1), cut to [0, 1], so at the default"
                + " `score.min_phrase_similarity` (%.2f) a skill counts exactly from the fitted"
                + " cosine on.%n%n",
            r.fit().positives(),
            r.fit().negatives(),
            r.fit().cosineCounts(),
            100 * MAX_FALSE_POSITIVE_RATE,
            r.fit().cosineCertain(),
            100 * MAX_NEGATIVE_SHARE,
            model.cosineCounts(),
            model.cosineCertain(),
            same ? " (the same)" : " (DIFFERENT: update the model's calibration)",
            model.cosineCounts(),
            PhraseSimilarity.COUNTS,
            model.cosineCertain(),
            PhraseSimilarity.COUNTS));
    s.append(
        "The combined similarity (taxonomy and model) at the default threshold, per half:"
            + " *AUC* is the cosine's (the chance a positive pair has the higher cosine"
            + " than a negative one); *counted* the share of pairs reaching the threshold; *top-1*"
            + " the share of goals whose most similar skill of the half counts and is of their"
            + " topic.\n\n");
    s.append(
        "| half | AUC (cosine) | positives counted | negatives counted | top-1 |\n"
            + "|---|---|---|---|---|\n");
    for (Measure m : List.of(r.tune(), r.holdout())) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.1f%% | %.1f%% | %d of %d (%.1f%%) |%n",
              m.set(),
              m.auc(),
              100 * m.truePositiveRate(),
              100 * m.falsePositiveRate(),
              m.top1Right(),
              m.goals(),
              100.0 * m.top1Right() / m.goals()));
    }
    s.append(
        String.format(
            Locale.ROOT,
            "%nMeasured beside it, not used by the job: the same, with the cosine's hubness reduced"
                + " (CSLS, Conneau et al. 2018: a pair's cosine lowered by how close each phrase"
                + " is to its %d nearest phrases of the other side among the half's phrases,"
                + " centred on the half's mean; `HubnessReduction`), calibrated afresh on the tune"
                + " half: counts from %.2f, certain from %.2f.%n%n",
            HUB_NEIGHBOURS,
            r.hubFit().cosineCounts(),
            r.hubFit().cosineCertain()));
    s.append(
        "| half | AUC (cosine) | positives counted | negatives counted | top-1 |\n"
            + "|---|---|---|---|---|\n");
    for (Measure m : List.of(r.hubTune(), r.hubHoldout())) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %s, hubness reduced | %.3f | %.1f%% | %.1f%% | %d of %d (%.1f%%) |%n",
              m.set(),
              m.auc(),
              100 * m.truePositiveRate(),
              100 * m.falsePositiveRate(),
              m.top1Right(),
              m.goals(),
              100.0 * m.top1Right() / m.goals()));
    }
    s.append(
        "\nLexical edge cases: the taxonomy decides where it knows both phrases.\n\n"
            + "| goal | skill | model cosine | similarity |\n|---|---|---|---|\n");
    r.edgeCases().forEach(line -> s.append(line).append('\n'));
    return s.toString();
  }
}
