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
 * @param fitMentors about how many mentors KMeans is fitted on at most (a fixed sample beyond)
 */
public record ClusterConfig(
    int membersPerCluster, int maxK, int neighbours, int maxIterations, long seed, int fitMentors)
    implements Serializable {

  /** The settings as given, KMeans fitted on at most the default number of mentors. */
  public ClusterConfig(
      int membersPerCluster, int maxK, int neighbours, int maxIterations, long seed) {
    this(membersPerCluster, maxK, neighbours, maxIterations, seed, FIT_MENTORS.defaultValue());
  }

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

  static final Setting<Integer> FIT_MENTORS =
      Setting.integer(
          "clusters.fit_mentors",
          20_000,
          1_000,
          100_000_000,
          "About how many mentors KMeans learns the cluster centres from. With more mentors than"
              + " this, it learns them from a fixed sample of about this many (chosen by a hash of"
              + " the member id and clusters.seed, so the same members give the same sample), and"
              + " every mentor is still filed under the nearest centre. Each iteration of the fit"
              + " compares every mentor it learns from with every centre.");

  static final List<Setting<?>> SETTINGS =
      List.of(MEMBERS_PER_CLUSTER, MAX_K, NEIGHBOURS, MAX_ITERATIONS, SEED, FIT_MENTORS);

  static ClusterConfig read(SettingValues v) {
    return new ClusterConfig(
        v.get(MEMBERS_PER_CLUSTER),
        v.get(MAX_K),
        v.get(NEIGHBOURS),
        v.get(MAX_ITERATIONS),
        v.get(SEED),
        v.get(FIT_MENTORS));
  }

  /** The number of clusters for {@code members} members, by the documented rule. */
  public int clusterCount(long members) {
    long k = Math.round((double) members / membersPerCluster);
    k = Math.max(2, Math.min(k, maxK));
    return (int) Math.max(1, Math.min(k, members));
  }
}
