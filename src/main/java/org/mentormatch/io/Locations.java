package org.mentormatch.io;

import org.apache.hadoop.fs.Path;
import org.mentormatch.UserError;

/** Turns what a user typed for a file or directory option into a path, or says why it cannot. */
public final class Locations {
  private Locations() {}

  /**
   * The path {@code text} names, given as {@code option} (e.g. {@code --home}).
   *
   * @throws UserError if it is empty or not a usable path or URI (such as {@code my:home}, which
   *     reads as a URI scheme)
   */
  public static Path of(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new UserError(option + " is empty; give a local path or a Hadoop URI.");
    }
    try {
      return new Path(text);
    } catch (IllegalArgumentException e) {
      throw new UserError(
          option
              + " '"
              + text
              + "' is neither a path nor a URI"
              + (text.indexOf(':') > 0
                  ? " (the part before ':' reads as a URI scheme); to name a local file or"
                      + " directory whose name holds ':', write it as ./"
                      + text
                  : "")
              + ".");
    }
  }
}
