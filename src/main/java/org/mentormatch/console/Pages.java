package org.mentormatch.console;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's pages, from Mustache templates under {@code /console/templates/}: every value is
 * HTML-escaped (JMustache's default, never turned off here), and a misspelt section fails loudly.
 */
final class Pages {
  private static final String DIR = "/console/templates/";
  private static final Mustache.Compiler COMPILER =
      Mustache.compiler().strictSections(true).withLoader(Pages::partial);
  private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

  private Pages() {}

  /** Renders page {@code name} ({@code <name>.html.mustache}) with {@code model}. */
  static String render(String name, Map<String, Object> model) {
    return COMPILED
        .computeIfAbsent(name, n -> COMPILER.compile(text(DIR + n + ".html.mustache")))
        .execute(model);
  }

  /** A file served from the jar, or null. */
  static byte[] resource(String path) {
    try (InputStream in = Pages.class.getResourceAsStream(path)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader partial(String name) {
    return new StringReader(text(DIR + name + ".mustache"));
  }

  private static String text(String path) {
    byte[] b = resource(path);
    if (b == null) {
      throw new IllegalStateException("template " + path + " is missing from the jar");
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
