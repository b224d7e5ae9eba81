package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.mentormatch.tools.MemberGenerator.NotableRow;
import org.mentormatch.tools.MemberGenerator.Summary;

/** Counts what a run writes, for its {@link Summary}. */
final class SummaryTally {
  private final Map<String, Long> roles = new TreeMap<>();
  private final Map<String, Long> departments = new TreeMap<>();
  private final List<NotableRow> broken = new ArrayList<>();
  private final List<NotableRow> tricky = new ArrayList<>();
  private long validRows;
  private long withoutConsent;
  private long withoutEnglish;

  /** Counts a valid member, in {@link MemberGenerator#COLUMNS} order. */
  void valid(String[] v) {
    validRows++;
    roles.merge(v[3].toLowerCase(Locale.ROOT), 1L, Long::sum);
    departments.merge(v[6], 1L, Long::sum);
    if (!Enrolment.optsIn(v[12])) {
      withoutConsent++;
    }
    if (!v[10].isEmpty() && !(";" + v[10] + ";").contains(";en;")) {
      withoutEnglish++;
    }
  }

  void broken(NotableRow row) {
    broken.add(row);
  }

  void tricky(NotableRow row) {
    tricky.add(row);
  }

  Summary summary(long records) {
    return new Summary(
        records,
        validRows,
        Collections.unmodifiableMap(roles),
        Collections.unmodifiableMap(departments),
        withoutConsent,
        withoutEnglish,
        List.copyOf(broken),
        List.copyOf(tricky));
  }
}
