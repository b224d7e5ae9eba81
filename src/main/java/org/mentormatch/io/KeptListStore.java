package org.mentormatch.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.search.ListMemory;
import org.mentormatch.search.TopMentors;
import scala.Tuple2;

/**
 * Each mentee's best fitting mentors kept across nights in {@code <home>/cache/search/}, so a night
 * searches whole only the mentees (and the mentors) who changed ({@link ListMemory}).
 *
 * <p>Derived data, safe to delete, and never trusted blindly. A night's lists are a generation,
 * {@code night-<n>/}: Parquet files of {@link TopMentors#LISTS} rows ({@code lists/}) and of every
 * mentor's fingerprint ({@code mentors/}), then {@code manifest.json}, written last under a hidden
 * name and renamed into place (the rename is the commit). The manifest names the settings
 * fingerprint the lists were found under and each file with its length and CRC-32C. The newest
 * committed generation is read, and only if its settings are tonight's and every file it names is
 * there, no link, of its length and checksum (checked on the executors); otherwise one line says
 * why and every mentee is searched whole. A generation without a manifest (a night that died while
 * writing it) and the generations before a new one are deleted once the new one is committed.
 */
public final class KeptListStore implements ListMemory {
  private static final String GENERATION = "night-";
  private static final String MANIFEST = "manifest.json";
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** More than a manifest naming a few thousand files holds: nothing larger is read. */
  private static final long MOST_MANIFEST_BYTES = 1 << 20;

  /** The checksum of a file that could not be read: no CRC-32C (32 bits) is negative. */
  private static final long UNREADABLE = -1;

  private static final StructType MENTORS =
      new StructType()
          .add(Columns.MENTOR_ID, DataTypes.StringType, false)
          .add("fingerprint", DataTypes.LongType, false);

  private final SparkSession spark;
  private final FileStore files;
  private final Home home;
  private final Consumer<String> say;

  /** The store of {@code home}; {@code say} is given each line about a store not used. */
  public KeptListStore(SparkSession spark, FileStore files, Home home, Consumer<String> say) {
    this.spark = spark;
    this.files = files;
    this.home = home;
    this.say = say;
  }

  /** The directory of the kept lists. */
  public static Path directory(Home home) {
    return new Path(home.cache(), "search");
  }

  /**
   * Refuses a link at the kept lists' folder or at anything in it, before a night starts: the
   * night's write would delete what the folder holds, and {@link #keep} comes only after the
   * search.
   */
  public static void refuseLinks(FileStore files, Home home) throws IOException {
    Path dir = directory(home);
    files.refuseLinksBelow(home.root(), dir);
    for (Path p : files.list(dir)) {
      files.refuseLinksBelow(home.root(), p);
    }
  }

  @Override
  public Kept recall(long settings) {
    try {
      Path dir = directory(home);
      files.refuseLinksBelow(home.root(), dir);
      Path newest = null;
      for (Path p : committed()) {
        newest = p;
      }
      if (newest == null) {
        return null;
      }
      // A linked night is refused like a linked cache folder: tonight's write would delete it.
      files.refuseLinksBelow(home.root(), newest);
      Checked checked = check(newest, settings);
      String problem = checked.problem();
      if (problem != null) {
        say.accept(
            "search cache: "
                + newest.getName()
                + " is not used ("
                + problem
                + "); every mentee is searched whole tonight and it will be replaced");
        return null;
      }
      JsonNode manifest = checked.manifest(); // read once: the one whose files were checked
      Dataset<Row> lists =
          spark.read().schema(TopMentors.LISTS).parquet(paths(newest, manifest, "lists/"));
      Map<String, Long> mentors = new HashMap<>();
      for (Row r :
          spark
              .read()
              .schema(MENTORS)
              .parquet(paths(newest, manifest, "mentors/"))
              .collectAsList()) {
        mentors.put(r.getString(0), r.getLong(1));
      }
      return new Kept(lists, mentors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Dataset<Row> keep(long settings, Dataset<Row> lists, Dataset<Row> mentors) {
    try {
      Path dir = directory(home);
      refuseLinks(files, home); // checked at the start too: a link planted since is refused
      List<Path> earlier = new ArrayList<>();
      long last = 0;
      for (Path p : files.list(dir)) {
        earlier.add(p); // committed or not, replaced by tonight's
        last = Math.max(last, sequence(p));
      }
      Path night =
          new Path(dir, String.format(java.util.Locale.ROOT, "%s%08d", GENERATION, last + 1));
      lists.write().parquet(new Path(night, "lists").toString());
      mentors.write().parquet(new Path(night, "mentors").toString());
      ObjectNode manifest = JSON.createObjectNode();
      manifest.put("format", FORMAT);
      manifest.put("settings", Long.toHexString(settings));
      ArrayNode named = manifest.putArray("files");
      List<Path> written = new ArrayList<>();
      written.addAll(parquetFiles(new Path(night, "lists")));
      written.addAll(parquetFiles(new Path(night, "mentors")));
      Map<String, Long> sums = checksums(written);
      for (Path p : written) {
        ObjectNode f = named.addObject();
        f.put("name", p.getParent().getName() + "/" + p.getName());
        f.put("bytes", files.length(p));
        f.put("crc32c", Long.toHexString(sums.get(p.getName())));
      }
      Path hidden = new Path(night, "." + MANIFEST + ".writing");
      try (OutputStream out = files.create(hidden)) {
        out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
      }
      files.rename(hidden, new Path(night, MANIFEST));
      for (Path p : earlier) {
        if (sequence(p) > 0 && !files.exists(new Path(p, MANIFEST))) {
          say.accept(
              "search cache: removed "
                  + p.getName()
                  + ", which has no manifest (a night stopped while writing it, or it was edited)");
        }
        files.delete(p);
      }
      return spark.read().schema(TopMentors.LISTS).parquet(paths(night, manifest, "lists/"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The committed generations, oldest first. */
  private List<Path> committed() throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : files.list(directory(home))) {
      if (sequence(p) > 0 && files.exists(new Path(p, MANIFEST))) {
        out.add(p);
      }
    }
    out.sort(java.util.Comparator.comparingLong(KeptListStore::sequence));
    return out;
  }

  /** The number of generation {@code p}, or 0 for anything else. */
  private static long sequence(Path p) {
    String name = p.getName();
    if (!name.startsWith(GENERATION)) {
      return 0;
    }
    try {
      return Long.parseLong(name.substring(GENERATION.length()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Generation {@code night}'s manifest, and why the generation cannot be read (null: it can). */
  private record Checked(JsonNode manifest, String problem) {}

  /** Generation {@code night}'s manifest, read once, or why it cannot be read tonight. */
  private Checked check(Path night, long settings) throws IOException {
    JsonNode manifest;
    try {
      files.refuseLinksBelow(home.root(), new Path(night, MANIFEST));
      if (files.length(new Path(night, MANIFEST)) > MOST_MANIFEST_BYTES) {
        return problem("its manifest is larger than any night writes");
      }
      manifest = manifest(night);
    } catch (IOException | RuntimeException e) {
      return problem("its manifest cannot be read: " + e.getMessage());
    }
    if (manifest.path("format").asInt(-1) != FORMAT) {
      return problem("another layout");
    }
    if (!Long.toHexString(settings).equals(manifest.path("settings").asText())) {
      return problem("found under other settings, another similarity or another build");
    }
    List<Path> named = new ArrayList<>();
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    for (JsonNode f : manifest.path("files")) {
      String name = f.path("name").asText("");
      if (!name.matches("(lists|mentors)/[A-Za-z0-9._-]+\\.parquet")) {
        return problem("the manifest names a file outside it: " + name);
      }
      Path p = new Path(night, name);
      if (!files.exists(p)) {
        return problem(name + " is missing");
      }
      try {
        files.refuseLinksBelow(home.root(), p); // lists from outside would steer the proposals
      } catch (RuntimeException e) {
        return problem(name + " is a link");
      }
      if (files.length(p) != f.path("bytes").asLong(-1)) {
        return problem(name + " has another length than when it was written");
      }
      named.add(p);
      byName.put(p.getName(), f);
    }
    if (named.isEmpty()) {
      return problem("it names no file");
    }
    Map<String, Long> sums = checksums(named);
    for (Path p : named) {
      if (sums.get(p.getName()) == UNREADABLE) {
        return problem(p.getParent().getName() + "/" + p.getName() + " cannot be read whole");
      }
      if (!Long.toHexString(sums.get(p.getName()))
          .equals(byName.get(p.getName()).path("crc32c").asText())) {
        return problem(p.getParent().getName() + "/" + p.getName() + " fails its checksum");
      }
    }
    return new Checked(manifest, null);
  }

  private static Checked problem(String why) {
    return new Checked(null, why);
  }

  private JsonNode manifest(Path night) throws IOException {
    try (InputStream in = files.open(new Path(night, MANIFEST))) {
      return JSON.readTree(in);
    }
  }

  /** The files the manifest names under {@code folder}, qualified for Spark's readers. */
  private String[] paths(Path night, JsonNode manifest, String folder) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : manifest.path("files")) {
      String name = f.path("name").asText();
      if (name.startsWith(folder)) {
        out.add(files.forReader(new Path(night, name)));
      }
    }
    return out.toArray(new String[0]);
  }

  /** The Parquet files Spark wrote in {@code folder}. */
  private List<Path> parquetFiles(Path folder) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : files.list(folder)) {
      if (p.getName().endsWith(".parquet") && !p.getName().startsWith(".")) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * The CRC-32C of each of {@code paths} by file name, read on the executors: a night's lists at a
   * million members are gigabytes, which need not pass through the driver. File names are unique
   * within a generation (Spark names each part by its task and a run UUID).
   */
  private Map<String, Long> checksums(List<Path> paths) {
    Map<String, Long> out = new HashMap<>();
    for (Tuple2<String, Long> sum :
        files
            .readEach(
                spark,
                paths,
                (name, in) -> {
                  CRC32C crc = new CRC32C();
                  byte[] buffer = new byte[1 << 16];
                  try {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                      crc.update(buffer, 0, n);
                    }
                  } catch (IOException e) {
                    // Such as the local file system's own checksum failing: not a CRC-32C.
                    return new Tuple2<>(name, UNREADABLE);
                  }
                  return new Tuple2<>(name, crc.getValue());
                })
            .collect()) {
      out.put(sum._1(), sum._2());
    }
    return out;
  }
}
