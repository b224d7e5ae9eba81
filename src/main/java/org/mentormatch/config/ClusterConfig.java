package org.mentormatch.config;

import java.io.Serializable;
import java.util.List;

/**
 * How members are clustered by topic, and how far a mentee looks for candidates.
 *
 * @param membersPerCluster target average cluster size; sets k
 * @param maxK upper bound on k
 * @param neighbours further nearest clusters searched besides the mentee's own
 * @param maxIterations KMeans iteration limit
 * @param seed KMeans random seed
 */
public record ClusterConfig(
    int membersPerCluster, int maxK, int neighbours, int maxIterations, long seed)
    implements Serializable {
  static final Setting<Integer> MEMBERS_PER_CLUSTER =
      Setting.integer(
          "clusters.members_per_cluster",
          40,
          2,
          1_000_000,
          "Target average number of members per topic cluster: k = round(members / this), kept"
              + " within [2, clusters.max_k] and at most the number of members.");

  static final Setting<Integer> MAX_K =
      Setting.integer(
          "clusters.max_k", 500, 2, 100_000, "Upper bound on the number of topic clusters k.");

  static final Setting<Integer> NEIGHBOURS =
      Setting.integer(
          "clusters.neighbours",
          2,
          0,
          1000,
          "How many further clusters, nearest to a mentee's goals, also supply candidate mentors"
              + " besides the nearest one; more finds more mentors across cluster borders and costs"
              + " more scoring.");

  static final Setting<Integer> MAX_ITERATIONS =
      Setting.integer(
          "clusters.max_iterations", 30, 1, 10_000, "Most KMeans iterations before it stops.");

  static final Setting<Integer> SEED =
      Setting.integer(
          "clusters.seed",
          42,
          Integer.MIN_VALUE,
          Integer.MAX_VALUE,
          "Random seed of KMeans initialisation; the same seed gives the same clusters.");

  static final List<Setting<?>> SETTINGS =
      List.of(MEMBERS_PER_CLUSTER, MAX_K, NEIGHBOURS, MAX_ITERATIONS, SEED);

  static ClusterConfig read(SettingValues v) {
    return new ClusterConfig(
        v.get(MEMBERS_PER_CLUSTER),
        v.get(MAX_K),
        v.get(NEIGHBOURS),
        v.get(MAX_ITERATIONS),
        v.get(SEED));
  }

  /** The number of clusters for {@code members} members, by the documented rule. */
  public int clusterCount(long members) {
    long k = Math.round((double) members / membersPerCluster);
    k = Math.max(2, Math.min(k, maxK));
    return (int) Math.max(1, Math.min(k, members));
  }
}
