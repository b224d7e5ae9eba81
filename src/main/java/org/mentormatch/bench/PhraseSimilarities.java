package org.mentormatch.bench;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.PhraseReading;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.scoring.PhraseSimilarity;

/** The matcher's phrase similarity, for the benchmarks' phrase-level figures. */
public final class PhraseSimilarities {
  private PhraseSimilarities() {}

  /** The phrase similarity of the job as it is built. */
  public static ParaphraseBenchmark.PhraseTop1 current() {
    return PhraseSimilarities::bestSkills;
  }

  /**
   * {@code texts} read as the job reads them: concepts, taxonomy coverage, and the embedding
   * anchored in the taxonomy ({@link PhraseReading}).
   */
  static List<PhraseSimilarity.Phrase> read(List<String> texts) {
    return read(texts, true);
  }

  /**
   * {@link #read(List)}, or, without {@code goals}, anchored in the concepts' names and variants
   * only (as the job read phrases before the taxonomy had goals).
   */
  static List<PhraseSimilarity.Phrase> read(List<String> texts, boolean goals) {
    Taxonomy taxonomy = Taxonomy.builtIn();
    PhraseAnalyzer analyzer = new PhraseAnalyzer(taxonomy);
    PhraseEmbedder embedder = PhraseEmbedder.shipped();
    List<PhraseReading.Phrasing> phrasings = PhraseReading.phrasings(taxonomy);
    byte[][] anchors =
        embedder.embed(phrasings.stream().map(p -> PhraseEmbedder.key(p.text())).toList());
    List<PhraseReading.Anchor> kept = new ArrayList<>();
    for (int i = 0; i < anchors.length; i++) {
      PhraseReading.Phrasing p = phrasings.get(i);
      if (goals || !p.goal()) {
        kept.add(new PhraseReading.Anchor(p.concept(), p.goal(), anchors[i]));
      }
    }
    PhraseReading reading = PhraseReading.of(kept);
    byte[][] vectors = embedder.embed(texts.stream().map(PhraseEmbedder::key).toList());
    List<PhraseSimilarity.Phrase> out = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      PhraseAnalyzer.Analysis a = analyzer.analyze(texts.get(i));
      out.add(
          new PhraseSimilarity.Phrase(
              texts.get(i),
              a.concepts(),
              a.coverage(),
              a.topical(),
              reading.anchor(vectors[i], a.concepts(), a.known())));
    }
    return out;
  }

  private static List<String> bestSkills(
      SparkSession spark, List<String> goals, List<String> skills) {
    double min = MatchConfig.defaults().score().minPhraseSimilarity();
    PhraseSimilarity similarity =
        new PhraseSimilarity(Taxonomy.builtIn(), PhraseEmbedder.shipped().model());
    List<PhraseSimilarity.Phrase> g = read(goals);
    List<PhraseSimilarity.Phrase> s = read(skills);
    List<String> best = new ArrayList<>();
    for (PhraseSimilarity.Phrase goal : g) {
      String bestSkill = null;
      double bestValue = min;
      for (PhraseSimilarity.Phrase skill : s) {
        double v = similarity.of(goal, skill).value();
        if (v >= bestValue && (bestSkill == null || v > bestValue)) {
          bestValue = v;
          bestSkill = skill.text();
        }
      }
      best.add(bestSkill);
    }
    return best;
  }
}
