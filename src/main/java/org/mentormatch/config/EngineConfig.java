package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How the work is split on Spark, and how each mentee's mentors are found.
 *
 * @param partitions partitions of the member data, or 0 to derive them from the row count
 * @param exactSearch whether each mentee's best mentors are found by the exact search over similar
 *     phrases ({@code search.TopMentorSearch}) rather than among the nearest topic clusters
 */
public record EngineConfig(int partitions, boolean exactSearch) implements Serializable {
  /** Partitions as given, the exact search. */
  public EngineConfig(int partitions) {
    this(partitions, true);
  }

  static final Setting<Integer> PARTITIONS =
      Setting.integer(
          "engine.partitions",
          0,
          0,
          100_000,
          "Partitions of the member data and of every shuffle. 0 derives them from the size of the"
              + " members file (one per 16 MB, at least 2, at most 10,000), never from the machine, so the same"
              + " input and config give the same clusters and proposals everywhere.");

  static final Setting<Boolean> EXACT_SEARCH =
      Setting.flag(
          "engine.exact_search",
          true,
          "Find each mentee's best mentors exactly, by walking the skills similar to each goal from"
              + " the most similar down and stopping once no other mentor can rank among the best"
              + " (true); or score only the mentors of the nearest topic clusters (false: the"
              + " earlier path, which can miss a better mentor and grows with the square of a"
              + " cluster's size).");

  static final List<Setting<?>> SETTINGS = List.of(PARTITIONS, EXACT_SEARCH);

  private static final long BYTES_PER_PARTITION = 16L << 20;

  static EngineConfig read(SettingValues v) {
    return new EngineConfig(v.get(PARTITIONS), v.get(EXACT_SEARCH));
  }

  /** The partition count for an input of {@code bytes} bytes. */
  public int partitionsFor(long bytes) {
    if (partitions > 0) {
      return partitions;
    }
    return (int)
        Math.max(2, Math.min(10_000, (bytes + BYTES_PER_PARTITION - 1) / BYTES_PER_PARTITION));
  }
}
