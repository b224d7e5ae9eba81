package org.mentormatch.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import org.mentormatch.tools.MemberGenerator.HeaderOrder;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MemberGenerator.Style;
import org.mentormatch.tools.MemberGenerator.Summary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The generator's command line, for {@code jobs/generate.sh} (realistic style, {@code --members}
 * and {@code --out} required) and for {@link MemberGenerator#main} (the sample's defaults).
 *
 * <p>The file is written under a hidden name beside {@code --out} and renamed into place when it is
 * complete, so a failed run leaves no half-written file behind.
 */
@Command(
    name = "generate.sh",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Writes a synthetic members CSV in the contract's format: departments with manager trees,"
          + " offices with their time zones and languages, seniority, roles, capacities, consent"
          + " (some members do not give it), and goals and skills in natural wording. The same"
          + " options give the same bytes. Rows are streamed: any size runs in a small heap.",
      "The figures (rows by role and department, each broken and awkward row with its line) go"
          + " to standard error."
    })
final class GeneratorCommand implements Callable<Integer> {

  @Option(
      names = "--members",
      paramLabel = "N",
      description =
          "Valid member rows to write, at least 1. Required by generate.sh; MemberGenerator's"
              + " default is the sample's 320.")
  int members;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Where to write ('-': standard output). Required by generate.sh; MemberGenerator"
              + " writes to standard output by default.")
  String out;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed of every random choice; the same options give the same bytes."
              + " Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--broken-rows",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Add one row the job must reject per fault of the style, a few valid but awkward rows"
              + " and a byte order mark; false gives every row valid, for benchmarks."
              + " Default: ${DEFAULT-VALUE}.")
  boolean brokenRows;

  @Option(
      names = "--style",
      paramLabel = "realistic|sample",
      description =
          "realistic: goals in people's own words and skills in the usual vocabulary, composed so"
              + " that distinct phrasings grow with the size (Zipf-like popularity); broken rows"
              + " include a member managing themself and two members managing each other."
              + " sample: the frozen generator of data/sample/members.csv and docs/benchmarks.md"
              + " (1,042 hand-written phrasings in a few templates). Default: ${DEFAULT-VALUE}.")
  Style style;

  @Option(
      names = "--header-order",
      paramLabel = "contract|shuffled",
      description =
          "contract: the contract's column order; shuffled: a seeded shuffle, for readers that"
              + " look columns up by name. Default: ${DEFAULT-VALUE}.")
  HeaderOrder headerOrder;

  @Spec CommandSpec spec;

  private final boolean sizeAndOutRequired;

  private GeneratorCommand(Options defaults, String out, boolean sizeAndOutRequired) {
    this.members = defaults.members();
    this.out = out;
    this.seed = defaults.seed();
    this.brokenRows = defaults.brokenRows();
    this.style = defaults.style();
    this.headerOrder = defaults.headerOrder();
    this.sizeAndOutRequired = sizeAndOutRequired;
  }

  /** {@code jobs/generate.sh}: realistic style with broken rows; size and file required. */
  static CommandLine forGenerate() {
    Options defaults = new Options(1, 42, true, HeaderOrder.CONTRACT, Style.REALISTIC);
    return commandLine(new GeneratorCommand(defaults, null, true), "generate.sh");
  }

  /** {@code MemberGenerator}: the options that made the sample, to standard output by default. */
  static CommandLine forSample() {
    return commandLine(
        new GeneratorCommand(Options.defaults(), "-", false),
        "java org.mentormatch.tools.MemberGenerator");
  }

  private static CommandLine commandLine(GeneratorCommand command, String name) {
    CommandLine line = new CommandLine(command);
    line.setCommandName(name);
    line.setCaseInsensitiveEnumValuesAllowed(true);
    return line;
  }

  /** Runs {@code jobs/generate.sh} and exits with its code. */
  public static void main(String[] args) {
    System.exit(forGenerate().execute(args));
  }

  @Override
  public Integer call() {
    CommandLine line = spec.commandLine();
    if (sizeAndOutRequired) {
      for (String required : new String[] {"--members", "--out"}) {
        if (!line.getParseResult().hasMatchedOption(required)) {
          throw new ParameterException(line, "Missing required option: '" + required + "'");
        }
      }
    }
    Options options;
    try {
      options = new Options(members, seed, brokenRows, headerOrder, style);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(line, "--" + e.getMessage());
    }
    try {
      Summary summary = out.equals("-") ? writeToStandardOutput(options) : writeFile(options);
      MemberGenerator.print(summary, System.err);
      return 0;
    } catch (IOException e) {
      System.err.println(spec.name() + ": could not write " + out + ": " + e.getMessage());
      return 1;
    }
  }

  private static Summary writeToStandardOutput(Options options) throws IOException {
    Writer w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    Summary summary = MemberGenerator.write(options, w);
    w.flush();
    return summary;
  }

  private Summary writeFile(Options options) throws IOException {
    Path target = Path.of(out).toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    try {
      Summary summary;
      try (Writer w =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8),
              1 << 16)) {
        summary = MemberGenerator.write(options, w);
      }
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return summary;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
