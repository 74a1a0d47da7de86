// The status bar item: the Go the VS Code Go extension will use, a warning look when the layers disagree,
// "zero-exec" when nothing may run; a click opens the report.
import * as vscode from 'vscode';
import { StatusView } from './reportModel';

export const SHOW_REPORT = 'goEnvDoctor.showReport';

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.item = vscode.window.createStatusBarItem('goEnvDoctor.status', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'go-env-doctor';
    this.item.command = SHOW_REPORT;
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.set('$(sync~spin) Go env\u2026', 'go-env-doctor is reading the Go setup of this machine.', false);
  }

  /** The state of a report. */
  report(view: StatusView): void {
    this.set(view.text, view.tooltip, view.warning);
  }

  /** Something keeps the server from running: say what, and offer the log. */
  failed(text: string, tooltip: string): void {
    this.set(`$(error) ${text}`, tooltip, true, true);
  }

  private set(text: string, tooltip: string, warning: boolean, error = false): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = warning
      ? new vscode.ThemeColor(error ? 'statusBarItem.errorBackground' : 'statusBarItem.warningBackground')
      : undefined;
    this.item.accessibilityInformation = { label: `go-env-doctor: ${text.replace(/\$\([^)]*\)\s*/g, '')}` };
  }

  dispose(): void {
    this.item.dispose();
  }
}
