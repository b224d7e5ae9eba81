package org.mentormatch.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.mentormatch.Checkpoints;
import org.mentormatch.Columns;
import org.mentormatch.assignment.AssignmentSolver;
import org.mentormatch.assignment.ExactAssignment;
import org.mentormatch.assignment.FittingPairs;
import org.mentormatch.candidates.CandidatePairs;
import org.mentormatch.candidates.ManagementChains;
import org.mentormatch.candidates.MemberProfiles;
import org.mentormatch.candidates.PairRules;
import org.mentormatch.clusters.TopicClusters;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.decisions.History;
import org.mentormatch.explain.Explanations;
import org.mentormatch.explain.ProposalExplainer;
import org.mentormatch.explain.UnmatchedReasons;
import org.mentormatch.features.MemberFeatures;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;
import org.mentormatch.ingest.MemberIngest;
import org.mentormatch.ingest.MemberTriage;
import org.mentormatch.review.ReportBuilder;
import org.mentormatch.scoring.PairScoring;
import org.mentormatch.scoring.PhrasePairs;
import org.mentormatch.scoring.PhraseSimilarity;
import org.mentormatch.search.ListMemory;
import org.mentormatch.search.MentorIndex;
import org.mentormatch.search.PairRuleCheck;
import org.mentormatch.search.TopMentors;

/**
 * The nightly match, stage by stage: ingest, features, clusters, candidates, scoring, assignment,
 * explanation. Pure with respect to files: it takes the members' lines and returns datasets for the
 * io layer to write. Each stage is also a method of its own, so a benchmark can measure it or put
 * another in its place.
 *
 * <p>Each stage's output is kept with {@link Checkpoints#keep}, which also cuts its query plan:
 * without that, every later stage re-plans the whole lineage from the CSV, and planning (not
 * computing) dominated the run time. In the nightly job the kept outputs are files under the home,
 * so losing an executor does not lose them.
 */
public final class MatchPipeline {
  private final SparkSession spark;
  private final MatchConfig config;
  private final Taxonomy taxonomy;
  private final PhraseEmbedder embedder;
  private final PhraseSimilarity similarity;

  private final AssignmentSolver solver;
  private final StageClock clock;
  private final List<PairRules.PairRule> rules;
  private final FittingPairs fit;

  /**
   * A pipeline with its configuration, the taxonomy phrases are read against, the sentence model,
   * and the assignment solver.
   */
  public MatchPipeline(
      SparkSession spark,
      MatchConfig config,
      Taxonomy taxonomy,
      PhraseEmbedder embedder,
      AssignmentSolver solver,
      StageClock clock) {
    this.spark = spark;
    this.config = config;
    this.taxonomy = taxonomy;
    this.embedder = embedder;
    this.similarity = new PhraseSimilarity(taxonomy, embedder.model());
    this.solver = solver;
    this.clock = clock;
    this.rules = PairRules.rules(config.rules());
    this.fit = new FittingPairs(config.assignment());
  }

  /**
   * Members read, checked, featurised and clustered: what every later stage starts from.
   *
   * @param triaged every CSV record with its status ({@link MemberTriage})
   * @param profiles used members with features, clusters, management chain, UTC offset and free
   *     capacity (all of it, before the programme's memory is applied; see {@link MemberProfiles})
   * @param present everyone still in the programme (a readable row with consent, used or not), as
   *     {@link History#PRESENT}
   * @param clusterLabels each cluster's strongest topics
   * @param wholeTable the phrase-pair table, built on first use: each distinct goal phrase of a
   *     mentee with each distinct skill phrase of a mentor that covers it ({@link
   *     PhrasePairs#between}); the clustered path reads it, the search never does (it compares
   *     goals with skills as far as each walk needs)
   * @param embedded the phrase embeddings computed tonight ({@link MemberFeatures#EMBEDDING}), for
   *     the cache
   */
  public record Prepared(
      Dataset<Row> triaged,
      Dataset<Row> profiles,
      Dataset<Row> present,
      List<String> clusterLabels,
      Supplier<Dataset<Row>> wholeTable,
      Dataset<Row> embedded,
      Map<String, Object> figures) {

    /** The whole phrase-pair table (built and kept the first time it is asked for). */
    public Dataset<Row> phrasePairs() {
      return wholeTable.get();
    }
  }

  /** {@code build}'s dataset, built and kept once, when first asked for. */
  private static Supplier<Dataset<Row>> once(Supplier<Dataset<Row>> build) {
    return new Supplier<>() {
      private Dataset<Row> built;

      @Override
      public synchronized Dataset<Row> get() {
        if (built == null) {
          built = build.get().transform(Checkpoints::keep);
        }
        return built;
      }
    };
  }

  /**
   * What a run produced: datasets sorted as they are written, and the figures of the summary.
   *
   * @param proposals rows in {@link Explanations#PROPOSAL_FIELDS} order, by mentee then mentor
   * @param unmatched {@code member_id, role, reason}, by member
   * @param rejected {@code line, member_id, reasons, raw}, by line
   * @param excluded {@code line, member_id, reason}, by line
   * @param withdrawn earlier proposals withdrawn tonight: {@code proposal_id, run_id, mentee_id,
   *     mentor_id, reason}, by proposal
   * @param eligibleMentees the mentees matched tonight, for the report: {@code member_id, name,
   *     department, timezone}
   * @param embedded the phrase embeddings computed tonight, for the cache
   */
  public record Outcome(
      Dataset<Row> proposals,
      Dataset<Row> unmatched,
      Dataset<Row> rejected,
      Dataset<Row> excluded,
      Dataset<Row> withdrawn,
      Dataset<Row> eligibleMentees,
      Dataset<Row> embedded,
      Map<String, Object> figures) {}

  /**
   * Runs the match on the lines of a members CSV.
   *
   * @param partitions partitions of the member data and of every shuffle (set by the caller)
   * @param asOf the date UTC offsets of time zones are taken at
   * @param knownEmbeddings embeddings of earlier nights by the same model ({@link
   *     MemberFeatures#EMBEDDING})
   * @param keptLists each mentee's best fitting mentors as earlier nights found them, and where
   *     tonight's are kept ({@link ListMemory#NONE} to search every mentee whole)
   */
  public Outcome run(
      JavaRDD<String> lines,
      String source,
      int partitions,
      String runId,
      LocalDate asOf,
      History.Files history,
      Dataset<Row> knownEmbeddings,
      ListMemory keptLists) {
    Prepared prepared = prepare(lines, source, partitions, asOf, knownEmbeddings);
    Map<String, Object> figures = prepared.figures();
    History.Effect memory = History.apply(prepared.profiles(), prepared.present(), history, asOf);
    Dataset<Row> profiles = memory.profiles();
    figures.putAll(memory.figures());
    Row eligible =
        profiles
            .agg(
                org.apache.spark.sql.functions.count(when(col(Columns.IS_MENTEE), 1)),
                org.apache.spark.sql.functions.count(
                    when(col(Columns.IS_MENTOR).and(col(Columns.FREE_CAPACITY).gt(0)), 1)))
            .first();
    figures.put("mentees_eligible", eligible.getLong(0));
    figures.put("mentors_with_room", eligible.getLong(1));
    clock.end(
        "memory",
        String.format(
            "%d active mentorships, %d pending carried over, %d expired, %d withdrawn, %d declined"
                + " pairs",
            memory.figures().get("active_mentorships"),
            memory.figures().get("pending_carried_over"),
            memory.figures().get("pending_expired"),
            memory.figures().get("pending_withdrawn"),
            memory.figures().get("declined_pairs")));

    Found found =
        config.engine().exactSearch()
            ? search(profiles, memory.declinedPairs(), keptLists, figures)
            : clustered(profiles, memory.declinedPairs(), prepared.phrasePairs(), figures);
    Dataset<Row> fitting = found.fitting();

    Dataset<Row> freeCapacity = freeCapacity(profiles);
    ExactAssignment.Result assignment =
        assign(fitting, freeCapacity, config.assignment().maxCandidatesPerMentee());
    Row chosenShape =
        assignment
            .chosen()
            .agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.sum(
                    org.apache
                        .spark
                        .sql
                        .functions
                        .round(col(Columns.SCORE).multiply(ExactAssignment.SCORE_UNITS_PER_POINT))
                        .cast("long")))
            .first();
    long proposalCount = chosenShape.getLong(0);
    // Summed in millionths, exactly: the same in any order of the partitions.
    figures.put(
        "total_score",
        chosenShape.isNullAt(1)
            ? 0.0
            : chosenShape.getLong(1) / ExactAssignment.SCORE_UNITS_PER_POINT);
    figures.put("assignment_edges", assignment.edgeCount());
    figures.put("assignment_blocks", assignment.blocks());
    figures.put("largest_block_edges", assignment.largestBlock());
    figures.put("proposals", proposalCount);
    clock.end(
        "assignment",
        String.format(
            "%d mentees assigned, exactly, in %d independent blocks (largest: %d pairs)",
            proposalCount, assignment.blocks(), assignment.largestBlock()));

    Dataset<Row> proposals =
        Explanations.proposals(
                profiles,
                fitting,
                assignment.chosen(),
                freeCapacity,
                prepared.clusterLabels(),
                new Explanations.Settings(
                    runId,
                    asOf,
                    config.decisions().pendingExpiryDays(),
                    config.assignment().alternatives(),
                    config.engine().exactSearch()
                        ? new ProposalExplainer(config.score()).forEveryMentorSearched()
                        : new ProposalExplainer(config.score())))
            .orderBy(Columns.MENTEE_ID, Columns.MENTOR_ID)
            .transform(Checkpoints::keep); // written, counted and summarised: computed once
    Dataset<Row> unmatched =
        found
            .unmatched()
            .reasons(
                assignment.chosen(),
                new UnmatchedReasons(
                    config.assignment().minScore(),
                    config.assignment().minCoverage(),
                    config.rules().minSeniorityGap(),
                    config.rules().maxTimezoneDifferenceHours()))
            .orderBy(Columns.MEMBER_ID)
            .transform(Checkpoints::keep);
    long unmatchedCount = unmatched.count();
    figures.put("unmatched", unmatchedCount);
    clock.end(
        "explain",
        String.format(
            "%d proposals explained with introductions, %d unmatched with reasons",
            proposalCount, unmatchedCount));
    return new Outcome(
        proposals,
        unmatched,
        MemberTriage.rejected(prepared.triaged()),
        MemberTriage.excluded(prepared.triaged()),
        memory.withdrawn(),
        ReportBuilder.eligibleMentees(profiles),
        prepared.embedded(),
        figures);
  }

  /**
   * Ingest, features, clusters and the phrase-pair table: what every later stage works on; {@code
   * knownEmbeddings} as in {@link #run}.
   */
  public Prepared prepare(
      JavaRDD<String> lines,
      String source,
      int partitions,
      LocalDate asOf,
      Dataset<Row> knownEmbeddings) {
    Map<String, Object> figures = new LinkedHashMap<>();
    clock.start();

    MemberIngest.Result ingested = MemberIngest.ingest(spark, lines, source, config.ingest());
    Dataset<Row> triaged = ingested.members().transform(Checkpoints::keep);
    Map<String, Long> byStatus = new LinkedHashMap<>();
    for (Row r : triaged.groupBy(Columns.STATUS).count().collectAsList()) {
      byStatus.put(r.getAs(Columns.STATUS), r.getAs("count"));
    }
    long read = byStatus.values().stream().mapToLong(Long::longValue).sum();
    Dataset<Row> used = MemberTriage.used(triaged, partitions).transform(Checkpoints::keep);
    // One job for the three counts: at a few hundred members, the night is Spark's cost per job.
    Row usedShape =
        used.agg(
                org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.count(when(col(Columns.IS_MENTEE), 1)),
                org.apache.spark.sql.functions.count(when(col(Columns.IS_MENTOR), 1)))
            .first();
    long usedCount = usedShape.getLong(0);
    long mentees = usedShape.getLong(1);
    long mentors = usedShape.getLong(2);
    figures.put("rows_read", read);
    figures.put("rows_used", byStatus.getOrDefault(MemberTriage.USED, 0L));
    figures.put("rows_excluded", byStatus.getOrDefault(MemberTriage.EXCLUDED, 0L));
    figures.put("rows_rejected", byStatus.getOrDefault(MemberTriage.REJECTED, 0L));
    figures.put("unknown_columns", ingested.layout().unknownColumns());
    figures.put("mentees_in_programme", mentees);
    figures.put("mentors_in_programme", mentors);
    clock.end(
        "ingest",
        String.format(
            "%d rows: %d used (%d mentees, %d mentors), %d excluded, %d rejected",
            read,
            usedCount,
            mentees,
            mentors,
            byStatus.getOrDefault(MemberTriage.EXCLUDED, 0L),
            byStatus.getOrDefault(MemberTriage.REJECTED, 0L)));

    MemberFeatures.Result features =
        MemberFeatures.build(used, taxonomy, embedder, knownEmbeddings);
    figures.put("phrases", features.phraseCount());
    figures.put("distinct_phrases", features.distinctPhrases());
    // How many came from the cache stays out of the figures: a run's files must not depend on it.
    figures.put("embedding_model", embedder.identity());
    clock.end(
        "features",
        String.format(
            "%d phrases (%d distinct) read against the taxonomy and embedded (%s): %d of %d"
                + " vectors (with the taxonomy's phrasings) computed tonight, the rest from the"
                + " cache",
            features.phraseCount(),
            features.distinctPhrases(),
            embedder.model().name(),
            features.embeddedCount(),
            features.keyCount()));

    TopicClusters.Result clusters =
        TopicClusters.cluster(features.features(), config.clusters(), partitions);
    Dataset<Row> chains =
        ManagementChains.fromMembers(triaged, config.rules().maxManagementDepth());
    Dataset<Row> profiles =
        MemberProfiles.assemble(used, clusters.members(), chains, asOf)
            .transform(Checkpoints::keep);
    Dataset<Row> present = History.present(triaged).transform(Checkpoints::keep);
    // The whole table, a quarter of all goal-skill pairs in generated text, is built only for the
    // clustered path (and benchmarks): the search compares goals with skills as it walks.
    double min = config.score().minPhraseSimilarity();
    Supplier<Dataset<Row>> wholeTable = once(() -> PhrasePairs.between(profiles, similarity, min));
    String pairFigure = "";
    if (!config.engine().exactSearch()) {
      long phrasePairCount = wholeTable.get().count();
      figures.put("phrase_pairs", phrasePairCount);
      pairFigure = String.format("; %d goal-skill phrase pairs alike", phrasePairCount);
    }
    figures.put("clusters", clusters.k());
    figures.put("cluster_labels", clusters.labels());
    clock.end(
        "clusters",
        String.format(
            "k = %d topic clusters (KMeans, cosine, over meaning)%s; management chains built",
            clusters.k(), pairFigure));
    return new Prepared(
        triaged, profiles, present, clusters.labels(), wholeTable, features.embedded(), figures);
  }

  /**
   * Each mentee's fitting pairs, as the assignment and the proposals read them, and how to give a
   * reason to the mentees the assignment leaves unmatched.
   */
  private record Found(Dataset<Row> fitting, UnmatchedFunnel unmatched) {}

  /** The reasons of the mentees a chosen set of pairs leaves unmatched. */
  @FunctionalInterface
  private interface UnmatchedFunnel {
    Dataset<Row> reasons(Dataset<Row> chosen, UnmatchedReasons reasons);
  }

  /**
   * The exact search ({@link TopMentors}): each mentee's best fitting mentors, as many as the
   * assignment and the alternatives need; the funnel of an unmatched mentee walks every mentor
   * sharing a similar phrase, once the assignment is known.
   */
  private Found search(
      Dataset<Row> profiles,
      Dataset<Row> declined,
      ListMemory keptLists,
      Map<String, Object> figures) {
    Dataset<Row> queries = TopMentors.queries(profiles, declined).transform(Checkpoints::keep);
    MentorIndex mentorIndex = TopMentors.index(profiles);
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<MentorIndex> index = context.broadcast(mentorIndex);
    int k = searchDepth(config);
    int keep = k + KEPT_BEYOND_DEPTH;
    long settings = TopMentors.settingsFingerprint(similarity, config, k, keep);
    Map<String, Long> prints = TopMentors.fingerprints(mentorIndex);
    ListMemory.Kept kept = keptLists.recall(settings);
    java.util.Set<String> changed =
        kept == null ? null : TopMentors.changedMentors(kept.mentors(), prints);
    Dataset<Row> withKept;
    Broadcast<TopMentors.Changes> changes = null;
    if (changed != null && changed.size() <= mentorIndex.size() * MOST_CHANGED_MENTORS) {
      changes = context.broadcast(new TopMentors.Changes(mentorIndex.only(changed), changed));
      withKept = TopMentors.withKept(queries, kept.lists());
    } else {
      withKept = TopMentors.withoutKept(queries);
    }
    Dataset<Row> lists =
        keptLists.keep(
            settings,
            TopMentors.lists(withKept, index, changes, similarity, config, k, keep),
            mentorFingerprints(prints));
    Dataset<Row> best =
        TopMentors.firstOf(lists, TopMentors.mentorClusters(profiles), k)
            .transform(Checkpoints::keep);
    endSearch(lists, k, mentorIndex.size(), kept, changed, changes != null, figures);
    List<String> ruleOrder = PairRuleCheck.NAMES;
    // Most mentees left unmatched had a few fitting mentors, all listed and all full: only the rest
    // walk the funnel, each over every mentor with a similar skill.
    Dataset<Row> everyFitListed = TopMentors.everyFitListed(lists);
    String[] byMentee = {Columns.MENTEE_ID};
    return new Found(
        best,
        (chosen, reasons) ->
            Explanations.unmatched(
                profiles,
                TopMentors.funnel(
                        queries
                            .join(chosen.select(Columns.MENTEE_ID), byMentee, "left_anti")
                            .join(everyFitListed, byMentee, "left_anti"),
                        index,
                        similarity,
                        config)
                    .filter(col("candidates").gt(0)),
                everyFitListed,
                chosen,
                ruleOrder,
                reasons.forEveryMentorSearched()));
  }

  /** {@code mentor_member_id, fingerprint}: what a night keeps beside its lists. */
  private Dataset<Row> mentorFingerprints(Map<String, Long> prints) {
    List<Row> rows = new java.util.ArrayList<>(prints.size());
    prints.forEach((id, print) -> rows.add(org.apache.spark.sql.RowFactory.create(id, print)));
    return spark.createDataFrame(
        rows,
        new org.apache.spark.sql.types.StructType()
            .add(Columns.MENTOR_ID, DataTypes.StringType, false)
            .add("fingerprint", DataTypes.LongType, false));
  }

  /**
   * Ends the search stage: its figures ({@code best_pairs}, {@code mentees_with_a_fit}, {@code
   * mentors_indexed}) and its log line, which also says what the kept lists spared.
   *
   * @param kept the lists recalled, or null
   * @param changed the mentors changed since they were kept, or null
   * @param reusedLists whether the kept lists were merged with a search of the changed mentors
   */
  private void endSearch(
      Dataset<Row> lists,
      int k,
      int mentorsIndexed,
      ListMemory.Kept kept,
      java.util.Set<String> changed,
      boolean reusedLists,
      Map<String, Object> figures) {
    Row shape =
        lists
            .agg(
                org.apache.spark.sql.functions.sum("mentors_met"),
                org.apache.spark.sql.functions.sum(TopMentors.GOALS_EXTENDED),
                org.apache.spark.sql.functions.count(
                    when(col(TopMentors.SEARCHED).equalTo(TopMentors.KEPT), 1)),
                org.apache.spark.sql.functions.count(
                    when(org.apache.spark.sql.functions.size(col("found")).gt(0), 1)),
                org.apache.spark.sql.functions.sum(
                    org.apache.spark.sql.functions.least(
                        org.apache.spark.sql.functions.size(col("found")), lit(k))),
                org.apache.spark.sql.functions.count(lit(1)))
            .first();
    long met = shape.isNullAt(0) ? 0 : shape.getLong(0);
    long extended = shape.isNullAt(1) ? 0 : shape.getLong(1);
    long reused = shape.getLong(2);
    long withAFit = shape.getLong(3);
    long pairs = shape.isNullAt(4) ? 0 : shape.getLong(4);
    long searchedWhole = shape.getLong(5) - reused;
    // Only what a whole search of every mentee would give too: a night's files do not depend on
    // what earlier nights left in the cache.
    figures.put("mentors_indexed", (long) mentorsIndexed);
    figures.put("best_pairs", pairs);
    figures.put("mentees_with_a_fit", withAFit);
    String reuse;
    if (kept == null) {
      reuse = "; no usable lists kept by an earlier night";
    } else if (!reusedLists) {
      reuse =
          String.format(
              "; %d of the %d mentors changed since the lists were kept (more than a tenth): no"
                  + " list reused",
              changed.size(), mentorsIndexed);
    } else {
      reuse =
          String.format(
              "; %d from the lists kept last night, merged with a search of the %d mentors changed"
                  + " since",
              reused, changed.size());
    }
    clock.end(
        "search",
        String.format(
            "%d best fitting pairs kept (up to %d a mentee) for %d mentees, exactly: %d mentees"
                + " searched over all %d mentors indexed (%d mentee-mentor meetings, %d goals read"
                + " beyond their first list of similar skills)%s",
            pairs, k, withAFit, searchedWhole, mentorsIndexed, met, extended, reuse));
  }

  /**
   * How many fitting mentors beyond the search's depth a kept list holds when a whole search found
   * it.
   *
   * <p>With 4, such a list stays usable the next night unless more than 4 of its mentors changed
   * (of 54, when each mentor changes with a chance of 1%, once in 5,000 lists). A merged list keeps
   * only its exact part, so its margin can shrink from night to night, until the mentee is searched
   * whole again.
   */
  static final int KEPT_BEYOND_DEPTH = 4;

  /**
   * Above this share of the mentors changed since the kept lists were found, every mentee is
   * searched whole: merging would cost as much, and few lists would survive.
   */
  static final double MOST_CHANGED_MENTORS = 0.1;

  /**
   * How many of each mentee's best fitting pairs the search keeps: the assignment's {@code
   * assignment.max_candidates_per_mentee}, or one more than the alternatives a proposal lists if
   * that is more (the chosen mentor and the next ones).
   */
  public static int searchDepth(MatchConfig config) {
    return Math.max(
        config.assignment().maxCandidatesPerMentee(), config.assignment().alternatives() + 1);
  }

  /**
   * The earlier path: candidates from the nearest topic clusters, every one scored so an unmatched
   * mentee can be told which rule stood between them and the mentors whose skills fit.
   */
  private Found clustered(
      Dataset<Row> profiles,
      Dataset<Row> declined,
      Dataset<Row> phrasePairs,
      Map<String, Object> figures) {
    Dataset<Row> pairs = candidates(profiles, declined);
    long candidateCount = pairs.count();
    figures.put("candidate_pairs", candidateCount);
    clock.end(
        "candidates",
        String.format(
            "%d candidate pairs from the nearest topic clusters, each hard rule marked",
            candidateCount));
    Dataset<Row> scored = score(pairs, profiles, phrasePairs);
    Dataset<Row> funnel =
        CandidatePairs.funnel(scored, rules, topical()).transform(Checkpoints::keep);
    Dataset<Row> allowedTopical = scored.filter(col(CandidatePairs.ALLOWED).and(topical()));
    Dataset<Row> fitting = allowedTopical.filter(reachesMinScore());
    long allowedCount = scored.filter(col(CandidatePairs.ALLOWED)).count();
    long fittingCount = fitting.count();
    figures.put("allowed_pairs", allowedCount);
    figures.put("fitting_pairs", fittingCount);
    clock.end(
        "scoring",
        String.format(
            "%d pairs scored, %d pass the hard rules, %d fit (coverage >= %.2f, score >= %.2f)",
            candidateCount,
            allowedCount,
            fittingCount,
            config.assignment().minCoverage(),
            config.assignment().minScore()));
    return new Found(
        fitting,
        (chosen, reasons) ->
            Explanations.unmatched(
                profiles,
                funnel,
                allowedTopical,
                reachesMinScore(),
                chosen,
                Explanations.ruleNames(rules),
                reasons));
  }

  /**
   * Candidate pairs from the clusters each mentee searches, every hard rule marked; {@code
   * declined} holds the pairs ({@code mentee_id, mentor_id}) coordinators rejected.
   */
  public Dataset<Row> candidates(Dataset<Row> profiles, Dataset<Row> declined) {
    return CandidatePairs.generate(profiles, rules, declined).transform(Checkpoints::keep);
  }

  /** No declined pairs: a programme's first night. */
  public Dataset<Row> noDeclinedPairs() {
    return spark.createDataFrame(
        List.<Row>of(),
        new org.apache.spark.sql.types.StructType()
            .add(Columns.MENTEE_ID, DataTypes.StringType)
            .add(Columns.MENTOR_ID, DataTypes.StringType));
  }

  /** How goals and skills are compared: the one similarity every path uses. */
  public PhraseSimilarity similarity() {
    return similarity;
  }

  /** The hard rules in force, in funnel order. */
  public List<PairRules.PairRule> rules() {
    return rules;
  }

  /**
   * {@code pairs} with their score parts and matches (see {@link PairScoring}), covering goals from
   * the phrase-pair table.
   */
  public Dataset<Row> score(Dataset<Row> pairs, Dataset<Row> profiles, Dataset<Row> phrasePairs) {
    return PairScoring.score(pairs, profiles, phrasePairs, config.score())
        .transform(Checkpoints::keep);
  }

  /** Whether a scored pair's coverage reaches the minimum (see {@link FittingPairs}). */
  public Column topical() {
    return fit.topical();
  }

  /** Whether a scored pair's score reaches the minimum (see {@link FittingPairs}). */
  public Column reachesMinScore() {
    return fit.reachesMinScore();
  }

  /** Each mentor's free places for this run: {@code mentor_id, capacity}. */
  public Dataset<Row> freeCapacity(Dataset<Row> profiles) {
    return FittingPairs.freeCapacity(profiles);
  }

  /**
   * The exact assignment over {@code fitting} pairs, keeping each mentee's {@code perMentee} best
   * (see {@link ExactAssignment}).
   */
  public ExactAssignment.Result assign(
      Dataset<Row> fitting, Dataset<Row> freeCapacity, int perMentee) {
    return ExactAssignment.solve(
        ExactAssignment.nightlyEdges(fitting, freeCapacity, perMentee), solver);
  }
}
