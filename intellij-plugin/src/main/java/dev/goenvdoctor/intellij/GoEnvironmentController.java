package dev.goenvdoctor.intellij;

import com.intellij.openapi.application.ApplicationManager;
import com.intellij.openapi.command.WriteCommandAction;
import com.intellij.openapi.diagnostic.Logger;
import com.intellij.openapi.ide.CopyPasteManager;
import com.intellij.openapi.project.Project;
import com.intellij.openapi.ui.Messages;
import com.redhat.devtools.lsp4ij.LSPIJUtils;
import com.redhat.devtools.lsp4ij.LanguageServerItem;
import com.redhat.devtools.lsp4ij.LanguageServerManager;
import dev.goenvdoctor.intellij.core.Finding;
import dev.goenvdoctor.intellij.core.FixChoice;
import dev.goenvdoctor.intellij.core.GoEnvironmentActions;
import dev.goenvdoctor.intellij.core.GoEnvironmentPanel;
import dev.goenvdoctor.intellij.core.Location;
import dev.goenvdoctor.intellij.core.ReportFormatException;
import dev.goenvdoctor.intellij.core.ReportParser;
import dev.goenvdoctor.intellij.core.ServerSettings;
import java.awt.datatransfer.StringSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.ExecuteCommandParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * The tool window's hooks, done with LSP4IJ: Refresh re-sends the settings (trust may have changed) and runs
 * {@code goEnvDoctor.refresh}, then asks {@code goEnvDoctor/report}; Fix asks the server's code actions for the
 * finding's file and range and applies the one titled like the fix (the server computes the edit, LSP4IJ writes
 * it); the plugin never edits a file on its own logic.
 *
 * <p>Signatures read from LSP4IJ 0.20.1: {@code LanguageServerManager.getInstance(Project)},
 * {@code start(String, StartOptions)}, {@code StartOptions.setForceStart(boolean)},
 * {@code getLanguageServer(String)} returning {@code CompletableFuture<LanguageServerItem>} (docs/DeveloperGuide.md
 * "Get language server"); {@code LanguageServerItem.getInitializedServer()}, {@code getTextDocumentService()};
 * {@code LSPIJUtils.applyWorkspaceEdit(WorkspaceEdit, String)} inside
 * {@code WriteCommandAction.runWriteCommandAction(Project, Runnable)} as LSP4IJ's own
 * {@code LanguageClientImpl.applyEdit} does; {@code LSPIJUtils.openInEditor(String, Position, Project)}.
 * lsp4j 1.0.0 (LSP4IJ's): {@code CodeActionParams(TextDocumentIdentifier, Range, CodeActionContext)},
 * {@code CodeActionContext(List<Diagnostic>, List<String>)}.
 */
final class GoEnvironmentController implements GoEnvironmentActions {
  private static final Logger LOG = Logger.getInstance(GoEnvironmentController.class);

  private final Project project;
  private final GoEnvironmentPanel panel;

  GoEnvironmentController(Project project) {
    this.project = project;
    this.panel = new GoEnvironmentPanel(this);
  }

  GoEnvironmentPanel panel() {
    return panel;
  }

  /** Shows the report the server has now, starting the server when no Go file opened it yet. */
  void load() {
    server().thenCompose(item -> item == null ? CompletableFuture.completedFuture(null) : report(item))
        .whenComplete((ignored, error) -> failed(error));
  }

  @Override
  public void refresh() {
    panel.showMessage("Reading the Go environment again\u2026");
    server().thenCompose(item -> {
      if (item == null) {
        return CompletableFuture.completedFuture(null);
      }
      return item.getInitializedServer().thenCompose(ls -> {
        // The server pulls workspace/configuration after this; our client answers with the current trust.
        ls.getWorkspaceService().didChangeConfiguration(new DidChangeConfigurationParams(
            java.util.Map.of(ServerSettings.SECTION, ServerSettings.section(GoEnvDoctorPlugin.trusted(project)))));
        return ls.getWorkspaceService().executeCommand(new ExecuteCommandParams("goEnvDoctor.refresh", List.of()));
      }).thenCompose(done -> report(item));
    }).whenComplete((ignored, error) -> failed(error));
  }

  @Override
  public void applyFix(Finding finding, FixChoice fix) {
    Location at = finding.location();
    String uri = Path.of(at.file()).toUri().toString();
    Range range = new Range(new Position(at.startLine(), at.startColumn()), new Position(at.endLine(), at.endColumn()));
    CodeActionParams params = new CodeActionParams(new TextDocumentIdentifier(uri), range,
        new CodeActionContext(List.of(), List.of(CodeActionKind.QuickFix)));
    server().thenCompose(item -> item == null ? CompletableFuture.completedFuture(List.<Either<org.eclipse.lsp4j.Command, CodeAction>>of())
        : item.getTextDocumentService().codeAction(params)).thenAccept(actions -> {
          CodeAction action = (actions == null ? List.<Either<org.eclipse.lsp4j.Command, CodeAction>>of() : actions).stream()
              .filter(Either::isRight).map(Either::getRight)
              .filter(a -> fix.title().equals(a.getTitle()) && a.getEdit() != null).findFirst().orElse(null);
          ApplicationManager.getApplication().invokeLater(() -> {
            if (action == null) {
              Messages.showWarningDialog(project, "The server no longer offers \"" + fix.title() + "\". Press Refresh and try again.",
                  "go-env-doctor");
              return;
            }
            WriteCommandAction.runWriteCommandAction(project, () -> LSPIJUtils.applyWorkspaceEdit(action.getEdit(), action.getTitle()));
            refresh();
          });
        }).whenComplete((ignored, error) -> failed(error));
  }

  @Override
  public void copyToClipboard(String text) {
    CopyPasteManager.getInstance().setContents(new StringSelection(text));
  }

  @Override
  public void open(Location location) {
    LSPIJUtils.openInEditor(Path.of(location.file()).toUri().toString(),
        new Position(location.startLine(), location.startColumn()), project);
  }

  private CompletableFuture<LanguageServerItem> server() {
    LanguageServerManager manager = LanguageServerManager.getInstance(project);
    manager.start(GoEnvDoctorPlugin.SERVER_ID, new LanguageServerManager.StartOptions().setForceStart(true));
    return manager.getLanguageServer(GoEnvDoctorPlugin.SERVER_ID).thenApply(item -> {
      if (item == null) {
        ApplicationManager.getApplication().invokeLater(() -> panel.showMessage(
            "The go-env-doctor server is not running: see its log in the LSP Consoles view, then press Refresh."));
      }
      return item;
    });
  }

  private CompletableFuture<Void> report(LanguageServerItem item) {
    return item.getInitializedServer().thenCompose(ls -> ((GoEnvDoctorServerApi) ls).report()).thenAccept(json ->
        ApplicationManager.getApplication().invokeLater(() -> {
          try {
            panel.show(ReportParser.parse(json == null ? null : json.toString()));
          } catch (ReportFormatException e) {
            panel.showMessage("The report cannot be shown: " + e.getMessage() + ".");
          }
        }));
  }

  private void failed(Throwable error) {
    if (error != null) {
      LOG.warn("go-env-doctor tool window", error);
      ApplicationManager.getApplication().invokeLater(() -> panel.showMessage("The server did not answer: " + error.getMessage()));
    }
  }
}
