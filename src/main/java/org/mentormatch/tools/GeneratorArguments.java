package org.mentormatch.tools;

import java.nio.file.Path;
import java.util.Locale;
import org.mentormatch.tools.MemberGenerator.HeaderOrder;
import org.mentormatch.tools.MemberGenerator.Options;

/**
 * MemberGenerator's parsed command line: the options, and the output file or null for standard
 * output.
 */
record GeneratorArguments(Options options, Path out) {

  /** Returns null when help was asked for. */
  static GeneratorArguments parse(String[] args) {
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
    return new GeneratorArguments(new Options(members, seed, broken, headerOrder), out);
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
          throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
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
