package org.mentormatch.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min_by;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.UserError;

/**
 * Phrase embeddings kept across nights in {@code <home>/cache/embeddings/<model identity>/}, so a
 * night embeds only phrases it has never seen.
 *
 * <p>The cache is derived data: safe to delete, and never trusted blindly. Each model has its own
 * directory, and every segment file names its model inside too, so embeddings of another model are
 * never read. A segment is written under a hidden name and renamed into place when complete (the
 * rename is the commit), and it ends with a CRC-32C of everything before it; a segment that is
 * truncated, fails its checksum, names another model or has another layout is skipped with one line
 * saying so, its phrases are embedded again, and it is deleted once their new segment is in place.
 * A run therefore never depends on a damaged cache, and gives the same results with or without one:
 * a phrase's embedding does not depend on when it was computed. When a phrase is in several
 * segments (only possible after a crash between writing and deleting), the oldest segment wins, so
 * a vector once computed stays fixed.
 *
 * <p>Segment layout (big-endian, {@link DataOutputStream}): the 8 bytes {@code MMEMBED1}; the model
 * identity (modified UTF-8); the dimensions (int); the number of entries (int); per entry the key's
 * UTF-8 length (int), its bytes and the quantised vector ({@code dimensions} bytes); then the
 * CRC-32C of all preceding bytes (long). Segments are read on the executors, so a large cache never
 * passes through the driver.
 */
public final class EmbeddingCache {
  private static final byte[] MAGIC = "MMEMBED1".getBytes(StandardCharsets.US_ASCII);
  private static final String SUFFIX = ".emb";
  private static final String WRITING = ".writing-";

  /** Entries per segment file, so reading one file stays a modest task. */
  static final int ENTRIES_PER_SEGMENT = 50_000;

  private static final StructType ENTRY =
      new StructType()
          .add("segment", DataTypes.StringType, false)
          .add(Columns.PHRASE_KEY, DataTypes.StringType, true)
          .add(Columns.PHRASE_EMBEDDING, DataTypes.BinaryType, true)
          .add("problem", DataTypes.StringType, true);

  private EmbeddingCache() {}

  /**
   * What the cache holds for a model: {@code key, embedding} rows (one per key), a line for each
   * segment that could not be used, and those segments, to delete once replaced.
   */
  public record Contents(Dataset<Row> embeddings, List<String> problems, List<Path> damaged) {}

  /** The directory of the embeddings of the model {@code identity}. */
  public static Path directory(Home home, String identity) {
    return new Path(new Path(new Path(home.root(), "cache"), "embeddings"), identity);
  }

  /** Reads the embeddings of model {@code identity} with {@code dimensions} components. */
  public static Contents read(
      SparkSession spark, FileStore files, Home home, String identity, int dimensions)
      throws IOException {
    Path dir = directory(home, identity);
    refuseLinks(files, home, dir);
    List<Path> segments = new ArrayList<>();
    for (Path p : files.list(dir)) {
      if (p.getName().endsWith(SUFFIX) && !p.getName().startsWith(".")) {
        files.refuseLinksBelow(home.root(), p); // a vector from outside would steer the scores
        segments.add(files.qualify(p));
      }
    }
    StructType schema =
        new StructType()
            .add(Columns.PHRASE_KEY, DataTypes.StringType, false)
            .add(Columns.PHRASE_EMBEDDING, DataTypes.BinaryType, false);
    if (segments.isEmpty()) {
      return new Contents(spark.createDataFrame(List.<Row>of(), schema), List.of(), List.of());
    }
    JavaRDD<Row> rows =
        files
            .readEach(
                spark,
                segments,
                (name, in) -> entries(name, in.readAllBytes(), identity, dimensions))
            .flatMap(segmentRows -> segmentRows);
    Dataset<Row> all = spark.createDataFrame(rows, ENTRY).transform(Checkpoints::keep);
    List<String> problems = new ArrayList<>();
    List<Path> damaged = new ArrayList<>();
    for (Row r :
        all.filter(col("problem").isNotNull())
            .select("segment", "problem")
            .orderBy("segment")
            .collectAsList()) {
      problems.add(
          "embedding cache: "
              + r.getString(0)
              + " is not usable ("
              + r.getString(1)
              + "); its phrases are embedded again and it will be replaced");
      damaged.add(new Path(dir, r.getString(0)));
    }
    Dataset<Row> embeddings =
        all.filter(col("problem").isNull())
            .groupBy(Columns.PHRASE_KEY)
            .agg(
                min_by(col(Columns.PHRASE_EMBEDDING), col("segment")).as(Columns.PHRASE_EMBEDDING));
    return new Contents(embeddings, problems, damaged);
  }

  /**
   * The entries of one segment file, or a single row naming what is wrong with it. Each entry row
   * is {@code segment, key, embedding, null}; a problem row is {@code segment, null, null, why}.
   */
  static Iterator<Row> entries(String segment, byte[] bytes, String identity, int dimensions) {
    List<Row> out = new ArrayList<>();
    String problem = null;
    try {
      if (bytes.length < MAGIC.length + Long.BYTES) {
        throw new IOException("truncated");
      }
      CRC32C crc = new CRC32C();
      crc.update(bytes, 0, bytes.length - Long.BYTES);
      long stored = ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
      DataInputStream in =
          new DataInputStream(
              new java.io.ByteArrayInputStream(bytes, 0, bytes.length - Long.BYTES));
      byte[] magic = new byte[MAGIC.length];
      in.readFully(magic);
      if (!java.util.Arrays.equals(magic, MAGIC)) {
        throw new IOException("not an embedding segment of this version");
      }
      if (crc.getValue() != stored) {
        throw new IOException("checksum does not match: truncated or damaged");
      }
      String model = in.readUTF();
      if (!model.equals(identity)) {
        throw new IOException("written by another model, " + model);
      }
      int dims = in.readInt();
      if (dims != dimensions) {
        throw new IOException("vectors of " + dims + " components, not " + dimensions);
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        byte[] key = new byte[in.readInt()];
        in.readFully(key);
        byte[] vector = new byte[dims];
        in.readFully(vector);
        out.add(RowFactory.create(segment, new String(key, StandardCharsets.UTF_8), vector, null));
      }
      if (in.available() > 0) {
        throw new IOException("bytes after the last entry");
      }
    } catch (EOFException e) {
      problem = "truncated";
    } catch (IOException | RuntimeException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      return List.of(RowFactory.create(segment, null, null, problem)).iterator();
    }
    return out.iterator();
  }

  /**
   * Adds {@code fresh} embeddings ({@code key, embedding} rows, streamed) as new segments of model
   * {@code identity}; returns how many were written.
   */
  public static long append(
      FileStore files, Home home, String identity, int dimensions, Iterator<Row> fresh)
      throws IOException {
    Path dir = directory(home, identity);
    refuseLinks(files, home, dir); // read hours ago: a link planted since is not written through
    String batch =
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
            + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    long written = 0;
    int part = 0;
    List<Row> chunk = new ArrayList<>();
    while (fresh.hasNext()) {
      chunk.add(fresh.next());
      if (chunk.size() == ENTRIES_PER_SEGMENT || !fresh.hasNext()) {
        String name = String.format("%s-%05d%s", batch, part++, SUFFIX);
        writeSegment(files, dir, name, encode(identity, dimensions, chunk));
        written += chunk.size();
        chunk.clear();
      }
    }
    return written;
  }

  /**
   * Refuses a cache folder, from {@code <home>/cache} down to {@code dir}, that is a symbolic link:
   * recovery and repair delete segments, which must never be files outside the home.
   */
  private static void refuseLinks(FileStore files, Home home, Path dir) throws IOException {
    Path cache = new Path(home.root(), "cache");
    for (Path p = dir; p != null && p.depth() >= cache.depth(); p = p.getParent()) {
      if (files.isSymlink(p)) {
        throw new UserError(
            p
                + " is a symbolic link; mentor-match keeps its embedding cache in a folder of the"
                + " home itself and never deletes through a link. Remove the link and run again"
                + " (the cache is safe to delete: it is rebuilt).");
      }
    }
  }

  /** Deletes segments found damaged, once their phrases are in newer segments. */
  public static void delete(FileStore files, List<Path> segments) throws IOException {
    for (Path p : segments) {
      files.delete(p);
    }
  }

  /**
   * Deletes segments a crashed writer left half-written (hidden {@code .writing-} files); returns
   * what was repaired, for the log. {@link HomeLock#acquire} calls it.
   */
  public static List<String> recover(FileStore files, Home home) throws IOException {
    List<String> repaired = new ArrayList<>();
    Path root = new Path(new Path(home.root(), "cache"), "embeddings");
    refuseLinks(files, home, root);
    for (Path model : files.list(root)) {
      refuseLinks(files, home, model);
      for (Path p : files.list(model)) {
        if (p.getName().startsWith(WRITING)) {
          files.delete(p);
          repaired.add("embedding cache: removed a segment a crashed run left half-written");
        }
      }
    }
    return repaired;
  }

  /** The bytes of a segment holding {@code entries}. */
  static byte[] encode(String identity, int dimensions, List<Row> entries) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(MAGIC);
    out.writeUTF(identity);
    out.writeInt(dimensions);
    out.writeInt(entries.size());
    for (Row r : entries) {
      byte[] key = r.getString(0).getBytes(StandardCharsets.UTF_8);
      byte[] vector = r.getAs(1);
      if (vector.length != dimensions) {
        throw new IllegalArgumentException(
            "an embedding of " + vector.length + " components, not " + dimensions);
      }
      out.writeInt(key.length);
      out.write(key);
      out.write(vector);
    }
    out.flush();
    CRC32C crc = new CRC32C();
    crc.update(bytes.toByteArray());
    out.writeLong(crc.getValue());
    out.flush();
    return bytes.toByteArray();
  }

  /** Writes a segment under a hidden name and renames it into place: the rename is the commit. */
  private static void writeSegment(FileStore files, Path dir, String name, byte[] bytes)
      throws IOException {
    Path hidden = new Path(dir, WRITING + name);
    try (OutputStream out = files.create(hidden)) {
      out.write(bytes);
    }
    files.rename(hidden, new Path(dir, name));
  }
}
