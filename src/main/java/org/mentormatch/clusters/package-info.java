/**
 * The clusters stage: MLlib KMeans over members' topic profiles, readable cluster labels, and the
 * clusters each mentor is filed under and each mentee searches.
 *
 * <p>Input: member features. Output: {@code cluster, mentor_clusters, search_clusters} per member.
 *
 * <p>May use: {@code org.mentormatch}, {@code config}, {@code features}.
 */
package org.mentormatch.clusters;
