package dev.goenvdoctor.lsp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.TextDocumentService;

/** {@code textDocument/*}: one line each to {@link DoctorService}. */
final class DoctorTextDocumentService implements TextDocumentService {
  private final DoctorService service;

  DoctorTextDocumentService(DoctorService service) {
    this.service = service;
  }

  @Override
  public void didOpen(DidOpenTextDocumentParams params) {
    service.didOpen(params);
  }

  @Override
  public void didChange(DidChangeTextDocumentParams params) {
    service.didChange(params);
  }

  @Override
  public void didClose(DidCloseTextDocumentParams params) {
    service.didClose(params);
  }

  @Override
  public void didSave(DidSaveTextDocumentParams params) {
    service.didSave(params);
  }

  @Override
  public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
    return service.codeAction(params);
  }
}
