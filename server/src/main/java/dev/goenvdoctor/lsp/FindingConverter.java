package dev.goenvdoctor.lsp;

import com.google.gson.JsonObject;
import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.model.Provenance;
import dev.goenvdoctor.model.Severity;
import dev.goenvdoctor.model.TextRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Findings to LSP diagnostics: source {@code go-env-doctor}, the rule slug as code with a link to its page,
 * the evidence as related information, and in {@code data} what a code action request needs to find the
 * finding again (its slug and fingerprint).
 */
final class FindingConverter {
  static final String SOURCE = "go-env-doctor";

  private final UriMapper uris;
  private final RuleLinks links;

  FindingConverter(UriMapper uris, RuleLinks links) {
    this.uris = uris;
    this.links = links;
  }

  Diagnostic diagnostic(Finding f) {
    Diagnostic d = new Diagnostic(range(f.location().range()), message(f), severity(f.severity()), SOURCE);
    d.setCode(Either.forLeft(f.slug()));
    links.href(f.slug()).ifPresent(href -> d.setCodeDescription(new DiagnosticCodeDescription(href)));
    List<DiagnosticRelatedInformation> related = new ArrayList<>();
    for (Provenance p : f.evidence()) {
      String text = p.text() == null || p.text().isBlank() ? p.display() : p.display() + ": " + p.text();
      related.add(new DiagnosticRelatedInformation(new Location(uris.uri(p.location().file()), range(p.location().range())), text));
    }
    if (!related.isEmpty()) {
      d.setRelatedInformation(related);
    }
    JsonObject data = new JsonObject();
    data.addProperty("slug", f.slug());
    data.addProperty("code", f.code());
    data.addProperty("fingerprint", fingerprint(f));
    data.addProperty("fixes", f.fixes().size());
    d.setData(data);
    return d;
  }

  /** A short stable id of a finding: equal findings of two analyses have equal fingerprints. */
  static String fingerprint(Finding f) {
    return Integer.toHexString(Objects.hash(f.slug(), f.location(), f.message()));
  }

  static Range range(TextRange r) {
    Position start = new Position(Math.max(0, r.startLine()), Math.max(0, r.startColumn()));
    Position end = new Position(Math.max(0, r.endLine()), Math.max(0, r.endColumn()));
    boolean backwards = end.getLine() < start.getLine() || (end.getLine() == start.getLine() && end.getCharacter() < start.getCharacter());
    return new Range(start, backwards ? start : end);
  }

  static DiagnosticSeverity severity(Severity s) {
    return switch (s) {
      case ERROR -> DiagnosticSeverity.Error;
      case WARNING -> DiagnosticSeverity.Warning;
      case INFO -> DiagnosticSeverity.Information;
    };
  }

  /** The finding's message, plus the commands it asks the user to run (a diagnostic has no other place for them). */
  private static String message(Finding f) {
    if (f.commands().isEmpty()) {
      return f.message();
    }
    StringBuilder m = new StringBuilder(f.message());
    for (String c : f.commands()) {
      m.append("\nRun yourself: ").append(c);
    }
    return m.toString();
  }
}
