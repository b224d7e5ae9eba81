package org.mentormatch.tools;

import java.util.ArrayList;
import java.util.List;

/**
 * With broken rows, turns the first suitable members past fixed points of the file into valid rows
 * that are awkward to read or to show: a name with a comma, a name that is a spreadsheet formula,
 * goals with a line break inside the quoted field; and the plan's two members who name each other
 * as manager.
 */
final class AwkwardRows {
  private final int newlineFrom;
  private final int commaNameFrom;
  private final int formulaNameFrom;
  private boolean newlineDone;
  private boolean commaNameDone;
  private boolean formulaNameDone;
  private final int[] managerCycle;
  private final MemberIds ids;
  private final List<String> notes = new ArrayList<>();

  /** Awkward rows at a third, half and two thirds of the plan's rows, or none if not wanted. */
  AwkwardRows(boolean wanted, CompanyPlan plan, MemberIds ids) {
    int rows = plan.rows;
    this.newlineFrom = wanted ? rows / 3 : Integer.MAX_VALUE;
    this.commaNameFrom = wanted ? rows / 2 : Integer.MAX_VALUE;
    this.formulaNameFrom = wanted ? (2 * rows) / 3 : Integer.MAX_VALUE;
    this.managerCycle = plan.managerCycle;
    this.ids = ids;
  }

  /** Makes valid member {@code v} of row {@code r} awkward if it is the next one due. */
  void apply(int r, String[] v, PersonName name) {
    boolean renamed = false;
    if (!commaNameDone && r >= commaNameFrom && name.region() == Region.ANGLO) {
      v[1] = v[1] + ", Jr.";
      commaNameDone = true;
      renamed = true;
      notes.add("name contains a comma, so the field is quoted");
    }
    if (!formulaNameDone && r >= formulaNameFrom && !renamed) {
      v[1] = "=HYPERLINK(\"http://example.com\",\"Click here\")";
      formulaNameDone = true;
      notes.add("name starts with '=' (spreadsheet formula injection attempt)");
    }
    int semicolon = v[4].indexOf(';');
    if (!newlineDone
        && r >= newlineFrom
        && semicolon > 0
        && !v[4].substring(semicolon + 1).isBlank()) {
      // As when someone presses Alt+Enter in a spreadsheet cell after typing the separator.
      v[4] = v[4].substring(0, semicolon + 1) + "\n" + v[4].substring(semicolon + 1).strip();
      newlineDone = true;
      notes.add("goals contain a line break inside the quoted field");
    }
    for (int i = 0; i < managerCycle.length; i++) {
      if (r == managerCycle[i]) {
        String other = ids.of(managerCycle[1 - i]);
        v[7] = other;
        notes.add("manager_id names " + other + ", who names this member: a management cycle");
      }
    }
  }

  /** What the last {@link #apply} did to its row, in words; then forgets it. */
  List<String> takeNotes() {
    List<String> taken = List.copyOf(notes);
    notes.clear();
    return taken;
  }
}
