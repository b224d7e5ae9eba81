package org.mentormatch.jobs;

import java.util.concurrent.Callable;
import org.mentormatch.UserError;
import org.mentormatch.io.DecisionStore;

/**
 * Runs a command's body and turns its failure into what users see: one paragraph on standard error,
 * no stack trace (unless MENTOR_MATCH_DEBUG=1), and a non-zero exit code.
 */
public final class Commands {
  /** Exit code of a problem the user can fix (bad input, option or setting). */
  public static final int USER_ERROR = 2;

  /** Exit code of an unexpected failure. */
  public static final int FAILURE = 1;

  private Commands() {}

  /**
   * Parses {@code args} into the picocli {@code command}, runs it and exits the JVM with its code.
   * Usage errors and --help are picocli's; failures inside the command are {@link #run}'s.
   */
  public static void exit(Object command, String[] args) {
    System.exit(new picocli.CommandLine(command).execute(args));
  }

  /** Runs {@code body} and returns its exit code, or the code of its failure. */
  public static int run(String command, Callable<Integer> body) {
    try {
      return body.call();
    } catch (Throwable t) {
      UserError user = userError(t);
      if (debug()) {
        t.printStackTrace();
      }
      if (user != null) {
        System.err.println(command + ": " + user.getMessage());
        return USER_ERROR;
      }
      for (Throwable c = t; c != null; c = c.getCause()) {
        if (c instanceof DecisionStore.RecordedButNotPublished partly) {
          System.err.println(command + " stopped half way: " + partly.getMessage());
          return FAILURE;
        }
      }
      System.err.println(
          command
              + " stopped on an unexpected error: "
              + rootMessage(t)
              + ". Nothing was published. Run again with MENTOR_MATCH_DEBUG=1 to see the stack"
              + " trace, and report it if it persists.");
      return FAILURE;
    }
  }

  /** The user error in {@code t}'s cause chain; Spark keeps a task's exception as the cause. */
  static UserError userError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UserError u) {
        return u;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c.getClass().getSimpleName()
        + (c.getMessage() == null ? "" : ": " + c.getMessage().lines().findFirst().orElse(""));
  }

  private static boolean debug() {
    return "1".equals(System.getenv("MENTOR_MATCH_DEBUG"));
  }
}
