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
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.hadoop.fs.Path;
import org.mentormatch.RunId;
import org.mentormatch.UserError;
import org.mentormatch.avro.Decision;
import org.mentormatch.avro.DecisionKind;
import org.mentormatch.avro.Introduction;
import org.mentormatch.avro.Proposal;
import org.mentormatch.decisions.DecisionRecords;
import org.mentormatch.text.CellText;

/**
 * The ledger of decisions and the outbox of approved introductions, and the crash-safe way one
 * application of decisions reaches both.
 *
 * <p>An application writes its ledger file and its outbox file under hidden names first ({@code
 * .<id>.avro.pending}, ignored by every reader), then renames the ledger file into place, which is
 * the commit, and then the outbox file. So the outbox never holds an introduction the ledger does
 * not approve. A crash before the commit leaves both as before; a crash after it leaves the
 * decisions recorded and their outbox file still hidden, and {@link #recover}, which every command
 * runs under the home's lock before anything else, publishes that application's introductions: as
 * after. Recovery never trusts the hidden file it finds (anyone who can write to the home could
 * have planted it): it rebuilds the introductions from the committed ledger file and the run's
 * proposals, and never replaces an outbox file that is already there.
 *
 * <p>Only files named like an application ({@code decisions-<time>-<hash>.avro}) are ledger files;
 * anything else in {@code ledger/} is ignored. A ledger file that cannot be read stops the command
 * naming it: every later decision and night depends on the ledger, so guessing is not an option.
 */
public final class DecisionStore {
  private static final String AVRO = ".avro";
  private static final String PENDING = ".avro.pending";

  /** The form of an application id, as {@code decide.sh} makes them. */
  public static final Pattern APPLICATION_ID =
      Pattern.compile("decisions-[0-9]{8}T[0-9]{9}Z-[0-9a-f]{8}");

  private final FileStore files;
  private final Home home;

  /** The store of the programme at {@code home}. */
  public DecisionStore(FileStore files, Home home) {
    this.files = files;
    this.home = home;
  }

  /**
   * Finishes what a crashed application left: the introductions of a committed application are
   * rebuilt from its ledger file and published; hidden files of an uncommitted one are deleted.
   *
   * @return one line per application repaired, for the user
   */
  public List<String> recover() throws IOException {
    List<String> done = new ArrayList<>();
    List<Path> ledgerFolder = files.list(home.ledger());
    for (Path file : ledgerFolder) {
      if (isLedgerFile(file)) {
        // Approvals are rebuilt from committed ledger files below: a forged one must not be used.
        files.refuseLinksBelow(home.root(), file);
      }
    }
    for (Path pending : ledgerFolder) {
      String name = pending.getName();
      if (name.startsWith(".") && name.endsWith(PENDING)) {
        files.delete(pending); // never committed: its outbox file is removed below
        done.add("removed uncommitted decisions (" + name + ")");
      }
    }
    for (Path runOutbox : files.list(home.outboxes())) {
      Optional<RunId> run = RunId.ofName(runOutbox.getName());
      Path introductions = new Path(runOutbox, "introductions");
      if (files.isSymlink(runOutbox) || files.isSymlink(introductions)) {
        // Nothing is deleted or published through it; decide.sh refuses to write there too.
        done.add(
            "left alone "
                + CellText.quoted(runOutbox.getName(), 120)
                + " in the outbox: it is or holds a symbolic link, which mentor-match never"
                + " writes through; remove the link");
        continue;
      }
      for (Path pending : files.list(introductions)) {
        String name = pending.getName();
        if (!(name.startsWith(".") && name.endsWith(PENDING))) {
          continue;
        }
        String id = name.substring(1, name.length() - PENDING.length());
        files.delete(pending);
        if (run.isEmpty() || !APPLICATION_ID.matcher(id).matches()) {
          done.add("removed a hidden outbox file no application wrote (" + name + ")");
          continue;
        }
        Path committed = new Path(home.ledger(), id + AVRO);
        Path published = new Path(introductions, id + AVRO);
        if (!files.exists(committed)) {
          done.add("removed the uncommitted introductions " + id + " (" + run.get() + ")");
        } else if (files.exists(published)) {
          done.add("removed a stray copy of the published introductions " + id);
        } else {
          int n = publish(id, run.get(), committed, published);
          done.add(
              n > 0
                  ? "completed the outbox of decisions " + id + " (" + run.get() + ")"
                  : "removed an outbox file that no committed approval of "
                      + id
                      + " stands behind");
        }
      }
    }
    return done;
  }

  /** Rebuilds and publishes the approvals of run {@code run} in ledger file {@code committed}. */
  private int publish(String id, RunId run, Path committed, Path published) throws IOException {
    Map<String, Proposal> proposals = new LinkedHashMap<>();
    for (Proposal p : proposals(run)) {
      proposals.put(p.getProposalId(), p);
    }
    List<Introduction> introductions = new ArrayList<>();
    for (Decision d : read(committed, Decision.class)) {
      Proposal p = proposals.get(d.getProposalId());
      if (d.getDecision() == DecisionKind.APPROVE
          && d.getRunId().equals(run.value())
          && d.getApplicationId().equals(id)
          && p != null) {
        introductions.add(DecisionRecords.introduction(p, d));
      }
    }
    if (!introductions.isEmpty()) {
      Path rebuilt = new Path(published.getParent(), "." + id + PENDING);
      files.refuseLinksBelow(home.root(), rebuilt);
      write(rebuilt, Introduction.getClassSchema(), introductions, id + "/outbox");
      files.refuseLinksBelow(home.root(), published);
      files.rename(rebuilt, published);
    }
    return introductions.size();
  }

  /**
   * Records {@code decisions} and publishes {@code introductions} (the approved ones) of run {@code
   * runId} as application {@code id}: both or neither.
   */
  public void apply(
      String id, RunId runId, List<Decision> decisions, List<Introduction> introductions)
      throws IOException {
    if (!APPLICATION_ID.matcher(id).matches()) {
      throw new IllegalArgumentException("not an application id: " + id);
    }
    Path ledgerPending = new Path(home.ledger(), "." + id + PENDING);
    Path outboxPending = new Path(home.outbox(runId), "." + id + PENDING);
    // Approved introductions carry names and e-mail addresses: a link anywhere on the way (the
    // run's outbox folder planted as one, say) would send them out of the home.
    files.refuseLinksBelow(home.root(), ledgerPending);
    files.refuseLinksBelow(home.root(), outboxPending);
    write(ledgerPending, Decision.getClassSchema(), decisions, id + "/ledger");
    if (!introductions.isEmpty()) {
      write(outboxPending, Introduction.getClassSchema(), introductions, id + "/outbox");
    }
    Path committed = new Path(home.ledger(), id + AVRO);
    // A rename onto a link to a folder moves the file into that folder: the names it will take
    // are checked too, since they can be known once the hidden files appear.
    files.refuseLinksBelow(home.root(), committed);
    files.rename(ledgerPending, committed); // the commit
    if (!introductions.isEmpty()) {
      Path published = new Path(home.outbox(runId), id + AVRO);
      try {
        files.refuseLinksBelow(home.root(), outboxPending); // swapped while the ledger was written
        files.refuseLinksBelow(home.root(), published);
        files.rename(outboxPending, published);
      } catch (IOException | UserError e) {
        throw new RecordedButNotPublished(id, e);
      }
    }
  }

  /** The decisions are committed to the ledger, but their introductions are not in the outbox. */
  public static final class RecordedButNotPublished extends IOException {
    private static final long serialVersionUID = 1L;

    RecordedButNotPublished(String id, Exception cause) {
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

  /**
   * The ledger's files, in application order, each checked to be readable whole.
   *
   * @throws UserError naming the first file that cannot be read
   */
  public List<Path> ledgerFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    files.refuseLinksBelow(home.root(), home.ledger());
    for (Path p : files.list(home.ledger())) {
      if (isLedgerFile(p)) {
        files.refuseLinksBelow(home.root(), p); // a forged decision must not count as recorded
        read(p, Decision.class);
        out.add(p);
      }
    }
    return out;
  }

  /** Whether {@code p} is named as a committed ledger file: {@code <application id>.avro}. */
  private static boolean isLedgerFile(Path p) {
    String name = p.getName();
    return name.endsWith(AVRO)
        && APPLICATION_ID.matcher(name.substring(0, name.length() - AVRO.length())).matches();
  }

  /** Every decision ever recorded, in application order. */
  public List<Decision> ledger() throws IOException {
    List<Decision> out = new ArrayList<>();
    for (Path p : ledgerFiles()) {
      out.addAll(read(p, Decision.class));
    }
    return out;
  }

  /** The approved introductions of run {@code runId} in the outbox. */
  public List<Introduction> outbox(RunId runId) throws IOException {
    List<Introduction> out = new ArrayList<>();
    for (Path p : files.list(home.outbox(runId))) {
      if (visible(p)) {
        out.addAll(read(p, Introduction.class));
      }
    }
    return out;
  }

  /** The proposals of run {@code runId}. */
  public List<Proposal> proposals(RunId runId) throws IOException {
    List<Proposal> out = new ArrayList<>();
    for (Path p : files.list(proposalsFolder(runId))) {
      if (visible(p)) {
        out.addAll(read(p, Proposal.class));
      }
    }
    return out;
  }

  /**
   * The proposals folder of run {@code runId}, refused if it, a folder on the way or a file in it
   * is a symbolic link: proposals decide what may be approved, what an introduction says and, in
   * later nights, capacity and declined pairs, so only the run's own files count.
   *
   * @throws UserError naming the link
   */
  public Path proposalsFolder(RunId runId) throws IOException {
    Path dir = new Path(home.run(runId), "proposals");
    files.refuseLinksBelow(home.root(), dir);
    for (Path p : files.list(dir)) {
      files.refuseLinksBelow(home.root(), p);
    }
    return dir;
  }

  /** Proposals that some complete run withdrew, with the reason, by proposal id. */
  public Map<String, String> withdrawn() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (RunId run : home.completeRuns(files)) {
      Path file = new Path(home.run(run), RunOutputs.WITHDRAWN);
      files.refuseLinksBelow(home.root(), file);
      if (!files.exists(file)) {
        continue;
      }
      try (Reader r = new InputStreamReader(files.open(file), StandardCharsets.UTF_8);
          CSVParser p =
              CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        for (CSVRecord rec : p) {
          out.putIfAbsent(rec.get("proposal_id"), rec.get("reason") + ", run " + run);
        }
      } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
        throw damaged(file, e);
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
    } catch (IOException | AvroRuntimeException | ClassCastException e) {
      throw damaged(path, e);
    }
    return out;
  }

  private static UserError damaged(Path path, Exception e) {
    return new UserError(
        path
            + " cannot be read ("
            + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
            + "): it is damaged or is not what its name says. Every later decision and night"
            + " depends on it, so nothing was changed. Restore it from a backup (or, if it does"
            + " not belong there, move it out of the home) and run the command again.");
  }

  private static boolean visible(Path p) {
    String name = p.getName();
    return !name.startsWith(".") && !name.startsWith("_");
  }
}
