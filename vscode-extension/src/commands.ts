// The commands of the palette, the status item and the report view.
import * as vscode from 'vscode';
import { ReportPanel } from './report';
import { reportMarkdown } from './reportMarkdown';
import type { Session } from './session';
import { SHOW_REPORT } from './status';

export function registerCommands(context: vscode.ExtensionContext, session: Session, output: vscode.LogOutputChannel): void {
  const register = (id: string, run: () => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));

  register(SHOW_REPORT, () => ReportPanel.show(context, session));

  // Not "goEnvDoctor.refresh": that is the server's own command, which the language client registers itself.
  register('goEnvDoctor.rescan', () => vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'go-env-doctor: reading the Go setup' },
    () => session.refresh()));

  register('goEnvDoctor.fixAll', async () => {
    await session.update();
    const fixable = session.latest?.findings.filter(f => f.finding.fixes.some(x => x.preferred)).length ?? 0;
    const applied = await session.fixAll();
    void vscode.window.showInformationMessage(applied === 0
      ? 'go-env-doctor: nothing to fix.'
      : `go-env-doctor: applied ${applied} ${applied === 1 ? 'fix' : 'fixes'}.` + (applied < fixable
        ? ' Fixes that touch the same lines are applied one run at a time: run Fix All again if a finding is left.' : ''));
  });

  register('goEnvDoctor.copyReportMarkdown', async () => {
    if (!session.running()) {
      return;
    }
    await session.update();
    const latest = session.latest;
    if (!latest || typeof latest.report === 'string') {
      void vscode.window.showWarningMessage(`go-env-doctor: no report to copy${latest ? `: ${latest.report}` : ''}.`);
      return;
    }
    await vscode.env.clipboard.writeText(reportMarkdown(latest.report, latest.findings.map(f => f.finding)));
    void vscode.window.showInformationMessage('go-env-doctor: report copied as Markdown (home directory shown as ~).');
  });

  register('goEnvDoctor.showOutput', () => output.show());
}
