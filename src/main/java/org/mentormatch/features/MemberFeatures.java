package org.mentormatch.features;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.config.FeatureConfig;

/**
 * Turns members' goals and skills into TF-IDF feature vectors with Spark MLlib.
 *
 * <p>Every phrase is analysed once per distinct text ({@link PhraseAnalyzer}: concepts, word stems,
 * character trigrams); a {@code CountVectorizerModel} over the most frequent terms and an {@code
 * IDF} fitted on all phrases give TF-IDF vectors; each phrase vector then gives its three kinds of
 * terms fixed shares, so the cosine of two phrases is {@value #CONCEPT_SHARE} x concept similarity
 * + {@value #WORD_SHARE} x word similarity + {@value #TRIGRAM_SHARE} x spelling similarity
 * (renormalised over the kinds a phrase has).
 *
 * <p>Input: used members with {@code member_id, goals, skills}. Output: {@code member_id,
 * goal_phrases, skill_phrases} (arrays of {@code text, concepts, vector} in the member's order,
 * vectors over the whole vocabulary), {@code goal_vector, skill_vector} (unit-length sums of the
 * phrase vectors' concept and word terms), {@code profile_vector} (their unit-length sum, what
 * clustering sees) and {@code goal_topics, skill_topics} (each phrase's concept and word terms
 * alone, unit length, for filing members under clusters phrase by phrase).
 */
public final class MemberFeatures {
  static final double CONCEPT_SHARE = 0.6;
  static final double WORD_SHARE = 0.25;
  static final double TRIGRAM_SHARE = 0.15;

  /** The vocabulary of a night without terms: not a term any analysis produces. */
  private static final String NO_TERM = "\u0000";

  private MemberFeatures() {}

  /**
   * The fitted features (materialised), and the topic vocabulary that names each index of the
   * member-level (goal, skill, profile) vectors.
   */
  public record Result(
      Dataset<Row> features, String[] topicVocabulary, int vocabularySize, long phrases) {}

  /** The struct of one analysed phrase. */
  public static final StructType PHRASE =
      new StructType()
          .add(Columns.PHRASE_TEXT, DataTypes.StringType, false)
          .add(
              Columns.PHRASE_CONCEPTS,
              DataTypes.createArrayType(DataTypes.StringType, false),
              false)
          .add(Columns.PHRASE_VECTOR, SQLDataTypes.VectorType(), false);

  private static final StructType ANALYSIS =
      new StructType()
          .add(
              Columns.PHRASE_CONCEPTS,
              DataTypes.createArrayType(DataTypes.StringType, false),
              false)
          .add("terms", DataTypes.createArrayType(DataTypes.StringType, false), false);

  /** Fits the vocabulary and IDF on {@code members}' phrases and builds every member's vectors. */
  public static Result build(Dataset<Row> members, PhraseAnalyzer analyzer, FeatureConfig config) {
    Dataset<Row> phrases =
        members
            .select(col(Columns.MEMBER_ID), lit("goal").as("side"), posexplode(col(Columns.GOALS)))
            .union(
                members.select(
                    col(Columns.MEMBER_ID),
                    lit("skill").as("side"),
                    posexplode(col(Columns.SKILLS))))
            .withColumnRenamed("col", Columns.PHRASE_TEXT);

    Broadcast<PhraseAnalyzer> shared =
        JavaSparkContext.fromSparkContext(members.sparkSession().sparkContext())
            .broadcast(analyzer);
    UserDefinedFunction analyze =
        udf(
            (UDF1<String, Row>)
                text -> {
                  PhraseAnalyzer.Analysis a = shared.value().analyze(text);
                  return RowFactory.create(
                      a.concepts().toArray(new String[0]), a.terms().toArray(new String[0]));
                },
            ANALYSIS);
    Dataset<Row> analysed =
        phrases
            .join(
                phrases
                    .select(Columns.PHRASE_TEXT)
                    .distinct()
                    .withColumn("a", analyze.apply(col(Columns.PHRASE_TEXT))),
                Columns.PHRASE_TEXT)
            .select(
                col(Columns.MEMBER_ID),
                col("side"),
                col("pos"),
                col(Columns.PHRASE_TEXT),
                col("a." + Columns.PHRASE_CONCEPTS).as(Columns.PHRASE_CONCEPTS),
                col("a.terms").as("terms"))
            .transform(Checkpoints::keep);
    long phraseCount = analysed.count();

    // CountVectorizer.fit orders terms of equal frequency as its tasks happen to finish, so the
    // vocabulary is chosen here (frequency, then term) and handed to the MLlib model.
    List<String> chosen =
        analysed
            .select(explode(col("terms")).as("term"))
            .groupBy("term")
            .agg(count(lit(1)).as("n"))
            .orderBy(col("n").desc(), col("term"))
            .limit(config.vocabularySize())
            .select("term")
            .as(Encoders.STRING())
            .collectAsList();
    if (chosen.isEmpty()) {
      // MLlib refuses an empty vocabulary; a night without one term (no usable member, or only
      // phrases without letters) still runs, with a term no phrase can have.
      chosen = List.of(NO_TERM);
    }
    CountVectorizerModel vocabulary =
        new CountVectorizerModel(chosen.toArray(new String[0]))
            .setInputCol("terms")
            .setOutputCol("tf");
    Dataset<Row> tf = vocabulary.transform(analysed);
    Dataset<Row> tfidf =
        phraseCount == 0
            ? tf.withColumn("tfidf", col("tf")) // IDF cannot be fitted on no phrase at all
            : new IDF().setInputCol("tf").setOutputCol("tfidf").fit(tf).transform(tf);

    String[] terms = vocabulary.vocabulary();
    int[] kindOfIndex = new int[terms.length];
    for (int i = 0; i < terms.length; i++) {
      kindOfIndex[i] =
          terms[i].startsWith(PhraseAnalyzer.CONCEPT)
              ? 0
              : terms[i].startsWith(PhraseAnalyzer.WORD) ? 1 : 2;
    }
    double[] shares = {CONCEPT_SHARE, WORD_SHARE, TRIGRAM_SHARE};
    UserDefinedFunction weigh =
        udf(
            (UDF1<Vector, Vector>) v -> SparseVectors.weightByKind(v, kindOfIndex, shares),
            SQLDataTypes.VectorType());
    Dataset<Row> vectors = tfidf.withColumn(Columns.PHRASE_VECTOR, weigh.apply(col("tfidf")));

    // Clustering looks at topics only: concept and word terms, re-indexed compactly. Trigrams
    // serve phrase-to-phrase scoring (typos); in cluster centres they would triple the width.
    int[] topicIndex = new int[terms.length];
    List<String> topicTerms = new ArrayList<>();
    for (int i = 0; i < terms.length; i++) {
      topicIndex[i] = kindOfIndex[i] == 2 ? -1 : topicTerms.size();
      if (kindOfIndex[i] != 2) {
        topicTerms.add(terms[i]);
      }
    }
    int size = topicTerms.size();
    UserDefinedFunction sum =
        udf(
            (UDF1<scala.collection.Seq<Row>, Vector>)
                list -> {
                  List<Vector> vs = new ArrayList<>();
                  for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(list)) {
                    vs.add(
                        SparseVectors.restrict(r.getAs(Columns.PHRASE_VECTOR), topicIndex, size));
                  }
                  return SparseVectors.normalisedSum(vs, size);
                },
            SQLDataTypes.VectorType());
    UserDefinedFunction pair =
        udf(
            (UDF1<Row, Vector>)
                r ->
                    SparseVectors.normalisedSum(
                        List.of(r.getAs(Columns.GOAL_VECTOR), r.getAs(Columns.SKILL_VECTOR)), size),
            SQLDataTypes.VectorType());
    UserDefinedFunction each =
        udf(
            (UDF1<scala.collection.Seq<Row>, List<Vector>>)
                list -> {
                  List<Vector> vs = new ArrayList<>();
                  for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(list)) {
                    Vector topic =
                        SparseVectors.restrict(r.getAs(Columns.PHRASE_VECTOR), topicIndex, size);
                    vs.add(SparseVectors.normalisedSum(List.of(topic), size));
                  }
                  return vs;
                },
            DataTypes.createArrayType(SQLDataTypes.VectorType(), false));

    Column phrase =
        struct(
            col("pos"),
            col(Columns.PHRASE_TEXT),
            col(Columns.PHRASE_CONCEPTS),
            col(Columns.PHRASE_VECTOR));
    Dataset<Row> perMember =
        vectors
            .groupBy(Columns.MEMBER_ID)
            .agg(
                collect_list(when(col("side").equalTo("goal"), phrase)).as("g"),
                collect_list(when(col("side").equalTo("skill"), phrase)).as("s"));
    Dataset<Row> features =
        members
            .select(Columns.MEMBER_ID)
            .join(perMember, Columns.MEMBER_ID)
            .withColumn(Columns.GOAL_PHRASES, inOrder(col("g")))
            .withColumn(Columns.SKILL_PHRASES, inOrder(col("s")))
            .withColumn(Columns.GOAL_VECTOR, sum.apply(col(Columns.GOAL_PHRASES)))
            .withColumn(Columns.SKILL_VECTOR, sum.apply(col(Columns.SKILL_PHRASES)))
            .withColumn(Columns.GOAL_TOPICS, each.apply(col(Columns.GOAL_PHRASES)))
            .withColumn(Columns.SKILL_TOPICS, each.apply(col(Columns.SKILL_PHRASES)))
            .withColumn(
                Columns.PROFILE_VECTOR,
                pair.apply(struct(col(Columns.GOAL_VECTOR), col(Columns.SKILL_VECTOR))))
            .drop("g", "s")
            .transform(Checkpoints::keep);
    return new Result(features, topicTerms.toArray(new String[0]), terms.length, phraseCount);
  }

  /** The phrases sorted by their position in the member's cell, without the position. */
  private static Column inOrder(Column phrases) {
    Column sorted =
        array_sort(
            phrases,
            (l, r) ->
                when(l.getField("pos").lt(r.getField("pos")), -1)
                    .when(l.getField("pos").gt(r.getField("pos")), 1)
                    .otherwise(0));
    return transform(
        sorted,
        p ->
            struct(
                p.getField(Columns.PHRASE_TEXT).as(Columns.PHRASE_TEXT),
                p.getField(Columns.PHRASE_CONCEPTS).as(Columns.PHRASE_CONCEPTS),
                p.getField(Columns.PHRASE_VECTOR).as(Columns.PHRASE_VECTOR)));
  }
}
