package org.mentormatch.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A SHA-256 digest of typed values, cut to 64 bits: what the search cache compares to tell whether
 * a mentee, a mentor or the settings are what they were when a list was kept.
 *
 * <p>Every value is written with its kind and length, so no two different sequences of values write
 * the same bytes ("ab","c" is not "a","bc"; null is not ""). Sixty-four bits suffice: a fingerprint
 * is only ever compared with the same member's previous one, so a change goes unseen with a chance
 * of one in 2^64.
 */
final class Fingerprint {
  private final MessageDigest digest;
  private final ByteBuffer scratch = ByteBuffer.allocate(9);

  Fingerprint() {
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  Fingerprint add(String s) {
    if (s == null) {
      return tag('N');
    }
    return add('S', s.getBytes(StandardCharsets.UTF_8));
  }

  Fingerprint add(int i) {
    scratch.clear();
    scratch.put((byte) 'I').putInt(i);
    digest.update(scratch.array(), 0, 5);
    return this;
  }

  Fingerprint add(long l) {
    scratch.clear();
    scratch.put((byte) 'L').putLong(l);
    digest.update(scratch.array(), 0, 9);
    return this;
  }

  Fingerprint add(double d) {
    // The bits, not the value: -0.0 and 0.0 differ, and a NaN is one NaN.
    return add(Double.doubleToLongBits(d));
  }

  Fingerprint add(boolean b) {
    return tag(b ? 'T' : 'F');
  }

  Fingerprint add(byte[] bytes) {
    return bytes == null ? tag('N') : add('B', bytes);
  }

  /** Every field of {@code phrase} the similarity reads, its embedding's bytes included. */
  Fingerprint add(org.mentormatch.scoring.PhraseSimilarity.Phrase phrase) {
    return add(phrase.text())
        .addAll(phrase.concepts())
        .add(phrase.coverage())
        .add(phrase.topical())
        .add(phrase.embedding());
  }

  /** The strings of {@code values} in their order, or a null marker. */
  Fingerprint addAll(List<String> values) {
    if (values == null) {
      return tag('N');
    }
    add(values.size());
    for (String v : values) {
      add(v);
    }
    return this;
  }

  /** The strings of {@code values} in sorted order: a set's fingerprint ignores its iteration. */
  Fingerprint addSorted(Collection<String> values) {
    if (values == null) {
      return tag('N');
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return addAll(sorted);
  }

  /**
   * The bytes of {@code value}'s Java serialisation: equal for equal records and for objects built
   * alike; objects that serialise differently only cost a search that could have been spared.
   */
  static byte[] serialised(java.io.Serializable value) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static final java.util.Map<Class<?>, Long> CODE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * A fingerprint of the compiled classes of {@code anchor}'s jar or class directory (names and
   * bytes, in name order), computed once per JVM: a new build of the search or the scorer must not
   * reuse lists an older one found.
   */
  static long ofCode(Class<?> anchor) {
    return CODE.computeIfAbsent(anchor, Fingerprint::codeOf);
  }

  private static long codeOf(Class<?> anchor) {
    Fingerprint f = new Fingerprint();
    try {
      java.nio.file.Path source =
          java.nio.file.Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (java.nio.file.Files.isDirectory(source)) {
        List<java.nio.file.Path> classes;
        try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(source)) {
          classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (java.nio.file.Path c : classes) {
          f.add(source.relativize(c).toString()).add(java.nio.file.Files.readAllBytes(c));
        }
      } else {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(source.toFile())) {
          List<java.util.jar.JarEntry> classes =
              jar.stream()
                  .filter(e -> e.getName().endsWith(".class"))
                  .sorted(java.util.Comparator.comparing(java.util.jar.JarEntry::getName))
                  .toList();
          for (java.util.jar.JarEntry e : classes) {
            try (java.io.InputStream in = jar.getInputStream(e)) {
              f.add(e.getName()).add(in.readAllBytes());
            }
          }
        }
      }
    } catch (java.io.IOException | java.net.URISyntaxException | RuntimeException e) {
      // Unreadable code: a fingerprint no other run has, so nothing kept is ever reused.
      f.add(java.util.UUID.randomUUID().toString());
    }
    return f.value();
  }

  /** The first 64 bits of the digest; the fingerprint cannot be added to afterwards. */
  long value() {
    return ByteBuffer.wrap(digest.digest()).getLong();
  }

  private Fingerprint tag(char kind) {
    digest.update((byte) kind);
    return this;
  }

  private Fingerprint add(char kind, byte[] bytes) {
    add(bytes.length);
    digest.update((byte) kind);
    digest.update(bytes);
    return this;
  }
}
