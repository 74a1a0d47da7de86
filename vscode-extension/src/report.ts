// The report view: a webview with the layer table, the findings and their fixes. The page is rendered by
// reportHtml.ts; this file owns the panel, its messages, and what a click may do.
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { messagePage, reportPage } from './reportHtml';
import { linkedFiles } from './reportModel';
import type { Session } from './session';

/** A message from the page's script (media/report.js). */
type PageMessage =
  | { type: 'open'; file: string; line: number; character: number }
  | { type: 'fix'; finding: string; index: number }
  | { type: 'fixAll' | 'copyMarkdown' | 'refresh' };

export class ReportPanel implements vscode.Disposable {
  static readonly viewType = 'goEnvDoctor.report';
  private static current: ReportPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  /** One nonce per panel: the page is only replaced when its content changed, which keeps the scroll position. */
  private readonly nonce = crypto.randomBytes(16).toString('base64');
  private disposed = false;

  /** Opens the report, or brings the open one to the front. */
  static show(context: vscode.ExtensionContext, session: Session): void {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      return;
    }
    const media = vscode.Uri.file(path.join(context.extensionPath, 'media'));
    const panel = vscode.window.createWebviewPanel(ReportPanel.viewType, 'go-env-doctor report', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [media],
    });
    ReportPanel.current = new ReportPanel(panel, media, session);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, private readonly media: vscode.Uri,
      private readonly session: Session) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: PageMessage) => this.onMessage(m)),
      session.onDidUpdate(() => this.render()),
    );
    this.render();
    void session.update();
  }

  private render(): void {
    const webview = this.panel.webview;
    const assets = {
      cspSource: webview.cspSource,
      nonce: this.nonce,
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.media, 'report.js')).toString(),
    };
    const latest = this.session.latest;
    const html = latest === undefined
      ? messagePage(this.session.problem ?? 'Reading the Go setup of this machine\u2026', assets)
      : typeof latest.report === 'string'
        ? messagePage(`The report cannot be shown: ${latest.report}.`, assets)
        : reportPage(latest.report, latest.findings.map(f => f.finding), assets);
    if (webview.html !== html) {
      webview.html = html;
    }
  }

  private async onMessage(m: PageMessage): Promise<void> {
    switch (m?.type) {
      case 'open':
        return this.open(m.file, m.line, m.character);
      case 'fix':
        await this.session.fix(m.finding, m.index);
        // The page disabled the button against a double click; when the findings did not change, enable it again.
        void this.panel.webview.postMessage({ type: 'fixDone' });
        return;
      case 'fixAll':
        await vscode.commands.executeCommand('goEnvDoctor.fixAll');
        return;
      case 'copyMarkdown':
        await vscode.commands.executeCommand('goEnvDoctor.copyReportMarkdown');
        return;
      case 'refresh':
        await vscode.commands.executeCommand('goEnvDoctor.rescan');
        return;
      default:
        return;
    }
  }

  /** Opens a file the report points at, at its line; any other path from the page is refused. */
  private async open(file: unknown, line: unknown, character: unknown): Promise<void> {
    const latest = this.session.latest;
    if (typeof file !== 'string' || latest === undefined || typeof latest.report === 'string'
        || !linkedFiles(latest.report, latest.findings.map(f => f.finding)).has(file)) {
      return;
    }
    const position = new vscode.Position(Math.max(0, Number(line) || 0), Math.max(0, Number(character) || 0));
    try {
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
      await vscode.window.showTextDocument(doc, { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.One });
    } catch (e) {
      void vscode.window.showWarningMessage(`go-env-doctor: cannot open ${file}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    ReportPanel.current = undefined;
    this.disposables.forEach(d => d.dispose());
    this.panel.dispose();
  }
}
