package dev.goenvdoctor.probe.shell;

import dev.goenvdoctor.model.Provenance;
import java.util.ArrayList;
import java.util.List;

/** A simulated string value made of pieces that remember their origin. Immutable. */
final class StaticShellValue {
  static final StaticShellValue EMPTY = new StaticShellValue(List.of());

  private final List<StaticShellPiece> pieces;
  private final String text;

  StaticShellValue(List<StaticShellPiece> pieces) {
    List<StaticShellPiece> kept = new ArrayList<>();
    StringBuilder sb = new StringBuilder();
    for (StaticShellPiece p : pieces) {
      if (!p.text().isEmpty()) {
        kept.add(p);
        sb.append(p.text());
      }
    }
    this.pieces = List.copyOf(kept);
    this.text = sb.toString();
  }

  static StaticShellValue of(String text, Provenance origin, String owner, boolean conditional, boolean dynamic) {
    return new StaticShellValue(List.of(new StaticShellPiece(text, origin, owner, conditional, dynamic)));
  }

  /** A value with no known origin (the base environment without provenance, built-in defaults). */
  static StaticShellValue plain(String text) {
    return of(text, null, null, false, false);
  }

  List<StaticShellPiece> pieces() {
    return pieces;
  }

  String text() {
    return text;
  }

  boolean isEmpty() {
    return text.isEmpty();
  }

  boolean dynamic() {
    return pieces.stream().anyMatch(StaticShellPiece::dynamic);
  }

  StaticShellValue concat(StaticShellValue other) {
    List<StaticShellPiece> all = new ArrayList<>(pieces);
    all.addAll(other.pieces);
    return new StaticShellValue(all);
  }

  /** The characters {@code [start, end)}, pieces cut where needed. */
  StaticShellValue slice(int start, int end) {
    List<StaticShellPiece> out = new ArrayList<>();
    int pos = 0;
    for (StaticShellPiece p : pieces) {
      int pStart = pos;
      int pEnd = pos + p.text().length();
      pos = pEnd;
      int from = Math.max(start, pStart);
      int to = Math.min(end, pEnd);
      if (from < to) {
        out.add(p.withText(p.text().substring(from - pStart, to - pStart)));
      }
    }
    return new StaticShellValue(out);
  }

  /** Splits at every occurrence of {@code separator} (kept pieces per part; empty parts kept). */
  List<StaticShellValue> split(char separator) {
    List<StaticShellValue> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == separator) {
        parts.add(slice(start, i));
        start = i + 1;
      }
    }
    parts.add(slice(start, text.length()));
    return parts;
  }

  static StaticShellValue join(List<StaticShellValue> parts, String separator, Provenance origin, String owner,
      boolean conditional) {
    List<StaticShellPiece> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      if (i > 0) {
        out.add(new StaticShellPiece(separator, origin, owner, conditional, false));
      }
      out.addAll(parts.get(i).pieces);
    }
    return new StaticShellValue(out);
  }

  /**
   * The value as assigned to {@code variable} on a line: pieces already owned by PATH keep their origin
   * (they are entries carried over), every other piece now belongs to this line.
   */
  StaticShellValue assignedTo(String variable, Provenance line, boolean conditional) {
    List<StaticShellPiece> out = new ArrayList<>();
    for (StaticShellPiece p : pieces) {
      if ("PATH".equals(p.owner())) {
        out.add(p);
      } else {
        out.add(new StaticShellPiece(p.text(), line, variable, conditional || p.conditional(), p.dynamic()));
      }
    }
    return new StaticShellValue(out);
  }

  /** The origin to show for the whole value: the piece origin when all pieces agree, else {@code fallback}. */
  StaticShellPiece summary(Provenance fallback, boolean fallbackConditional) {
    if (pieces.isEmpty()) {
      return new StaticShellPiece("", fallback, null, fallbackConditional, false);
    }
    StaticShellPiece first = pieces.get(0);
    boolean same = pieces.stream().allMatch(p -> p.origin() == first.origin() || (p.origin() != null
        && p.origin().equals(first.origin())));
    boolean conditional = pieces.stream().anyMatch(StaticShellPiece::conditional);
    boolean dynamic = dynamic();
    Provenance origin = same ? first.origin() : fallback;
    return new StaticShellPiece(text, origin, first.owner(), conditional || (!same && fallbackConditional), dynamic);
  }

  @Override
  public String toString() {
    return text;
  }
}
