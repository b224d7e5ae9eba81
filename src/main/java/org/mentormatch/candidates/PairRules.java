package org.mentormatch.candidates;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.arrays_overlap;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.mentormatch.Columns;
import org.mentormatch.config.RuleConfig;

/**
 * The hard rules a candidate pair must pass before it is scored, in the order the funnel of an
 * unmatched mentee reports them.
 *
 * <p>Each rule is a boolean column over a pair row (member columns prefixed {@code mentee_} and
 * {@code mentor_}); a pair is allowed when every rule is true. Self-pairs never become candidates.
 *
 * <p>The last two rules come from the programme's memory: a pair a coordinator rejected is never
 * proposed again, and a mentor whose places are all taken by active mentorships and pending
 * proposals gets no more.
 */
public final class PairRules {
  private PairRules() {}

  /** A named hard rule. */
  public record PairRule(String name, Column passes) {}

  public static final String SHARED_LANGUAGE = "shared_language";
  public static final String TIMEZONE = "timezone";
  public static final String SENIORITY = "seniority";
  public static final String REPORTING_LINE = "reporting_line";
  public static final String SAME_MANAGER = "same_manager";
  public static final String NOT_DECLINED = "not_declined";
  public static final String MENTOR_HAS_ROOM = "mentor_has_room";

  /** The rules in funnel order, configured by {@code config}. */
  public static List<PairRule> rules(RuleConfig config) {
    List<PairRule> rules = new ArrayList<>();
    rules.add(
        new PairRule(
            SHARED_LANGUAGE,
            arrays_overlap(
                col(Columns.mentee(Columns.LANGUAGES)), col(Columns.mentor(Columns.LANGUAGES)))));
    Column difference =
        abs(
            col(Columns.mentee(Columns.UTC_OFFSET_MINUTES))
                .minus(col(Columns.mentor(Columns.UTC_OFFSET_MINUTES))));
    Column circular = least(difference, lit(24 * 60).minus(difference));
    rules.add(
        new PairRule(
            TIMEZONE, circular.leq(lit(Math.round(config.maxTimezoneDifferenceHours() * 60)))));
    rules.add(
        new PairRule(
            SENIORITY,
            col(Columns.mentor(Columns.SENIORITY))
                .minus(col(Columns.mentee(Columns.SENIORITY)))
                .geq(config.minSeniorityGap())));
    rules.add(
        new PairRule(
            REPORTING_LINE,
            not(array_contains(
                    col(Columns.mentee(Columns.MANAGEMENT_CHAIN)), col(Columns.MENTOR_ID)))
                .and(
                    not(
                        array_contains(
                            col(Columns.mentor(Columns.MANAGEMENT_CHAIN)),
                            col(Columns.MENTEE_ID))))));
    Column sameManager =
        coalesce(
            col(Columns.mentee(Columns.MANAGER_ID))
                .equalTo(col(Columns.mentor(Columns.MANAGER_ID))),
            lit(false));
    rules.add(
        new PairRule(SAME_MANAGER, config.allowSameManagerPeers() ? lit(true) : not(sameManager)));
    // From the coordinators' decisions and earlier nights (see decisions.History):
    rules.add(new PairRule(NOT_DECLINED, not(col(Columns.DECLINED_BEFORE))));
    rules.add(new PairRule(MENTOR_HAS_ROOM, col(Columns.mentor(Columns.FREE_CAPACITY)).gt(0)));
    return List.copyOf(rules);
  }
}
