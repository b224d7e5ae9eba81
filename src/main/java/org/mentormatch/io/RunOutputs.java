package org.mentormatch.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.spark.sql.Row;
import org.mentormatch.Columns;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Profile;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.ProposalStatus;
import org.mentormatch.avro.ScoreParts;
import org.mentormatch.avro.SharedTopic;
import org.mentormatch.text.SafeCsv;

/**
 * Writes the files of a run from rows streamed to the driver, one small row at a time: the Avro
 * proposals with the review sheet, unmatched.csv, rejected-rows.csv, excluded.csv, summary.json.
 */
public final class RunOutputs {
  private RunOutputs() {}

  /** The proposals file, relative to the run directory. */
  public static final String PROPOSALS = "proposals/part-00000.avro";

  public static final String REVIEW = "review.csv";
  public static final String UNMATCHED = "unmatched.csv";
  public static final String REJECTED = "rejected-rows.csv";
  public static final String EXCLUDED = "excluded.csv";
  public static final String SUMMARY = "summary.json";
  public static final String WITHDRAWN = "withdrawn.csv";
  public static final String REPORT = "report.html";

  /** What report.html shows, as JSON, for the review console (which runs without Spark). */
  public static final String REPORT_DATA = "report.json";

  /** The review sheet's columns; decide.sh reads the same names back. */
  public static final List<String> REVIEW_HEADER =
      List.of(
          "proposal_id",
          "mentee_id",
          "mentee_name",
          "mentee_department",
          "mentor_id",
          "mentor_name",
          "mentor_department",
          "score",
          "shared",
          "reasons",
          "alternatives",
          "introduction",
          "decision",
          "note");

  /**
   * Writes proposals (rows in {@code Explanations.PROPOSAL_FIELDS} order, sorted) to Avro and to
   * the review sheet; returns how many.
   */
  public static long writeProposals(RunWriter run, String runId, Iterator<Row> rows)
      throws IOException {
    long n = 0;
    try (OutputStream avroOut = run.create(PROPOSALS);
        DataFileWriter<Proposal> avro =
            new DataFileWriter<>(new SpecificDatumWriter<>(Proposal.class));
        SafeCsv review = SafeCsv.open(run.create(REVIEW), REVIEW_HEADER, true)) {
      avro.setCodec(org.apache.avro.file.CodecFactory.deflateCodec(6));
      avro.create(Proposal.getClassSchema(), avroOut, AvroFiles.sync(runId + "/" + PROPOSALS));
      while (rows.hasNext()) {
        Proposal p = proposal(rows.next());
        avro.append(p);
        review.row(
            p.getProposalId(),
            p.getMenteeId(),
            p.getMenteeName(),
            p.getMenteeDepartment(),
            p.getMentorId(),
            p.getMentorName(),
            p.getMentorDepartment(),
            String.format(Locale.ROOT, "%.3f", p.getScore()),
            sharedText(p.getShared()),
            String.join("\n", p.getReasons()),
            alternativesText(p.getAlternatives()),
            p.getIntroduction(),
            "",
            "");
        n++;
      }
    }
    return n;
  }

  /** Writes {@code member_id, role, reason} rows. */
  public static long writeUnmatched(RunWriter run, Iterator<Row> rows) throws IOException {
    return writeCsv(run, UNMATCHED, List.of("member_id", "role", "reason"), rows);
  }

  /** Writes {@code line, member_id, reasons, raw} rows; reasons are joined with "; ". */
  public static long writeRejected(RunWriter run, Iterator<Row> rows) throws IOException {
    long n = 0;
    try (SafeCsv csv =
        SafeCsv.open(run.create(REJECTED), List.of("line", "member_id", "reasons", "raw"), false)) {
      while (rows.hasNext()) {
        Row r = rows.next();
        csv.row(
            r.<Long>getAs(Columns.LINE),
            r.<String>getAs(Columns.MEMBER_ID),
            String.join("; ", r.<String>getList(r.fieldIndex(Columns.REASONS))),
            r.<String>getAs(Columns.RAW));
        n++;
      }
    }
    return n;
  }

  /** Writes {@code proposal_id, run_id, mentee_id, mentor_id, reason} rows. */
  public static long writeWithdrawn(RunWriter run, Iterator<Row> rows) throws IOException {
    return writeCsv(
        run, WITHDRAWN, List.of("proposal_id", "run_id", "mentee_id", "mentor_id", "reason"), rows);
  }

  /** Writes {@code line, member_id, reason} rows. */
  public static long writeExcluded(RunWriter run, Iterator<Row> rows) throws IOException {
    return writeCsv(run, EXCLUDED, List.of("line", "member_id", "reason"), rows);
  }

  /** Writes the coordinator's page. */
  public static void writeReport(RunWriter run, String html) throws IOException {
    try (OutputStream out = run.create(REPORT)) {
      out.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Writes the report's data (see {@link #REPORT_DATA}). */
  public static void writeReportData(RunWriter run, String json) throws IOException {
    try (OutputStream out = run.create(REPORT_DATA)) {
      out.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Writes the summary as pretty-printed JSON, keys in the order given. */
  public static void writeSummary(RunWriter run, Map<String, Object> summary) throws IOException {
    try (OutputStream out = run.create(SUMMARY)) {
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .writeValue(out, summary);
    }
  }

  private static long writeCsv(RunWriter run, String file, List<String> header, Iterator<Row> rows)
      throws IOException {
    long n = 0;
    try (SafeCsv csv = SafeCsv.open(run.create(file), header, false)) {
      while (rows.hasNext()) {
        Row r = rows.next();
        Object[] cells = new Object[header.size()];
        for (int i = 0; i < cells.length; i++) {
          cells[i] = r.get(i);
        }
        csv.row(cells);
        n++;
      }
    }
    return n;
  }

  /** The Avro record of a proposal row. */
  static Proposal proposal(Row r) {
    Row parts = r.getAs("score_parts");
    List<SharedTopic> shared = new ArrayList<>();
    for (Row m : r.<Row>getList(r.fieldIndex("shared"))) {
      shared.add(
          new SharedTopic(
              m.getAs("goal"), m.getAs("skill"), m.<Double>getAs("similarity"), m.getAs("how")));
    }
    List<Alternative> alternatives = new ArrayList<>();
    for (Row a : r.<Row>getList(r.fieldIndex("alternatives"))) {
      List<SharedTopic> covered = new ArrayList<>();
      for (Row m : a.<Row>getList(a.fieldIndex("shared"))) {
        covered.add(
            new SharedTopic(
                m.getAs("goal"), m.getAs("skill"), m.<Double>getAs("similarity"), m.getAs("how")));
      }
      alternatives.add(
          Alternative.newBuilder()
              .setMentorId(a.getAs(Columns.MENTOR_ID))
              .setMentorName(a.getAs("mentor_name"))
              .setScore(a.<Double>getAs(Columns.SCORE))
              .setWhyNot(a.getAs("why_not"))
              .setMentorEmail(a.getAs("mentor_email"))
              .setMentorDepartment(a.getAs("mentor_department"))
              .setPlaces(a.getAs("places"))
              .setShared(covered)
              .setSharedHours(a.getAs("shared_hours"))
              .build());
    }
    return Proposal.newBuilder()
        .setProposalId(r.getAs("proposal_id"))
        .setRunId(r.getAs("run_id"))
        .setProposedOn(r.getAs("proposed_on"))
        .setExpiresOn(r.getAs("expires_on"))
        .setMenteeId(r.getAs(Columns.MENTEE_ID))
        .setMenteeName(r.getAs("mentee_name"))
        .setMenteeEmail(r.getAs("mentee_email"))
        .setMenteeDepartment(r.getAs("mentee_department"))
        .setMentorId(r.getAs(Columns.MENTOR_ID))
        .setMentorName(r.getAs("mentor_name"))
        .setMentorEmail(r.getAs("mentor_email"))
        .setMentorDepartment(r.getAs("mentor_department"))
        .setScore(r.getAs(Columns.SCORE))
        .setScoreParts(
            new ScoreParts(
                parts.<Double>getAs("coverage"),
                parts.<Double>getAs("seniority"),
                parts.<Double>getAs("timezone"),
                parts.<Double>getAs("department")))
        .setShared(shared)
        .setReasons(r.getList(r.fieldIndex(Columns.REASONS)))
        .setAlternatives(alternatives)
        .setCluster(r.getAs(Columns.CLUSTER))
        .setClusterLabel(r.getAs("cluster_label"))
        .setIntroductionSubject(r.getAs("introduction_subject"))
        .setIntroduction(r.getAs("introduction"))
        .setStatus(ProposalStatus.PENDING)
        .setMenteeProfile(profile(r.getAs("mentee_profile")))
        .setMentorProfile(profile(r.getAs("mentor_profile")))
        .build();
  }

  private static Profile profile(Row p) {
    return p == null
        ? null
        : new Profile(p.getList(0), p.getList(1), p.getString(2), p.getInt(3), p.getList(4));
  }

  private static String sharedText(List<SharedTopic> shared) {
    List<String> parts = new ArrayList<>();
    for (SharedTopic s : shared) {
      parts.add(s.getGoal() + " <- " + s.getSkill());
    }
    return String.join("\n", parts);
  }

  private static String alternativesText(List<Alternative> alternatives) {
    List<String> parts = new ArrayList<>();
    for (Alternative a : alternatives) {
      parts.add(
          String.format(
              Locale.ROOT,
              "%s (%s) %.3f: %s",
              a.getMentorName(),
              a.getMentorId(),
              a.getScore(),
              a.getWhyNot()));
    }
    return String.join("\n", parts);
  }
}
