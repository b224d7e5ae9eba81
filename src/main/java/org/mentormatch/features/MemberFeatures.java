package org.mentormatch.features;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;

/**
 * Reads members' goals and skills: each distinct phrase is analysed against the taxonomy ({@link
 * PhraseAnalyzer}) and embedded by the sentence model ({@link PhraseEmbedder}), reusing embeddings
 * computed on earlier nights.
 *
 * <p>Input: used members with {@code member_id, goals, skills}, and the embeddings already known
 * ({@link #EMBEDDING}: {@code key, embedding}, one row per key). Output: {@code member_id,
 * goal_phrases, skill_phrases} (arrays of {@link #PHRASE} in the member's order) and {@code
 * goal_embedding, skill_embedding, profile_embedding} (unit-length means of the topical goal, skill
 * and all phrase embeddings; zero when there are none); the distinct phrases ({@code text} and the
 * fields of {@link #PHRASE}); and the embeddings computed tonight ({@link #EMBEDDING}), for the
 * cache.
 */
public final class MemberFeatures {
  private static final String SIDE = "side";
  private static final String GOAL = "goal";
  private static final String SKILL = "skill";
  private static final String ANCHORED = "anchored";

  /** Phrases a task embeds at most, so the work spreads over the executors' cores. */
  static final int PHRASES_PER_TASK = 1000;

  private MemberFeatures() {}

  /**
   * The features (materialised), the distinct phrases, the embeddings computed tonight, and counts:
   * phrases in all, distinct phrases (by key), the keys embedded with the taxonomy's phrasings, and
   * those embedded tonight rather than taken from the cache.
   */
  public record Result(
      Dataset<Row> features,
      Dataset<Row> phrases,
      Dataset<Row> embedded,
      long phraseCount,
      long distinctPhrases,
      long keyCount,
      long embeddedCount) {}

  /** The struct of one analysed phrase. */
  public static final StructType PHRASE =
      new StructType()
          .add(Columns.PHRASE_TEXT, DataTypes.StringType, false)
          .add(
              Columns.PHRASE_CONCEPTS,
              DataTypes.createArrayType(DataTypes.StringType, false),
              false)
          .add(Columns.PHRASE_COVERAGE, DataTypes.DoubleType, false)
          .add(Columns.PHRASE_TOPICAL, DataTypes.BooleanType, false)
          .add(Columns.PHRASE_EMBEDDING, DataTypes.BinaryType, false);

  /** An embedding as the cache keeps it: the phrase's {@link PhraseEmbedder#key} and its vector. */
  public static final StructType EMBEDDING =
      new StructType()
          .add(Columns.PHRASE_KEY, DataTypes.StringType, false)
          .add(Columns.PHRASE_EMBEDDING, DataTypes.BinaryType, false);

  private static final StructType ANALYSIS =
      new StructType()
          .add(
              Columns.PHRASE_CONCEPTS,
              DataTypes.createArrayType(DataTypes.StringType, false),
              false)
          .add(Columns.PHRASE_COVERAGE, DataTypes.DoubleType, false)
          .add(Columns.PHRASE_TOPICAL, DataTypes.BooleanType, false);

  /**
   * Analyses and embeds {@code members}' phrases, anchoring those the taxonomy knows ({@link
   * PhraseReading}); {@code known} holds the embeddings of earlier nights by the same model ({@link
   * #EMBEDDING}).
   */
  public static Result build(
      Dataset<Row> members, Taxonomy taxonomy, PhraseEmbedder embedder, Dataset<Row> known) {
    SparkSession spark = members.sparkSession();
    Dataset<Row> phrases =
        members
            .select(col(Columns.MEMBER_ID), lit(GOAL).as(SIDE), posexplode(col(Columns.GOALS)))
            .union(
                members.select(
                    col(Columns.MEMBER_ID), lit(SKILL).as(SIDE), posexplode(col(Columns.SKILLS))))
            .withColumnRenamed("col", Columns.PHRASE_TEXT);

    Broadcast<PhraseAnalyzer> analyzer =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(new PhraseAnalyzer(taxonomy));
    UserDefinedFunction analyze =
        udf(
            (UDF1<String, Row>)
                text -> {
                  PhraseAnalyzer.Analysis a = analyzer.value().analyze(text);
                  return RowFactory.create(
                      a.concepts().toArray(new String[0]), a.coverage(), a.topical());
                },
            ANALYSIS);
    UserDefinedFunction key = udf((UDF1<String, String>) PhraseEmbedder::key, DataTypes.StringType);
    Dataset<Row> texts =
        phrases
            .select(Columns.PHRASE_TEXT)
            .distinct()
            .withColumn(Columns.PHRASE_KEY, key.apply(col(Columns.PHRASE_TEXT)))
            .withColumn("a", analyze.apply(col(Columns.PHRASE_TEXT)))
            .transform(Checkpoints::keep);
    List<Row> anchorRows = new ArrayList<>();
    for (PhraseReading.Phrasing p : PhraseReading.phrasings(taxonomy)) {
      anchorRows.add(RowFactory.create(p.concept(), p.goal(), PhraseEmbedder.key(p.text())));
    }
    Dataset<Row> anchorKeys =
        spark.createDataFrame(
            anchorRows,
            new StructType()
                .add("concept", DataTypes.StringType, false)
                .add("goal", DataTypes.BooleanType, false)
                .add(Columns.PHRASE_KEY, DataTypes.StringType, false));

    Dataset<Row> keys =
        texts
            .select(Columns.PHRASE_KEY)
            .union(anchorKeys.select(Columns.PHRASE_KEY))
            .distinct()
            .join(known, new String[] {Columns.PHRASE_KEY}, "left")
            .transform(Checkpoints::keep);
    Dataset<Row> missing = keys.filter(col(Columns.PHRASE_EMBEDDING).isNull());
    long keyCount = keys.count();
    long missingCount = missing.count();
    // A phrase's vector does not depend on the task that embeds it (each runs alone), so the
    // missing phrases may be spread over as many tasks as their number suggests.
    int tasks = (int) Math.max(1, (missingCount + PHRASES_PER_TASK - 1) / PHRASES_PER_TASK);
    Dataset<Row> embedded =
        missing
            .select(Columns.PHRASE_KEY)
            .repartition(tasks, col(Columns.PHRASE_KEY))
            .mapPartitions(embedEach(embedder), ExpressionEncoder.apply(EMBEDDING))
            .transform(Checkpoints::keep);
    Dataset<Row> embeddings =
        keys.filter(col(Columns.PHRASE_EMBEDDING).isNotNull())
            .union(embedded)
            .transform(Checkpoints::keep);

    List<PhraseReading.Anchor> anchors = new ArrayList<>();
    for (Row r :
        anchorKeys
            .join(embeddings, Columns.PHRASE_KEY)
            .select("concept", "goal", Columns.PHRASE_EMBEDDING)
            .collectAsList()) {
      anchors.add(new PhraseReading.Anchor(r.getString(0), r.getBoolean(1), r.getAs(2)));
    }
    Broadcast<PhraseReading> reading =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(PhraseReading.of(anchors));
    UserDefinedFunction anchor =
        udf(
            (UDF3<byte[], scala.collection.Seq<String>, Double, byte[]>)
                (e, concepts, coverage) -> {
                  List<String> c = scala.jdk.javaapi.CollectionConverters.asJava(concepts);
                  return reading.value().anchor(e, c, !c.isEmpty() && coverage == 1);
                },
            DataTypes.BinaryType);
    Dataset<Row> table =
        texts
            .join(embeddings, Columns.PHRASE_KEY)
            .select(
                col(Columns.PHRASE_TEXT),
                col("a." + Columns.PHRASE_CONCEPTS).as(Columns.PHRASE_CONCEPTS),
                col("a." + Columns.PHRASE_COVERAGE).as(Columns.PHRASE_COVERAGE),
                col("a." + Columns.PHRASE_TOPICAL).as(Columns.PHRASE_TOPICAL),
                anchor
                    .apply(
                        col(Columns.PHRASE_EMBEDDING),
                        col("a." + Columns.PHRASE_CONCEPTS),
                        col("a." + Columns.PHRASE_COVERAGE))
                    .as(ANCHORED))
            .transform(Checkpoints::keep);

    Dataset<Row> analysed =
        phrases
            .join(table, Columns.PHRASE_TEXT)
            .withColumnRenamed(ANCHORED, Columns.PHRASE_EMBEDDING)
            .transform(Checkpoints::keep);
    long phraseCount = analysed.count();

    Column phrase =
        struct(
            col("pos"),
            col(Columns.PHRASE_TEXT),
            col(Columns.PHRASE_CONCEPTS),
            col(Columns.PHRASE_COVERAGE),
            col(Columns.PHRASE_TOPICAL),
            col(Columns.PHRASE_EMBEDDING));
    Dataset<Row> perMember =
        analysed
            .groupBy(Columns.MEMBER_ID)
            .agg(
                collect_list(when(col(SIDE).equalTo(GOAL), phrase)).as("g"),
                collect_list(when(col(SIDE).equalTo(SKILL), phrase)).as("s"));
    UserDefinedFunction mean =
        udf(
            (UDF1<scala.collection.Seq<Row>, Vector>)
                list -> Embeddings.meanOf(topicalEmbeddings(list)),
            SQLDataTypes.VectorType());
    Dataset<Row> features =
        members
            .select(Columns.MEMBER_ID)
            .join(perMember, Columns.MEMBER_ID)
            .withColumn(Columns.GOAL_PHRASES, inOrder(col("g")))
            .withColumn(Columns.SKILL_PHRASES, inOrder(col("s")))
            .withColumn(Columns.GOAL_EMBEDDING, mean.apply(col(Columns.GOAL_PHRASES)))
            .withColumn(Columns.SKILL_EMBEDDING, mean.apply(col(Columns.SKILL_PHRASES)))
            .withColumn(
                Columns.PROFILE_EMBEDDING,
                mean.apply(
                    org.apache.spark.sql.functions.concat(
                        col(Columns.GOAL_PHRASES), col(Columns.SKILL_PHRASES))))
            .drop("g", "s")
            .transform(Checkpoints::keep);
    long distinct = texts.select(Columns.PHRASE_KEY).distinct().count();
    return new Result(features, table, embedded, phraseCount, distinct, keyCount, missingCount);
  }

  /** No embeddings known: a programme's first night, or a run without a cache. */
  public static Dataset<Row> noEmbeddings(SparkSession spark) {
    return spark.createDataFrame(List.<Row>of(), EMBEDDING);
  }

  /** Embeds each key of a partition; the model is loaded once per executor JVM. */
  private static MapPartitionsFunction<Row, Row> embedEach(PhraseEmbedder embedder) {
    return rows -> {
      List<String> keys = new ArrayList<>();
      rows.forEachRemaining(r -> keys.add(r.getString(0)));
      byte[][] vectors = embedder.embed(keys);
      List<Row> out = new ArrayList<>(keys.size());
      for (int i = 0; i < vectors.length; i++) {
        out.add(RowFactory.create(keys.get(i), vectors[i]));
      }
      return out.iterator();
    };
  }

  private static List<byte[]> topicalEmbeddings(scala.collection.Seq<Row> phrases) {
    List<byte[]> out = new ArrayList<>();
    for (Row r : scala.jdk.javaapi.CollectionConverters.asJava(phrases)) {
      if (r.<Boolean>getAs(Columns.PHRASE_TOPICAL)) {
        out.add(r.getAs(Columns.PHRASE_EMBEDDING));
      }
    }
    return out;
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
                p.getField(Columns.PHRASE_COVERAGE).as(Columns.PHRASE_COVERAGE),
                p.getField(Columns.PHRASE_TOPICAL).as(Columns.PHRASE_TOPICAL),
                p.getField(Columns.PHRASE_EMBEDDING).as(Columns.PHRASE_EMBEDDING)));
  }
}
