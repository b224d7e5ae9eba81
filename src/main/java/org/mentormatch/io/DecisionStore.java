package org.mentormatch.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.fs.Path;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;

/**
 * The ledger of decisions and the outbox of approved introductions, and the crash-safe way one
 * application of decisions reaches both.
 *
 * <p>An application writes its ledger file and its outbox file under hidden names first ({@code
 * .<id>.avro.pending}, ignored by every reader), then renames the ledger file into place, which is
 * the commit, and then the outbox file. So the outbox never holds an introduction the ledger does
 * not approve. A crash before the commit leaves both as before; a crash after it leaves the
 * decisions recorded and their introductions still hidden, and {@link #recover}, which decide.sh
 * and match.sh run before anything else, renames them into place: as after.
 */
public final class DecisionStore {
  private static final String AVRO = ".avro";
  private static final String PENDING = ".avro.pending";

  private final FileStore files;
  private final Home home;

  /** The store of the programme at {@code home}. */
  public DecisionStore(FileStore files, Home home) {
    this.files = files;
    this.home = home;
  }

  /**
   * Finishes what a crashed application left: introductions of a committed application are moved
   * into the outbox; files of an uncommitted one are deleted.
   *
   * @return one line per application repaired, for the user
   */
  public List<String> recover() throws IOException {
    List<String> done = new ArrayList<>();
    for (Path pending : files.list(home.ledger())) {
      String name = pending.getName();
      if (name.startsWith(".") && name.endsWith(PENDING)) {
        files.delete(pending); // never committed: its outbox file is removed below
        done.add("removed the uncommitted decisions " + applicationOf(name));
      }
    }
    Path outbox = new Path(home.root(), "outbox");
    for (Path run : files.list(outbox)) {
      Path introductions = new Path(run, "introductions");
      for (Path pending : files.list(introductions)) {
        String name = pending.getName();
        if (!(name.startsWith(".") && name.endsWith(PENDING))) {
          continue;
        }
        String id = applicationOf(name);
        if (files.exists(new Path(home.ledger(), id + AVRO))) {
          files.rename(pending, new Path(introductions, id + AVRO));
          done.add("completed the outbox of decisions " + id + " (" + run.getName() + ")");
        } else {
          files.delete(pending);
          done.add("removed the uncommitted introductions " + id + " (" + run.getName() + ")");
        }
      }
    }
    return done;
  }

  /**
   * Records {@code decisions} and publishes {@code introductions} (the approved ones) of run {@code
   * runId} as application {@code id}: both or neither.
   */
  public void apply(
      String id, String runId, List<Decision> decisions, List<Introduction> introductions)
      throws IOException {
    Path ledgerPending = new Path(home.ledger(), "." + id + PENDING);
    Path outboxPending = new Path(home.outbox(runId), "." + id + PENDING);
    write(ledgerPending, Decision.getClassSchema(), decisions, id + "/ledger");
    if (!introductions.isEmpty()) {
      write(outboxPending, Introduction.getClassSchema(), introductions, id + "/outbox");
    }
    files.rename(ledgerPending, new Path(home.ledger(), id + AVRO)); // the commit
    if (!introductions.isEmpty()) {
      try {
        files.rename(outboxPending, new Path(home.outbox(runId), id + AVRO));
      } catch (IOException e) {
        throw new RecordedButNotPublished(id, e);
      }
    }
  }

  /** The decisions are committed to the ledger, but their introductions are not in the outbox. */
  public static final class RecordedButNotPublished extends IOException {
    private static final long serialVersionUID = 1L;

    RecordedButNotPublished(String id, IOException cause) {
      super(
          "the decisions are recorded in the ledger as "
              + id
              + ", but moving their introductions into the outbox failed ("
              + cause.getMessage()
              + "). Do not apply the file again: the next decide.sh or match.sh on this home"
              + " publishes them first.",
          cause);
    }
  }

  /** Every decision ever recorded, in application order. */
  public List<Decision> ledger() throws IOException {
    List<Decision> out = new ArrayList<>();
    for (Path p : files.list(home.ledger())) {
      if (visible(p)) {
        out.addAll(read(p, Decision.class));
      }
    }
    return out;
  }

  /** The approved introductions of run {@code runId} in the outbox. */
  public List<Introduction> outbox(String runId) throws IOException {
    List<Introduction> out = new ArrayList<>();
    for (Path p : files.list(home.outbox(runId))) {
      if (visible(p)) {
        out.addAll(read(p, Introduction.class));
      }
    }
    return out;
  }

  /** The proposals of run {@code runId}. */
  public List<Proposal> proposals(String runId) throws IOException {
    List<Proposal> out = new ArrayList<>();
    for (Path p : files.list(new Path(home.run(runId), "proposals"))) {
      if (visible(p)) {
        out.addAll(read(p, Proposal.class));
      }
    }
    return out;
  }

  /** Proposals that some complete run withdrew, with the reason, by proposal id. */
  public Map<String, String> withdrawn() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (Path run : files.list(home.runs())) {
      Path file = new Path(run, RunOutputs.WITHDRAWN);
      if (!visible(run) || !files.exists(new Path(run, Home.SUCCESS)) || !files.exists(file)) {
        continue;
      }
      try (Reader r = new InputStreamReader(files.open(file), StandardCharsets.UTF_8);
          CSVParser p =
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        for (CSVRecord rec : p) {
          out.putIfAbsent(rec.get("proposal_id"), rec.get("reason") + ", run " + run.getName());
        }
      }
    }
    return out;
  }

  private <T extends SpecificRecord> void write(
      Path path, org.apache.avro.Schema schema, List<T> records, String syncKey)
      throws IOException {
    try (OutputStream out = files.create(path)) {
      AvroFiles.write(out, schema, records.iterator(), syncKey);
    }
  }

  private <T extends SpecificRecord> List<T> read(Path path, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    try (InputStream in = files.open(path);
        DataFileStream<T> stream = new DataFileStream<>(in, new SpecificDatumReader<>(type))) {
      stream.forEach(out::add);
    }
    return out;
  }

  private static boolean visible(Path p) {
    String name = p.getName();
    return !name.startsWith(".") && !name.startsWith("_");
  }

  private static String applicationOf(String pendingName) {
    return pendingName.substring(1, pendingName.length() - PENDING.length());
  }
}
