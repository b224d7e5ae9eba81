package org.mentormatch.config;

import org.mentormatch.UserError;

/** A configuration file or value that cannot be used; the message says which and how to fix it. */
public final class ConfigException extends UserError {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
