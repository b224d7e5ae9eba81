package org.mentormatch.tools;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands out first.last@example.com addresses, with a number from the second person of that name on.
 * It remembers one count per distinct name, so its size is bounded by the name lists, not by the
 * rows.
 */
final class EmailBook {
  private final Map<String, Integer> taken = new HashMap<>();

  String address(PersonName name) {
    String local = name.emailFirst() + "." + name.emailLast();
    int seen = taken.merge(local, 1, Integer::sum);
    return (seen == 1 ? local : local + seen) + "@example.com";
  }
}
