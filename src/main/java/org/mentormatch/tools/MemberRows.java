package org.mentormatch.tools;

import java.util.SplittableRandom;

/**
 * Builds the valid member of each row, in row order: rank and manager from the plan, office,
 * seniority, role, name, and every cell. It also remembers an earlier contributor's id for the
 * broken row that repeats one.
 */
final class MemberRows {

  /** A valid member's cells in {@link MemberGenerator#COLUMNS} order, and their name. */
  record Member(String[] cells, PersonName name) {}

  private final CompanyPlan plan;
  private final SplittableRandom random;
  private final Wording wording;
  private final SplittableRandom wordingRandom;
  private final MemberIds ids;
  private final EmailBook emails = new EmailBook();
  // Per department: rows written so far, and the next leader (index into leaderLocal) to meet.
  private final int[] localCursor;
  private final int[] leaderCursor;

  private String earlierIndividualId;
  private long individualsSeen;
  private String firstId;

  /**
   * Members of {@code plan} drawn from {@code random}, with goals and skills in {@code wording}
   * drawn from {@code wordingRandom}, or from the stream each row is drawn from if it is null.
   */
  MemberRows(
      CompanyPlan plan, SplittableRandom random, Wording wording, SplittableRandom wordingRandom) {
    this.plan = plan;
    this.random = random;
    this.wording = wording;
    this.wordingRandom = wordingRandom;
    this.ids = MemberIds.forRows(plan.rows);
    this.localCursor = new int[plan.departments.length];
    this.leaderCursor = new int[plan.departments.length];
  }

  MemberIds ids() {
    return ids;
  }

  /** The valid member at row {@code r}; rows must be asked for in order. */
  Member valid(int r) {
    int d = plan.rowDepartment[r];
    DepartmentPlan dep = plan.departments[d];
    int k = localCursor[d]++;
    Rank rank;
    int seniority;
    int office;
    int bossRow;
    int p = leaderCursor[d];
    if (p < dep.leaderLocal.length && dep.leaderLocal[p] == k) {
      leaderCursor[d]++;
      rank = dep.leaderRank[p];
      seniority = dep.leaderSeniority[p];
      office = dep.leaderOffice[p];
      bossRow = dep.leaderBoss[p] < 0 ? -1 : dep.leaderRow[dep.leaderBoss[p]];
    } else {
      rank = Rank.INDIVIDUAL;
      int lead = dep.teamLeads[random.nextInt(dep.teamLeads.length)];
      bossRow = dep.leaderRow[lead];
      office =
          random.nextDouble() < 0.75 ? dep.leaderOffice[lead] : Office.CHOICE.pickIndex(random);
      seniority = Seniority.individual(random);
    }
    Role role = Role.draw(rank, seniority, random);
    PersonName name = Office.ALL.get(office).name(random);
    String[] v = cells(r, dep, rank, seniority, office, bossRow, role, name, random);
    if (rank == Rank.INDIVIDUAL) {
      // Reservoir sampling: the duplicate-id row copies a uniformly chosen earlier contributor.
      individualsSeen++;
      if (random.nextLong(individualsSeen) == 0) {
        earlierIndividualId = v[0];
      }
    }
    if (firstId == null) {
      firstId = v[0];
    }
    return new Member(v, name);
  }

  /** A uniformly chosen earlier individual contributor's id (the first member's if none yet). */
  String earlierId() {
    return earlierIndividualId != null ? earlierIndividualId : firstId;
  }

  /** Every cell of a member whose place, role and name are decided, drawn from {@code rnd}. */
  String[] cells(
      int r,
      DepartmentPlan dep,
      Rank rank,
      int seniority,
      int officeIndex,
      int bossRow,
      Role role,
      PersonName name,
      SplittableRandom rnd) {
    Office office = Office.ALL.get(officeIndex);
    AreaModel area = AreaModel.DEPARTMENTS.get(dep.index);
    String[] v = new String[MemberGenerator.COLUMNS.size()];
    v[0] = ids.of(r);
    v[1] = name.display();
    v[2] = emails.address(name);
    v[3] = role.spelled(rnd);
    TrackModel track = area.tracks.pick(rnd);
    boolean leader = rank.leads();
    SplittableRandom words = wordingRandom != null ? wordingRandom : rnd;
    v[4] =
        role.mentee
            ? wording.goals(TopicPicker.goals(area, track, seniority, rnd), seniority, words)
            : "";
    v[5] =
        role.mentor
            ? wording.skills(TopicPicker.skills(area, track, leader, rnd), seniority, words)
            : "";
    v[6] = rnd.nextDouble() < 0.01 ? "" : area.department;
    v[7] = bossRow < 0 ? "" : ids.of(bossRow);
    v[8] = rnd.nextDouble() < 0.04 ? "" : office.zone(rnd);
    v[9] = rank != Rank.HEAD && rnd.nextDouble() < 0.03 ? "" : Integer.toString(seniority);
    v[10] = rnd.nextDouble() < 0.02 ? "" : office.languages(rnd);
    v[11] = role.mentor ? Enrolment.capacity(rnd) : "";
    v[12] = Enrolment.consent(rnd);
    v[13] = rnd.nextDouble() < 0.02 ? "" : office.name();
    return v;
  }
}
