package org.mentormatch.assignment;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.graphx.Edge;
import org.apache.spark.graphx.Graph;
import org.apache.spark.graphx.lib.ConnectedComponents;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import scala.Tuple2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Splits the assignment into independent blocks: the connected components of the graph whose nodes
 * are mentees and mentors and whose edges are the allowed pairs (GraphX).
 *
 * <p>No optimum is lost at block borders, because there are none: a pair always lies inside one
 * component, so an assignment is feasible exactly when its part in every component is, and its
 * matched count and total score are sums over components. Maximising each component separately
 * maximises the whole.
 *
 * <p>Node ids are 64-bit hashes of the member ids. Two members whose hashes collide would fall into
 * one block: the blocks get coarser, the optimum stays the same.
 *
 * <p>Input: edges with {@code mentee_id, mentor_id} and any other columns. Output: the same plus
 * {@code block} (long: the smallest node id of the component).
 */
public final class AssignmentBlocks {
  private static final ClassTag<Object> ANY = ClassTag$.MODULE$.apply(Object.class);

  private AssignmentBlocks() {}

  /** {@code edges} with the id of the block each belongs to. */
  public static Dataset<Row> withBlocks(Dataset<Row> edges) {
    Dataset<Row> ids =
        edges
            .withColumn("mentee_node", xxhash64(lit("mentee"), col(Columns.MENTEE_ID)))
            .withColumn("mentor_node", xxhash64(lit("mentor"), col(Columns.MENTOR_ID)));
    JavaRDD<Edge<Object>> graphEdges =
        ids.select("mentee_node", "mentor_node")
            .toJavaRDD()
            .map(
                r ->
                    new Edge<Object>(
                        r.<Long>getAs("mentee_node"), r.<Long>getAs("mentor_node"), Boolean.TRUE));
    Graph<Object, Object> graph =
        Graph.fromEdges(
            graphEdges.rdd(),
            Boolean.TRUE,
            StorageLevel.MEMORY_AND_DISK(),
            StorageLevel.MEMORY_AND_DISK(),
            ANY,
            ANY);
    Graph<Object, Object> components = ConnectedComponents.run(graph, ANY, ANY);
    JavaRDD<Row> componentOf =
        components
            .vertices()
            .toJavaRDD()
            .map((Tuple2<Object, Object> v) -> RowFactory.create((Long) v._1(), (Long) v._2()));
    StructType schema =
        new StructType()
            .add("node", DataTypes.LongType, false)
            .add(BlockAssignment.BLOCK, DataTypes.LongType, false);
    Dataset<Row> blocks =
        edges.sparkSession().createDataFrame(componentOf, schema).transform(Checkpoints::keep);
    graph.unpersist(false);
    components.unpersist(false);
    return ids.join(blocks, ids.col("mentee_node").equalTo(blocks.col("node")))
        .drop("node", "mentee_node", "mentor_node");
  }
}
