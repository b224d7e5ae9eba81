package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * An office: its time zone (null for remote staff, who get one of {@link #REMOTE_ZONES}), the
 * region most of its names come from (null: any), and each language its staff may speak with the
 * share who do.
 */
record Office(
    String name, String zone, int weight, Region region, List<String> codes, double[] shares) {

  private static final WeightedChoice<String> EXTRA_LANGUAGE =
      WeightedChoice.uniform(
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

  /** Every office; a member's office is an index into this list. */
  static final List<Office> ALL =
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

  /** Draws an office index into {@link #ALL}, bigger offices more often. */
  static final WeightedChoice<Office> CHOICE =
      WeightedChoice.of(ALL, ALL.stream().mapToDouble(Office::weight).toArray());

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

  PersonName name(SplittableRandom random) {
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
