package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How the work is split on Spark.
 *
 * @param partitions partitions of the member data, or 0 to derive them from the row count
 */
public record EngineConfig(int partitions) implements Serializable {
  static final Setting<Integer> PARTITIONS =
      Setting.integer(
          "engine.partitions",
          0,
          0,
          100_000,
          "Partitions of the member data and of every shuffle. 0 derives them from the size of the"
              + " members file (one per 16 MB, at least 2, at most 10,000), never from the machine, so the same"
              + " input and config give the same clusters and proposals everywhere.");

  static final List<Setting<?>> SETTINGS = List.of(PARTITIONS);

  private static final long BYTES_PER_PARTITION = 16L << 20;

  static EngineConfig read(SettingValues v) {
    return new EngineConfig(v.get(PARTITIONS));
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
