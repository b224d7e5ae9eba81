package org.mentormatch.explain;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.candidates.CandidatePairs;
import org.mentormatch.candidates.PairRules;
import org.mentormatch.introductions.IntroductionWriter;
import org.mentormatch.scoring.PairScorer;
import org.mentormatch.scoring.PairScoring;

/**
 * Turns the assignment into explained proposals with draft introductions, and gives every eligible
 * mentee left unmatched a reason.
 *
 * <p>Inputs: {@code profiles} (used members with their features, clusters and rule columns), {@code
 * scored} (allowed pairs with score parts and matches, at or above the minimum score; their {@link
 * Columns#RANK} is computed where they do not carry it), the chosen pairs ({@code mentee_id,
 * mentor_id, score}) and the mentors' free capacity. Outputs: rows of {@link #PROPOSAL_FIELDS}, and
 * rows of {@code member_id, role, reason}.
 */
public final class Explanations {
  private Explanations() {}

  public static final String PENDING = "PENDING";

  private static final StructType ALTERNATIVE =
      new StructType()
          .add(Columns.MENTOR_ID, DataTypes.StringType, false)
          .add("mentor_name", DataTypes.StringType, false)
          .add(Columns.SCORE, DataTypes.DoubleType, false)
          .add("why_not", DataTypes.StringType, false)
          .add("mentor_email", DataTypes.StringType, true)
          .add("mentor_department", DataTypes.StringType, true)
          .add("places", DataTypes.IntegerType, true)
          .add("shared", DataTypes.createArrayType(PairScoring.MATCH, false), false)
          .add("shared_hours", DataTypes.DoubleType, true);

  /** What a proposal keeps of each member's profile (the Avro {@code Profile}). */
  private static final List<String> PROFILE_FIELDS =
      List.of("goals", "skills", "timezone", "seniority", "languages");

  private static final StructType TEXTS =
      new StructType()
          .add("proposal_id", DataTypes.StringType, false)
          .add(Columns.REASONS, DataTypes.createArrayType(DataTypes.StringType, false), false)
          .add("alternatives", DataTypes.createArrayType(ALTERNATIVE, false), false)
          .add("introduction_subject", DataTypes.StringType, false)
          .add("introduction", DataTypes.StringType, false);

  /** Everything a proposal says, in the field order of the Avro {@code Proposal}. */
  public static final List<String> PROPOSAL_FIELDS =
      List.of(
          "proposal_id",
          "run_id",
          "proposed_on",
          "expires_on",
          Columns.MENTEE_ID,
          "mentee_name",
          "mentee_email",
          "mentee_department",
          Columns.MENTOR_ID,
          "mentor_name",
          "mentor_email",
          "mentor_department",
          Columns.SCORE,
          "score_parts",
          "shared",
          Columns.REASONS,
          "alternatives",
          Columns.CLUSTER,
          "cluster_label",
          "introduction_subject",
          "introduction",
          Columns.STATUS,
          "mentee_profile",
          "mentor_profile");

  /** Settings the explanations quote. */
  public record Settings(
      String runId,
      java.time.LocalDate proposedOn,
      int expiryDays,
      int alternatives,
      ProposalExplainer explainer)
      implements java.io.Serializable {}

  /**
   * The explained proposals, one per chosen pair.
   *
   * @param freeCapacity {@code mentor_id, capacity}: places each mentor had for this run
   */
  public static Dataset<Row> proposals(
      Dataset<Row> profiles,
      Dataset<Row> scored,
      Dataset<Row> chosen,
      Dataset<Row> freeCapacity,
      List<String> clusterLabels,
      Settings settings) {
    Dataset<Row> taken =
        chosen.groupBy(Columns.MENTOR_ID).agg(count(lit(1)).cast("int").as("taken"));
    Dataset<Row> chosenScore =
        chosen.select(col(Columns.MENTEE_ID), col(Columns.SCORE).as("chosen_score"));
    Dataset<Row> names =
        profiles.select(
            col(Columns.MEMBER_ID).as(Columns.MENTOR_ID),
            col(Columns.NAME).as("mentor_name"),
            col(Columns.EMAIL).as("alt_email"),
            col(Columns.DEPARTMENT).as("alt_department"),
            col(Columns.CAPACITY).cast("int").as("alt_places"));

    // The next best are among the first alternatives + 1 of a mentee's list, whatever place the
    // chosen mentor has in it: cut there before any join, and take the first of them in texts().
    Dataset<Row> alternatives =
        PairScoring.ranked(scored)
            .filter(col(Columns.RANK).leq(settings.alternatives() + 1))
            .select(
                Columns.RANK,
                Columns.MENTEE_ID,
                Columns.MENTOR_ID,
                Columns.SCORE,
                Columns.SHARED_HOURS,
                Columns.MATCHES)
            .join(
                chosen
                    .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
                    .withColumn("is_chosen", lit(true)),
                List.of(Columns.MENTEE_ID, Columns.MENTOR_ID).toArray(new String[0]),
                "left")
            .filter(col("is_chosen").isNull())
            .join(chosenScore, Columns.MENTEE_ID)
            .join(taken, Columns.MENTOR_ID, "left")
            .join(freeCapacity, Columns.MENTOR_ID)
            .join(names, Columns.MENTOR_ID)
            .groupBy(Columns.MENTEE_ID)
            .agg(
                collect_list(
                        struct(
                            col(Columns.RANK),
                            col(Columns.MENTOR_ID),
                            col("mentor_name"),
                            col(Columns.SCORE),
                            coalesce(col("taken"), lit(0)).as("taken"),
                            col(Columns.CAPACITY),
                            col("chosen_score"),
                            col("alt_email"),
                            col("alt_department"),
                            col("alt_places"),
                            col(Columns.MATCHES),
                            col(Columns.SHARED_HOURS)))
                    .as("alternatives_raw"));

    Dataset<Row> mentee = side(profiles, Columns.MENTEE);
    Dataset<Row> mentor = side(profiles, Columns.MENTOR);
    Dataset<Row> pairs =
        chosen
            .select(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .join(
                scored.select(pairScores()),
                List.of(Columns.MENTEE_ID, Columns.MENTOR_ID).toArray(new String[0]))
            .join(mentee, Columns.MENTEE_ID)
            .join(mentor, Columns.MENTOR_ID)
            .join(alternatives, List.of(Columns.MENTEE_ID).toArray(new String[0]), "left");

    UserDefinedFunction texts =
        udf(
            (UDF4<Row, Row, Row, scala.collection.Seq<Row>, Row>)
                (menteeRow, mentorRow, partsRow, alts) ->
                    texts(menteeRow, mentorRow, partsRow, alts, clusterLabels, settings),
            TEXTS);
    Column menteeStruct =
        struct(
            col(Columns.MENTEE_ID),
            col("mentee_name"),
            col("mentee_department"),
            col("mentee_timezone_name"),
            col(Columns.mentee(Columns.SENIORITY)),
            col("mentee_languages_list"),
            col("mentee_goals"));
    Column mentorStruct =
        struct(
            col(Columns.MENTOR_ID),
            col("mentor_name"),
            col("mentor_department"),
            col("mentor_timezone_name"),
            col(Columns.mentor(Columns.SENIORITY)),
            col("mentor_languages_list"),
            col("mentor_skills"));
    Column partsStruct =
        struct(
            col(Columns.SCORE),
            col(Columns.COVERAGE),
            col(Columns.SENIORITY_PART),
            col(Columns.TIMEZONE_PART),
            col(Columns.DEPARTMENT_PART),
            col(Columns.SHARED_HOURS),
            col(Columns.MATCHES),
            col(Columns.mentor(Columns.CLUSTER)));
    return pairs
        .withColumn(
            "t",
            texts.apply(
                menteeStruct,
                mentorStruct,
                partsStruct,
                coalesce(col("alternatives_raw"), org.apache.spark.sql.functions.array())))
        .select(
            col("t.proposal_id").as("proposal_id"),
            lit(settings.runId()).as("run_id"),
            lit(settings.proposedOn().toString()).as("proposed_on"),
            lit(settings.proposedOn().plusDays(settings.expiryDays()).toString()).as("expires_on"),
            col(Columns.MENTEE_ID),
            col("mentee_name"),
            col("mentee_email"),
            col("mentee_department"),
            col(Columns.MENTOR_ID),
            col("mentor_name"),
            col("mentor_email"),
            col("mentor_department"),
            col(Columns.SCORE),
            struct(
                    col(Columns.COVERAGE).as("coverage"),
                    col(Columns.SENIORITY_PART).as("seniority"),
                    col(Columns.TIMEZONE_PART).as("timezone"),
                    col(Columns.DEPARTMENT_PART).as("department"))
                .as("score_parts"),
            col(Columns.MATCHES).as("shared"),
            col("t." + Columns.REASONS).as(Columns.REASONS),
            col("t.alternatives").as("alternatives"),
            col(Columns.mentor(Columns.CLUSTER)).as(Columns.CLUSTER),
            labelOf(clusterLabels).apply(col(Columns.mentor(Columns.CLUSTER))).as("cluster_label"),
            col("t.introduction_subject").as("introduction_subject"),
            col("t.introduction").as("introduction"),
            lit(PENDING).as(Columns.STATUS),
            profile(Columns.MENTEE).as("mentee_profile"),
            profile(Columns.MENTOR).as("mentor_profile"));
  }

  /** One side's profile, in the fields of the Avro {@code Profile}. */
  private static Column profile(String prefix) {
    return struct(
        col(prefix + "goals").as(PROFILE_FIELDS.get(0)),
        col(prefix + "skills").as(PROFILE_FIELDS.get(1)),
        col(prefix + "timezone_name").as(PROFILE_FIELDS.get(2)),
        col(prefix + Columns.SENIORITY).as(PROFILE_FIELDS.get(3)),
        col(prefix + "languages_list").as(PROFILE_FIELDS.get(4)));
  }

  /** The pair's ids, score columns and the mentor's cluster. */
  private static Column[] pairScores() {
    List<Column> columns = new ArrayList<>();
    columns.add(col(Columns.MENTEE_ID));
    columns.add(col(Columns.MENTOR_ID));
    PairScoring.SCORE_COLUMNS.forEach(c -> columns.add(col(c)));
    columns.add(col(Columns.mentor(Columns.CLUSTER)));
    return columns.toArray(new Column[0]);
  }

  /** The member columns a proposal names, prefixed for one side of the pair. */
  private static Dataset<Row> side(Dataset<Row> profiles, String prefix) {
    return profiles.select(
        col(Columns.MEMBER_ID).as(prefix + Columns.MEMBER_ID),
        col(Columns.NAME).as(prefix + "name"),
        col(Columns.EMAIL).as(prefix + "email"),
        col(Columns.DEPARTMENT).as(prefix + "department"),
        col(Columns.TIMEZONE).as(prefix + "timezone_name"),
        col(Columns.LANGUAGES).as(prefix + "languages_list"),
        col(Columns.SENIORITY).as(prefix + Columns.SENIORITY),
        col(Columns.GOALS).as(prefix + "goals"),
        col(Columns.SKILLS).as(prefix + "skills"));
  }

  private static UserDefinedFunction labelOf(List<String> labels) {
    return udf(
        (UDF1<Integer, String>) c -> c == null || c >= labels.size() ? "" : labels.get(c),
        DataTypes.StringType);
  }

  private static Row texts(
      Row mentee,
      Row mentor,
      Row parts,
      scala.collection.Seq<Row> alternativesRaw,
      List<String> clusterLabels,
      Settings settings) {
    List<String> goals = mentee.getList(mentee.fieldIndex("mentee_goals"));
    List<String> skills = mentor.getList(mentor.fieldIndex("mentor_skills"));
    ProposalExplainer.Person menteePerson =
        new ProposalExplainer.Person(
            mentee.getAs(Columns.MENTEE_ID),
            mentee.getAs("mentee_department"),
            mentee.getAs("mentee_timezone_name"),
            mentee.<Integer>getAs(Columns.mentee(Columns.SENIORITY)),
            mentee.getList(mentee.fieldIndex("mentee_languages_list")),
            goals.size());
    ProposalExplainer.Person mentorPerson =
        new ProposalExplainer.Person(
            mentor.getAs(Columns.MENTOR_ID),
            mentor.getAs("mentor_department"),
            mentor.getAs("mentor_timezone_name"),
            mentor.<Integer>getAs(Columns.mentor(Columns.SENIORITY)),
            mentor.getList(mentor.fieldIndex("mentor_languages_list")),
            skills.size());
    List<PairScorer.Match> matches = new ArrayList<>();
    for (Row m : parts.<Row>getList(parts.fieldIndex(Columns.MATCHES))) {
      matches.add(
          new PairScorer.Match(
              m.getAs("goal"), m.getAs("skill"), m.<Double>getAs("similarity"), m.getAs("how")));
    }
    ProposalExplainer.Parts p =
        new ProposalExplainer.Parts(
            parts.<Double>getAs(Columns.SCORE),
            parts.<Double>getAs(Columns.COVERAGE),
            parts.<Double>getAs(Columns.SENIORITY_PART),
            parts.<Double>getAs(Columns.TIMEZONE_PART),
            parts.<Double>getAs(Columns.DEPARTMENT_PART),
            parts.<Double>getAs(Columns.SHARED_HOURS),
            matches);
    int cluster = parts.<Integer>getAs(Columns.mentor(Columns.CLUSTER));
    List<String> reasons =
        settings
            .explainer()
            .reasons(menteePerson, mentorPerson, p, cluster, clusterLabels.get(cluster));

    List<Row> alts =
        new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(alternativesRaw));
    alts.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Columns.RANK)));
    List<Row> alternatives = new ArrayList<>();
    for (Row a : alts.subList(0, Math.min(alts.size(), settings.alternatives()))) {
      double score = a.getAs(Columns.SCORE);
      alternatives.add(
          RowFactory.create(
              a.getAs(Columns.MENTOR_ID),
              a.getAs("mentor_name"),
              score,
              ProposalExplainer.whyNot(
                  score,
                  a.<Double>getAs("chosen_score"),
                  a.<Integer>getAs("taken"),
                  a.<Integer>getAs(Columns.CAPACITY)),
              a.<String>getAs("alt_email"),
              a.<String>getAs("alt_department"),
              a.<Integer>getAs("alt_places"),
              a.getList(a.fieldIndex(Columns.MATCHES)).toArray(new Row[0]),
              a.<Double>getAs(Columns.SHARED_HOURS)));
    }

    IntroductionWriter writer = new IntroductionWriter();
    IntroductionWriter.Facts facts =
        new IntroductionWriter.Facts(
            mentee.getAs("mentee_name"),
            mentor.getAs("mentor_name"),
            matches,
            (int) Math.round(p.sharedHours()));
    return RowFactory.create(
        proposalId(
            settings.runId(), mentee.getAs(Columns.MENTEE_ID), mentor.getAs(Columns.MENTOR_ID)),
        reasons.toArray(new String[0]),
        alternatives.toArray(new Row[0]),
        writer.subject(facts),
        writer.body(facts));
  }

  /** The stable id of a proposal: P- and 16 hex digits of SHA-256(run|mentee|mentor). */
  public static String proposalId(String runId, String menteeId, String mentorId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((runId + "|" + menteeId + "|" + mentorId).getBytes(StandardCharsets.UTF_8));
      return "P-" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * A reason for every eligible mentee without a proposal.
   *
   * @param profiles the members' profiles; the eligible mentees are those with {@code is_mentee}
   * @param funnel per mentee with candidates: see {@link CandidatePairs#funnel}
   * @param allowedTopical pairs passing every rule whose coverage reaches the minimum, with {@code
   *     score}
   * @param fits whether such a pair also reaches the minimum score
   */
  public static Dataset<Row> unmatched(
      Dataset<Row> profiles,
      Dataset<Row> funnel,
      Dataset<Row> allowedTopical,
      Column fits,
      Dataset<Row> chosen,
      List<String> ruleOrder,
      UnmatchedReasons reasons) {
    Dataset<Row> best =
        allowedTopical
            .groupBy(col(Columns.MENTEE_ID))
            .agg(
                max(col(Columns.SCORE)).as("best_score"),
                sum(when(fits, 1).otherwise(0)).cast("int").as("above_minimum"));
    return unmatched(
        profiles,
        funnel.join(best, new String[] {Columns.MENTEE_ID}, "left"),
        profiles
            .sparkSession()
            .createDataFrame(
                List.<Row>of(),
                new StructType()
                    .add(Columns.MENTEE_ID, DataTypes.StringType, false)
                    .add(Columns.FITTING_MENTORS, DataTypes.IntegerType, false)),
        chosen,
        ruleOrder,
        reasons);
  }

  /**
   * A reason for every eligible mentee without a proposal, from a funnel that also holds, per
   * mentee, {@code best_score} (the best score of a topical pair passing every rule) and {@code
   * above_minimum} (how many of those reach the minimum score); a mentee missing from it had no
   * candidate, unless {@code everyFitKnown} ({@code mentee_id, fitting_mentors}) says how many
   * mentors fit them, all of whom are then full: their funnel need not be walked.
   */
  public static Dataset<Row> unmatched(
      Dataset<Row> profiles,
      Dataset<Row> funnel,
      Dataset<Row> everyFitKnown,
      Dataset<Row> chosen,
      List<String> ruleOrder,
      UnmatchedReasons reasons) {
    String[] byMember = {Columns.MEMBER_ID};
    Dataset<Row> mentees =
        profiles
            .filter(col(Columns.IS_MENTEE))
            .select(
                Columns.MEMBER_ID,
                Columns.ROLE,
                Columns.LANGUAGES,
                Columns.TIMEZONE,
                Columns.SENIORITY,
                Columns.SEARCH_CLUSTERS);
    Dataset<Row> left =
        mentees
            .join(
                chosen.select(col(Columns.MENTEE_ID).as(Columns.MEMBER_ID)), byMember, "left_anti")
            .join(funnel.withColumnRenamed(Columns.MENTEE_ID, Columns.MEMBER_ID), byMember, "left")
            .join(
                everyFitKnown.withColumnRenamed(Columns.MENTEE_ID, Columns.MEMBER_ID),
                byMember,
                "left");
    List<Column> fields = new ArrayList<>();
    fields.add(size(col(Columns.SEARCH_CLUSTERS)).gt(0).as("has_topic"));
    fields.add(coalesce(col("candidates"), lit(0)).as("candidates"));
    fields.add(coalesce(col("best_coverage"), lit(0.0)).as("best_coverage"));
    fields.add(coalesce(col("topical"), lit(0)).as("topical"));
    for (String rule : ruleOrder) {
      String c = CandidatePairs.leftAfterColumn(rule);
      fields.add(coalesce(col(c), lit(0)).as(c));
    }
    fields.add(coalesce(col("best_score"), lit(0.0)).as("best_score"));
    fields.add(coalesce(col("above_minimum"), lit(0)).as("above_minimum"));
    fields.add(col(Columns.LANGUAGES));
    fields.add(col(Columns.TIMEZONE));
    fields.add(col(Columns.SENIORITY));
    fields.add(col(Columns.FITTING_MENTORS));
    UserDefinedFunction reason =
        udf(
            (UDF1<Row, String>)
                r -> {
                  if (r.<Boolean>getAs("has_topic")
                      && !r.isNullAt(r.fieldIndex(Columns.FITTING_MENTORS))) {
                    return reasons.allFull(r.<Integer>getAs(Columns.FITTING_MENTORS));
                  }
                  Map<String, Integer> afterRule = new HashMap<>();
                  for (String rule : ruleOrder) {
                    afterRule.put(rule, r.<Integer>getAs(CandidatePairs.leftAfterColumn(rule)));
                  }
                  return reasons.reason(
                      new UnmatchedReasons.Funnel(
                          r.<Boolean>getAs("has_topic"),
                          r.<Integer>getAs("candidates"),
                          r.<Double>getAs("best_coverage"),
                          r.<Integer>getAs("topical"),
                          ruleOrder,
                          afterRule,
                          r.<Double>getAs("best_score"),
                          r.<Integer>getAs("above_minimum"),
                          r.getList(r.fieldIndex(Columns.LANGUAGES)),
                          r.getAs(Columns.TIMEZONE),
                          r.<Integer>getAs(Columns.SENIORITY)));
                },
            DataTypes.StringType);
    return left.select(
        col(Columns.MEMBER_ID),
        col(Columns.ROLE),
        reason.apply(struct(fields.toArray(new Column[0]))).as("reason"));
  }

  /** The rule names in funnel order, for {@link #unmatched}. */
  public static List<String> ruleNames(List<PairRules.PairRule> rules) {
    return rules.stream().map(PairRules.PairRule::name).toList();
  }
}
