package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.Finding;
import dev.goenvdoctor.probe.Root;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Publishes an analysis: one {@code publishDiagnostics} per file whose diagnostics changed, with the document
 * version when the file is open, and an empty list for a file whose findings went away. Diagnostics of an open
 * document are published only for the version the analysis read (a newer text means a newer analysis is
 * queued). Used on the analysis thread only.
 */
final class DiagnosticsPublisher {
  private record Published(String uri, Integer version, List<Diagnostic> diagnostics) {}

  private final FindingConverter converter;
  private final UriMapper uris;
  private final Root root;
  private final ServerLog log;
  private final Map<String, Published> last = new HashMap<>();

  DiagnosticsPublisher(FindingConverter converter, UriMapper uris, Root root, ServerLog log) {
    this.converter = converter;
    this.uris = uris;
    this.root = root;
    this.log = log;
  }

  void publish(LanguageClient client, Checked checked, Documents documents) {
    if (client == null) {
      return;
    }
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    Map<String, Boolean> isDirectory = new HashMap<>();
    for (Finding f : checked.findings()) {
      String file = f.location().file();
      if (isDirectory.computeIfAbsent(file, root::isDirectory)) {
        // An environment-wide finding in a workspace without go.mod: no file to show it on (the report has it).
        log.debug(f.slug() + " has no file to show it on (" + file + ")");
        continue;
      }
      try {
        byFile.computeIfAbsent(file, k -> new ArrayList<>()).add(converter.diagnostic(f));
      } catch (RuntimeException e) {
        log.warn("cannot show " + f.slug() + " at " + f.location().display() + ": " + e);
      }
    }
    Set<String> files = new LinkedHashSet<>(byFile.keySet());
    files.addAll(last.keySet());
    for (String file : files) {
      Optional<Documents.Open> doc = documents.get(file);
      Integer version = checked.versions().get(file);
      if (doc.isPresent() && (version == null || doc.get().version() != version)) {
        continue;
      }
      List<Diagnostic> diagnostics = byFile.getOrDefault(file, List.of());
      Published before = last.get(file);
      String uri = doc.map(Documents.Open::uri).orElse(before != null ? before.uri() : uris.uri(file));
      Published now = new Published(uri, version, diagnostics);
      if (now.equals(before)) {
        continue;
      }
      if (diagnostics.isEmpty()) {
        last.remove(file);
      } else {
        last.put(file, now);
      }
      try {
        client.publishDiagnostics(new PublishDiagnosticsParams(uri, diagnostics, version));
      } catch (RuntimeException e) {
        log.warn("cannot publish diagnostics for " + uri + ": " + e);
      }
    }
  }
}
