package org.mentormatch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseAnalyzer;
import org.mentormatch.features.SparseVectors;
import org.mentormatch.features.Taxonomy;

/** The matcher's phrase similarity, for the paraphrase benchmark's phrase-level top-1. */
public final class PhraseSimilarities {
  private PhraseSimilarities() {}

  /** The phrase similarity of the job as it is built. */
  public static ParaphraseBenchmark.PhraseTop1 current() {
    return PhraseSimilarities::bestSkills;
  }

  private static List<String> bestSkills(
      SparkSession spark, List<String> goals, List<String> skills) {
    MatchConfig config = MatchConfig.defaults();
    StructType schema =
        new StructType()
            .add(Columns.MEMBER_ID, DataTypes.StringType)
            .add(Columns.GOALS, DataTypes.createArrayType(DataTypes.StringType))
            .add(Columns.SKILLS, DataTypes.createArrayType(DataTypes.StringType));
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < goals.size(); i++) {
      rows.add(RowFactory.create("g" + i, new String[] {goals.get(i)}, new String[0]));
    }
    for (int i = 0; i < skills.size(); i++) {
      rows.add(RowFactory.create("s" + i, new String[0], new String[] {skills.get(i)}));
    }
    Dataset<Row> members = spark.createDataFrame(rows, schema);
    Dataset<Row> features =
        MemberFeatures.build(members, new PhraseAnalyzer(Taxonomy.builtIn()), config.features())
            .features();
    Map<String, Vector> vectors = new HashMap<>();
    for (String side : List.of(Columns.GOAL_PHRASES, Columns.SKILL_PHRASES)) {
      for (Row r :
          features
              .select(explode(col(side)).as("p"))
              .select("p." + Columns.PHRASE_TEXT, "p." + Columns.PHRASE_VECTOR)
              .collectAsList()) {
        vectors.put(side + r.getString(0), r.getAs(1));
      }
    }
    List<String> best = new ArrayList<>();
    for (String g : goals) {
      Vector gv = vectors.get(Columns.GOAL_PHRASES + g);
      String bestSkill = null;
      double bestSimilarity = config.score().minPhraseSimilarity();
      for (String s : skills) {
        double sim = SparseVectors.dot(gv, vectors.get(Columns.SKILL_PHRASES + s));
        if (sim >= bestSimilarity && (bestSkill == null || sim > bestSimilarity)) {
          bestSimilarity = sim;
          bestSkill = s;
        }
      }
      best.add(bestSkill);
    }
    return best;
  }
}
