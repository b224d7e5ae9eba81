package org.mentormatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering each {@code package-info.java} writes down ("May use: ...") is the layering the code
 * has: every {@code import org.mentormatch.} line of a package names a package it may use, the
 * allowed uses have no cycle, and nothing uses {@code jobs}.
 */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/org/mentormatch");
  private static final String ROOT = "org.mentormatch";
  private static final Pattern IMPORT =
      Pattern.compile("^import (?:static )?org\\.mentormatch\\.([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern MAY_USE =
      Pattern.compile("<p>May use: (.*?)(?:\\n\\s*\\*\\s*\\n|\\*/)", Pattern.DOTALL);
  private static final Pattern CODE = Pattern.compile("\\{@code\\s+([\\w.]+)\\}");

  /** Each package (root as "org.mentormatch") and the packages its package-info allows. */
  private static final Map<String, Set<String>> allowed = new TreeMap<>();

  @BeforeAll
  static void readPackageInfos() throws IOException {
    for (Path dir : packages()) {
      Path info = dir.resolve("package-info.java");
      String name = packageOf(dir);
      assertTrue(Files.exists(info), name + " has no package-info.java saying what it may use");
      String text = Files.readString(info, StandardCharsets.UTF_8);
      Matcher m = MAY_USE.matcher(text);
      assertTrue(m.find(), info + " has no '<p>May use: ...' paragraph");
      String paragraph = m.group(1).replaceAll("\\s*\\n\\s*\\*\\s*", " ");
      Set<String> uses = new TreeSet<>();
      Matcher c = CODE.matcher(paragraph);
      while (c.find()) {
        uses.add(c.group(1));
      }
      allowed.put(name, uses);
    }
  }

  private static List<Path> packages() throws IOException {
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      return walk.filter(Files::isDirectory)
          .filter(
              d -> {
                try (Stream<Path> files = Files.list(d)) {
                  return files.anyMatch(f -> f.toString().endsWith(".java"));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .sorted()
          .toList();
    }
  }

  private static String packageOf(Path dir) {
    String relative = SOURCES.relativize(dir).toString().replace('/', '.');
    return relative.isEmpty() ? ROOT : relative;
  }

  /** The package an imported name lives in: its first segment, or the root for a type there. */
  private static String importedPackage(String name) {
    String first = name.split("\\.")[0];
    return Character.isUpperCase(first.charAt(0)) ? ROOT : first;
  }

  @Test
  void everyImportIsOneThePackageInfoAllows() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path dir : packages()) {
      String pkg = packageOf(dir);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          Matcher m = IMPORT.matcher(Files.readString(f, StandardCharsets.UTF_8));
          while (m.find()) {
            String used = importedPackage(m.group(1));
            if (!used.equals(pkg) && !allowed.get(pkg).contains(used)) {
              violations.add(SOURCES.relativize(f) + " imports " + m.group(1));
            }
          }
        }
      }
    }
    assertEquals(List.of(), violations, "imports the package-info.java does not allow");
  }

  @Test
  void nothingUsesJobs() {
    allowed.forEach((pkg, uses) -> assertFalse(uses.contains("jobs"), pkg + " may use jobs"));
  }

  @Test
  void theAllowedUsesHaveNoCycle() {
    Map<String, Integer> state = new TreeMap<>(); // 1: on the path, 2: done
    for (String pkg : allowed.keySet()) {
      List<String> path = new ArrayList<>();
      assertNoCycle(pkg, state, path);
    }
  }

  private static void assertNoCycle(String pkg, Map<String, Integer> state, List<String> path) {
    Integer s = state.get(pkg);
    if (s != null && s == 2) {
      return;
    }
    path.add(pkg);
    assertFalse(s != null && s == 1, "a cycle: " + String.join(" -> ", path));
    state.put(pkg, 1);
    for (String used : allowed.getOrDefault(pkg, Set.of())) {
      assertNoCycle(used, state, path);
    }
    state.put(pkg, 2);
    path.remove(path.size() - 1);
  }

  @Test
  void thePackageInfosNameOnlyPackagesThatExist() {
    Set<String> known = new TreeSet<>(allowed.keySet());
    known.add("avro"); // generated from src/main/avro
    allowed.forEach(
        (pkg, uses) -> {
          for (String u : uses) {
            assertTrue(known.contains(u), pkg + "'s package-info names an unknown package " + u);
          }
        });
  }
}
