package org.mentormatch.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mentormatch.RunFiles;
import org.mentormatch.SparkTestSession;
import org.mentormatch.UserError;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.jobs.MatchJob;

/**
 * The embedding cache across nights, with the real model and whole runs: a second night embeds
 * nothing new and gives the same files; a damaged segment, or one written by another model, is
 * reported, not read, replaced, and changes nothing; another model's directory is left alone.
 */
class EmbeddingCacheIT {
  private static final String RUN = "2026-11-21";
  private static final List<String> OUTPUTS =
      List.of("proposals/part-00000.avro", "review.csv", "unmatched.csv", "report.html");

  @TempDir static Path dir;
  private static Path members;
  private static Path coldHome;
  private static Path cold;

  @BeforeAll
  static void membersAndAFirstNight() throws IOException {
    members = dir.resolve("members.csv");
    Files.writeString(
        members,
        String.join(
            "\n",
            "member_id,name,email,role,goals,skills,seniority,capacity,consent",
            "e1,Ana Lima,e1@example.com,mentee,stop dreading all-hands updates;SQL,,2,,yes",
            "e2,Ben Ode,e2@example.com,mentee,keep attackers out of our systems,,2,,yes",
            "e3,Cy Moss,e3@example.com,mentee,get a better deal from suppliers,,2,,yes",
            "e4,Di Park,e4@example.com,mentee,pull numbers from our warehouse myself,,2,,yes",
            "r1,Eve Stone,r1@example.com,mentor,,public speaking;presentation skills,7,2,yes",
            "r2,Fay Ray,r2@example.com,mentor,,application security;secure coding,7,2,yes",
            "r3,Gus Hall,r3@example.com,mentor,,negotiation;vendor negotiations,7,2,yes",
            "r4,Hal Lund,r4@example.com,mentor,,SQL;database querying,7,2,yes",
            ""),
        StandardCharsets.UTF_8);
    coldHome = dir.resolve("cold");
    cold = run(coldHome); // a first night, with an empty cache: every test's reference
  }

  /** A new home whose cache is the one the first night left: the night after it. */
  private static Path warm(String name) throws IOException {
    Path home = dir.resolve(name);
    RunFiles.copyTree(coldHome.resolve("cache"), home.resolve("cache"));
    return home;
  }

  private static List<String> names(List<Path> paths) {
    return paths.stream().map(p -> p.getFileName().toString()).toList();
  }

  private static Path run(Path home) throws IOException {
    MatchJob.run(
        SparkTestSession.get(),
        new MatchJob.Options(members.toString(), home.toString(), RUN, null));
    return home.resolve("runs").resolve(RUN);
  }

  private static Path modelDir(Path home) {
    return home.resolve("cache/embeddings").resolve(PhraseEmbedder.shipped().identity());
  }

  private static List<Path> segments(Path home) throws IOException {
    try (var s = Files.list(modelDir(home))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".emb")).sorted().toList();
    }
  }

  private static int entries(Path segment) throws IOException {
    List<Row> rows = new ArrayList<>();
    EmbeddingCache.entries(
            segment.getFileName().toString(),
            Files.readAllBytes(segment),
            PhraseEmbedder.shipped().identity(),
            PhraseEmbedder.DIMENSIONS)
        .forEachRemaining(rows::add);
    return rows.get(0).get(1) == null ? -1 : rows.size();
  }

  private static void assertSameOutputs(Path a, Path b) throws IOException {
    for (String f : OUTPUTS) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }

  @Test
  void aSecondNightEmbedsNothingNewAndGivesTheSameFiles() throws IOException {
    List<Path> afterFirst = segments(coldHome);
    assertEquals(1, afterFirst.size());
    assertTrue(entries(afterFirst.get(0)) > 12, "the phrases and the taxonomy's phrasings");

    Path home = warm("hit");
    Path second = run(home);
    assertEquals(names(afterFirst), names(segments(home)), "nothing new to keep: no new segment");
    assertSameOutputs(cold, second);
  }

  @Test
  void aNewPhraseIsAddedAsANewSegment() throws IOException {
    Path home = warm("miss");
    Path original = members;
    members = dir.resolve("members-more.csv");
    try {
      Files.writeString(
          members,
          Files.readString(original)
              + "e5,Ida Moe,e5@example.com,mentee,learn to bake sourdough bread,,2,,yes\n");
      run(home);
    } finally {
      members = original;
    }
    List<Path> segments = segments(home);
    assertEquals(2, segments.size());
    assertEquals(1, entries(segments.get(1)), "only the new phrase was embedded");
  }

  @Test
  void aDamagedSegmentIsReplacedAndChangesNothing() throws IOException {
    Path home = warm("damaged");
    Path segment = segments(home).get(0);
    byte[] bytes = Files.readAllBytes(segment);
    Files.write(segment, Arrays.copyOf(bytes, bytes.length / 2)); // truncated

    assertSameOutputs(cold, run(home));
    List<Path> segments = segments(home);
    assertFalse(segments.contains(segment), "the damaged segment is gone");
    assertEquals(1, segments.size());
    assertTrue(entries(segments.get(0)) > 12, "its phrases were embedded again");
  }

  @Test
  void anotherModelsEmbeddingsAreNeverRead() throws IOException {
    Path home = dir.resolve("other");
    FileStore files = new FileStore(new Configuration());
    // Vectors of the right size, all wrong: if they were read, the proposals would change.
    List<Row> wrong = new ArrayList<>();
    for (String phrase :
        List.of(
            "sql",
            "negotiation",
            "public speaking",
            "application security",
            "keep attackers out of our systems")) {
      byte[] v = new byte[PhraseEmbedder.DIMENSIONS];
      v[phrase.length()] = 127;
      wrong.add(RowFactory.create(phrase, v));
    }
    String other = "another-model-q1-ffffffffffff";
    EmbeddingCache.append(
        files, Home.at(home.toString()), other, PhraseEmbedder.DIMENSIONS, wrong.iterator());
    // ... and the same vectors labelled with another model inside this model's directory
    Path foreign = modelDir(home).resolve("00000000000000-foreign-00000.emb");
    Files.createDirectories(foreign.getParent());
    Files.write(foreign, EmbeddingCache.encode(other, PhraseEmbedder.DIMENSIONS, wrong));

    Path run = run(home);
    assertSameOutputs(cold, run);
    assertTrue(
        Files.notExists(foreign), "a segment of another model in this model's place is replaced");
    assertTrue(
        Files.exists(home.resolve("cache/embeddings").resolve(other)),
        "another model's own directory is left alone");
  }

  @Test
  void aSegmentThatIsALinkIsRefusedAndNothingIsPublished() throws IOException {
    Path home = warm("linked");
    Path segment = segments(home).get(0);
    // Someone else's vectors, outside the home, under a segment's name: they would steer scores.
    Path outside = Files.createDirectories(dir.resolve("outside-cache")).resolve("theirs.emb");
    Files.move(segment, outside);
    Files.createSymbolicLink(segment, outside);
    byte[] theirs = Files.readAllBytes(outside);

    UserError e = assertThrows(UserError.class, () -> run(home));

    assertTrue(e.getMessage().contains(segment + " is a symbolic link"), e.getMessage());
    assertFalse(Files.exists(home.resolve("runs").resolve(RUN)), "no run was published");
    assertArrayEquals(theirs, Files.readAllBytes(outside), "what the link points at is untouched");
  }
}
