package org.mentormatch.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes a realistic, deterministic members CSV for the sample data, tests and benchmarks.
 *
 * <p>Members belong to departments with a real hierarchy (a head, managers, individual
 * contributors), sit in offices with their time zones and languages, and list goals and skills
 * drawn mostly from their own area's topic tracks ({@link TopicBank}), in varied natural wording
 * with occasional typos. With {@code brokenRows} the file also carries one row for each {@link
 * Defect} of its {@link Style} the job must reject, a few valid but awkward rows, and a UTF-8 byte
 * order mark. The {@link Style} decides the wording: the sample's hand-written phrasings, or goals
 * and skills composed from parts so that distinct phrasings grow with the size of the file.
 *
 * <p>The output is RFC 4180 with {@code \n} as the record separator (Unix tools count lines
 * naturally; RFC 4180 readers accept either). The same options always give the same bytes: every
 * random choice comes from one seeded {@link SplittableRandom}, and nothing depends on hash
 * iteration order or the clock. Rows are streamed; only the department plan (one byte per row plus
 * the managers) is held in memory.
 *
 * <p>The parts, in the order a run uses them: {@link GeneratorCommand} (the command line), {@link
 * CompanyPlan} and {@link DepartmentPlan} (who sits where and reports to whom), {@link
 * GeneratorRun} (the loop over rows), {@link MemberRows} (each valid member: {@link Office}, {@link
 * Region}, {@link Role}, {@link Seniority}, {@link Enrolment}), {@link TopicPicker} (the topics of
 * goals and skills) and a {@link Wording} ({@link BankWording} or {@link ComposedWording}, both
 * typed by {@link Typing}), {@link BrokenRows} and {@link AwkwardRows} (deliberate faults and
 * oddities), {@link SummaryTally} (the summary).
 */
public final class MemberGenerator {

  /** The contract's columns in its order, then {@code office}, which the job must ignore. */
  public static final List<String> COLUMNS =
      List.of(
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
          "consent",
          "office");

  /** How the header orders the columns. */
  public enum HeaderOrder {
    /** {@link #COLUMNS} order. */
    CONTRACT,
    /** A seeded shuffle of {@link #COLUMNS}, to exercise readers that look columns up by name. */
    SHUFFLED
  }

  /** Which generator: the frozen one behind the sample, or the realistic one for any size. */
  public enum Style {
    /**
     * The generator that made {@code data/sample/members.csv} and the figures in {@code
     * docs/benchmarks.md}, kept byte for byte: each goal and skill is one of the {@link
     * TopicBank}'s 1,042 hand-written phrasings, sometimes in a short template, so distinct
     * phrasings level off (apart from typos); with broken rows, the 14 faults before {@link
     * Defect#SELF_MANAGER}.
     */
    SAMPLE,
    /**
     * Goals in people's own words and skills in the usual vocabulary, composed from frames,
     * phrasings, qualifiers and contexts with Zipf-like popularity ({@link ComposedWording}), so
     * distinct phrasings grow with the size of the file; with broken rows, every {@link Defect} and
     * two members who name each other as manager.
     */
    REALISTIC;

    /** The faults of this style's broken rows, one row each, in declaration order. */
    public List<Defect> defects() {
      List<Defect> all = List.of(Defect.values());
      return this == SAMPLE ? all.subList(0, Defect.SELF_MANAGER.ordinal()) : all;
    }

    /** Whether this style adds a two-member management cycle to its awkward valid rows. */
    boolean managerCycle() {
      return this == REALISTIC;
    }

    Wording wording() {
      return this == SAMPLE ? new BankWording() : new ComposedWording();
    }
  }

  /**
   * What to generate.
   *
   * @param members valid member rows to write; at least 1. Default 320.
   * @param seed the seed of every random choice; same options give the same bytes. Default 42.
   * @param brokenRows whether to add one invalid row per {@link Defect} of the style, the awkward
   *     valid rows and a byte order mark, as in the sample. Default true; benchmarks want false.
   * @param headerOrder the column order of the header. Default {@link HeaderOrder#CONTRACT}.
   * @param style the generator. Default {@link Style#SAMPLE}.
   */
  public record Options(
      int members, long seed, boolean brokenRows, HeaderOrder headerOrder, Style style) {

    /** Checks the rules above. */
    public Options {
      if (members < 1) {
        throw new IllegalArgumentException("members must be at least 1, not " + members);
      }
      Objects.requireNonNull(headerOrder, "headerOrder");
      Objects.requireNonNull(style, "style");
    }

    /** Options of the {@link Style#SAMPLE} generator. */
    public Options(int members, long seed, boolean brokenRows, HeaderOrder headerOrder) {
      this(members, seed, brokenRows, headerOrder, Style.SAMPLE);
    }

    /** The options that made {@code data/sample/members.csv}. */
    public static Options defaults() {
      return new Options(320, 42, true, HeaderOrder.CONTRACT, Style.SAMPLE);
    }
  }

  /** A deliberate fault of one broken row; each broken row has exactly one. */
  public enum Defect {
    MISSING_NAME("name is empty"),
    BAD_EMAIL("email has no @"),
    BAD_ROLE("role is 'mentr'"),
    DUPLICATE_ID("member_id repeats an earlier row's"),
    UNKNOWN_TIMEZONE("timezone 'Mars/Olympus' is not an IANA zone"),
    NON_NUMERIC_SENIORITY("seniority is 'senior'"),
    SENIORITY_OUT_OF_RANGE("seniority is 12"),
    CAPACITY_OUT_OF_RANGE("capacity is 11 (mentor)"),
    NON_NUMERIC_CAPACITY("capacity is 'two' (mentor)"),
    INVALID_LANGUAGE("languages is 'english', not an ISO 639-1 code"),
    INVALID_MEMBER_ID("member_id 'm 01!' has a space and a '!'"),
    MENTEE_WITHOUT_GOALS("mentee with empty goals"),
    MENTOR_WITHOUT_SKILLS("mentor with empty skills"),
    TOO_FEW_FIELDS("only the first 6 fields"),
    /** Only in {@link Style#REALISTIC}: a management cycle of one. */
    SELF_MANAGER("manager_id is the member's own member_id");

    private final String description;

    Defect(String description) {
      this.description = description;
    }

    /** What is wrong with the row, in words. */
    public String description() {
      return description;
    }
  }

  /** A row worth knowing about: the file line it starts on (the header is line 1), its id, why. */
  public record NotableRow(long line, String memberId, String what) {}

  /**
   * What a run wrote.
   *
   * @param records CSV records after the header
   * @param validRows records that follow every contract rule
   * @param roles valid rows by role (lowercase)
   * @param departments valid rows by department ("" for none)
   * @param withoutConsent valid rows whose consent does not opt in
   * @param withoutEnglish valid rows whose languages are given and do not include en
   * @param brokenRows the rows the job must reject, in file order
   * @param trickyRows valid rows that are awkward to read or to show, in file order
   */
  public record Summary(
      long records,
      long validRows,
      Map<String, Long> roles,
      Map<String, Long> departments,
      long withoutConsent,
      long withoutEnglish,
      List<NotableRow> brokenRows,
      List<NotableRow> trickyRows) {}

  private MemberGenerator() {}

  /**
   * The command behind {@code data/README.md}: the sample's defaults ({@link Options#defaults()}),
   * standard output unless {@code --out} is given. {@code jobs/generate.sh} runs the same command
   * with the realistic defaults ({@link GeneratorCommand#main}).
   */
  public static void main(String[] args) {
    System.exit(GeneratorCommand.forSample().execute(args));
  }

  /**
   * Writes the members CSV to {@code out}, which must encode UTF-8; flushes but does not close it.
   */
  public static Summary write(Options options, Writer out) throws IOException {
    SplittableRandom root = new SplittableRandom(options.seed());
    // Separate streams so that, e.g., the header order does not change the members.
    SplittableRandom planRandom = root.split();
    SplittableRandom rowRandom = root.split();
    SplittableRandom brokenRandom = root.split();
    SplittableRandom headerRandom = root.split();
    // The sample drew each row's wording from that row's own stream (valid or broken) and keeps
    // doing so for its bytes (null below); the realistic wording has a stream of its own, so
    // rewording changes no one's department, manager or role.
    SplittableRandom wordingRandom = options.style() == Style.SAMPLE ? null : root.split();
    CompanyPlan plan = CompanyPlan.build(options, planRandom);
    int[] order = headerOrder(options.headerOrder(), headerRandom);
    return new GeneratorRun(options, plan, order, rowRandom, brokenRandom, wordingRandom).run(out);
  }

  /** Prints a summary as the few lines a person wants to see after a run. */
  static void print(Summary s, PrintStream err) {
    err.printf(
        "wrote %d records: %d valid, %d broken%n",
        s.records(), s.validRows(), s.brokenRows().size());
    err.println("roles: " + s.roles());
    err.println("departments: " + s.departments());
    err.printf(
        "without consent: %d, without English: %d%n", s.withoutConsent(), s.withoutEnglish());
    for (NotableRow r : s.brokenRows()) {
      err.printf("broken  line %d  %s  %s%n", r.line(), r.memberId(), r.what());
    }
    for (NotableRow r : s.trickyRows()) {
      err.printf("tricky  line %d  %s  %s%n", r.line(), r.memberId(), r.what());
    }
  }

  private static int[] headerOrder(HeaderOrder headerOrder, SplittableRandom random) {
    int[] order = new int[COLUMNS.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (headerOrder == HeaderOrder.SHUFFLED) {
      FisherYates.shuffle(order, random);
    }
    return order;
  }
}
