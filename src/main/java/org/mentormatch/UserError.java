package org.mentormatch;

/**
 * A fatal problem the user can fix (bad input file, bad option, bad setting).
 *
 * <p>Commands print only its message, one paragraph without a stack trace, and exit non-zero.
 */
public class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
