package org.mentormatch.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Defect} the job must reject, a few valid but awkward rows, and a UTF-8 byte order mark.
 *
 * <p>The output is RFC 4180 with {@code \n} as the record separator (Unix tools count lines
 * naturally; RFC 4180 readers accept either). The same options always give the same bytes: every
 * random choice comes from one seeded {@link SplittableRandom}, and nothing depends on hash
 * iteration order or the clock. Rows are streamed; only the department plan (one byte per row plus
 * the managers) is held in memory.
 *
 * <p>The parts, in the order a run uses them: {@link GeneratorArguments} (the command line), {@link
 * CompanyPlan} and {@link DepartmentPlan} (who sits where and reports to whom), {@link
 * GeneratorRun} (the loop over rows), {@link MemberRows} (each valid member: {@link Office}, {@link
 * Region}, {@link Role}, {@link Seniority}, {@link Enrolment}), {@link TopicPicker} and {@link
 * BankWording} (goals and skills from {@link TopicBank}), {@link BrokenRows} and {@link
 * AwkwardRows} (the sample's deliberate faults and oddities), {@link SummaryTally} (the summary).
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

  /**
   * What to generate.
   *
   * @param members valid member rows to write; at least 1. Default 320.
   * @param seed the seed of every random choice; same options give the same bytes. Default 42.
   * @param brokenRows whether to add one invalid row per {@link Defect}, the awkward valid rows and
   *     a byte order mark, as in the sample. Default true; benchmarks want false.
   * @param headerOrder the column order of the header. Default {@link HeaderOrder#CONTRACT}.
   */
  public record Options(int members, long seed, boolean brokenRows, HeaderOrder headerOrder) {

    /** Checks the rules above. */
    public Options {
      if (members < 1) {
        throw new IllegalArgumentException("members must be at least 1, not " + members);
      }
      Objects.requireNonNull(headerOrder, "headerOrder");
    }

    /** The options that made {@code data/sample/members.csv}. */
    public static Options defaults() {
      return new Options(320, 42, true, HeaderOrder.CONTRACT);
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
    TOO_FEW_FIELDS("only the first 6 fields");

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

  private static final String USAGE =
      "usage: MemberGenerator [--members N] [--seed S] [--out FILE] [--broken-rows true|false]"
          + " [--header-order contract|shuffled]\n"
          + "  --members N       valid member rows (default 320)\n"
          + "  --seed S          random seed; same arguments give the same bytes (default 42)\n"
          + "  --out FILE        where to write (default: standard output)\n"
          + "  --broken-rows B   add one invalid row per defect, awkward valid rows and a BOM,"
          + " as in the sample (default true)\n"
          + "  --header-order O  contract or shuffled column order (default contract)";

  private MemberGenerator() {}

  /** Parses the command line, writes the file and prints its summary to standard error. */
  public static void main(String[] args) {
    GeneratorArguments arguments;
    try {
      arguments = GeneratorArguments.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("MemberGenerator: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (arguments == null) {
      System.out.println(USAGE);
      return;
    }
    try {
      Summary summary;
      if (arguments.out() == null) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        summary = write(arguments.options(), out);
        out.flush();
      } else {
        try (Writer out = Files.newBufferedWriter(arguments.out(), StandardCharsets.UTF_8)) {
          summary = write(arguments.options(), out);
        }
      }
      print(summary, System.err);
    } catch (IOException e) {
      System.err.println("MemberGenerator: could not write " + arguments.out() + ": " + e);
      System.exit(1);
    }
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
    CompanyPlan plan = CompanyPlan.build(options, planRandom);
    int[] order = headerOrder(options.headerOrder(), headerRandom);
    return new GeneratorRun(options, plan, order, rowRandom, brokenRandom).run(out);
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
