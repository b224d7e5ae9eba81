package org.mentormatch.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One members CSV record after row-level checks: typed values (defaults applied) and every reason
 * the row cannot be used. Values that failed a check are null; {@code readable} is false when the
 * record is not valid CSV or has the wrong number of fields, so no value can be trusted.
 */
public record ParsedMember(
    long line,
    String raw,
    String memberId,
    String name,
    String email,
    String role,
    List<String> goals,
    List<String> skills,
    String department,
    String managerId,
    String timezone,
    Integer seniority,
    List<String> languages,
    Integer capacity,
    boolean consent,
    boolean readable,
    List<String> reasons)
    implements Serializable {

  /** The role word for members who mentor. */
  public static final String MENTOR = "mentor";

  /** The role word for members who are mentored. */
  public static final String MENTEE = "mentee";

  /** The role word for members who do both. */
  public static final String BOTH = "both";

  /** This member with {@code shown} as its raw text (what reports may show of it). */
  public ParsedMember withRaw(String shown) {
    return new ParsedMember(
        line,
        shown,
        memberId,
        name,
        email,
        role,
        goals,
        skills,
        department,
        managerId,
        timezone,
        seniority,
        languages,
        capacity,
        consent,
        readable,
        reasons);
  }
}
