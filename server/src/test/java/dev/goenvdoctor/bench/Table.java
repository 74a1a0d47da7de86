package dev.goenvdoctor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown table of one run: each figure beside its floor and target, with a verdict, and notes under it. */
final class Table {
  enum Verdict {
    MET("met"), NOT_MET("**not met**"), FLOOR("floor"), INFO("-");

    final String text;

    Verdict(String text) {
      this.text = text;
    }

    static Verdict of(boolean met) {
      return met ? MET : NOT_MET;
    }
  }

  private record Row(String figure, String measured, String floor, String target, Verdict verdict) {}

  private final List<Row> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  void floor(String figure, Samples s) {
    rows.add(new Row(figure, time(s), "-", "-", Verdict.FLOOR));
  }

  void row(String figure, String measured, String floor, String target, Verdict verdict) {
    rows.add(new Row(figure, measured, floor, target, verdict));
  }

  void note(String text) {
    notes.add(text);
  }

  long count(Verdict v) {
    return rows.stream().filter(r -> r.verdict() == v).count();
  }

  /** Median and p95 of a timing. */
  static String time(Samples s) {
    return String.format(Locale.ROOT, "%s median, %s p95 (%d runs)", ms(s.median()), ms(s.p95()), s.runs());
  }

  static String ms(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
  }

  static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }

  String markdown() {
    StringBuilder md = new StringBuilder("| figure | measured | floor (same run) | target | verdict |\n|---|---|---|---|---|\n");
    for (Row r : rows) {
      md.append("| ").append(r.figure()).append(" | ").append(r.measured()).append(" | ").append(r.floor())
          .append(" | ").append(r.target()).append(" | ").append(r.verdict().text).append(" |\n");
    }
    md.append(format("%nTargets met: %d of %d.%n", count(Verdict.MET), count(Verdict.MET) + count(Verdict.NOT_MET)));
    if (!notes.isEmpty()) {
      md.append("\nNotes on this run:\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }
}
