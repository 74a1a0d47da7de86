package dev.goenvdoctor.lsp;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.services.WorkspaceService;

/** {@code workspace/*}: one line each to {@link DoctorService}. */
final class DoctorWorkspaceService implements WorkspaceService {
  private final DoctorService service;

  DoctorWorkspaceService(DoctorService service) {
    this.service = service;
  }

  @Override
  public void didChangeConfiguration(DidChangeConfigurationParams params) {
    service.didChangeConfiguration(params);
  }

  @Override
  public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
    service.didChangeWatchedFiles(params);
  }

  @Override
  public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
    service.didChangeWorkspaceFolders(params);
  }

  @Override
  public CompletableFuture<Object> executeCommand(ExecuteCommandParams params) {
    return service.executeCommand(params);
  }
}
