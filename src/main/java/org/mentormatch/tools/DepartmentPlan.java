package org.mentormatch.tools;

import java.util.SplittableRandom;

/**
 * One department's leaders: where they sit in the department's rows, their rank, seniority and
 * office, and whom they report to. The head leads a tree of managers with {@link #MANAGER_FAN_OUT}
 * managers under each; every individual contributor reports to a team lead.
 */
final class DepartmentPlan {

  /** Most managers under one manager, so big departments get deep chains, not huge teams. */
  static final int MANAGER_FAN_OUT = 6;

  final int index;
  final int size;

  /** Each leader's position among the department's rows, ascending. */
  final int[] leaderLocal;

  /** Each leader's row in the file, filled in by {@link CompanyPlan}. */
  final int[] leaderRow;

  final Rank[] leaderRank;
  final byte[] leaderSeniority;
  final byte[] leaderOffice;

  /** Each leader's own leader (an index into these arrays), or -1 for the head. */
  final int[] leaderBoss;

  /** The leaders individual contributors report to: the managers, or the head if alone. */
  final int[] teamLeads;

  private DepartmentPlan(int index, int size, int leaders) {
    this.index = index;
    this.size = size;
    this.leaderLocal = new int[leaders];
    this.leaderRow = new int[leaders];
    this.leaderRank = new Rank[leaders];
    this.leaderSeniority = new byte[leaders];
    this.leaderOffice = new byte[leaders];
    this.leaderBoss = new int[leaders];
    this.teamLeads = new int[Math.max(1, leaders - 1)];
  }

  static DepartmentPlan plan(int index, int size, SplittableRandom random) {
    if (size == 0) {
      return new DepartmentPlan(index, 0, 0);
    }
    // About one manager per seven reports.
    int managers = size > 1 ? Math.min(size - 1, Math.max(1, Math.round((size - 1) / 7f))) : 0;
    int leaders = managers + 1;
    DepartmentPlan d = new DepartmentPlan(index, size, leaders);
    for (int k = 0, found = 0; k < size && found < leaders; k++) {
      if (random.nextInt(size - k) < leaders - found) {
        d.leaderLocal[found++] = k;
      }
    }
    int head = random.nextInt(leaders);
    int[] others = new int[leaders - 1];
    for (int s = 0, o = 0; s < leaders; s++) {
      if (s != head) {
        others[o++] = s;
      }
    }
    FisherYates.shuffle(others, random);
    d.leaderRank[head] = Rank.HEAD;
    d.leaderSeniority[head] = (byte) Seniority.head(random);
    d.leaderOffice[head] = (byte) Office.CHOICE.pickIndex(random);
    d.leaderBoss[head] = -1;
    // Managers form a tree with MANAGER_FAN_OUT managers under each (a heap layout over
    // others[]), so no one has hundreds of direct reports and big departments get deep chains.
    for (int i = 0; i < others.length; i++) {
      int s = others[i];
      int parent = (i / MANAGER_FAN_OUT) - 1;
      int boss = parent < 0 ? head : others[parent];
      boolean managesManagers = MANAGER_FAN_OUT * (i + 1) < others.length;
      d.leaderRank[s] = managesManagers ? Rank.SENIOR_MANAGER : Rank.MANAGER;
      d.leaderBoss[s] = boss;
      if (parent < 0) {
        d.leaderSeniority[s] = Seniority.HEAD_REPORT;
      } else {
        d.leaderSeniority[s] =
            (byte)
                (managesManagers ? Seniority.managerOfManagers(random) : Seniority.manager(random));
      }
      d.leaderOffice[s] =
          random.nextDouble() < 0.6 ? d.leaderOffice[boss] : (byte) Office.CHOICE.pickIndex(random);
    }
    if (others.length == 0) {
      d.teamLeads[0] = head;
    } else {
      System.arraycopy(others, 0, d.teamLeads, 0, others.length);
    }
    return d;
  }
}
