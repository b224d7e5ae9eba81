package org.mentormatch.config;

import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration key: its meaning, its rule and its default, declared in one place.
 *
 * <p>Values are read from text (a properties file) and checked against the rule when the
 * configuration is loaded, so a bad value fails before any work starts, naming the key, the value
 * and what is allowed.
 */
public final class Setting<T> {
  private final String key;
  private final T defaultValue;
  private final String meaning;
  private final String rule;
  private final Function<String, T> parser;

  private Setting(
      String key, T defaultValue, String meaning, String rule, Function<String, T> parser) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.meaning = meaning;
    this.rule = rule;
    this.parser = parser;
  }

  /** A whole number in {@code [min, max]}. */
  public static Setting<Integer> integer(String key, int def, int min, int max, String meaning) {
    String rule = "a whole number from " + min + " to " + max;
    return new Setting<>(
        key,
        def,
        meaning,
        rule,
        text -> {
          int value;
          try {
            value = Integer.parseInt(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule);
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException(rule);
          }
          return value;
        });
  }

  /** A decimal number in {@code [min, max]}. */
  public static Setting<Double> decimal(
      String key, double def, double min, double max, String meaning) {
    String rule = "a number from " + plain(min) + " to " + plain(max);
    return new Setting<>(
        key,
        def,
        meaning,
        rule,
        text -> {
          double value;
          try {
            value = Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(rule);
          }
          if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(rule);
          }
          return value;
        });
  }

  /** {@code true} or {@code false}. */
  public static Setting<Boolean> flag(String key, boolean def, String meaning) {
    return new Setting<>(
        key,
        def,
        meaning,
        "true or false",
        text -> {
          String t = text.trim().toLowerCase(Locale.ROOT);
          if (t.equals("true")) {
            return true;
          }
          if (t.equals("false")) {
            return false;
          }
          throw new IllegalArgumentException("true or false");
        });
  }

  /** Free text; an empty value means "not set" and gives the default. */
  public static Setting<String> text(String key, String def, String meaning, String rule) {
    return new Setting<>(key, def, meaning, rule, String::trim);
  }

  public String key() {
    return key;
  }

  public T defaultValue() {
    return defaultValue;
  }

  /** What the setting controls, in one sentence. */
  public String meaning() {
    return meaning;
  }

  /** The values allowed, in words. */
  public String rule() {
    return rule;
  }

  /** The default as it would be written in a properties file. */
  public String defaultText() {
    return defaultValue instanceof Double d ? plain(d) : String.valueOf(defaultValue);
  }

  /** Parses {@code text}, or throws a {@link ConfigException} naming the key, value and rule. */
  T parse(String text) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "setting " + key + " = '" + text + "' is not valid: it must be " + e.getMessage() + ".");
    }
  }

  private static String plain(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15
        ? String.valueOf((long) d)
        : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
