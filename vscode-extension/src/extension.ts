// Entry point: builds the output channel, the status item and the server session, registers the commands,
// and follows settings and trust. Activation: a folder with go.mod, go.work or .vscode/settings.json, a Go
// file, or one of the commands.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Session } from './session';
import { SECTION } from './settings';
import { StatusItem } from './status';

let session: Session | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('go-env-doctor', { log: true });
  const status = new StatusItem();
  session = new Session(context, output, status);
  const current = session;
  context.subscriptions.push(output, status, current);
  registerCommands(context, current, output);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration(`${SECTION}.java.home`)) {
        void current.restart();
      } else if (e.affectsConfiguration(SECTION)) {
        void current.settingsChanged();
      }
    }),
    // Trust only ever goes from Restricted Mode to trusted in a session (revoking it reloads the window).
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      output.info('workspace trusted: the server may now run your shell and go env');
      void current.settingsChanged();
    }),
  );
  if (!vscode.workspace.isTrusted) {
    output.info('Restricted Mode: zero-exec, the server reads files and runs nothing');
  }
  void current.start();
}

export async function deactivate(): Promise<void> {
  await session?.stop();
  session = undefined;
}
