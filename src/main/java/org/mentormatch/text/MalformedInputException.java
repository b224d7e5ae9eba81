package org.mentormatch.text;

import org.mentormatch.UserError;

/** An input file that cannot be read at all (as opposed to a bad row, which is rejected). */
public final class MalformedInputException extends UserError {
  private static final long serialVersionUID = 1L;

  public MalformedInputException(String message) {
    super(message);
  }
}
