package org.mentormatch.bench;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.mentormatch.UserError;

/**
 * Does the matcher understand members who describe their goals in their own words? Planted members
 * of known topics: mentors list skills in the usual vocabulary, mentees write goals that share few
 * or no words with them, every mentor has room and no hard rule stands in the way, so every mentee
 * could be matched within their own topic.
 *
 * <p>The topics, skills and goal phrasings are {@code data/benchmarks/paraphrase/topics.csv}
 * ({@code topic,side,phrase}); they are never used to build or tune the matcher. Figures: mentees
 * matched, the share of proposals within the mentee's own topic, and phrase-level top-1 (for each
 * goal phrasing, the skill the matcher finds most similar among all skills is of the goal's topic).
 */
public final class ParaphraseBenchmark {
  public static final String RUN_ID = "2026-11-21";
  private static final int SKILLS_PER_MENTOR = 3;
  private static final int CAPACITY = 5;
  private static final List<String> DEPARTMENTS =
      List.of("Engineering", "Data", "Sales", "Marketing", "Finance", "People", "Operations");

  private ParaphraseBenchmark() {}

  /** The figures of one run of the benchmark. */
  public record Result(
      int topics,
      int goalPhrasings,
      int skillPhrasings,
      int mentees,
      int mentors,
      long matched,
      long inTopic,
      int top1Right,
      Map<String, long[]> byTopic) {
    /** Share of mentees matched. */
    public double matchedShare() {
      return (double) matched / mentees;
    }

    /** Share of proposals within the mentee's topic. */
    public double inTopicShare() {
      return matched == 0 ? 0 : (double) inTopic / matched;
    }

    /** Share of goal phrasings whose most similar skill is of their topic. */
    public double top1Share() {
      return (double) top1Right / goalPhrasings;
    }
  }

  /** One phrase of the topic file. */
  record Phrase(String topic, String side, String text) {}

  /** Reads the topic file. */
  static List<Phrase> readTopics(Path file) throws IOException {
    List<Phrase> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (CSVRecord rec :
          CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        String side = rec.get("side");
        if (!side.equals("goal") && !side.equals("skill")) {
          throw new UserError(
              file + " line " + rec.getRecordNumber() + ": side must be goal or skill: " + side);
        }
        out.add(new Phrase(rec.get("topic"), side, rec.get("phrase")));
      }
    }
    return out;
  }

  /**
   * Writes {@code members} planted members ({@code mentorShare} of them mentors) over the topics of
   * {@code phrases}, and returns each member's topic.
   */
  static Map<String, String> writeMembers(
      List<Phrase> phrases, int members, double mentorShare, long seed, Writer out)
      throws IOException {
    Map<String, List<String>> goals = new TreeMap<>();
    Map<String, List<String>> skills = new TreeMap<>();
    for (Phrase p : phrases) {
      (p.side().equals("goal") ? goals : skills)
          .computeIfAbsent(p.topic(), k -> new ArrayList<>())
          .add(p.text());
    }
    List<String> topics = new ArrayList<>(skills.keySet());
    SplittableRandom random = new SplittableRandom(seed);
    int mentors = (int) Math.round(members * mentorShare);
    Map<String, String> topicOf = new LinkedHashMap<>();
    try (CSVPrinter csv =
        new CSVPrinter(
            out,
            CSVFormat.RFC4180
                .builder()
                .setRecordSeparator('\n')
                .setHeader(
                    "member_id",
                    "name",
                    "email",
                    "role",
                    "goals",
                    "skills",
                    "department",
                    "manager_id",
                    "timezone",
                    "seniority",
                    "languages",
                    "capacity",
                    "consent")
                .get())) {
      for (int i = 0; i < members; i++) {
        boolean mentor = i < mentors;
        String topic = topics.get(i % topics.size());
        String id = String.format(Locale.ROOT, "p%05d", i + 1);
        List<String> pool = new ArrayList<>((mentor ? skills : goals).get(topic));
        int count = mentor ? SKILLS_PER_MENTOR : 1 + random.nextInt(2);
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < count && !pool.isEmpty(); k++) {
          chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        topicOf.put(id, topic);
        csv.printRecord(
            id,
            (mentor ? "Mentor " : "Mentee ") + (i + 1),
            id + "@example.com",
            mentor ? "mentor" : "mentee",
            mentor ? "" : String.join("; ", chosen),
            mentor ? String.join("; ", chosen) : "",
            DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())),
            "",
            "Europe/Berlin",
            mentor ? 7 : 2,
            "en",
            mentor ? CAPACITY : "",
            "yes");
      }
    }
    return topicOf;
  }

  /** The nightly job, run on a members file into a programme home. */
  public interface NightlyRun {
    /** Runs the job on {@code members} into {@code home} with run id {@link #RUN_ID}. */
    void run(Path members, Path home) throws IOException;
  }

  /** Plants the members, runs the nightly job on them, and measures. */
  public static Result run(
      SparkSession spark,
      Path topicsFile,
      int members,
      double mentorShare,
      long seed,
      NightlyRun nightly,
      PhraseTop1 top1,
      Path work,
      PrintStream log)
      throws IOException {
    List<Phrase> phrases = readTopics(topicsFile);
    Path file = work.resolve("paraphrase-members.csv");
    Map<String, String> topicOf;
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      topicOf = writeMembers(phrases, members, mentorShare, seed, w);
    }
    Path home = work.resolve("paraphrase-home");
    nightly.run(file, home);
    List<Row> chosen =
        spark
            .read()
            .format("avro")
            .load(home.resolve("runs").resolve(RUN_ID).resolve("proposals").toString())
            .select(col("mentee_id"), col("mentor_id"))
            .collectAsList();
    Map<String, long[]> byTopic = new TreeMap<>();
    for (Map.Entry<String, String> e : topicOf.entrySet()) {
      byTopic.computeIfAbsent(e.getValue(), k -> new long[3]);
    }
    int mentees = 0;
    for (int i = (int) Math.round(members * mentorShare); i < members; i++) {
      mentees++;
      byTopic.get(topicOf.get(String.format(Locale.ROOT, "p%05d", i + 1)))[0]++;
    }
    long inTopic = 0;
    for (Row r : chosen) {
      String topic = topicOf.get(r.getString(0));
      long[] t = byTopic.get(topic);
      t[1]++;
      if (topic.equals(topicOf.get(r.getString(1)))) {
        inTopic++;
        t[2]++;
      }
    }
    List<String> goalTexts = new ArrayList<>();
    List<String> skillTexts = new ArrayList<>();
    Map<String, String> topicOfPhrase = new HashMap<>();
    for (Phrase p : phrases) {
      (p.side().equals("goal") ? goalTexts : skillTexts).add(p.text());
      topicOfPhrase.put(p.side() + ":" + p.text(), p.topic());
    }
    List<String> best = top1.bestSkills(spark, goalTexts, skillTexts);
    int right = 0;
    for (int g = 0; g < goalTexts.size(); g++) {
      String skill = best.get(g);
      boolean ok =
          skill != null
              && topicOfPhrase
                  .get("goal:" + goalTexts.get(g))
                  .equals(topicOfPhrase.get("skill:" + skill));
      right += ok ? 1 : 0;
      log.printf(
          Locale.ROOT,
          "%s %-70s -> %s%n",
          ok ? "ok " : "BAD",
          goalTexts.get(g),
          skill == null ? "(none)" : skill);
    }
    return new Result(
        byTopic.size(),
        goalTexts.size(),
        skillTexts.size(),
        mentees,
        members - mentees,
        chosen.size(),
        inTopic,
        right,
        byTopic);
  }

  /** How the matcher finds a goal phrasing's most similar skill among many. */
  public interface PhraseTop1 {
    /** For each goal, the most similar skill (at or above the minimum similarity), or null. */
    List<String> bestSkills(SparkSession spark, List<String> goals, List<String> skills);
  }

  /** The figures as JSON, for a later run's "before" column. */
  public static String json(Result r, String command) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("command", command);
    m.put("topics", r.topics());
    m.put("mentees", r.mentees());
    m.put("mentors", r.mentors());
    m.put("matched", r.matched());
    m.put("in_topic", r.inTopic());
    m.put("goal_phrasings", r.goalPhrasings());
    m.put("top1_right", r.top1Right());
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m)
        + "\n";
  }

  /** The report section; {@code before} holds an earlier run's JSON figures, or null. */
  public static String section(Result r, Map<String, Object> before, String command) {
    StringBuilder s = new StringBuilder("## Paraphrases: goals in members' own words\n\n");
    s.append("Command: `").append(command).append("`  \n");
    s.append("Machine: ").append(BenchmarkReport.machine()).append("\n\n");
    s.append(
        String.format(
            Locale.ROOT,
            "%d planted members: %d mentees and %d mentors over %d topics"
                + " (`data/benchmarks/paraphrase/topics.csv`: %d skill phrasings in the usual"
                + " vocabulary, %d goal phrasings in people's own words). Each mentor lists %d"
                + " skills of one topic and offers %d places; each mentee writes 1 or 2 goals of"
                + " one topic; everyone shares a language, a time zone and a suitable seniority"
                + " gap, so every mentee could be matched within their own topic. The phrasings"
                + " were written for this benchmark and are never used to build or tune the"
                + " matcher.%n%n",
            r.mentees() + r.mentors(),
            r.mentees(),
            r.mentors(),
            r.topics(),
            r.skillPhrasings(),
            r.goalPhrasings(),
            SKILLS_PER_MENTOR,
            CAPACITY));
    if (before != null) {
      s.append("| | before (").append(before.get("label")).append(") | now |\n|---|---|---|\n");
    } else {
      s.append("| | now |\n|---|---|\n");
    }
    row(
        s,
        "mentees matched",
        before == null ? null : share(num(before, "matched"), num(before, "mentees")),
        share(r.matched(), r.mentees()));
    row(
        s,
        "proposals within the mentee's topic",
        before == null ? null : share(num(before, "in_topic"), num(before, "matched")),
        share(r.inTopic(), r.matched()));
    row(
        s,
        "phrase-level top-1 (goal phrasing's most similar skill is of its topic)",
        before == null ? null : share(num(before, "top1_right"), num(before, "goal_phrasings")),
        share(r.top1Right(), r.goalPhrasings()));
    s.append("\nBy topic (now): mentees, matched, matched within the topic.\n\n");
    s.append("| topic | mentees | matched | in topic |\n|---|---|---|---|\n");
    r.byTopic()
        .forEach(
            (t, v) ->
                s.append(
                    String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", t, v[0], v[1], v[2])));
    s.append(
        String.format(
            Locale.ROOT,
            "%nTargets: at least 95%% matched (now %.1f%%) and at least 95%% within the topic (now"
                + " %.1f%%).%n",
            100 * r.matchedShare(),
            100 * r.inTopicShare()));
    return s.toString();
  }

  private static long num(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  private static String share(long part, long whole) {
    return String.format(
        Locale.ROOT, "%d of %d (%.1f%%)", part, whole, whole == 0 ? 0 : 100.0 * part / whole);
  }

  private static void row(StringBuilder s, String name, String before, String now) {
    s.append("| ").append(name).append(" | ");
    if (before != null) {
      s.append(before).append(" | ");
    }
    s.append(now).append(" |\n");
  }
}
