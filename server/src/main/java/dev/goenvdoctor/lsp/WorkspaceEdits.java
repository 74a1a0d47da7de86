package dev.goenvdoctor.lsp;

import dev.goenvdoctor.model.FileCreation;
import dev.goenvdoctor.model.Fix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Fixes to a {@link WorkspaceEdit}, the only way the server changes a file. With clients that support
 * {@code documentChanges}, each open document's edits carry the version the fix was computed for, so the client
 * rejects a stale edit; a created file is a {@code CreateFile} followed by an insert, offered only to clients that
 * support creating files. Other clients get a plain {@code changes} map.
 */
final class WorkspaceEdits {
  private final UriMapper uris;
  private final Documents documents;
  private final Map<String, Integer> versions;
  private final ClientFeatures features;

  /** {@code versions}: the document versions the fixes were computed from, by machine path. */
  WorkspaceEdits(UriMapper uris, Documents documents, Map<String, Integer> versions, ClientFeatures features) {
    this.uris = uris;
    this.documents = documents;
    this.versions = versions;
    this.features = features;
  }

  /** Returns the edit applying every fix, or empty when the client cannot apply it (a file to create). */
  Optional<WorkspaceEdit> of(List<Fix> fixes) {
    Map<String, List<TextEdit>> edits = new LinkedHashMap<>();
    List<FileCreation> creations = new ArrayList<>();
    for (Fix fix : fixes) {
      for (dev.goenvdoctor.model.TextEdit e : fix.edits()) {
        edits.computeIfAbsent(e.file(), k -> new ArrayList<>()).add(new TextEdit(FindingConverter.range(e.range()), e.newText()));
      }
      creations.addAll(fix.creations());
    }
    if (!creations.isEmpty() && !features.createFiles()) {
      return Optional.empty();
    }
    if (edits.isEmpty() && creations.isEmpty()) {
      return Optional.empty();
    }
    edits.values().forEach(list -> list.sort(Comparator.comparing((TextEdit t) -> t.getRange().getStart().getLine())
        .thenComparing(t -> t.getRange().getStart().getCharacter())));
    if (!features.documentChanges() && creations.isEmpty()) {
      Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
      edits.forEach((file, list) -> changes.put(uri(file), list));
      return Optional.of(new WorkspaceEdit(changes));
    }
    List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
    for (FileCreation c : creations) {
      String uri = uris.uri(c.file());
      changes.add(Either.forRight(new CreateFile(uri)));
      Position start = new Position(0, 0);
      changes.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
          List.of(new TextEdit(new Range(start, start), c.text())))));
    }
    edits.forEach((file, list) -> changes.add(Either.forLeft(
        new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri(file), versions.get(file)), list))));
    return Optional.of(new WorkspaceEdit(changes));
  }

  private String uri(String file) {
    return documents.get(file).map(Documents.Open::uri).orElseGet(() -> uris.uri(file));
  }
}
