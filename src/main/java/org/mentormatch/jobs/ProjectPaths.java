package org.mentormatch.jobs;

import java.nio.file.Path;

/**
 * Default paths, which the contract gives relative to the project root, not the caller's directory.
 */
final class ProjectPaths {
  private ProjectPaths() {}

  /**
   * {@code relative} under the project root the launch script names, else under the working
   * directory.
   */
  static String resolve(String relative) {
    String root = System.getProperty("mentormatch.root");
    return root == null ? relative : Path.of(root).resolve(relative).toString();
  }
}
