package org.mentormatch.tools;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mentormatch.tools.MemberGenerator.Defect;
import org.mentormatch.tools.MemberGenerator.NotableRow;
import org.mentormatch.tools.MemberGenerator.Options;
import org.mentormatch.tools.MemberGenerator.Summary;

/** One run: walks the plan row by row, prints each member and counts what it wrote. */
final class GeneratorRun {
  private final Options options;
  private final CompanyPlan plan;
  private final int[] order;
  private final MemberRows members;
  private final BrokenRows broken;
  private final AwkwardRows awkward;
  private final SummaryTally tally = new SummaryTally();

  GeneratorRun(
      Options options,
      CompanyPlan plan,
      int[] order,
      SplittableRandom random,
      SplittableRandom brokenRandom,
      SplittableRandom wordingRandom) {
    this.options = options;
    this.plan = plan;
    this.order = order;
    this.members = new MemberRows(plan, random, options.style().wording(), wordingRandom);
    this.broken = new BrokenRows(plan, members, brokenRandom);
    this.awkward = new AwkwardRows(options.brokenRows(), plan, members.ids());
  }

  Summary run(Writer out) throws IOException {
    CSVFormat format = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();
    if (options.brokenRows()) {
      out.write('\uFEFF');
    }
    CSVPrinter printer = new CSVPrinter(out, format);
    String[] row = new String[MemberGenerator.COLUMNS.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] = MemberGenerator.COLUMNS.get(order[i]);
    }
    printer.printRecord((Object[]) row);
    long line = 2;
    for (int r = 0; r < plan.rows; r++) {
      String[] values;
      Defect defect = plan.defects.get(r);
      if (defect == null) {
        MemberRows.Member m = members.valid(r);
        values = m.cells();
        awkward.apply(r, values, m.name());
        tally.valid(values);
      } else {
        values = broken.build(r, defect);
        tally.broken(new NotableRow(line, values[0], defect.description()));
      }
      for (String what : awkward.takeNotes()) {
        tally.tricky(new NotableRow(line, values[0], what));
      }
      for (int i = 0; i < row.length; i++) {
        row[i] = values[order[i]];
      }
      if (defect == Defect.TOO_FEW_FIELDS) {
        printer.printRecord((Object[]) Arrays.copyOf(row, 6));
      } else {
        printer.printRecord((Object[]) row);
      }
      line += 1 + newlines(row);
    }
    printer.flush();
    return tally.summary(plan.rows);
  }

  private static int newlines(String[] row) {
    int n = 0;
    for (String s : row) {
      for (int i = 0; i < s.length(); i++) {
        if (s.charAt(i) == '\n') {
          n++;
        }
      }
    }
    return n;
  }
}
