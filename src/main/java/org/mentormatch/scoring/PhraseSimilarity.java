package org.mentormatch.scoring;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.mentormatch.features.PhraseEmbedder;
import org.mentormatch.features.Taxonomy;

/**
 * How much a skill phrase covers a goal phrase: one similarity in [0, 1] that combines the
 * taxonomy's precision with the sentence model's sense of meaning.
 *
 * <ol>
 *   <li><b>Same concept</b> (1): the taxonomy knows both phrases whole (every content word lies
 *       inside a phrasing it matched) and the skill names every concept the goal names ("ML for
 *       beginners" and "machine learning").
 *   <li><b>Different concepts</b> (0, a veto): the taxonomy knows both phrases whole, they share no
 *       concept, neither names the broader concept of a concept of the other, and no two of their
 *       concepts are of the same area ("go to market strategy" and "Go programming"). The model is
 *       not asked.
 *   <li>Otherwise the larger of
 *       <ul>
 *         <li><b>related concept</b>: the mean over the goal's concepts of 1 when the skill names
 *             it, {@value #RELATED_CREDIT} when the skill names its broader or a narrower concept
 *             ("deep learning" for "machine learning"), else 0; times the smaller of the two
 *             phrases' taxonomy coverage, since a concept read in a few words of a long phrase in
 *             someone's own words says less about it;
 *         <li><b>similar meaning</b>: the cosine of the two phrases' embeddings, mapped by {@link
 *             #meaning}: linear in the cosine, from {@link #COUNTS} at the cosine from which a
 *             skill counts to 1 at the cosine from which goal and skill are as good as certainly of
 *             one topic, both calibrated per model on labelled pairs ({@code
 *             PhraseEmbedder.Model}).
 *       </ul>
 * </ol>
 *
 * <p>A goal that names no topic at all (only filler such as "get better at it") is covered by
 * nothing. The cosine comes from the quantised embeddings by exact integer arithmetic, and every
 * later step is a fixed sequence of double operations, so the same two phrases always get the same
 * similarity, on any machine.
 */
public final class PhraseSimilarity implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * Credit for a goal concept when the skill names its broader or a narrower concept: one half,
   * which the verdicts keep as a count of halves ({@code conceptHalves}).
   */
  public static final double RELATED_CREDIT = 0.5;

  static {
    if (RELATED_CREDIT != 0.5) {
      throw new IllegalStateException("verdicts count credit in halves: " + RELATED_CREDIT);
    }
  }

  /**
   * The similarity the model's counting cosine maps to: the default of score.min_phrase_similarity.
   */
  public static final double COUNTS = 0.3;

  /** How a goal is covered. */
  public enum Kind {
    /** The skill names every concept of the goal. */
    SAME_CONCEPT("same concept"),
    /** The skill names some of the goal's concepts, or a broader or narrower one. */
    RELATED_CONCEPT("related concept"),
    /** The model finds the two phrases alike in meaning. */
    SIMILAR_MEANING("similar meaning"),
    /** The taxonomy knows both phrases, and they are unrelated concepts of different areas. */
    DIFFERENT_CONCEPTS("different concepts");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** How a coordinator reads it. */
    public String words() {
      return words;
    }

    /** The kind whose {@link #words} are {@code words}. */
    public static Kind of(String words) {
      for (Kind k : values()) {
        if (k.words.equals(words)) {
          return k;
        }
      }
      throw new IllegalArgumentException("no such kind of similarity: " + words);
    }
  }

  /**
   * A phrase as the similarity reads it (see {@code MemberFeatures.PHRASE}): its concepts, the
   * share of its content words the taxonomy matched, whether it names a topic, its embedding.
   */
  public record Phrase(
      String text, List<String> concepts, double coverage, boolean topical, byte[] embedding)
      implements Serializable {
    /** Whether the taxonomy knows the whole phrase. */
    public boolean known() {
      return !concepts.isEmpty() && coverage == 1;
    }
  }

  /** A similarity and how it arose. */
  public record Similarity(double value, Kind kind) implements Serializable {
    /** A similarity, as the explanation quotes it: "same concept", "similar meaning, 0.71". */
    public String describe() {
      return kind == Kind.SAME_CONCEPT
          ? kind.words()
          : String.format(Locale.ROOT, "%s, %.2f", kind.words(), value);
    }
  }

  private final Taxonomy taxonomy;
  private final double cosineCounts;
  private final double cosineCertain;

  /**
   * A similarity reading concepts, their areas and broader concepts from {@code taxonomy}, and
   * cosines of {@code model}'s embeddings by its calibration.
   */
  public PhraseSimilarity(Taxonomy taxonomy, PhraseEmbedder.Model model) {
    this.taxonomy = taxonomy;
    this.cosineCounts = model.cosineCounts();
    this.cosineCertain = model.cosineCertain();
  }

  /** Equal when the taxonomy and the calibration are: then every similarity is the same. */
  @Override
  public boolean equals(Object o) {
    return o instanceof PhraseSimilarity s
        && Double.compare(cosineCounts, s.cosineCounts) == 0
        && Double.compare(cosineCertain, s.cosineCertain) == 0
        && taxonomy.equals(s.taxonomy);
  }

  @Override
  public int hashCode() {
    return Objects.hash(taxonomy, cosineCounts, cosineCertain);
  }

  /** How much {@code skill} covers {@code goal}. */
  public Similarity of(Phrase goal, Phrase skill) {
    return combine(goal, skill, Double.NaN);
  }

  /**
   * How much {@code skill} covers {@code goal} when the model's cosine of the two is {@code
   * cosine}: one computed already (the same double {@link #of(Phrase, Phrase)} would compute), or
   * another cosine to measure, such as a hubness-reduced one, with the same combination.
   */
  public Similarity of(Phrase goal, Phrase skill, double cosine) {
    if (Double.isNaN(cosine)) {
      throw new IllegalArgumentException("the cosine of a goal and a skill is a number: NaN");
    }
    return combine(goal, skill, cosine);
  }

  /**
   * {@code goal} against many skills: {@link #of(Phrase, Phrase, double)}'s similarity, with the
   * taxonomy's verdicts on the goal's concepts and a skill's remembered under a number for each
   * distinct list of skill concepts (as {@code PhrasePairs.Skills} gives): it is asked once per
   * distinct list.
   */
  public Against against(Phrase goal) {
    return new Against(goal, new Verdicts(goal.concepts()));
  }

  /**
   * {@link #against(Phrase)}, keeping the taxonomy's verdicts in {@code verdicts}, which goals
   * naming the same concepts share: the verdicts depend on the concepts alone, and many goals of a
   * programme name the same few.
   */
  public Against against(Phrase goal, Verdicts verdicts) {
    if (!verdicts.goalConcepts.equals(goal.concepts())) {
      throw new IllegalArgumentException(
          "verdicts on " + verdicts.goalConcepts + " for a goal naming " + goal.concepts());
    }
    return new Against(goal, verdicts);
  }

  /**
   * The taxonomy's verdicts on one list of goal concepts against skill concept lists, kept by a
   * caller's number for each distinct list; for {@link #against(Phrase, Verdicts)}.
   *
   * <p>Made with {@link #Verdicts(List)}, they belong to one thread and follow whatever numbering
   * they are asked under (a new numbering forgets the last). Made for one numbering with {@link
   * #Verdicts(List, Object, int)}, they are shared by the threads of a JVM: each verdict is one
   * short or byte, written whole, and threads that race to a verdict compute the same one. Their
   * fields are not final (the one-thread kind grows its arrays), so they must reach other threads
   * through safe publication, as {@code PhrasePairs.Skills.SharedVerdicts}'s concurrent map does.
   */
  public static final class Verdicts {
    private final List<String> goalConcepts;
    private final boolean shared;
    // By list number: 0 when not asked yet, else 1 + the credit's sum in halves (conceptHalves).
    private short[] halvesOfList;
    // By list number: 0 when not asked yet, 1 when the two share an area, 2 when not.
    private byte[] areaOfList;
    private Object numbering;

    /** No verdicts yet on {@code goalConcepts}, for one thread. */
    public Verdicts(List<String> goalConcepts) {
      this.goalConcepts = List.copyOf(goalConcepts);
      this.shared = false;
      this.halvesOfList = new short[0];
      this.areaOfList = new byte[0];
    }

    /**
     * No verdicts yet on {@code goalConcepts} against the {@code lists} concept lists that {@code
     * numbering} numbers from 0; thread-safe. Asked under another numbering, they refuse.
     */
    public Verdicts(List<String> goalConcepts, Object numbering, int lists) {
      this.goalConcepts = List.copyOf(goalConcepts);
      this.shared = true;
      this.numbering = Objects.requireNonNull(numbering, "numbering");
      this.halvesOfList = new short[lists];
      this.areaOfList = new byte[lists];
    }

    /** The arrays to read list {@code list} of {@code numbering} in, readied for it. */
    private void ready(Object numbering, int list) {
      if (numbering != this.numbering) {
        if (shared) {
          throw new IllegalArgumentException(
              "verdicts kept for another numbering of concept lists");
        }
        this.numbering = numbering;
        halvesOfList = new short[0];
        areaOfList = new byte[0];
      }
      if (list >= halvesOfList.length) {
        if (shared) {
          throw new IllegalArgumentException(
              "concept list " + list + " of a numbering of " + halvesOfList.length);
        }
        int size = Math.max(list + 1, 2 * halvesOfList.length);
        halvesOfList = java.util.Arrays.copyOf(halvesOfList, size);
        areaOfList = java.util.Arrays.copyOf(areaOfList, size);
      }
    }
  }

  /** One goal compared with many skills (not thread-safe; its verdicts may be shared). */
  public final class Against {
    private final Phrase goal;
    private final Verdicts verdicts;

    private Against(Phrase goal, Verdicts verdicts) {
      this.goal = goal;
      this.verdicts = verdicts;
    }

    /**
     * How much {@code skill} covers the goal, given their cosine: the same as {@code of}, for a
     * skill whose concept list is number {@code list} (from 0) of {@code numbering}: the same
     * number names the same list within one numbering.
     */
    public Similarity of(Phrase skill, Object numbering, int list, double cosine) {
      return of(skill.topical(), skill.coverage(), skill.known(), skill, numbering, list, cosine);
    }

    /**
     * {@link #of(Phrase, Object, int, double)} with the skill's topicality, coverage and whether
     * the taxonomy knows it given, so a caller holding them in arrays reads {@code skill} only for
     * a verdict on its concept list not met yet.
     */
    public Similarity of(
        boolean skillTopical,
        double skillCoverage,
        boolean skillKnown,
        Phrase skill,
        Object numbering,
        int list,
        double cosine) {
      ready(numbering, list);
      return combine(goal, skillTopical, skillCoverage, skillKnown, skill, cosine, this, list);
    }

    /**
     * {@link #of}'s value but where the taxonomy vetoes the pair (there {@code of} gives 0).
     *
     * <p>The larger of the concepts' value and the cosine's meaning, or 0 when either phrase names
     * no topic, with no object made: cheap enough to ask of every skill before asking {@code of}.
     */
    public double atMost(Phrase skill, Object numbering, int list, double cosine) {
      return atMost(skill.topical(), skill.coverage(), skill, numbering, list, cosine);
    }

    /**
     * {@link #atMost(Phrase, Object, int, double)} with the skill's topicality and coverage given,
     * so a caller holding them in arrays reads {@code skill} only for a concept list not met yet.
     */
    public double atMost(
        boolean skillTopical,
        double skillCoverage,
        Phrase skill,
        Object numbering,
        int list,
        double cosine) {
      double concepts = conceptsAtMost(skillTopical, skillCoverage, skill, numbering, list);
      return !goal.topical() || !skillTopical ? 0 : Math.max(concepts, meaning(cosine));
    }

    /**
     * The part of {@link #atMost} the concepts give: the most a skill whose cosine means nothing
     * can cover the goal.
     */
    public double conceptsAtMost(
        boolean skillTopical, double skillCoverage, Phrase skill, Object numbering, int list) {
      if (list < 0) {
        throw new IllegalArgumentException("a concept list's number is not negative: " + list);
      }
      if (!goal.topical() || !skillTopical) {
        return 0;
      }
      verdicts.ready(numbering, list);
      return credit(skill, list) * Math.min(goal.coverage(), skillCoverage);
    }

    /**
     * Whether the concepts of {@code skill}, whose concept list is number {@code list} of {@code
     * numbering}, give the goal's any credit: when not, {@link #conceptsAtMost} is 0 for every
     * skill of that list.
     */
    public boolean conceptsGiveCredit(Phrase skill, Object numbering, int list) {
      ready(numbering, list);
      return credit(skill, list) > 0;
    }

    /** Readies the verdicts for concept list {@code list} of {@code numbering}, a number from 0. */
    private void ready(Object numbering, int list) {
      if (list < 0) {
        throw new IllegalArgumentException("a concept list's number is not negative: " + list);
      }
      verdicts.ready(numbering, list);
    }

    /** The credit of the skill's concepts for the goal's: {@link #conceptCredit}, remembered. */
    private double credit(Phrase skill, int list) {
      short[] halves = verdicts.halvesOfList;
      int h = halves[list] - 1;
      if (h < 0) {
        h = conceptHalves(goal.concepts(), skill.concepts());
        if (h < Short.MAX_VALUE) {
          halves[list] = (short) (h + 1);
        }
      }
      return creditOf(h, goal.concepts().size());
    }

    private boolean shareAnArea(Phrase skill, int list) {
      byte[] areas = verdicts.areaOfList;
      if (areas[list] == 0) {
        areas[list] = (byte) (PhraseSimilarity.this.shareAnArea(goal, skill) ? 1 : 2);
      }
      return areas[list] == 1;
    }
  }

  /** The combination; a NaN {@code cosine} is computed from the embeddings, only when needed. */
  private Similarity combine(Phrase goal, Phrase skill, double cosine) {
    return combine(goal, skill.topical(), skill.coverage(), skill.known(), skill, cosine, null, -1);
  }

  /**
   * The combination, with the skill's topicality, coverage and whether the taxonomy knows it given,
   * and the concept verdicts remembered in {@code memo} if not null, under the skill's concept list
   * number {@code list}: {@code skill} itself is read only for a verdict not remembered yet.
   */
  private Similarity combine(
      Phrase goal,
      boolean skillTopical,
      double skillCoverage,
      boolean skillKnown,
      Phrase skill,
      double cosine,
      Against memo,
      int list) {
    if (!goal.topical() || !skillTopical) {
      return new Similarity(0, Kind.SIMILAR_MEANING);
    }
    double credit =
        memo == null ? conceptCredit(goal.concepts(), skill.concepts()) : memo.credit(skill, list);
    double concepts = credit * Math.min(goal.coverage(), skillCoverage);
    if (concepts == 1) {
      return new Similarity(1, Kind.SAME_CONCEPT);
    }
    if (goal.known()
        && skillKnown
        && concepts == 0
        && !(memo == null ? shareAnArea(goal, skill) : memo.shareAnArea(skill, list))) {
      return new Similarity(0, Kind.DIFFERENT_CONCEPTS);
    }
    double meaning =
        meaning(
            Double.isNaN(cosine)
                ? PhraseEmbedder.cosine(goal.embedding(), skill.embedding())
                : cosine);
    return concepts > 0 && concepts >= meaning
        ? new Similarity(concepts, Kind.RELATED_CONCEPT)
        : new Similarity(meaning, Kind.SIMILAR_MEANING);
  }

  /**
   * A cosine below which {@link #meaning} is surely below {@code value}: a little under where the
   * line crosses it, so that no rounding puts a cosine whose meaning reaches {@code value} below.
   */
  public double cosineBelowMeaning(double value) {
    if (!(value > 0)) {
      return Double.NEGATIVE_INFINITY; // no meaning is below 0
    }
    if (value > 1) {
      return Double.POSITIVE_INFINITY; // every meaning is
    }
    double crossing =
        cosineCounts + (value - COUNTS) * (cosineCertain - cosineCounts) / (1 - COUNTS);
    return crossing - 1e-9 * (1 + Math.abs(crossing));
  }

  /**
   * The model's cosine as a similarity: linear between the model's counting cosine, read as {@link
   * #COUNTS}, and its certain cosine, read as 1; cut to [0, 1].
   */
  public double meaning(double cosine) {
    double v = COUNTS + (1 - COUNTS) * (cosine - cosineCounts) / (cosineCertain - cosineCounts);
    return Math.max(0, Math.min(1, v));
  }

  /** The mean over the goal's concepts of how fully the skill's concepts name each. */
  private double conceptCredit(List<String> goalConcepts, List<String> skillConcepts) {
    return creditOf(conceptHalves(goalConcepts, skillConcepts), goalConcepts.size());
  }

  /**
   * The credit's sum over the goal's concepts, in halves: 2 for a concept the skill names, 1 for
   * one whose broader or a narrower concept it names ({@link #RELATED_CREDIT}), else 0.
   */
  private int conceptHalves(List<String> goalConcepts, List<String> skillConcepts) {
    if (goalConcepts.isEmpty() || skillConcepts.isEmpty()) {
      return 0;
    }
    int sum = 0;
    for (String g : goalConcepts) {
      int best = 0;
      for (String s : skillConcepts) {
        if (g.equals(s)) {
          best = 2;
          break;
        }
        if (g.equals(broader(s)) || s.equals(broader(g))) {
          best = 1;
        }
      }
      sum += best;
    }
    return sum;
  }

  /**
   * The mean credit from its sum in halves ({@link #RELATED_CREDIT} is one half, so every sum is a
   * whole number of halves, held exactly in a double).
   */
  private static double creditOf(int halves, int goalConcepts) {
    return goalConcepts == 0 ? 0 : (halves / 2.0) / goalConcepts;
  }

  private boolean shareAnArea(Phrase goal, Phrase skill) {
    Set<String> areas = new HashSet<>();
    for (String c : goal.concepts()) {
      areas.add(area(c));
    }
    for (String c : skill.concepts()) {
      if (areas.contains(area(c))) {
        return true;
      }
    }
    return false;
  }

  private String broader(String concept) {
    Taxonomy.Concept c = taxonomy.concept(concept);
    return c == null ? "" : c.broader();
  }

  private String area(String concept) {
    Taxonomy.Concept c = taxonomy.concept(concept);
    return c == null ? "" : c.area();
  }
}
