package org.mentormatch.ingest;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.mentormatch.Columns;

/** The explicit schema of parsed member rows, and the conversion into it. */
public final class MemberTable {
  private MemberTable() {}

  /** Parsed members: one row per CSV record after the header. */
  public static final StructType PARSED =
      new StructType()
          .add(Columns.LINE, LongType, false)
          .add(Columns.RAW, StringType, false)
          .add(Columns.MEMBER_ID, StringType, true)
          .add(Columns.NAME, StringType, true)
          .add(Columns.EMAIL, StringType, true)
          .add(Columns.ROLE, StringType, true)
          .add(Columns.GOALS, createArrayType(StringType, false), false)
          .add(Columns.SKILLS, createArrayType(StringType, false), false)
          .add(Columns.DEPARTMENT, StringType, true)
          .add(Columns.MANAGER_ID, StringType, true)
          .add(Columns.TIMEZONE, StringType, true)
          .add(Columns.SENIORITY, IntegerType, true)
          .add(Columns.LANGUAGES, createArrayType(StringType, false), false)
          .add(Columns.CAPACITY, IntegerType, true)
          .add(Columns.CONSENT, BooleanType, false)
          .add("readable", BooleanType, false)
          .add(Columns.REASONS, createArrayType(StringType, false), false);

  /** The row of {@code m} in the {@link #PARSED} schema. */
  public static Row toRow(ParsedMember m) {
    return RowFactory.create(
        m.line(),
        m.raw(),
        m.memberId(),
        m.name(),
        m.email(),
        m.role(),
        m.goals().toArray(new String[0]),
        m.skills().toArray(new String[0]),
        m.department(),
        m.managerId(),
        m.timezone(),
        m.seniority(),
        m.languages().toArray(new String[0]),
        m.capacity(),
        m.consent(),
        m.readable(),
        m.reasons().toArray(new String[0]));
  }
}
