package org.mentormatch.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import org.mentormatch.UserError;

/**
 * Files on a local disk or any Hadoop file system, addressed by path or URI: the only place that
 * opens, renames or deletes them.
 *
 * <p>Not final: crash-safety tests make one of its operations fail at a chosen point.
 */
public class FileStore {
  private final Configuration hadoop;

  /** A store using {@code hadoop} to find file systems. */
  public FileStore(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** The file system holding {@code path}, without local checksum side files. */
  public FileSystem fs(Path path) {
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      fs.setWriteChecksum(false); // no ".x.crc" files beside the outputs on a local disk
      fs.setVerifyChecksum(false);
      return fs;
    } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
      throw new UserError(
          path
              + " names the file system '"
              + path.toUri().getScheme()
              + "', which this installation does not know. Use a local path or a Hadoop URI"
              + " (hdfs://, s3a://, file://); to name a local file whose name holds ':', start"
              + " it with ./");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot reach the file system of " + path, e);
    }
  }

  /**
   * Whether {@code path} is a symbolic link (on a local disk; other file systems here have none).
   * Commands refuse links where following one would let a file outside the home decide for it.
   */
  public boolean isSymlink(Path path) {
    Path qualified = qualify(path);
    return "file".equals(qualified.toUri().getScheme())
        && java.nio.file.Files.isSymbolicLink(java.nio.file.Path.of(qualified.toUri()));
  }

  /**
   * Refuses a symbolic link at {@code path} or at any folder between {@code root} (which may itself
   * be one: a home may be reached through a link) and it, on a local disk. Asked just before a
   * command writes, renames, deletes or reads there, so a link planted while it worked is not
   * followed to files outside the home. Parts that do not exist yet pass.
   *
   * @throws UserError naming the first link from {@code root} down
   * @throws IllegalArgumentException if {@code path} is not under {@code root}
   */
  public void refuseLinksBelow(Path root, Path path) {
    Path top = qualify(root);
    Path target = qualify(path);
    if (!"file".equals(target.toUri().getScheme())) {
      return;
    }
    java.nio.file.Path from = java.nio.file.Path.of(top.toUri()).normalize();
    java.nio.file.Path to = java.nio.file.Path.of(target.toUri()).normalize();
    if (!to.startsWith(from)) {
      throw new IllegalArgumentException(path + " is not under " + root);
    }
    java.nio.file.Path at = from;
    for (java.nio.file.Path part : from.relativize(to)) {
      at = at.resolve(part);
      if (java.nio.file.Files.isSymbolicLink(at)) {
        throw new UserError(
            at
                + " is a symbolic link inside the programme's home; mentor-match reads and writes"
                + " only the home's own files and never goes through a link. Remove the link (what"
                + " it points at is left alone; move it into the home if it is yours) and run"
                + " again; this command changed nothing through it.");
      }
    }
  }

  /**
   * {@code path} qualified, as Spark's file readers take it. They read a path holding any of <code>
   * \{}[]*?</code> as a pattern (a home called "HR [2026]" would name "HR 2", "HR 0" and so on), so
   * each of those is escaped: the path names only itself.
   */
  public String forReader(Path path) {
    String qualified = qualify(path).toString();
    StringBuilder out = new StringBuilder(qualified.length() + 8);
    for (char c : qualified.toCharArray()) {
      if (PATTERN_CHARACTERS.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static final String PATTERN_CHARACTERS = "\\{}[]*?";

  /** What {@link #readEach} does with one file, on an executor. */
  @FunctionalInterface
  public interface EachFile<T> extends java.io.Serializable {
    T read(String name, InputStream in) throws IOException;
  }

  /**
   * {@code read} applied to each of {@code paths} on the executors, one task a file, with the
   * file's name. Spark's own {@code binaryFiles} takes its paths as one comma-separated pattern,
   * which a home whose path holds a comma or a bracket would break; here each path names only
   * itself.
   */
  public <T> JavaRDD<T> readEach(SparkSession spark, List<Path> paths, EachFile<T> read) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<SerializableConfiguration> conf =
        context.broadcast(
            new SerializableConfiguration(spark.sparkContext().hadoopConfiguration()));
    List<String> uris = new ArrayList<>();
    for (Path p : paths) {
      uris.add(qualify(p).toUri().toString());
    }
    return context
        .parallelize(uris, Math.max(1, uris.size()))
        .map(
            uri -> {
              Path file = new Path(URI.create(uri));
              try (InputStream in = file.getFileSystem(conf.value().value()).open(file)) {
                return read.read(file.getName(), in);
              }
            });
  }

  /** Whether {@code path} exists. */
  public boolean exists(Path path) {
    try {
      return fs(path).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The size of the file {@code path} in bytes. */
  public long length(Path path) {
    try {
      return fs(path).getFileStatus(path).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Opens {@code path} for reading. */
  public InputStream open(Path path) throws IOException {
    return fs(path).open(path);
  }

  /**
   * Reads a small UTF-8 text file (a sheet, a settings file) whole, skipping a byte-order mark.
   *
   * @throws UserError if it is not UTF-8: a spreadsheet's plain "CSV" export in another encoding
   *     would otherwise turn names into replacement characters and send them on
   */
  public Reader openText(Path path) throws IOException {
    byte[] bytes;
    try (InputStream in = open(path)) {
      bytes = in.readAllBytes();
    }
    CharBuffer text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
    } catch (CharacterCodingException e) {
      throw new UserError(
          path
              + " is not UTF-8 text. Save it as \"CSV UTF-8\" (or convert it to UTF-8) and run"
              + " again; nothing was changed.");
    }
    if (text.length() > 0 && text.charAt(0) == '\uFEFF') {
      text.position(1);
    }
    return new StringReader(text.toString());
  }

  /** Creates (or overwrites) {@code path}, making parent directories. */
  public OutputStream create(Path path) throws IOException {
    return fs(path).create(path, true);
  }

  /** Makes the directory {@code path} and its parents. */
  public void mkdirs(Path path) throws IOException {
    fs(path).mkdirs(path);
  }

  /** Renames {@code from} to {@code to}; fails loudly rather than returning false. */
  public void rename(Path from, Path to) throws IOException {
    if (!fs(from).rename(from, to)) {
      throw new IOException("could not rename " + from + " to " + to);
    }
  }

  /** Deletes {@code path} and everything under it, if it exists. */
  public void delete(Path path) throws IOException {
    FileSystem fs = fs(path);
    if (fs.exists(path)) {
      fs.delete(path, true);
    }
  }

  /** The entries directly under {@code dir}, sorted by name; empty when it does not exist. */
  public List<Path> list(Path dir) throws IOException {
    FileSystem fs = fs(dir);
    List<Path> out = new ArrayList<>();
    if (!fs.exists(dir)) {
      return out;
    }
    for (FileStatus s : fs.listStatus(dir)) {
      out.add(s.getPath());
    }
    out.sort(null);
    return out;
  }

  /** A fully qualified form of {@code path}, for Spark readers. */
  public Path qualify(Path path) {
    return fs(path).makeQualified(path);
  }
}
