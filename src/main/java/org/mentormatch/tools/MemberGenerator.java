package org.mentormatch.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentormatch.tools.TopicBank.Area;
import org.mentormatch.tools.TopicBank.Phrasing;
import org.mentormatch.tools.TopicBank.Topic;
import org.mentormatch.tools.TopicBank.Track;

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
    Invocation invocation;
    try {
      invocation = Invocation.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("MemberGenerator: " + e.getMessage() + "\n" + USAGE);
      System.exit(2);
      return;
    }
    if (invocation == null) {
      System.out.println(USAGE);
      return;
    }
    try {
      Summary summary;
      if (invocation.out() == null) {
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        summary = write(invocation.options(), out);
        out.flush();
      } else {
        try (Writer out = Files.newBufferedWriter(invocation.out(), StandardCharsets.UTF_8)) {
          summary = write(invocation.options(), out);
        }
      }
      print(summary, System.err);
    } catch (IOException e) {
      System.err.println("MemberGenerator: could not write " + invocation.out() + ": " + e);
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
    Plan plan = Plan.build(options, planRandom);
    int[] order = headerOrder(options.headerOrder(), headerRandom);
    return new Generation(options, plan, order, rowRandom, brokenRandom).run(out);
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
      shuffle(order, random);
    }
    return order;
  }

  // ---------------------------------------------------------------------------------------------
  // Command line

  /** Parsed command line: the options and the output file, or null for standard output. */
  private record Invocation(Options options, Path out) {

    /** Returns null when help was asked for. */
    static Invocation parse(String[] args) {
      Options d = Options.defaults();
      int members = d.members();
      long seed = d.seed();
      boolean broken = d.brokenRows();
      HeaderOrder headerOrder = d.headerOrder();
      Path out = null;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          return null;
        }
        String name = arg;
        String value;
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException(arg + " needs a value");
        }
        switch (name) {
          case "--members" -> members = parseInt(name, value);
          case "--seed" -> seed = parseLong(name, value);
          case "--out" -> out = value.equals("-") ? null : Path.of(value);
          case "--broken-rows" -> broken = parseBoolean(name, value);
          case "--header-order" -> headerOrder = parseHeaderOrder(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      return new Invocation(new Options(members, seed, broken, headerOrder), out);
    }

    private static int parseInt(String name, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
      }
    }

    private static long parseLong(String name, String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
      }
    }

    private static boolean parseBoolean(String name, String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default ->
            throw new IllegalArgumentException(
                name + " must be true or false, not '" + value + "'");
      };
    }

    private static HeaderOrder parseHeaderOrder(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "contract" -> HeaderOrder.CONTRACT;
        case "shuffled" -> HeaderOrder.SHUFFLED;
        default ->
            throw new IllegalArgumentException(
                "--header-order must be contract or shuffled, not '" + value + "'");
      };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The plan: which row belongs to which department, and who manages whom

  private static final byte HEAD = 0;
  private static final byte SENIOR_MANAGER = 1;
  private static final byte MANAGER = 2;
  private static final byte INDIVIDUAL = 3;
  private static final byte BROKEN = -1;

  /**
   * The row layout decided before any row is written, so a report's manager_id can name a manager
   * whose row comes later in the file.
   */
  private static final class Plan {
    final int rows;
    final byte[] rowDepartment;
    final Map<Integer, Defect> defects;
    final Department[] departments;

    private Plan(int rows, byte[] rowDepartment, Map<Integer, Defect> defects, Department[] ds) {
      this.rows = rows;
      this.rowDepartment = rowDepartment;
      this.defects = defects;
      this.departments = ds;
    }

    static Plan build(Options options, SplittableRandom random) {
      int members = options.members();
      int[] sizes = apportion(members, DEPARTMENT_HEADCOUNT);
      byte[] labels = new byte[members];
      int at = 0;
      for (int d = 0; d < sizes.length; d++) {
        Arrays.fill(labels, at, at + sizes[d], (byte) d);
        at += sizes[d];
      }
      shuffle(labels, random);

      List<Defect> faults = new ArrayList<>();
      if (options.brokenRows()) {
        faults.addAll(Arrays.asList(Defect.values()));
        for (int i = faults.size() - 1; i > 0; i--) {
          Collections.swap(faults, i, random.nextInt(i + 1));
        }
      }
      int rows = members + faults.size();
      // Row 0 is always valid, so the duplicate id always has an earlier row to copy.
      TreeMap<Integer, Defect> defects = new TreeMap<>();
      while (defects.size() < faults.size()) {
        int row = 1 + random.nextInt(rows - 1);
        if (!defects.containsKey(row)) {
          defects.put(row, faults.get(defects.size()));
        }
      }
      byte[] rowDepartment = new byte[rows];
      int next = 0;
      for (int r = 0; r < rows; r++) {
        rowDepartment[r] = defects.containsKey(r) ? BROKEN : labels[next++];
      }

      Department[] departments = new Department[sizes.length];
      for (int d = 0; d < sizes.length; d++) {
        departments[d] = Department.plan(d, sizes[d], random);
      }
      int[] local = new int[sizes.length];
      int[] nextLeader = new int[sizes.length];
      for (int r = 0; r < rows; r++) {
        int d = rowDepartment[r];
        if (d == BROKEN) {
          continue;
        }
        Department dep = departments[d];
        int k = local[d]++;
        int p = nextLeader[d];
        if (p < dep.leaderLocal.length && dep.leaderLocal[p] == k) {
          dep.leaderRow[p] = r;
          nextLeader[d]++;
        }
      }
      return new Plan(rows, rowDepartment, Collections.unmodifiableMap(defects), departments);
    }
  }

  /** One department's leaders: where they sit in the department's rows and whom they report to. */
  private static final class Department {
    final int index;
    final int size;
    final int[] leaderLocal;
    final int[] leaderRow;
    final byte[] leaderKind;
    final byte[] leaderSeniority;
    final byte[] leaderOffice;
    final int[] leaderBoss;
    final int[] teamLeads;

    private Department(int index, int size, int leaders) {
      this.index = index;
      this.size = size;
      this.leaderLocal = new int[leaders];
      this.leaderRow = new int[leaders];
      this.leaderKind = new byte[leaders];
      this.leaderSeniority = new byte[leaders];
      this.leaderOffice = new byte[leaders];
      this.leaderBoss = new int[leaders];
      this.teamLeads = new int[Math.max(1, leaders - 1)];
    }

    static Department plan(int index, int size, SplittableRandom random) {
      if (size == 0) {
        return new Department(index, 0, 0);
      }
      // About one manager per seven reports.
      int managers = size > 1 ? Math.min(size - 1, Math.max(1, Math.round((size - 1) / 7f))) : 0;
      int leaders = managers + 1;
      Department d = new Department(index, size, leaders);
      for (int k = 0, found = 0; k < size && found < leaders; k++) {
        if (random.nextInt(size - k) < leaders - found) {
          d.leaderLocal[found++] = k;
        }
      }
      int head = random.nextInt(leaders);
      int[] others = new int[leaders - 1];
      for (int s = 0, o = 0; s < leaders; s++) {
        if (s != head) {
          others[o++] = s;
        }
      }
      shuffle(others, random);
      d.leaderKind[head] = HEAD;
      d.leaderSeniority[head] = (byte) (random.nextDouble() < 0.6 ? 9 : 10);
      d.leaderOffice[head] = (byte) OFFICE_CHOICE.pickIndex(random);
      d.leaderBoss[head] = -1;
      // Managers form a tree with MANAGER_FAN_OUT managers under each (a heap layout over
      // others[]), so no one has hundreds of direct reports and big departments get deep chains.
      for (int i = 0; i < others.length; i++) {
        int s = others[i];
        int parent = (i / MANAGER_FAN_OUT) - 1;
        int boss = parent < 0 ? head : others[parent];
        boolean managesManagers = MANAGER_FAN_OUT * (i + 1) < others.length;
        d.leaderKind[s] = managesManagers ? SENIOR_MANAGER : MANAGER;
        d.leaderBoss[s] = boss;
        if (parent < 0) {
          d.leaderSeniority[s] = 8;
        } else {
          d.leaderSeniority[s] =
              (byte) (managesManagers ? 7 + random.nextInt(2) : 6 + MANAGER_SENIORITY.pick(random));
        }
        d.leaderOffice[s] =
            random.nextDouble() < 0.6
                ? d.leaderOffice[boss]
                : (byte) OFFICE_CHOICE.pickIndex(random);
      }
      if (others.length == 0) {
        d.teamLeads[0] = head;
      } else {
        System.arraycopy(others, 0, d.teamLeads, 0, others.length);
      }
      return d;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Writing the rows

  /** One run: walks the plan row by row and prints each member. */
  private static final class Generation {
    private final Options options;
    private final Plan plan;
    private final int[] order;
    private final SplittableRandom random;
    private final SplittableRandom brokenRandom;
    private final int idWidth;
    private final Map<String, Integer> emailsTaken = new HashMap<>();
    // Per department: rows written so far, and the next leader (index into leaderLocal) to meet.
    private final int[] localCursor;
    private final int[] leaderCursor;

    private final Map<String, Long> roles = new TreeMap<>();
    private final Map<String, Long> departments = new TreeMap<>();
    private final List<NotableRow> broken = new ArrayList<>();
    private final List<NotableRow> tricky = new ArrayList<>();
    private final List<String> pendingNotes = new ArrayList<>();
    private long validRows;
    private long withoutConsent;
    private long withoutEnglish;

    // Where the awkward valid rows go: the first suitable member at or after these rows.
    private final int newlineFrom;
    private final int commaNameFrom;
    private final int formulaNameFrom;
    private boolean newlineDone;
    private boolean commaNameDone;
    private boolean formulaNameDone;

    private String earlierIndividualId;
    private long individualsSeen;
    private String firstId;

    Generation(
        Options options,
        Plan plan,
        int[] order,
        SplittableRandom random,
        SplittableRandom brokenRandom) {
      this.options = options;
      this.plan = plan;
      this.order = order;
      this.random = random;
      this.brokenRandom = brokenRandom;
      this.idWidth = Math.max(5, Integer.toString(plan.rows).length());
      this.localCursor = new int[plan.departments.length];
      this.leaderCursor = new int[plan.departments.length];
      boolean sample = options.brokenRows();
      this.newlineFrom = sample ? plan.rows / 3 : Integer.MAX_VALUE;
      this.commaNameFrom = sample ? plan.rows / 2 : Integer.MAX_VALUE;
      this.formulaNameFrom = sample ? (2 * plan.rows) / 3 : Integer.MAX_VALUE;
    }

    Summary run(Writer out) throws IOException {
      CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
      if (options.brokenRows()) {
        out.write('\uFEFF');
      }
      CSVPrinter printer = new CSVPrinter(out, format);
      String[] row = new String[COLUMNS.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = COLUMNS.get(order[i]);
      }
      printer.printRecord((Object[]) row);
      long line = 2;
      for (int r = 0; r < plan.rows; r++) {
        String[] values;
        Defect defect = plan.defects.get(r);
        if (defect == null) {
          values = member(r);
        } else {
          values = brokenMember(r, defect);
          broken.add(new NotableRow(line, values[0], defect.description()));
        }
        for (String what : pendingNotes) {
          tricky.add(new NotableRow(line, values[0], what));
        }
        pendingNotes.clear();
        for (int i = 0; i < row.length; i++) {
          row[i] = values[order[i]];
        }
        if (defect == Defect.TOO_FEW_FIELDS) {
          printer.printRecord((Object[]) Arrays.copyOf(row, 6));
        } else {
          printer.printRecord((Object[]) row);
        }
        line += 1 + newlines(row);
      }
      printer.flush();
      return new Summary(
          plan.rows,
          validRows,
          Collections.unmodifiableMap(roles),
          Collections.unmodifiableMap(departments),
          withoutConsent,
          withoutEnglish,
          List.copyOf(broken),
          List.copyOf(tricky));
    }

    /** A valid member at row {@code r}, in {@link #COLUMNS} order. */
    private String[] member(int r) {
      int d = plan.rowDepartment[r];
      Department dep = plan.departments[d];
      int k = localCursor[d]++;
      byte kind;
      int seniority;
      int office;
      int bossRow;
      int p = leaderCursor[d];
      if (p < dep.leaderLocal.length && dep.leaderLocal[p] == k) {
        leaderCursor[d]++;
        kind = dep.leaderKind[p];
        seniority = dep.leaderSeniority[p];
        office = dep.leaderOffice[p];
        bossRow = dep.leaderBoss[p] < 0 ? -1 : dep.leaderRow[dep.leaderBoss[p]];
      } else {
        kind = INDIVIDUAL;
        int lead = dep.teamLeads[random.nextInt(dep.teamLeads.length)];
        bossRow = dep.leaderRow[lead];
        office =
            random.nextDouble() < 0.75 ? dep.leaderOffice[lead] : OFFICE_CHOICE.pickIndex(random);
        seniority = 1 + INDIVIDUAL_SENIORITY.pick(random);
      }
      Role role = roleFor(kind, seniority, random);
      Name name = OFFICES.get(office).name(random);
      String[] v = person(r, dep, kind, seniority, office, bossRow, role, name, random);
      awkward(r, v, name);
      if (kind == INDIVIDUAL) {
        // Reservoir sampling: the duplicate-id row copies a uniformly chosen earlier contributor.
        individualsSeen++;
        if (random.nextLong(individualsSeen) == 0) {
          earlierIndividualId = v[0];
        }
      }
      if (firstId == null) {
        firstId = v[0];
      }
      count(v);
      return v;
    }

    private String[] person(
        int r,
        Department dep,
        byte kind,
        int seniority,
        int officeIndex,
        int bossRow,
        Role role,
        Name name,
        SplittableRandom rnd) {
      Office office = OFFICES.get(officeIndex);
      AreaModel area = DEPARTMENT_MODELS.get(dep.index);
      String[] v = new String[COLUMNS.size()];
      v[0] = id(r);
      v[1] = name.display();
      v[2] = email(name);
      v[3] = spell(role.word, rnd);
      TrackModel track = area.tracks.pick(rnd);
      boolean leader = kind != INDIVIDUAL;
      v[4] = role.mentee ? goals(area, track, seniority, rnd) : "";
      v[5] = role.mentor ? skills(area, track, leader, rnd) : "";
      v[6] = rnd.nextDouble() < 0.01 ? "" : area.department;
      v[7] = bossRow < 0 ? "" : id(bossRow);
      v[8] = rnd.nextDouble() < 0.04 ? "" : office.zone(rnd);
      v[9] = kind != HEAD && rnd.nextDouble() < 0.03 ? "" : Integer.toString(seniority);
      v[10] = rnd.nextDouble() < 0.02 ? "" : office.languages(rnd);
      v[11] = role.mentor ? capacity(rnd) : "";
      v[12] = CONSENT.pick(rnd);
      v[13] = rnd.nextDouble() < 0.02 ? "" : office.name;
      return v;
    }

    /** In the sample, turns the first suitable members past fixed points into awkward rows. */
    private void awkward(int r, String[] v, Name name) {
      boolean renamed = false;
      if (!commaNameDone && r >= commaNameFrom && name.region() == Region.ANGLO) {
        v[1] = v[1] + ", Jr.";
        commaNameDone = true;
        renamed = true;
        pendingNotes.add("name contains a comma, so the field is quoted");
      }
      if (!formulaNameDone && r >= formulaNameFrom && !renamed) {
        v[1] = "=HYPERLINK(\"http://example.com\",\"Click here\")";
        formulaNameDone = true;
        pendingNotes.add("name starts with '=' (spreadsheet formula injection attempt)");
      }
      int semicolon = v[4].indexOf(';');
      if (!newlineDone
          && r >= newlineFrom
          && semicolon > 0
          && !v[4].substring(semicolon + 1).isBlank()) {
        // As when someone presses Alt+Enter in a spreadsheet cell after typing the separator.
        v[4] = v[4].substring(0, semicolon + 1) + "\n" + v[4].substring(semicolon + 1).strip();
        newlineDone = true;
        pendingNotes.add("goals contain a line break inside the quoted field");
      }
    }

    /** A row with exactly one {@link Defect}, built from an otherwise valid contributor. */
    private String[] brokenMember(int r, Defect defect) {
      SplittableRandom rnd = brokenRandom;
      Department dep;
      do {
        dep = plan.departments[rnd.nextInt(plan.departments.length)];
      } while (dep.size == 0);
      int lead = dep.teamLeads[rnd.nextInt(dep.teamLeads.length)];
      int seniority = 1 + INDIVIDUAL_SENIORITY.pick(rnd);
      Role role =
          switch (defect) {
            case CAPACITY_OUT_OF_RANGE, NON_NUMERIC_CAPACITY, MENTOR_WITHOUT_SKILLS -> Role.MENTOR;
            case MENTEE_WITHOUT_GOALS -> Role.MENTEE;
            default -> roleFor(INDIVIDUAL, seniority, rnd);
          };
      int office = dep.leaderOffice[lead];
      Name name = OFFICES.get(office).name(rnd);
      String[] v =
          person(r, dep, INDIVIDUAL, seniority, office, dep.leaderRow[lead], role, name, rnd);
      v[3] = role.word;
      v[6] = DEPARTMENT_MODELS.get(dep.index).department;
      v[9] = Integer.toString(seniority);
      v[12] = "yes";
      if (v[10].isEmpty()) {
        v[10] = "en";
      }
      switch (defect) {
        case MISSING_NAME -> v[1] = "";
        case BAD_EMAIL -> v[2] = v[2].replace('@', '.');
        case BAD_ROLE -> v[3] = "mentr";
        case DUPLICATE_ID -> v[0] = earlierIndividualId != null ? earlierIndividualId : firstId;
        case UNKNOWN_TIMEZONE -> v[8] = "Mars/Olympus";
        case NON_NUMERIC_SENIORITY -> v[9] = "senior";
        case SENIORITY_OUT_OF_RANGE -> v[9] = "12";
        case CAPACITY_OUT_OF_RANGE -> v[11] = "11";
        case NON_NUMERIC_CAPACITY -> v[11] = "two";
        case INVALID_LANGUAGE -> v[10] = "english";
        case INVALID_MEMBER_ID -> v[0] = "m 01!";
        case MENTEE_WITHOUT_GOALS -> v[4] = "";
        case MENTOR_WITHOUT_SKILLS -> v[5] = "";
        case TOO_FEW_FIELDS -> {
          // The row is cut when printed; its values stay valid so only the length is wrong.
        }
      }
      return v;
    }

    private void count(String[] v) {
      validRows++;
      roles.merge(v[3].toLowerCase(Locale.ROOT), 1L, Long::sum);
      departments.merge(v[6], 1L, Long::sum);
      if (!CONSENTING.contains(v[12])) {
        withoutConsent++;
      }
      if (!v[10].isEmpty() && !(";" + v[10] + ";").contains(";en;")) {
        withoutEnglish++;
      }
    }

    private String id(int row) {
      String digits = Integer.toString(row + 1);
      StringBuilder b = new StringBuilder(idWidth + 1).append('m');
      for (int i = digits.length(); i < idWidth; i++) {
        b.append('0');
      }
      return b.append(digits).toString();
    }

    /** first.last@example.com, with a number from the second person of that name on. */
    private String email(Name name) {
      String local = name.emailFirst() + "." + name.emailLast();
      int seen = emailsTaken.merge(local, 1, Integer::sum);
      return (seen == 1 ? local : local + seen) + "@example.com";
    }
  }

  private static int newlines(String[] row) {
    int n = 0;
    for (String s : row) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '\n') {
          n++;
        }
      }
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // Roles, capacity, consent

  private enum Role {
    MENTEE("mentee", true, false),
    MENTOR("mentor", false, true),
    BOTH("both", true, true);

    final String word;
    final boolean mentee;
    final boolean mentor;

    Role(String word, boolean mentee, boolean mentor) {
      this.word = word;
      this.mentee = mentee;
      this.mentor = mentor;
    }
  }

  // Mentee, mentor, both weights by seniority 1-6 for contributors; then managers; then heads.
  // Tuned so the whole file is about 50% mentees, 35% mentors and 15% both.
  private static final double[][] ROLE_WEIGHTS = {
    {0.88, 0.04, 0.08},
    {0.78, 0.10, 0.12},
    {0.60, 0.25, 0.15},
    {0.45, 0.38, 0.17},
    {0.32, 0.50, 0.18},
    {0.25, 0.55, 0.20},
  };
  private static final double[] MANAGER_ROLE_WEIGHTS = {0.15, 0.62, 0.23};
  private static final double[] HEAD_ROLE_WEIGHTS = {0.05, 0.80, 0.15};

  private static Role roleFor(byte kind, int seniority, SplittableRandom random) {
    double[] w =
        switch (kind) {
          case HEAD -> HEAD_ROLE_WEIGHTS;
          case SENIOR_MANAGER, MANAGER -> MANAGER_ROLE_WEIGHTS;
          default -> ROLE_WEIGHTS[Math.min(seniority, 6) - 1];
        };
    double u = random.nextDouble();
    return u < w[0] ? Role.MENTEE : u < w[0] + w[1] ? Role.MENTOR : Role.BOTH;
  }

  /** Most write the role in lowercase; some capitalise it or shout it. */
  private static String spell(String word, SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.09) {
      return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
    return u < 0.15 ? word.toUpperCase(Locale.ROOT) : word;
  }

  private static String capacity(SplittableRandom random) {
    double u = random.nextDouble();
    if (u < 0.10) {
      return "";
    }
    if (u < 0.15) {
      return "0";
    }
    return Integer.toString(1 + CAPACITY.pick(random));
  }

  private static final Choice<Integer> INDIVIDUAL_SENIORITY =
      Choice.weighted(new double[] {10, 18, 22, 20, 17, 13});
  private static final int MANAGER_FAN_OUT = 6;
  private static final Choice<Integer> MANAGER_SENIORITY =
      Choice.weighted(new double[] {35, 40, 25});
  private static final Choice<Integer> CAPACITY = Choice.weighted(new double[] {30, 45, 25});

  private static final List<String> CONSENTING = List.of("yes", "Yes", "YES", "true", "TRUE", "1");
  private static final Choice<String> CONSENT =
      Choice.of(
          List.of("yes", "Yes", "true", "1", "YES", "TRUE", "no", "", "false", "No"),
          new double[] {62, 12, 9, 7, 3, 2, 2.5, 1.5, 0.5, 0.5});

  // ---------------------------------------------------------------------------------------------
  // Goals and skills

  private static final List<AreaModel> DEPARTMENT_MODELS = new ArrayList<>();
  private static final Map<String, AreaModel> AREA_MODELS = new HashMap<>();
  private static final double[] DEPARTMENT_HEADCOUNT;

  static {
    for (Area a : TopicBank.DEPARTMENTS) {
      AreaModel m = new AreaModel(a);
      DEPARTMENT_MODELS.add(m);
      AREA_MODELS.put(a.name(), m);
    }
    for (Area a : TopicBank.CROSS_CUTTING) {
      AREA_MODELS.put(a.name(), new AreaModel(a));
    }
    DEPARTMENT_HEADCOUNT = new double[DEPARTMENT_MODELS.size()];
    for (int i = 0; i < DEPARTMENT_HEADCOUNT.length; i++) {
      AreaModel m = DEPARTMENT_MODELS.get(i);
      DEPARTMENT_HEADCOUNT[i] = m.headcount;
      for (String n : m.neighbourNames) {
        m.neighbours.add(AREA_MODELS.get(n));
      }
    }
  }

  private static final AreaModel LEADERSHIP = AREA_MODELS.get("leadership");
  private static final AreaModel COMMUNICATION = AREA_MODELS.get("communication");

  /**
   * Where a member's phrases come from: their own track, elsewhere in their area, a neighbouring
   * area; the rest from leadership or communication, leadership with {@code leadershipShare}.
   */
  private record Mix(double track, double area, double neighbour, double leadershipShare) {}

  private static final Mix JUNIOR_GOALS = new Mix(0.60, 0.18, 0.10, 0.35);
  private static final Mix MID_GOALS = new Mix(0.45, 0.15, 0.13, 0.50);
  private static final Mix SENIOR_GOALS = new Mix(0.25, 0.10, 0.12, 0.65);
  private static final Mix CONTRIBUTOR_SKILLS = new Mix(0.62, 0.20, 0.06, 0.35);
  private static final Mix LEADER_SKILLS = new Mix(0.35, 0.17, 0.08, 0.70);

  private static final Choice<Integer> GOAL_COUNT = Choice.weighted(new double[] {20, 38, 28, 14});
  private static final Choice<Integer> SKILL_COUNT = Choice.weighted(new double[] {30, 35, 22, 13});

  private static final List<String> GOAL_TEMPLATES =
      List.of(
          "get better at %s",
          "learn %s",
          "improve my %s",
          "%s basics",
          "intro to %s",
          "more confident with %s",
          "deepen my %s knowledge",
          "hands-on %s",
          "%s for beginners",
          "level up in %s",
          "understand %s better",
          "grow my %s skills");
  private static final List<String> SKILL_TEMPLATES =
      List.of(
          "advanced %s",
          "%s (expert)", "%s, 10+ years", "%s (5+ yrs)", "strong %s", "hands-on %s experience");
  private static final Choice<String> SEPARATOR =
      Choice.of(List.of("; ", ";", " ; ", " ;"), new double[] {55, 30, 10, 5});

  private static String goals(
      AreaModel area, TrackModel track, int seniority, SplittableRandom random) {
    Mix mix = seniority <= 3 ? JUNIOR_GOALS : seniority <= 6 ? MID_GOALS : SENIOR_GOALS;
    // A few people want to change field: most of their goals come from a neighbour's track.
    TrackModel switchTo = null;
    if (random.nextDouble() < 0.07 && !area.neighbours.isEmpty()) {
      AreaModel target = area.neighbours.get(random.nextInt(area.neighbours.size()));
      switchTo = target.tracks.pick(random);
    }
    List<TopicModel> topics = new ArrayList<>();
    int want = 1 + GOAL_COUNT.pick(random);
    for (int attempt = 0; topics.size() < want && attempt < 4 * want; attempt++) {
      TopicModel t =
          switchTo != null && random.nextDouble() < 0.65
              ? switchTo.topics.pick(random)
              : draw(area, track, mix, random);
      addIfNew(topics, t);
    }
    return phrases(topics, true, random);
  }

  private static String skills(
      AreaModel area, TrackModel track, boolean leader, SplittableRandom random) {
    Mix mix = leader ? LEADER_SKILLS : CONTRIBUTOR_SKILLS;
    List<TopicModel> topics = new ArrayList<>();
    int want = 2 + SKILL_COUNT.pick(random);
    for (int attempt = 0; topics.size() < want && attempt < 4 * want; attempt++) {
      addIfNew(topics, draw(area, track, mix, random));
    }
    return phrases(topics, false, random);
  }

  private static void addIfNew(List<TopicModel> topics, TopicModel t) {
    for (TopicModel have : topics) {
      if (have == t) {
        return;
      }
    }
    topics.add(t);
  }

  private static TopicModel draw(
      AreaModel area, TrackModel track, Mix mix, SplittableRandom random) {
    double u = random.nextDouble();
    if (u < mix.track()) {
      return track.topics.pick(random);
    }
    if (u < mix.track() + mix.area()) {
      return area.tracks.pick(random).topics.pick(random);
    }
    if (u < mix.track() + mix.area() + mix.neighbour() && !area.neighbours.isEmpty()) {
      AreaModel n = area.neighbours.get(random.nextInt(area.neighbours.size()));
      return n.tracks.pick(random).topics.pick(random);
    }
    AreaModel soft = random.nextDouble() < mix.leadershipShare() ? LEADERSHIP : COMMUNICATION;
    return soft.tracks.pick(random).topics.pick(random);
  }

  private static String phrases(List<TopicModel> topics, boolean goals, SplittableRandom random) {
    String separator = SEPARATOR.pick(random);
    StringBuilder b = new StringBuilder();
    for (TopicModel t : topics) {
      if (b.length() > 0) {
        b.append(separator);
      }
      b.append(phrase(t, goals, random));
    }
    if (random.nextDouble() < 0.02) {
      b.append(';');
    }
    return b.toString();
  }

  private static String phrase(TopicModel topic, boolean goal, SplittableRandom random) {
    Phrasing p = (goal ? topic.goalPhrasings : topic.skillPhrasings).pick(random);
    String s = p.text();
    boolean plain = p.forGoals() && p.forSkills();
    if (plain && goal && random.nextDouble() < 0.30 && words(s) <= 3) {
      s = GOAL_TEMPLATES.get(random.nextInt(GOAL_TEMPLATES.size())).replace("%s", s);
    } else if (plain && !goal && random.nextDouble() < 0.10 && words(s) <= 3) {
      s = SKILL_TEMPLATES.get(random.nextInt(SKILL_TEMPLATES.size())).replace("%s", s);
    }
    double u = random.nextDouble();
    if (u < 0.18) {
      s = s.toLowerCase(Locale.ROOT);
    } else if (u < 0.20 && s.length() <= 14) {
      s = s.toUpperCase(Locale.ROOT);
    } else if (u < 0.27) {
      s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
    if (random.nextDouble() < 0.03) {
      s = typo(s, random);
    }
    return s;
  }

  private static int words(String s) {
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  /** Drops a letter from, or swaps two letters of, one word of five letters or more. */
  static String typo(String s, SplittableRandom random) {
    List<int[]> candidates = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= s.length(); i++) {
      boolean letter = i < s.length() && Character.isLetter(s.charAt(i));
      if (letter && start < 0) {
        start = i;
      } else if (!letter && start >= 0) {
        if (i - start >= 5) {
          candidates.add(new int[] {start, i});
        }
        start = -1;
      }
    }
    if (candidates.isEmpty()) {
      return s;
    }
    int[] word = candidates.get(random.nextInt(candidates.size()));
    // Never touch the first letter: people rarely get it wrong, and a corrector relies on it.
    int at = word[0] + 1 + random.nextInt(word[1] - word[0] - 2);
    if (random.nextBoolean() || s.charAt(at) == s.charAt(at + 1)) {
      return s.substring(0, at) + s.substring(at + 1);
    }
    return s.substring(0, at) + s.charAt(at + 1) + s.charAt(at) + s.substring(at + 2);
  }

  /** A bank area with its weighted choices precomputed. */
  private static final class AreaModel {
    final String department;
    final int headcount;
    final List<String> neighbourNames;
    final List<AreaModel> neighbours = new ArrayList<>();
    final Choice<TrackModel> tracks;

    AreaModel(Area a) {
      this.department = a.department();
      this.headcount = a.headcount();
      this.neighbourNames = a.neighbours();
      List<TrackModel> ts = new ArrayList<>();
      double[] w = new double[a.tracks().size()];
      for (int i = 0; i < w.length; i++) {
        Track t = a.tracks().get(i);
        ts.add(new TrackModel(t));
        w[i] = t.weight();
      }
      this.tracks = Choice.of(ts, w);
    }
  }

  /** A track whose earlier topics are drawn more often. */
  private static final class TrackModel {
    final Choice<TopicModel> topics;

    TrackModel(Track t) {
      List<TopicModel> ms = new ArrayList<>();
      for (Topic topic : t.topics()) {
        ms.add(new TopicModel(topic));
      }
      this.topics = Choice.of(ms, decreasing(ms.size(), 0.6));
    }
  }

  /** A topic's phrasings usable as goals and as skills, earlier ones drawn more often. */
  private static final class TopicModel {
    final Choice<Phrasing> goalPhrasings;
    final Choice<Phrasing> skillPhrasings;

    TopicModel(Topic t) {
      List<Phrasing> goals = new ArrayList<>();
      List<Phrasing> skills = new ArrayList<>();
      for (Phrasing p : t.phrasings()) {
        if (p.forGoals()) {
          goals.add(p);
        }
        if (p.forSkills()) {
          skills.add(p);
        }
      }
      if (goals.isEmpty() || skills.isEmpty()) {
        throw new IllegalStateException(
            "topic " + t.concept() + " needs a phrasing for goals and one for skills");
      }
      this.goalPhrasings = Choice.of(goals, decreasing(goals.size(), 0.8));
      this.skillPhrasings = Choice.of(skills, decreasing(skills.size(), 0.8));
    }
  }

  private static double[] decreasing(int n, double exponent) {
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = 1 / Math.pow(i + 1, exponent);
    }
    return w;
  }

  // ---------------------------------------------------------------------------------------------
  // Offices, time zones, languages, names

  private static final Choice<String> EXTRA_LANGUAGE =
      Choice.uniform(
          List.of(
              "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "ar", "ru", "zh", "ja", "ko", "sv"));
  private static final List<String> REMOTE_ZONES =
      List.of(
          "Europe/Lisbon",
          "Europe/Madrid",
          "Europe/Warsaw",
          "Europe/Dublin",
          "America/Chicago",
          "America/Denver",
          "America/Toronto",
          "America/Mexico_City",
          "Africa/Lagos",
          "Africa/Nairobi",
          "Asia/Dubai",
          "Pacific/Auckland");

  /**
   * An office: its time zone (null for remote staff, who get one of {@link #REMOTE_ZONES}), the
   * region most of its names come from (null: any), and each language its staff may speak with the
   * share who do.
   */
  private record Office(
      String name, String zone, int weight, Region region, List<String> codes, double[] shares) {

    /** {@code languages} is "code share, code share...", e.g. "de 0.92, en 0.96". */
    static Office of(String name, String zone, int weight, Region region, String languages) {
      List<String> codes = new ArrayList<>();
      String[] parts = languages.split(",\\s*");
      double[] shares = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        String[] codeShare = parts[i].split(" ");
        codes.add(codeShare[0]);
        shares[i] = Double.parseDouble(codeShare[1]);
      }
      return new Office(name, zone, weight, region, List.copyOf(codes), shares);
    }

    String zone(SplittableRandom random) {
      return zone != null ? zone : REMOTE_ZONES.get(random.nextInt(REMOTE_ZONES.size()));
    }

    Name name(SplittableRandom random) {
      Region r = region;
      // Offices are international: about a fifth of the staff come from anywhere.
      if (r == null || random.nextDouble() < 0.22) {
        r = Region.values()[random.nextInt(Region.values().length)];
      }
      return r.name(random);
    }

    String languages(SplittableRandom random) {
      List<String> spoken = new ArrayList<>(3);
      for (int i = 0; i < codes.size(); i++) {
        if (random.nextDouble() < shares[i]) {
          spoken.add(codes.get(i));
        }
      }
      if (random.nextDouble() < 0.07) {
        String extra = EXTRA_LANGUAGE.pick(random);
        if (!spoken.contains(extra)) {
          spoken.add(extra);
        }
      }
      if (spoken.isEmpty()) {
        spoken.add(codes.get(0));
      }
      return String.join(";", spoken);
    }
  }

  private static final List<Office> OFFICES =
      List.of(
          Office.of("Berlin", "Europe/Berlin", 16, Region.GERMANIC, "de 0.92, en 0.96"),
          Office.of("London", "Europe/London", 16, Region.ANGLO, "en 1"),
          Office.of("New York", "America/New_York", 13, Region.ANGLO, "en 1, es 0.12"),
          Office.of(
              "San Francisco", "America/Los_Angeles", 10, Region.ANGLO, "en 1, es 0.10, zh 0.06"),
          Office.of(
              "São Paulo",
              "America/Sao_Paulo",
              8,
              Region.LUSO_HISPANIC,
              "pt 0.95, en 0.88, es 0.2"),
          Office.of(
              "Bangalore", "Asia/Kolkata", 12, Region.INDIAN, "en 0.99, hi 0.65, kn 0.25, ta 0.1"),
          Office.of(
              "Singapore",
              "Asia/Singapore",
              6,
              Region.SINGAPOREAN,
              "en 0.99, zh 0.5, ms 0.2, ta 0.08"),
          Office.of("Sydney", "Australia/Sydney", 5, Region.ANGLO, "en 1"),
          Office.of("Paris", "Europe/Paris", 5, Region.FRENCH, "fr 0.95, en 0.92"),
          Office.of("Tokyo", "Asia/Tokyo", 4, Region.JAPANESE, "ja 0.97, en 0.8"),
          Office.of("Remote", null, 5, null, "en 0.97"));

  private static final Choice<Office> OFFICE_CHOICE =
      Choice.of(OFFICES, OFFICES.stream().mapToDouble(Office::weight).toArray());

  /** A person's name as displayed, and the ASCII parts of their e-mail address. */
  private record Name(String display, String emailFirst, String emailLast, Region region) {}

  /**
   * Where names come from. Most are Latin-script (some with accents); a few are in the script of
   * the region, given as "display|first|last" with the ASCII parts for the e-mail address.
   */
  private enum Region {
    ANGLO(
        "Olivia,James,Amelia,Oliver,Emily,Jack,Sophie,Harry,Chloe,Thomas,Grace,William,Ella,"
            + "George,Jessica,Daniel,Hannah,Michael,Sarah,David,Laura,Matthew,Rachel,Andrew,Megan,"
            + "Christopher,Lauren,Ryan,Katie,Liam,Aisling,Siobhán,Niamh,Seán,Zoë,Renée,Tyler,"
            + "Madison,Brandon,Ashley,Jordan,Jasmine,DeShawn,Malik,Keisha,Marcus,Noah,Ava,Ethan,"
            + "Mia,Isabella,Mason,Charlotte,Logan,Abigail,Caleb,Harper,Owen,Evelyn,Aaliyah,Tariq,"
            + "Imani,Connor,Bridget,Declan",
        "Smith,Jones,Williams,Taylor,Brown,Davies,Evans,Wilson,Thomas,Johnson,Roberts,Walker,"
            + "Wright,Robinson,Thompson,White,Hughes,Edwards,Green,Hall,Wood,Harris,Clarke,Jackson,"
            + "O'Brien,O'Connor,Murphy,Kelly,MacDonald,Campbell,Anderson,Miller,Davis,Garcia,"
            + "Martinez,Rodriguez,Nguyen,Kim,Patel,Chen,Washington,Rivera,Flores,Ramirez,Cohen,"
            + "Goldberg,Nakamura,Okafor,Adeyemi,Mensah,Baker,Cooper,Morgan,Bell,Murray,Reid,"
            + "Fitzgerald,Sullivan,Brennan",
        "김민준|Minjun|Kim;이서연|Seoyeon|Lee;Ελένη Γεωργίου|Eleni|Georgiou"),
    GERMANIC(
        "Lukas,Leon,Jonas,Felix,Maximilian,Paul,Anna,Lena,Leonie,Marie,Katharina,Julia,Jürgen,"
            + "Björn,Jörg,Günther,Sören,Kübra,Emre,Mehmet,Ayşe,Łukasz,Małgorzata,Agnieszka,Piotr,"
            + "Katarzyna,Zoë,Mia,Emma,Hannah,Lea,Tobias,Sebastian,Florian,Niklas,Johanna,"
            + "Franziska,Stefan,Andreas,Sabine,Ursula,Wolfgang,Jana,Tomáš,Lenka,Søren,Ingrid,Lars,"
            + "Annika,Matthias",
        "Müller,Schmidt,Schneider,Fischer,Weber,Meyer,Wagner,Becker,Schulz,Hoffmann,Schäfer,Koch,"
            + "Bauer,Richter,Klein,Wolf,Schröder,Neumann,Zimmermann,Krüger,Yılmaz,Kaya,Demir,Çelik,"
            + "Nowak,Kowalski,Wiśniewski,Wójcik,Lewandowski,Kowalczyk,Braun,Hartmann,Lange,Werner,"
            + "Krause,Lehmann,Köhler,Maier,Huber,Dvořák,Novák,Jensen,Nielsen,Andersson,"
            + "van der Berg,de Vries",
        "Дмитрий Смирнов|Dmitry|Smirnov;Ольга Иванова|Olga|Ivanova;"
            + "Νίκος Παπαδόπουλος|Nikos|Papadopoulos"),
    FRENCH(
        "Camille,Léa,Chloé,Manon,Inès,Louis,Gabriel,Hugo,Théo,Raphaël,Arthur,Jules,Élodie,"
            + "Mathilde,Clément,Françoise,Amélie,Hélène,Jérôme,François,Anaïs,Noémie,Yanis,Karim,"
            + "Fatima,Sébastien,Aurélie,Margaux,Mathis,Océane,Benoît,Céline,Nathalie,Pierre,"
            + "Julien,Émilie,Amine,Sofiane,Leïla,Maël",
        "Martin,Bernard,Dubois,Robert,Richard,Petit,Durand,Leroy,Moreau,Simon,Laurent,Lefèvre,"
            + "Michel,Garnier,Faure,Rousseau,Fontaine,Chevalier,Benali,Haddad,Lefebvre,Mercier,"
            + "Dupont,Bonnet,Girard,André,Lambert,Gauthier,Perrin,Morel,Boucher,Mansouri,Traoré,"
            + "Diallo,N'Diaye",
        "يوسف حداد|Youssef|Haddad;ليلى منصور|Leila|Mansour"),
    LUSO_HISPANIC(
        "José,João,Maria,Ana,Luíza,Lucas,Mateus,Beatriz,Larissa,Thiago,Rafael,Fernanda,Juliana,"
            + "Letícia,Gonçalo,Caio,Vinícius,Antônio,Sebastián,Sofía,Valentina,Alejandro,Martín,"
            + "Lucía,Ramón,Núria,Gabriela,Bruno,Felipe,Camila,Isabela,Pedro,Guilherme,Mariana,"
            + "Renata,Diego,Joaquín,Carolina,Paulo,Íris",
        "Silva,Santos,Oliveira,Souza,Rodrigues,Ferreira,Alves,Pereira,Lima,Gomes,Costa,Ribeiro,"
            + "Martins,Carvalho,Almeida,Araújo,Gonçalves,Conceição,Fernández,García,López,Martínez,"
            + "Sánchez,Pérez,Gómez,Núñez,Muñoz,Peña,Barbosa,Rocha,Dias,Nascimento,Moreira,Cardoso,"
            + "Teixeira,Castro,Azevedo,Monteiro",
        ""),
    INDIAN(
        "Aarav,Vivaan,Aditya,Arjun,Rohan,Priya,Ananya,Diya,Aisha,Saanvi,Ishaan,Kavya,Rahul,Neha,"
            + "Pooja,Vikram,Sanjay,Lakshmi,Deepika,Karthik,Meera,Siddharth,Harpreet,Gurpreet,"
            + "Farhan,Zainab,Anjali,Nikhil,Shreya,Varun,Divya,Akash,Sneha,Manoj,Sunita,Ravi,Arun,"
            + "Swati,Aditi,Vikas",
        "Sharma,Verma,Gupta,Singh,Kumar,Patel,Reddy,Iyer,Nair,Menon,Rao,Joshi,Desai,Mehta,"
            + "Chatterjee,Banerjee,Mukherjee,Krishnan,Pillai,Khan,Das,Bhat,Kulkarni,Agarwal,"
            + "Srinivasan,Subramanian,Naidu,Shetty,Kapoor,Malhotra,Chopra,Bose,Ghosh,Hegde,Gill",
        "अनिल शर्मा|Anil|Sharma;प्रिया वर्मा|Priya|Verma;கார்த்திக் ராஜா|Karthik|Raja"),
    SINGAPOREAN(
        "Wei,Jun,Hui Min,Xin Yi,Jia Hui,Kai,Ming,Siew Ling,Nurul,Siti,Muhammad,Aisyah,Hafiz,"
            + "Rajesh,Jia Wei,Zhi Hao,Li Ting,Wen Jie,Farah,Amir,Chloe,Ryan,Priya,Daniel",
        "Tan,Lim,Lee,Ng,Ong,Wong,Goh,Chua,Chan,Koh,Teo,Ang,Yeo,Abdullah,Rahman,Ismail,Low,Sim,"
            + "Toh,Chong,Ho,Yap,Loh,Pillai,Nair",
        "王伟|Wei|Wang;李娜|Na|Li;陈静|Jing|Chen;张敏|Min|Zhang"),
    JAPANESE(
        "Haruto,Yuto,Sota,Yui,Hina,Sakura,Ren,Aoi,Takumi,Yuki,Hiroshi,Kenji,Akiko,Yōko,Ryō,Daiki,"
            + "Kaito,Mei,Riko,Shōta,Naoki,Emi,Kazuki,Mao",
        "Sato,Suzuki,Takahashi,Tanaka,Watanabe,Ito,Yamamoto,Nakamura,Kobayashi,Kato,Yoshida,"
            + "Yamada,Saitō,Sasaki,Yamaguchi,Matsumoto,Inoue,Kimura,Hayashi,Shimizu,Ōta,Mori,"
            + "Ikeda,Hashimoto",
        "佐藤 花子|Hanako|Sato;田中 翔太|Shota|Tanaka;鈴木 美咲|Misaki|Suzuki;高橋 健|Ken|Takahashi");

    private final String[] firsts;
    private final String[] firstsAscii;
    private final String[] lasts;
    private final String[] lastsAscii;
    private final String[][] nativeNames;

    Region(String firsts, String lasts, String natives) {
      this.firsts = firsts.split(",");
      this.lasts = lasts.split(",");
      this.firstsAscii = ascii(this.firsts);
      this.lastsAscii = ascii(this.lasts);
      this.nativeNames =
          natives.isEmpty()
              ? new String[0][]
              : Arrays.stream(natives.split(";")).map(n -> n.split("\\|")).toArray(String[][]::new);
    }

    Name name(SplittableRandom random) {
      // Native-script names are rarer outside the regions that write them at home.
      double nativeShare = this == JAPANESE || this == SINGAPOREAN || this == INDIAN ? 0.04 : 0.015;
      if (nativeNames.length > 0 && random.nextDouble() < nativeShare) {
        String[] n = nativeNames[random.nextInt(nativeNames.length)];
        return new Name(n[0], ascii(n[1]), ascii(n[2]), this);
      }
      int f = random.nextInt(firsts.length);
      int l = random.nextInt(lasts.length);
      return new Name(firsts[f] + " " + lasts[l], firstsAscii[f], lastsAscii[l], this);
    }

    private static String[] ascii(String[] names) {
      String[] out = new String[names.length];
      for (int i = 0; i < names.length; i++) {
        out[i] = ascii(names[i]);
      }
      return out;
    }

    /** The e-mail form of a Latin-script name part: no accents, spaces or apostrophes. */
    private static String ascii(String name) {
      String s =
          name.replace("ł", "l")
              .replace("Ł", "L")
              .replace("ø", "o")
              .replace("ß", "ss")
              .replace("ı", "i");
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Small shared pieces

  /** A weighted choice among fixed items, drawn in O(log n). */
  private record Choice<T>(List<T> items, double[] cumulative) {

    static <T> Choice<T> of(List<T> items, double[] weights) {
      if (items.size() != weights.length || items.isEmpty()) {
        throw new IllegalArgumentException("need one positive weight per item: " + items);
      }
      double[] c = new double[weights.length];
      double sum = 0;
      for (int i = 0; i < weights.length; i++) {
        sum += weights[i];
        c[i] = sum;
      }
      return new Choice<>(List.copyOf(items), c);
    }

    static <T> Choice<T> uniform(List<T> items) {
      double[] w = new double[items.size()];
      Arrays.fill(w, 1);
      return of(items, w);
    }

    /** A choice of an index 0..n-1 with these weights. */
    static Choice<Integer> weighted(double[] weights) {
      List<Integer> indexes = new ArrayList<>();
      for (int i = 0; i < weights.length; i++) {
        indexes.add(i);
      }
      return of(indexes, weights);
    }

    T pick(SplittableRandom random) {
      return items.get(pickIndex(random));
    }

    int pickIndex(SplittableRandom random) {
      double u = random.nextDouble() * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, u);
      i = i >= 0 ? i + 1 : -i - 1;
      return Math.min(i, items.size() - 1);
    }
  }

  /** Splits {@code total} into parts proportional to {@code weights} (largest remainder). */
  private static int[] apportion(int total, double[] weights) {
    double sum = Arrays.stream(weights).sum();
    int[] parts = new int[weights.length];
    double[] remainder = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      parts[i] = (int) exact;
      remainder[i] = exact - parts[i];
      given += parts[i];
    }
    while (given < total) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      parts[best]++;
      remainder[best] = -1;
      given++;
    }
    return parts;
  }

  private static void shuffle(byte[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      byte t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
