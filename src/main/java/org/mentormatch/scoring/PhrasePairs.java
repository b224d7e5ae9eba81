package org.mentormatch.scoring;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;
import org.mentormatch.features.EmbeddingMatrix;
import org.mentormatch.features.PhraseEmbedder;

/**
 * The phrase-pair table: every distinct goal phrase with every distinct skill phrase that covers it
 * at least {@code score.min_phrase_similarity} ({@link PhraseSimilarity}). Scoring and the exact
 * candidates aggregate member pairs from it, so how it is found can change without touching them.
 *
 * <p>Found here by comparing every distinct goal with every distinct skill (the skills collected
 * and broadcast with their squared lengths, the goals in their partitions, one integer product a
 * pair): exact. The whole table grows with goals times skills, a quarter of which are alike in
 * generated text (21 million rows at 10,000 members), so the nightly search never builds it: it
 * makes the same comparison with {@link Skills#closest}, keeping each goal's first few skills.
 *
 * <p>Input: distinct phrases with the fields of {@code MemberFeatures.PHRASE}, once for goals and
 * once for skills. Output: {@link #PAIR} rows.
 */
public final class PhrasePairs {
  private PhrasePairs() {}

  public static final String GOAL = "goal";
  public static final String SKILL = "skill";
  public static final String SIMILARITY = "similarity";
  public static final String HOW = "how";

  /** One row of the table. */
  public static final StructType PAIR =
      new StructType()
          .add(GOAL, DataTypes.StringType, false)
          .add(SKILL, DataTypes.StringType, false)
          .add(SIMILARITY, DataTypes.DoubleType, false)
          .add(HOW, DataTypes.StringType, false);

  /**
   * The table for members' {@code profiles}: each distinct goal phrase of a mentee with each
   * distinct skill phrase of a mentor whose similarity reaches {@code min}.
   */
  public static Dataset<Row> between(
      Dataset<Row> profiles, PhraseSimilarity similarity, double min) {
    return alike(
        distinct(profiles, Columns.IS_MENTEE, Columns.GOAL_PHRASES),
        distinct(profiles, Columns.IS_MENTOR, Columns.SKILL_PHRASES),
        similarity,
        min);
  }

  /** Every distinct skill phrase of a mentor in {@code profiles}, as the similarity reads it. */
  public static List<PhraseSimilarity.Phrase> skillsOf(Dataset<Row> profiles) {
    List<PhraseSimilarity.Phrase> out = new ArrayList<>();
    for (Row r :
        distinct(profiles, Columns.IS_MENTOR, Columns.SKILL_PHRASES)
            .select(fields())
            .collectAsList()) {
      out.add(phrase(r));
    }
    return out;
  }

  /** The distinct phrases in column {@code phrases} of the members with {@code role} set. */
  private static Dataset<Row> distinct(Dataset<Row> profiles, String role, String phrases) {
    return profiles
        .filter(col(role))
        .select(explode(col(phrases)).as("p"))
        .select("p.*")
        .dropDuplicates(Columns.PHRASE_TEXT);
  }

  /** The goal-skill phrase pairs whose similarity reaches {@code min}. */
  public static Dataset<Row> alike(
      Dataset<Row> goals, Dataset<Row> skills, PhraseSimilarity similarity, double min) {
    return eachGoal(
        goals,
        share(skills),
        PAIR,
        (block, all, out) -> {
          for (PhraseSimilarity.Phrase g : block) {
            for (Covering c : all.covering(g, similarity, min)) {
              out.add(RowFactory.create(g.text(), c.skill().text(), c.value(), c.kind().words()));
            }
          }
        });
  }

  /** The rows a block of goal phrases gives, compared with every skill. */
  @FunctionalInterface
  private interface GoalRows extends java.io.Serializable {
    void add(List<PhraseSimilarity.Phrase> goals, Skills skills, List<Row> out);
  }

  /**
   * The rows of {@code schema} that {@code each} gives for every goal phrase of {@code goals}, the
   * goals in their partitions, a few hundred at a time (comparing goals with skills a block at a
   * time needs many; the rows they give, few), and the skills broadcast.
   */
  private static Dataset<Row> eachGoal(
      Dataset<Row> goals, Broadcast<Skills> skills, StructType schema, GoalRows each) {
    return goals
        .select(fields())
        .mapPartitions(
            (MapPartitionsFunction<Row, Row>)
                rows -> {
                  Skills all = skills.value();
                  List<Row> out = new ArrayList<>();
                  List<PhraseSimilarity.Phrase> block = new ArrayList<>();
                  while (rows.hasNext()) {
                    block.clear();
                    while (rows.hasNext() && block.size() < 256) {
                      block.add(phrase(rows.next()));
                    }
                    each.add(block, all, out);
                  }
                  return out.iterator();
                },
            ExpressionEncoder.apply(schema));
  }

  /**
   * The order of a goal's covering skills: most similar first, then by text (a fixed order, so a
   * walk and a cut at {@code kept} are the same on every run).
   */
  public static int closestFirst(double a, String skillA, double b, String skillB) {
    int bySimilarity = Double.compare(b, a);
    return bySimilarity != 0 ? bySimilarity : skillA.compareTo(skillB);
  }

  private static Broadcast<Skills> share(Dataset<Row> skills) {
    List<PhraseSimilarity.Phrase> list = new ArrayList<>();
    for (Row r : skills.select(fields()).collectAsList()) {
      list.add(phrase(r));
    }
    return JavaSparkContext.fromSparkContext(skills.sparkSession().sparkContext())
        .broadcast(new Skills(list));
  }

  /** A skill phrase covering a goal, and how. */
  public record Covering(PhraseSimilarity.Phrase skill, double value, PhraseSimilarity.Kind kind) {
    /** The order of {@link #closestFirst}. */
    public static final java.util.Comparator<Covering> CLOSEST_FIRST =
        (a, b) -> closestFirst(a.value, a.skill.text(), b.value, b.skill.text());
  }

  /**
   * A goal's first covering skills in the order of {@link #closestFirst}, and whether they are all
   * the skills covering it: the skills' numbers in the {@link Skills} they came from, their
   * similarities and kinds, in arrays (a search makes millions of these lists, and an object for
   * each entry was a tenth of its time).
   */
  public static final class Closest {
    private final Skills skills;
    private final int[] numbers;
    private final double[] values;
    private final PhraseSimilarity.Kind[] kinds;
    private final boolean complete;

    private Closest(
        Skills skills,
        int[] numbers,
        double[] values,
        PhraseSimilarity.Kind[] kinds,
        boolean complete) {
      this.skills = skills;
      this.numbers = numbers;
      this.values = values;
      this.kinds = kinds;
      this.complete = complete;
    }

    /** How many first skills there are. */
    public int size() {
      return numbers.length;
    }

    /** The number of the {@code k}-th skill in the {@link Skills} it came from. */
    public int number(int k) {
      return numbers[k];
    }

    /** The similarity of the {@code k}-th skill. */
    public double value(int k) {
      return values[k];
    }

    /** How the {@code k}-th skill covers the goal. */
    public PhraseSimilarity.Kind kind(int k) {
      return kinds[k];
    }

    /** Whether no skill beyond the first covers the goal. */
    public boolean complete() {
      return complete;
    }

    /** The first skills as coverings, made on each call. */
    public List<Covering> first() {
      List<Covering> out = new ArrayList<>(numbers.length);
      for (int k = 0; k < numbers.length; k++) {
        out.add(new Covering(skills.phrase(numbers[k]), values[k], kinds[k]));
      }
      return out;
    }
  }

  /** Skill phrases with their squared lengths, so a goal is compared with each in one product. */
  public static final class Skills implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    // Goals and skills compared at once: 32 goals' rows stay in the first-level cache while a
    // block of 256 skills' rows (384 KB at 384 components) stays in the second.
    private static final int GOALS_AT_ONCE = 32;
    private static final int SKILLS_AT_ONCE = 256;
    // A kind fits in the two lowest bits of First's sort keys.
    private static final PhraseSimilarity.Kind[] KINDS = PhraseSimilarity.Kind.values();

    static {
      if (KINDS.length > 4) {
        throw new ExceptionInInitializerError("more kinds of similarity than two bits hold");
      }
    }

    private final PhraseSimilarity.Phrase[] phrases;
    private final long[] norms;
    private final int[] conceptLists;
    private final int conceptListCount;
    // The skill numbers in String order of their texts (equal texts in number order): goals meet
    // the skills in this order, so of skills tied at one similarity each comes after the last kept
    // and stays out at once, and a place in it orders equal similarities as closestFirst does.
    private final int[] byText;
    // What First reads of each skill, in text order (by place, not number): a goal meets
    // 45,886 skills at 100,000 members, and reading each phrase object and its number's entries
    // in number order stalled on memory more than the dot products took.
    private final long[] normAt;
    private final int[] conceptListAt;
    private final boolean[] topicalAt;
    private final double[] coverageAt;
    // The length of each skill's embedding, and whether its concepts can give it no credit (it
    // names none, or no topic): such a skill covers a goal only by its cosine.
    private final double[] lengthAt;
    private final boolean[] plainAt;
    private final boolean[] knownAt;
    // Built on first use where the skills are used, not shipped with them: four times their bytes.
    private transient volatile EmbeddingMatrix matrix;
    private transient volatile boolean matrixUnusable;

    /** The phrases of {@code skills}. */
    public Skills(List<PhraseSimilarity.Phrase> skills) {
      phrases = skills.toArray(new PhraseSimilarity.Phrase[0]);
      // A number for each distinct concept list, under which a goal keeps the taxonomy's verdict
      // on it in an array (PhraseSimilarity.Against): thousands of skills name the same few.
      java.util.Map<List<String>, Integer> numbers = new java.util.HashMap<>();
      conceptLists = new int[phrases.length];
      for (int i = 0; i < phrases.length; i++) {
        conceptLists[i] =
            numbers.computeIfAbsent(List.copyOf(phrases[i].concepts()), c -> numbers.size());
      }
      conceptListCount = numbers.size();
      Integer[] sorted = new Integer[phrases.length];
      for (int i = 0; i < sorted.length; i++) {
        sorted[i] = i;
      }
      // Stable: equal texts keep their numbers' order.
      java.util.Arrays.sort(sorted, java.util.Comparator.comparing(i -> phrases[i].text()));
      byText = new int[phrases.length];
      for (int r = 0; r < sorted.length; r++) {
        byText[r] = sorted[r];
      }
      norms = new long[phrases.length];
      for (int i = 0; i < phrases.length; i++) {
        norms[i] = PhraseEmbedder.dot(phrases[i].embedding(), phrases[i].embedding());
      }
      normAt = new long[phrases.length];
      conceptListAt = new int[phrases.length];
      topicalAt = new boolean[phrases.length];
      coverageAt = new double[phrases.length];
      lengthAt = new double[phrases.length];
      plainAt = new boolean[phrases.length];
      knownAt = new boolean[phrases.length];
      for (int r = 0; r < phrases.length; r++) {
        int i = byText[r];
        normAt[r] = norms[i];
        conceptListAt[r] = conceptLists[i];
        topicalAt[r] = phrases[i].topical();
        coverageAt[r] = phrases[i].coverage();
        lengthAt[r] = Math.sqrt(norms[i]);
        plainAt[r] = phrases[i].concepts().isEmpty() || !phrases[i].topical();
        knownAt[r] = phrases[i].known();
      }
    }

    /** The squared length of {@code phrase}'s embedding, as {@link #covering} takes it. */
    public static long norm(PhraseSimilarity.Phrase phrase) {
      return PhraseEmbedder.dot(phrase.embedding(), phrase.embedding());
    }

    /** How many skill phrases there are. */
    public int size() {
      return phrases.length;
    }

    /** Skill phrase number {@code i}. */
    public PhraseSimilarity.Phrase phrase(int i) {
      return phrases[i];
    }

    /** Every skill covering {@code goal} at least {@code min}, in this list's order. */
    public List<Covering> covering(
        PhraseSimilarity.Phrase goal, PhraseSimilarity similarity, double min) {
      List<Covering> out = new ArrayList<>();
      long norm = PhraseEmbedder.dot(goal.embedding(), goal.embedding());
      PhraseSimilarity.Against against = similarity.against(goal);
      for (int i = 0; i < phrases.length; i++) {
        Covering c = covering(goal, norm, i, against, similarity, min);
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    }

    /**
     * The first {@code kept} skills covering {@code goal} at least {@code min} in the order of
     * {@link #closestFirst}, and whether no other skill covers it: what sorting {@link #covering}
     * would give, asking the similarity of few more than {@code kept} (a goal can be covered by
     * thousands). A list of {@code kept} skills of similarity 1 is not complete, though no other
     * skill may cover the goal.
     */
    public Closest closest(
        PhraseSimilarity.Phrase goal, PhraseSimilarity similarity, double min, int kept) {
      return closest(List.of(goal), similarity, min, kept).get(0);
    }

    /**
     * {@link #closest(PhraseSimilarity.Phrase, PhraseSimilarity, double, int)} for each of {@code
     * goals}, in their order: the same lists, computed a block of goals against a block of skills
     * at a time ({@link EmbeddingMatrix}), so each skill's embedding is read once for all the goals
     * rather than once for each.
     */
    public List<Closest> closest(
        List<PhraseSimilarity.Phrase> goals, PhraseSimilarity similarity, double min, int kept) {
      return closest(goals, verdicts(similarity), min, kept);
    }

    /**
     * {@link #closest(List, PhraseSimilarity, double, int)} by the similarity of {@code verdicts},
     * keeping the taxonomy's verdicts there for later calls.
     */
    public List<Closest> closest(
        List<PhraseSimilarity.Phrase> goals, SharedVerdicts verdicts, double min, int kept) {
      if (kept < 1) {
        throw new IllegalArgumentException("keep at least one skill a goal: " + kept);
      }
      if (verdicts.skills != this) {
        throw new IllegalArgumentException("verdicts kept for other skills");
      }
      PhraseSimilarity similarity = verdicts.similarity;
      List<Closest> out = new ArrayList<>(goals.size());
      EmbeddingMatrix skills = matrix();
      for (int from = 0; from < goals.size(); from += GOALS_AT_ONCE) {
        List<PhraseSimilarity.Phrase> block =
            goals.subList(from, Math.min(goals.size(), from + GOALS_AT_ONCE));
        First[] first = new First[block.size()];
        long[] goalNorms = new long[block.size()];
        List<byte[]> embeddings = new ArrayList<>(block.size());
        for (int g = 0; g < first.length; g++) {
          PhraseSimilarity.Phrase goal = block.get(g);
          goalNorms[g] = norm(goal);
          first[g] = new First(goal, goalNorms[g], verdicts.against(goal), similarity, min, kept);
          embeddings.add(goal.embedding());
        }
        if (skills != null && EmbeddingMatrix.uniform(embeddings, skills.dimensions())) {
          EmbeddingMatrix goalRows = new EmbeddingMatrix(embeddings);
          long[] dots = new long[first.length * SKILLS_AT_ONCE];
          for (int at = 0; at < phrases.length; at += SKILLS_AT_ONCE) {
            int to = Math.min(phrases.length, at + SKILLS_AT_ONCE);
            int width = to - at;
            goalRows.dots(0, first.length, skills, at, to, dots);
            for (int g = 0; g < first.length; g++) {
              First f = first[g];
              long goalNorm = goalNorms[g];
              for (int r = at; r < to; r++) {
                f.offer(r, dots[g * width + r - at], goalNorm);
              }
            }
          }
        } else {
          // Embeddings of mixed lengths, or too long for exact floats: one pair at a time.
          for (int g = 0; g < first.length; g++) {
            byte[] e = block.get(g).embedding();
            for (int r = 0; r < phrases.length; r++) {
              int i = byText[r];
              first[g].offer(
                  r, PhraseEmbedder.cosine(e, goalNorms[g], phrases[i].embedding(), norms[i]));
            }
          }
        }
        for (First f : first) {
          out.add(f.closest());
        }
      }
      return out;
    }

    /**
     * A keeper of the taxonomy's verdicts on goals' concepts against these skills' concepts, by
     * {@code similarity}, for goals compared with these skills from now on.
     */
    public SharedVerdicts verdicts(PhraseSimilarity similarity) {
      return verdicts(similarity, Runtime.getRuntime().maxMemory() / SharedVerdicts.BUDGET_SHARE);
    }

    /** {@link #verdicts(PhraseSimilarity)}, keeping at most about {@code budget} bytes. */
    SharedVerdicts verdicts(PhraseSimilarity similarity, long budget) {
      return new SharedVerdicts(this, similarity, budget);
    }

    /**
     * The taxonomy's verdicts on goal concept lists against the concept lists of one {@link
     * Skills}, by one similarity, shared by the threads comparing goals with those skills through
     * this keeper (one per {@code search.SkillLists}, so per index and settings in a JVM): many
     * goals name the same few concepts, so each goal concept list's verdicts are asked once for all
     * of them rather than once a block of goals. Each goal concept list kept takes three bytes a
     * skill concept list; beyond a {@link #BUDGET_SHARE}th of the JVM's heap (per keeper), further
     * goal concept lists get verdicts of their own, one goal at a time: slower, the same values.
     * Thread-safe.
     */
    public static final class SharedVerdicts {
      /** The kept verdicts may take the heap's size divided by this. */
      static final int BUDGET_SHARE = 40;

      private final Skills skills;
      private final PhraseSimilarity similarity;
      private final long budget;
      private final java.util.concurrent.atomic.AtomicLong bytes =
          new java.util.concurrent.atomic.AtomicLong();
      private final java.util.concurrent.ConcurrentHashMap<List<String>, PhraseSimilarity.Verdicts>
          byGoalConcepts = new java.util.concurrent.ConcurrentHashMap<>();

      private SharedVerdicts(Skills skills, PhraseSimilarity similarity, long budget) {
        this.skills = skills;
        this.similarity = java.util.Objects.requireNonNull(similarity, "similarity");
        this.budget = budget;
      }

      /** {@code goal} against the skills, with the verdicts on its concepts kept here. */
      public PhraseSimilarity.Against against(PhraseSimilarity.Phrase goal) {
        List<String> concepts = List.copyOf(goal.concepts());
        PhraseSimilarity.Verdicts v = byGoalConcepts.get(concepts);
        if (v == null) {
          long size = 3L * skills.conceptListCount + 64;
          if (bytes.addAndGet(size) > budget) {
            bytes.addAndGet(-size);
            return similarity.against(goal);
          }
          PhraseSimilarity.Verdicts made =
              new PhraseSimilarity.Verdicts(concepts, skills.conceptLists, skills.conceptListCount);
          v = byGoalConcepts.putIfAbsent(concepts, made);
          if (v == null) {
            v = made;
          } else {
            bytes.addAndGet(-size); // another thread kept its own first
          }
        }
        return similarity.against(goal, v);
      }

      /** How many goal concept lists have verdicts kept here. */
      int kept() {
        return byGoalConcepts.size();
      }
    }

    /**
     * The skills' embeddings as one matrix, row {@code r} of skill {@code byText[r]}, built once
     * per JVM; null if their lengths differ.
     */
    private EmbeddingMatrix matrix() {
      EmbeddingMatrix m = matrix;
      if (m == null && !matrixUnusable) {
        synchronized (this) {
          if (matrix == null && !matrixUnusable) {
            List<byte[]> embeddings = new ArrayList<>(phrases.length);
            for (int i : byText) {
              embeddings.add(phrases[i].embedding());
            }
            int d = phrases.length == 0 ? 0 : phrases[0].embedding().length;
            if (EmbeddingMatrix.uniform(embeddings, d)) {
              matrix = new EmbeddingMatrix(embeddings);
            } else {
              matrixUnusable = true;
            }
          }
          m = matrix;
        }
      }
      return m;
    }

    /**
     * A goal's first {@code kept} covering skills, found in two passes: every skill is offered in
     * text order with its cosine, and the few that may cover the goal are noted with their bound;
     * {@link #closest} then asks the similarity only of the most similar by bound.
     */
    private final class First {
      // Buckets of the bounds between min and 1: counting them picks a bound above which at least
      // `kept` candidates lie without sorting them (at 100,000 members a goal has thousands).
      private static final int BUCKETS = 1024;

      private final PhraseSimilarity.Against against;
      private final PhraseSimilarity similarity;
      private final double min;
      private final int kept;
      // Whether the goal's concepts can give no skill credit: it names none, or no topic.
      private final boolean plainGoal;
      // Whether the taxonomy knows the goal whole: only then can it veto a skill.
      private final boolean goalKnown;
      private final double goalLength;
      // The least bound a skill still needs to be noted: min, until more than `kept` sure
      // candidates (whose similarity is their bound: no veto can touch them) lie in buckets from
      // sureFrom up; then anything below bucket sureFrom - 1 can never be taken, nor make the list
      // complete (those sure ones cover the goal and outrank it).
      private double floor;
      // A skill whose dot product with the goal is below this times its length means less than
      // floor by its cosine: only its concepts could make it cover the goal.
      private double dotFloor;
      private final double bucketScale;
      private final int[] surePerBucket = new int[BUCKETS];
      private int sureFrom;
      private int sureAtOrAbove;
      // The candidates, in text order: place, bound ({@code Against#atMost}) and cosine.
      private int[] place = new int[64];
      private double[] bound = new double[64];
      private double[] cosine = new double[64];
      private int size;
      private final int[] perBucket = new int[BUCKETS];
      // By concept list: 0 not asked yet, NONE when its concepts give the goal's no credit (most),
      // CREDIT when they give some: the goal's own copy of the verdict, read where the test is
      // made.
      private static final byte NONE = 1;
      private static final byte CREDIT = 2;
      private final byte[] creditOfList = new byte[conceptListCount];

      First(
          PhraseSimilarity.Phrase goal,
          long goalNorm,
          PhraseSimilarity.Against against,
          PhraseSimilarity similarity,
          double min,
          int kept) {
        this.against = against;
        this.similarity = similarity;
        this.min = min;
        this.kept = kept;
        this.plainGoal = goal.concepts().isEmpty() || !goal.topical();
        this.goalKnown = goal.known();
        this.goalLength = Math.sqrt(goalNorm);
        this.floor = min;
        this.dotFloor = similarity.cosineBelowMeaning(min) * goalLength;
        this.bucketScale = min < 1 ? BUCKETS / (1 - min) : 0;
      }

      /**
       * Offers the skill at place {@code r} in text order, whose dot product with the goal is
       * {@code dot} and squared length {@code goalNorm}: most skills are out by a multiplication
       * and a comparison (their cosine means too little, and their concepts give no credit), more
       * of them as better ones are noted.
       */
      void offer(int r, long dot, long goalNorm) {
        if (dot < dotFloor * lengthAt[r] && (plainGoal || plainAt[r] || !concepts(r))) {
          return;
        }
        offer(r, PhraseEmbedder.cosine(dot, goalNorm, normAt[r]));
      }

      /** Whether the concepts of the skill at place {@code r} alone may make it cover the goal. */
      private boolean concepts(int r) {
        int list = conceptListAt[r];
        byte credit = creditOfList[list];
        if (credit == 0) {
          credit =
              against.conceptsGiveCredit(phrases[byText[r]], conceptLists, list) ? CREDIT : NONE;
          creditOfList[list] = credit;
        }
        return credit == CREDIT
            && against.conceptsAtMost(
                    topicalAt[r], coverageAt[r], phrases[byText[r]], conceptLists, list)
                >= floor;
      }

      /** Offers the skill at place {@code r} in text order, whose cosine with the goal is given. */
      void offer(int r, double cos) {
        double most =
            against.atMost(
                topicalAt[r],
                coverageAt[r],
                phrases[byText[r]],
                conceptLists,
                conceptListAt[r],
                cos);
        if (most < floor) {
          return;
        }
        if (size == place.length) {
          int grown = 2 * size;
          place = java.util.Arrays.copyOf(place, grown);
          bound = java.util.Arrays.copyOf(bound, grown);
          cosine = java.util.Arrays.copyOf(cosine, grown);
        }
        place[size] = r;
        bound[size] = most;
        cosine[size] = cos;
        size++;
        int b = bucket(most);
        perBucket[b]++;
        if (!goalKnown || !knownAt[r]) {
          sure(b);
        }
      }

      /** Counts a sure candidate in bucket {@code b}, and raises the floor where it can. */
      private void sure(int b) {
        surePerBucket[b]++;
        if (b < sureFrom) {
          return;
        }
        sureAtOrAbove++;
        int from = sureFrom;
        while (sureAtOrAbove - surePerBucket[from] > kept) {
          sureAtOrAbove -= surePerBucket[from];
          from++;
        }
        if (from > sureFrom) {
          sureFrom = from;
          if (from >= 2) {
            // Below the lowest bound of bucket from - 1, with a margin no rounding of bucket()
            // crosses: a skill under it is in bucket from - 2 or lower.
            floor = Math.max(min, min + (from - 1) / bucketScale - 1e-9);
            dotFloor = similarity.cosineBelowMeaning(floor) * goalLength;
          }
        }
      }

      /** The bucket of a bound: never lower for a higher bound. */
      private int bucket(double most) {
        return Math.max(0, Math.min(BUCKETS - 1, (int) ((most - min) * bucketScale)));
      }

      Closest closest() {
        // The similarity equals the bound but where the taxonomy vetoes the pair, and then it is 0:
        // candidates are asked highest buckets first, until `kept` cover the goal. A candidate of a
        // lower bucket has a lower bound, so it is less similar than every covering one taken.
        int[] coverPlace = new int[Math.min(size, kept) + 16];
        double[] coverValue = new double[coverPlace.length];
        PhraseSimilarity.Kind[] coverKind = new PhraseSimilarity.Kind[coverPlace.length];
        int covering = 0;
        int cut = BUCKETS; // the buckets from cut up are asked
        while (covering < kept && cut > 0) {
          int lower = cut;
          for (int wanted = kept - covering; lower > 0 && wanted > 0; ) {
            wanted -= perBucket[--lower];
          }
          for (int c = 0; c < size; c++) {
            int b = bucket(bound[c]);
            if (b < lower || b >= cut) {
              continue;
            }
            PhraseSimilarity.Similarity sim = similarity(c);
            if (sim.value() >= min) {
              if (covering == coverPlace.length) {
                int grown = 2 * covering;
                coverPlace = java.util.Arrays.copyOf(coverPlace, grown);
                coverValue = java.util.Arrays.copyOf(coverValue, grown);
                coverKind = java.util.Arrays.copyOf(coverKind, grown);
              }
              coverPlace[covering] = place[c];
              coverValue[covering] = sim.value();
              coverKind[covering] = sim.kind();
              covering++;
            }
          }
          cut = lower;
        }
        // Complete when no more than `kept` cover the goal: then the untaken buckets hold none.
        boolean complete = covering <= kept;
        for (int c = 0; complete && covering == kept && c < size; c++) {
          if (bucket(bound[c]) < cut && similarity(c).value() >= min) {
            complete = false;
          }
        }
        int held = Math.min(covering, kept);
        // Equal similarities are equal bounds, so of one bucket, taken in one pass in text order.
        int[] order = closestFirst(coverValue, covering);
        int[] numbers = new int[held];
        double[] values = new double[held];
        PhraseSimilarity.Kind[] kinds = new PhraseSimilarity.Kind[held];
        for (int e = 0; e < held; e++) {
          numbers[e] = byText[coverPlace[order[e]]];
          values[e] = coverValue[order[e]];
          kinds[e] = coverKind[order[e]];
        }
        // Kept skills all of similarity 1, the most there is: the list ends there, incomplete,
        // whatever else covers the goal (as a walk that stops reading there would have it).
        if (held == kept && values[held - 1] >= 1) {
          complete = false;
        }
        return new Closest(Skills.this, numbers, values, kinds, complete);
      }

      private PhraseSimilarity.Similarity similarity(int c) {
        int r = place[c];
        return against.of(
            topicalAt[r],
            coverageAt[r],
            knownAt[r],
            phrases[byText[r]],
            conceptLists,
            conceptListAt[r],
            cosine[c]);
      }
    }

    /**
     * The entries {@code 0..n} of similarities {@code value} in the order of {@link #closestFirst},
     * for entries whose equal similarities stand in text order: most similar first, then the
     * earlier entry.
     */
    static int[] closestFirst(double[] value, int n) {
      // Sorted as primitives: each entry's key is its similarity cut to 31 bits (most similar
      // first), then the entry, one long; entries whose similarities share the 31 bits are then
      // put in exact order, a run at a time (almost always equal already, so in order).
      final long steps = Integer.MAX_VALUE;
      long[] keys = new long[n];
      for (int e = 0; e < n; e++) {
        long cut = (long) (Math.max(0, Math.min(1, value[e])) * steps);
        keys[e] = (steps - cut) << 32 | e;
      }
      java.util.Arrays.sort(keys);
      int[] order = new int[n];
      for (int e = 0; e < n; e++) {
        order[e] = (int) keys[e];
      }
      for (int from = 0; from < n; ) {
        int to = from + 1;
        while (to < n && keys[to] >>> 32 == keys[from] >>> 32) {
          to++;
        }
        for (int i = from + 1; i < to; i++) {
          int e = order[i];
          int j = i - 1;
          while (j >= from && after(order[j], e, value)) {
            order[j + 1] = order[j];
            j--;
          }
          order[j + 1] = e;
        }
        from = to;
      }
      return order;
    }

    /**
     * Whether entry {@code a} comes after entry {@code b}: less similar, or as similar and later.
     */
    private static boolean after(int a, int b, double[] value) {
      int bySimilarity = Double.compare(value[b], value[a]);
      return bySimilarity != 0 ? bySimilarity > 0 : a > b;
    }

    /**
     * How skill {@code i} covers {@code goal} (whose squared length is {@code goalNorm}), or null
     * below {@code min}: the row the phrase-pair table has for the two, if any.
     */
    public Covering covering(
        PhraseSimilarity.Phrase goal,
        long goalNorm,
        int i,
        PhraseSimilarity similarity,
        double min) {
      return covering(goal, goalNorm, i, similarity.against(goal), similarity, min);
    }

    /**
     * {@link #covering(PhraseSimilarity.Phrase, long, int, PhraseSimilarity, double)} with the
     * goal's {@code against} kept by the caller across skills.
     */
    public Covering covering(
        PhraseSimilarity.Phrase goal,
        long goalNorm,
        int i,
        PhraseSimilarity.Against against,
        PhraseSimilarity similarity,
        double min) {
      PhraseSimilarity.Phrase sk = phrases[i];
      double cosine = PhraseEmbedder.cosine(goal.embedding(), goalNorm, sk.embedding(), norms[i]);
      // The taxonomy's verdict matters only where both phrases name concepts; otherwise the
      // model's similarity alone decides, and most pairs fall short of it.
      boolean concepts = !goal.concepts().isEmpty() && !sk.concepts().isEmpty();
      if (!concepts && similarity.meaning(cosine) < min) {
        return null;
      }
      PhraseSimilarity.Similarity sim = against.of(sk, conceptLists, conceptLists[i], cosine);
      return sim.value() >= min ? new Covering(sk, sim.value(), sim.kind()) : null;
    }
  }

  private static org.apache.spark.sql.Column[] fields() {
    return List.of(
            Columns.PHRASE_TEXT,
            Columns.PHRASE_CONCEPTS,
            Columns.PHRASE_COVERAGE,
            Columns.PHRASE_TOPICAL,
            Columns.PHRASE_EMBEDDING)
        .stream()
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /** A phrase struct ({@code MemberFeatures.PHRASE} fields) as the similarity reads it. */
  public static PhraseSimilarity.Phrase phrase(Row r) {
    return new PhraseSimilarity.Phrase(
        r.getAs(Columns.PHRASE_TEXT),
        List.copyOf(r.<String>getList(r.fieldIndex(Columns.PHRASE_CONCEPTS))),
        r.<Double>getAs(Columns.PHRASE_COVERAGE),
        r.<Boolean>getAs(Columns.PHRASE_TOPICAL),
        r.getAs(Columns.PHRASE_EMBEDDING));
  }
}
