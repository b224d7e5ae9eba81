package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mentormatch.tools.TopicBank.Area;
import org.mentormatch.tools.TopicBank.Track;

/** A {@link TopicBank} area with its weighted choices precomputed. */
final class AreaModel {

  /** The departments, in bank order; a department index points into this list. */
  static final List<AreaModel> DEPARTMENTS = new ArrayList<>();

  private static final List<AreaModel> ALL = new ArrayList<>();
  private static final Map<String, AreaModel> BY_NAME = new HashMap<>();

  static {
    for (Area a : TopicBank.DEPARTMENTS) {
      AreaModel m = new AreaModel(a);
      DEPARTMENTS.add(m);
      ALL.add(m);
      BY_NAME.put(a.name(), m);
    }
    for (Area a : TopicBank.CROSS_CUTTING) {
      AreaModel m = new AreaModel(a);
      ALL.add(m);
      BY_NAME.put(a.name(), m);
    }
    for (AreaModel m : DEPARTMENTS) {
      for (String n : m.neighbourNames) {
        m.neighbours.add(BY_NAME.get(n));
      }
    }
  }

  static final AreaModel LEADERSHIP = BY_NAME.get("leadership");
  static final AreaModel COMMUNICATION = BY_NAME.get("communication");

  /** The bank's name of the area ("engineering", "leadership"...). */
  final String name;

  /** The department written to the file, or null for a cross-cutting area. */
  final String department;

  final int headcount;
  final List<AreaModel> neighbours = new ArrayList<>();
  final WeightedChoice<TrackModel> tracks;
  private final List<String> neighbourNames;

  private AreaModel(Area a) {
    this.name = a.name();
    this.department = a.department();
    this.headcount = a.headcount();
    this.neighbourNames = a.neighbours();
    List<TrackModel> ts = new ArrayList<>();
    double[] w = new double[a.tracks().size()];
    for (int i = 0; i < w.length; i++) {
      Track t = a.tracks().get(i);
      ts.add(new TrackModel(t, a.name()));
      w[i] = t.weight();
    }
    this.tracks = WeightedChoice.of(ts, w);
  }

  /** Every area, departments first, in bank order. */
  static List<AreaModel> all() {
    return List.copyOf(ALL);
  }

  /** The departments' relative sizes, in {@link #DEPARTMENTS} order. */
  static double[] departmentHeadcounts() {
    return DEPARTMENTS.stream().mapToDouble(m -> m.headcount).toArray();
  }
}
