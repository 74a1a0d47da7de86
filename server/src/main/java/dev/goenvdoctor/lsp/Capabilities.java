package dev.goenvdoctor.lsp;

import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.ExecuteCommandOptions;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.SaveOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.TextDocumentSyncOptions;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;

/** What the server tells the client it does, in answer to {@code initialize}. */
final class Capabilities {
  private Capabilities() {}

  static InitializeResult result() {
    ServerCapabilities caps = new ServerCapabilities();
    TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
    sync.setOpenClose(true);
    // Whole texts: the files analysed are small, and a full text cannot drift out of step.
    sync.setChange(TextDocumentSyncKind.Full);
    sync.setSave(new SaveOptions(false));
    caps.setTextDocumentSync(sync);
    CodeActionOptions actions = new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActions.FIX_ALL));
    actions.setResolveProvider(false);
    caps.setCodeActionProvider(actions);
    caps.setExecuteCommandProvider(new ExecuteCommandOptions(Commands.ALL));
    WorkspaceFoldersOptions folders = new WorkspaceFoldersOptions();
    folders.setSupported(true);
    folders.setChangeNotifications(true);
    caps.setWorkspace(new WorkspaceServerCapabilities(folders));
    String version = Optional.ofNullable(Capabilities.class.getPackage().getImplementationVersion()).orElse("dev");
    return new InitializeResult(caps, new ServerInfo("go-env-doctor", version));
  }
}
