package dev.goenvdoctor.lsp;

import com.google.gson.JsonElement;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.SetTraceParams;
import org.eclipse.lsp4j.WorkDoneProgressCancelParams;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/** The protocol edge: every message goes to {@link DoctorService} in one line. */
final class GoEnvDoctorLanguageServer implements GoEnvDoctorServer, LanguageClientAware {
  private final DoctorService service;
  private final TextDocumentService textDocuments;
  private final WorkspaceService workspace;

  GoEnvDoctorLanguageServer(DoctorService service) {
    this.service = service;
    this.textDocuments = new DoctorTextDocumentService(service);
    this.workspace = new DoctorWorkspaceService(service);
  }

  @Override
  public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
    return service.initialize(params);
  }

  @Override
  public void initialized(InitializedParams params) {
    service.initialized();
  }

  @Override
  public CompletableFuture<Object> shutdown() {
    return service.shutdown();
  }

  @Override
  public void exit() {
    service.exit();
  }

  @Override
  public void cancelProgress(WorkDoneProgressCancelParams params) {
    service.cancelProgress(params);
  }

  @Override
  public void setTrace(SetTraceParams params) {
    // Tracing is the client's concern; accepted so VS Code's $/setTrace is not an error.
  }

  @Override
  public CompletableFuture<JsonElement> report() {
    return service.report();
  }

  @Override
  public TextDocumentService getTextDocumentService() {
    return textDocuments;
  }

  @Override
  public WorkspaceService getWorkspaceService() {
    return workspace;
  }

  @Override
  public void connect(LanguageClient client) {
    service.connect(client);
  }
}
