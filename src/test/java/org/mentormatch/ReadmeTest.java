package org.mentormatch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mentormatch.config.MatchConfig;
import org.mentormatch.config.Setting;

/** The README's settings table lists every setting with its real default. */
class ReadmeTest {
  @Test
  void everySettingIsDocumentedWithItsDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    for (Setting<?> s : MatchConfig.settings()) {
      String def = s.defaultText().isEmpty() ? "(empty)" : s.defaultText();
      String row = "| `" + s.key() + "` | " + def + " |";
      assertTrue(readme.contains(row), "README lacks the row starting " + row);
    }
  }
}
