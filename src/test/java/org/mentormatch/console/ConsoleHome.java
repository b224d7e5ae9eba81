package org.mentormatch.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.specific.SpecificDatumWriter;
import org.mentormatch.avro.Alternative;
import org.mentormatch.avro.Profile;
import org.mentormatch.avro.Proposal;
import org.mentormatch.avro.ProposalStatus;
import org.mentormatch.avro.ScoreParts;
import org.mentormatch.avro.SharedTopic;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.io.Home;
import org.mentormatch.io.RunOutputs;
import org.mentormatch.review.ReportData;
import org.mentormatch.review.ReportJson;
import org.mentormatch.scoring.PairScorer;

/**
 * A small programme home for the console's tests, written without Spark: one complete run whose
 * proposals cover every case a coordinator meets.
 *
 * <ul>
 *   <li>P-ana: Engineering, with two alternatives: t-free (2 places, none taken) and t-full (1
 *       place, taken by P-ida's pending proposal).
 *   <li>P-cai: Engineering; the mentee's name carries markup, which must stay text.
 *   <li>P-eva: Data. P-ida: Engineering, mentor t-full. P-jo: Engineering, expired.
 *   <li>P-gus: Sales, outside coordinator eng's scope.
 * </ul>
 */
final class ConsoleHome {
  static final String RUN = "2026-11-21";
  static final String TODAY = "2026-11-23T09:00:00Z";
  static final String HOSTILE_NAME = "<script>alert('x')</script> Cai Chen";

  final Path root;

  private ConsoleHome(Path root) {
    this.root = root;
  }

  static ConsoleHome create(Path dir) throws IOException {
    ConsoleHome h = new ConsoleHome(dir);
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("coordinators.csv"),
        "coordinator_id,name,email,scope\n"
            + "eng,Eli Eng,eli@example.org,Engineering;Data\n"
            + "sales,Sam Sales,sam@example.org,Sales\n"
            + "all,Ann All,ann@example.org,*\n",
        StandardCharsets.UTF_8);
    List<Proposal> proposals = new ArrayList<>();
    proposals.add(
        proposal("P-ana", "m-ana", "Ana Lima", "Engineering", "t-bo", "Bo Berg", 0.81, "2026-12-05")
            .setAlternatives(
                List.of(
                    alternative("t-free", "Fay Free", 0.74, 2),
                    alternative("t-full", "Flo Full", 0.70, 1)))
            .build());
    proposals.add(
        proposal(
                "P-cai",
                "m-cai",
                HOSTILE_NAME,
                "Engineering",
                "t-dee",
                "Dee Dunn",
                0.62,
                "2026-12-05")
            .build());
    proposals.add(
        proposal("P-eva", "m-eva", "Eva Eek", "Data", "t-finn", "Finn Falk", 0.45, "2026-12-05")
            .build());
    proposals.add(
        proposal("P-gus", "m-gus", "Gus Gray", "Sales", "t-hal", "Hal Hart", 0.70, "2026-12-05")
            .build());
    proposals.add(
        proposal(
                "P-ida",
                "m-ida",
                "Ida Iver",
                "Engineering",
                "t-full",
                "Flo Full",
                0.55,
                "2026-12-05")
            .build());
    proposals.add(
        proposal("P-jo", "m-jo", "Jo Jung", "Engineering", "t-kim", "Kim Kay", 0.50, "2026-11-22")
            .build());
    Path run = dir.resolve("runs").resolve(RUN);
    Files.createDirectories(run.resolve("proposals"));
    try (DataFileWriter<Proposal> w =
        new DataFileWriter<>(new SpecificDatumWriter<>(Proposal.class))) {
      w.create(Proposal.getClassSchema(), run.resolve(RunOutputs.PROPOSALS).toFile());
      for (Proposal p : proposals) {
        w.append(p);
      }
    }
    ReportData report =
        new ReportData(
            RUN,
            Map.of("proposals", 6L),
            List.of(),
            6,
            List.of(
                new ReportData.UnmatchedView(
                    "m-uma", "Uma Unmatched", "Engineering", "no mentor speaks fr"),
                new ReportData.UnmatchedView(
                    "m-sal", "Sol Sales", "Sales", "no mentor within 6 h")),
            2,
            new long[10],
            List.of(
                new ReportData.FairnessRow("Data", 1, 1, 0.45),
                new ReportData.FairnessRow("Engineering", 6, 5, 0.6),
                new ReportData.FairnessRow("Sales", 3, 1, 0.7)),
            List.of(new ReportData.FairnessRow("Europe", 10, 7, 0.6)));
    Files.writeString(run.resolve(RunOutputs.REPORT_DATA), ReportJson.write(report));
    Files.writeString(run.resolve(Home.SUCCESS), "");
    return h;
  }

  private static Proposal.Builder proposal(
      String id,
      String menteeId,
      String mentee,
      String department,
      String mentorId,
      String mentor,
      double score,
      String expires) {
    IntroductionWriter writer = new IntroductionWriter();
    IntroductionWriter.Facts facts =
        new IntroductionWriter.Facts(
            mentee,
            mentor,
            List.of(new PairScorer.Match("spark", "Apache Spark", 0.9, "similar meaning")),
            5);
    return Proposal.newBuilder()
        .setProposalId(id)
        .setRunId(RUN)
        .setProposedOn(RUN)
        .setExpiresOn(expires)
        .setMenteeId(menteeId)
        .setMenteeName(mentee)
        .setMenteeEmail(menteeId + "@example.org")
        .setMenteeDepartment(department)
        .setMentorId(mentorId)
        .setMentorName(mentor)
        .setMentorEmail(mentorId + "@example.org")
        .setMentorDepartment("Research")
        .setScore(score)
        .setScoreParts(new ScoreParts(0.8, 0.7, 1.0, 1.0))
        .setShared(List.of(new SharedTopic("spark", "Apache Spark", 0.9, "similar meaning")))
        .setReasons(List.of("Skills cover 1 of 1 goals.", "Both speak en."))
        .setAlternatives(List.of())
        .setCluster(0)
        .setClusterLabel("spark")
        .setIntroductionSubject(writer.subject(facts))
        .setIntroduction(writer.body(facts))
        .setStatus(ProposalStatus.PENDING)
        .setMenteeProfile(
            new Profile(List.of("spark"), List.of(), "Europe/Berlin", 2, List.of("en", "de")))
        .setMentorProfile(
            new Profile(
                List.of(), List.of("Apache Spark", "Scala"), "Europe/Paris", 6, List.of("en")));
  }

  private static Alternative alternative(String id, String name, double score, int places) {
    return Alternative.newBuilder()
        .setMentorId(id)
        .setMentorName(name)
        .setScore(score)
        .setWhyNot("fits less well")
        .setMentorEmail(id + "@example.org")
        .setMentorDepartment("Research")
        .setPlaces(places)
        .setShared(List.of(new SharedTopic("spark", "Spark streaming", 0.7, "similar meaning")))
        .setSharedHours(6.0)
        .build();
  }
}
