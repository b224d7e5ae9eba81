package org.mentormatch.tools;

import java.util.SplittableRandom;
import org.mentormatch.tools.MemberGenerator.Defect;

/**
 * Builds each broken row: an otherwise valid individual contributor (consenting, every cell spelled
 * plainly) with exactly one {@link Defect}. Its random choices come from a stream of their own, so
 * the broken rows do not change the valid members around them.
 */
final class BrokenRows {
  private final CompanyPlan plan;
  private final MemberRows members;
  private final SplittableRandom random;

  BrokenRows(CompanyPlan plan, MemberRows members, SplittableRandom random) {
    this.plan = plan;
    this.members = members;
    this.random = random;
  }

  /** The row {@code r} with {@code defect}, in {@link MemberGenerator#COLUMNS} order. */
  String[] build(int r, Defect defect) {
    SplittableRandom rnd = random;
    DepartmentPlan dep;
    do {
      dep = plan.departments[rnd.nextInt(plan.departments.length)];
    } while (dep.size == 0);
    int lead = dep.teamLeads[rnd.nextInt(dep.teamLeads.length)];
    int seniority = Seniority.individual(rnd);
    Role role =
        switch (defect) {
          case CAPACITY_OUT_OF_RANGE, NON_NUMERIC_CAPACITY, MENTOR_WITHOUT_SKILLS -> Role.MENTOR;
          case MENTEE_WITHOUT_GOALS -> Role.MENTEE;
          default -> Role.draw(Rank.INDIVIDUAL, seniority, rnd);
        };
    int office = dep.leaderOffice[lead];
    PersonName name = Office.ALL.get(office).name(rnd);
    String[] v =
        members.cells(
            r, dep, Rank.INDIVIDUAL, seniority, office, dep.leaderRow[lead], role, name, rnd);
    v[3] = role.word;
    v[6] = AreaModel.DEPARTMENTS.get(dep.index).department;
    v[9] = Integer.toString(seniority);
    v[12] = "yes";
    if (v[10].isEmpty()) {
      v[10] = "en";
    }
    switch (defect) {
      case MISSING_NAME -> v[1] = "";
      case BAD_EMAIL -> v[2] = v[2].replace('@', '.');
      case BAD_ROLE -> v[3] = "mentr";
      case DUPLICATE_ID -> v[0] = members.earlierId();
      case UNKNOWN_TIMEZONE -> v[8] = "Mars/Olympus";
      case NON_NUMERIC_SENIORITY -> v[9] = "senior";
      case SENIORITY_OUT_OF_RANGE -> v[9] = "12";
      case CAPACITY_OUT_OF_RANGE -> v[11] = "11";
      case NON_NUMERIC_CAPACITY -> v[11] = "two";
      case INVALID_LANGUAGE -> v[10] = "english";
      case INVALID_MEMBER_ID -> v[0] = "m 01!";
      case MENTEE_WITHOUT_GOALS -> v[4] = "";
      case MENTOR_WITHOUT_SKILLS -> v[5] = "";
      case SELF_MANAGER -> v[7] = v[0];
      case TOO_FEW_FIELDS -> {
        // The row is cut when printed; its values stay valid so only the length is wrong.
      }
    }
    return v;
  }
}
