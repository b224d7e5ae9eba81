package org.mentormatch.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mentormatch.UserError;
import picocli.CommandLine;

/** The benchmark command's options as a shell passes them. */
class BenchJobTest {
  private static List<Integer> naiveSizes(String... args) {
    BenchJob job = new BenchJob();
    new CommandLine(job).parseArgs(args);
    return BenchJob.sizesOf("--naive-sizes", job.naiveSizes);
  }

  @Test
  void anEmptyNaiveSizeListRunsNoNaiveJob() {
    assertEquals(List.of(), naiveSizes("scale", "--naive-sizes", ""));
    assertEquals(List.of(), naiveSizes("scale", "--naive-sizes="));
  }

  @Test
  void naiveSizesAreCommaSeparatedWithTheDocumentedDefault() {
    assertEquals(List.of(20_000, 50_000), naiveSizes("scale"));
    assertEquals(List.of(500, 2_000), naiveSizes("scale", "--naive-sizes", "500, 2000"));
  }

  @Test
  void aSizeThatIsNotANumberIsAClearError() {
    UserError e = assertThrows(UserError.class, () -> naiveSizes("scale", "--naive-sizes", "5k"));
    assertTrue(e.getMessage().contains("'5k' is not one"), e.getMessage());
    assertThrows(UserError.class, () -> naiveSizes("scale", "--naive-sizes", "500,"));
  }
}
