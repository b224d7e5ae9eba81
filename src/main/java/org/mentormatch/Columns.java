package org.mentormatch;

/** Column names shared by the stages, in one place. */
public final class Columns {
  private Columns() {}

  // ingest: one row per CSV record
  public static final String LINE = "line";
  public static final String RAW = "raw";
  public static final String STATUS = "status";
  public static final String REASONS = "reasons";

  // members CSV columns (the contract's names), typed after ingest
  public static final String MEMBER_ID = "member_id";
  public static final String NAME = "name";
  public static final String EMAIL = "email";
  public static final String ROLE = "role";
  public static final String GOALS = "goals";
  public static final String SKILLS = "skills";
  public static final String DEPARTMENT = "department";
  public static final String MANAGER_ID = "manager_id";
  public static final String TIMEZONE = "timezone";
  public static final String SENIORITY = "seniority";
  public static final String LANGUAGES = "languages";
  public static final String CAPACITY = "capacity";
  public static final String CONSENT = "consent";

  // derived member columns
  public static final String IS_MENTEE = "is_mentee";
  public static final String IS_MENTOR = "is_mentor";
  public static final String MANAGEMENT_CHAIN = "management_chain";
  public static final String UTC_OFFSET_MINUTES = "utc_offset_minutes";
  public static final String FREE_CAPACITY = "free_capacity";
  public static final String DECLINED_BEFORE = "declined_before";

  // features
  public static final String GOAL_PHRASES = "goal_phrases";
  public static final String SKILL_PHRASES = "skill_phrases";
  public static final String GOAL_EMBEDDING = "goal_embedding";
  public static final String SKILL_EMBEDDING = "skill_embedding";
  public static final String PROFILE_EMBEDDING = "profile_embedding";
  public static final String PHRASE_TEXT = "text";
  public static final String PHRASE_KEY = "key";
  public static final String PHRASE_CONCEPTS = "concepts";
  public static final String PHRASE_COVERAGE = "coverage";
  public static final String PHRASE_TOPICAL = "topical";
  public static final String PHRASE_EMBEDDING = "embedding";

  // clusters
  public static final String CLUSTER = "cluster";
  public static final String SEARCH_CLUSTERS = "search_clusters";
  public static final String MENTOR_CLUSTERS = "mentor_clusters";

  // pairs: every member column appears twice, with these prefixes
  public static final String MENTEE = "mentee_";
  public static final String MENTOR = "mentor_";
  public static final String MENTEE_ID = MENTEE + MEMBER_ID;
  public static final String MENTOR_ID = MENTOR + MEMBER_ID;

  // scoring
  public static final String SCORE = "score";

  /** A pair's place in its mentee's best-first order ({@code PairScoring.bestFirst}), from 1. */
  public static final String RANK = "rank";

  /** How many mentors fit a mentee: allowed by every rule, covering and scoring enough. */
  public static final String FITTING_MENTORS = "fitting_mentors";

  public static final String COVERAGE = "coverage";
  public static final String SENIORITY_PART = "seniority_part";
  public static final String TIMEZONE_PART = "timezone_part";
  public static final String DEPARTMENT_PART = "department_part";
  public static final String SHARED_HOURS = "shared_hours";
  public static final String MATCHES = "matches";

  /** The column name of a member column on the mentee side of a pair. */
  public static String mentee(String column) {
    return MENTEE + column;
  }

  /** The column name of a member column on the mentor side of a pair. */
  public static String mentor(String column) {
    return MENTOR + column;
  }
}
