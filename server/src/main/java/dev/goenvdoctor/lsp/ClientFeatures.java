package dev.goenvdoctor.lsp;

import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;

/**
 * What the client said it supports, reduced to the questions the server asks. Every capability is optional
 * in the protocol, so a missing one reads as "not supported".
 *
 * @param configuration answers {@code workspace/configuration}
 * @param workDoneProgress shows server-initiated progress
 * @param documentChanges applies versioned {@code documentChanges}
 * @param createFiles applies {@code CreateFile} operations
 * @param watchedFiles accepts a dynamic registration of {@code workspace/didChangeWatchedFiles}
 * @param relativePatterns accepts {@code RelativePattern} globs in file watchers
 */
record ClientFeatures(boolean configuration, boolean workDoneProgress, boolean documentChanges, boolean createFiles,
    boolean watchedFiles, boolean relativePatterns) {

  static final ClientFeatures NONE = new ClientFeatures(false, false, false, false, false, false);

  static ClientFeatures of(ClientCapabilities c) {
    if (c == null) {
      return NONE;
    }
    Optional<WorkspaceClientCapabilities> ws = Optional.ofNullable(c.getWorkspace());
    Optional<WorkspaceEditCapabilities> edit = ws.map(WorkspaceClientCapabilities::getWorkspaceEdit);
    Optional<DidChangeWatchedFilesCapabilities> watch = ws.map(WorkspaceClientCapabilities::getDidChangeWatchedFiles);
    List<String> operations = edit.map(WorkspaceEditCapabilities::getResourceOperations).orElse(List.of());
    return new ClientFeatures(
        ws.map(WorkspaceClientCapabilities::getConfiguration).orElse(false),
        Optional.ofNullable(c.getWindow()).map(WindowClientCapabilities::getWorkDoneProgress).orElse(false),
        edit.map(WorkspaceEditCapabilities::getDocumentChanges).orElse(false),
        operations != null && operations.contains(ResourceOperationKind.Create),
        watch.map(DidChangeWatchedFilesCapabilities::getDynamicRegistration).orElse(false),
        watch.map(DidChangeWatchedFilesCapabilities::getRelativePatternSupport).orElse(false));
  }
}
