package org.mentormatch.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.mentormatch.UserError;

/**
 * The concepts goals and skills are mapped onto: each with its professional area, an optional
 * broader concept it specialises, the phrasings (variants) that mean it, and goals in people's own
 * words that it serves.
 *
 * <p>Read from CSV {@code concept,area,broader,variants[,goals]} (variants and goals separated by
 * {@code ;}); the built-in one is {@code src/main/resources/taxonomy/concepts.csv}.
 */
public final class Taxonomy implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUILT_IN = "/taxonomy/concepts.csv";
  private static final List<String> COLUMNS =
      List.of("concept", "area", "broader", "variants", "goals");
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\p{Cf}]+");
  private static final Pattern WORDY = Pattern.compile("[\\p{L}\\p{N}]");

  /**
   * One concept of the taxonomy. {@code goals} are never read as words of a phrase (a variant is):
   * they are what people write when this concept is what they need, for the model ({@link
   * PhraseReading}).
   */
  public record Concept(
      String name, String area, String broader, List<String> variants, List<String> goals)
      implements Serializable {
    /** A concept without goals. */
    public Concept(String name, String area, String broader, List<String> variants) {
      this(name, area, broader, variants, List.of());
    }
  }

  private final Map<String, Concept> concepts;

  private Taxonomy(Map<String, Concept> concepts) {
    this.concepts = concepts;
  }

  /** Equal when both hold the same concepts in the same order (so every lookup answers alike). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Taxonomy t
        && concepts.equals(t.concepts)
        && List.copyOf(concepts.keySet()).equals(List.copyOf(t.concepts.keySet()));
  }

  @Override
  public int hashCode() {
    return concepts.hashCode();
  }

  /** The taxonomy shipped with mentor-match. */
  public static Taxonomy builtIn() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(
            "built-in taxonomy " + BUILT_IN + " is missing from the jar");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), "built-in taxonomy");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a taxonomy CSV; {@code source} names it in error messages.
   *
   * @throws UserError on a missing column, a repeated concept, an unknown broader concept, a cycle
   *     of broader concepts, or a variant claimed by two concepts
   */
  public static Taxonomy parse(Reader csv, String source) {
    return validated(rows(csv, source), source);
  }

  /**
   * This taxonomy extended by the concepts of a further CSV: new concepts are added (and may
   * specialise concepts of this one), a concept already here gains the new variants and goals.
   *
   * @throws UserError as {@link #parse} does, for the result as a whole
   */
  public Taxonomy extendedWith(Reader csv, String source) {
    Map<String, Concept> merged = new LinkedHashMap<>(concepts);
    for (Concept c : rows(csv, source).values()) {
      Concept old = merged.get(c.name());
      if (old == null) {
        merged.put(c.name(), c);
      } else {
        Set<String> variants = new LinkedHashSet<>(old.variants());
        variants.addAll(c.variants());
        Set<String> goals = new LinkedHashSet<>(old.goals());
        goals.addAll(c.goals());
        String broader = c.broader().isEmpty() ? old.broader() : c.broader();
        String area = c.area().isEmpty() ? old.area() : c.area();
        merged.put(
            c.name(),
            new Concept(c.name(), area, broader, List.copyOf(variants), List.copyOf(goals)));
      }
    }
    return validated(merged, source);
  }

  private static Map<String, Concept> rows(Reader csv, String source) {
    Map<String, Concept> concepts = new LinkedHashMap<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();
    try (CSVParser parser = CSVParser.parse(csv, format)) {
      List<String> header = parser.getHeaderNames();
      for (String column : header) {
        if (!COLUMNS.contains(column)) {
          throw new UserError(
              source
                  + " has the column '"
                  + column
                  + "', which is not one of "
                  + String.join(",", COLUMNS)
                  + " (names in lower case; goals may be left out)");
        }
      }
      for (String column : COLUMNS.subList(0, COLUMNS.size() - 1)) {
        if (!header.contains(column)) {
          throw new UserError(
              source
                  + " lacks the column '"
                  + column
                  + "' (header: concept,area,broader,variants, and optionally goals)");
        }
      }
      for (CSVRecord r : parser) {
        long line = r.getParser().getCurrentLineNumber();
        // A row may leave out the optional goals cell at its end; any other difference from the
        // header is a comma that needed quotes, or a cell lost, and would shift every cell after.
        boolean goalsLeftOut =
            header.size() - r.size() == 1 && "goals".equals(header.get(r.size()));
        if (r.size() != header.size() && !goalsLeftOut) {
          throw new UserError(
              String.format(
                  "%s line %d has %d cells where the header has %d: put a cell that holds a comma"
                      + " in double quotes",
                  source, line, r.size(), header.size()));
        }
        String name = normal(r.get("concept"));
        if (name.isEmpty()) {
          throw new UserError(source + " line " + line + ": empty concept");
        }
        List<String> variants = list(r.get("variants"));
        List<String> goals = r.isSet("goals") ? list(r.get("goals")) : List.of();
        Concept c =
            new Concept(name, normal(r.get("area")), normal(r.get("broader")), variants, goals);
        if (concepts.put(name, c) != null) {
          throw new UserError(source + " line " + line + ": concept '" + name + "' appears twice");
        }
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new UserError("cannot read " + source + " as CSV: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // Commons CSV's word for a header naming one column twice.
      throw new UserError(source + ": " + e.getMessage());
    }
    return concepts;
  }

  /** The concept named {@code name}, or null. */
  public Concept concept(String name) {
    return concepts.get(name);
  }

  /** Every concept, in file order. */
  public Collection<Concept> concepts() {
    return concepts.values();
  }

  private static Taxonomy validated(Map<String, Concept> concepts, String source) {
    Map<String, String> owner = new LinkedHashMap<>();
    for (Concept c : concepts.values()) {
      if (!c.broader().isEmpty() && !concepts.containsKey(c.broader())) {
        throw new UserError(
            source
                + ": concept '"
                + c.name()
                + "' names an unknown broader concept '"
                + c.broader()
                + "'");
      }
      List<String> names = new ArrayList<>(c.variants());
      names.add(c.name());
      for (String v : names) {
        String previous = owner.putIfAbsent(v, c.name());
        if (previous != null && !previous.equals(c.name())) {
          throw new UserError(
              source
                  + ": the phrasing '"
                  + v
                  + "' belongs to both '"
                  + previous
                  + "' and '"
                  + c.name()
                  + "'; keep it under one concept");
        }
      }
    }
    for (Concept c : concepts.values()) {
      Set<String> seen = new HashSet<>();
      for (Concept at = c; at != null && !at.broader().isEmpty(); at = concepts.get(at.broader())) {
        if (!seen.add(at.name())) {
          throw new UserError(
              source + ": broader concepts form a cycle through '" + c.name() + "'");
        }
      }
    }
    return new Taxonomy(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(concepts)));
  }

  /**
   * The distinct normal phrases of a {@code ;}-separated cell, in order, leaving out any without a
   * letter or digit (a model would embed them as an empty text).
   */
  private static List<String> list(String cell) {
    Set<String> out = new LinkedHashSet<>();
    for (String v : cell.split(";")) {
      String phrase = normal(v);
      if (WORDY.matcher(phrase).find()) {
        out.add(phrase);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Lower case, every run of spaces (no-break and zero-width ones too) one space, none at the ends.
   */
  private static String normal(String s) {
    return s == null ? "" : SPACES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
  }
}
