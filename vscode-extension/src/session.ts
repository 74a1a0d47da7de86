// One run of the server: find Java, start the client, keep the latest report and findings, and tell the status
// item and the report view when they change.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { createClient, notifySettingsChanged } from './client';
import { LiveFinding, applyAction, collectFindings, fixAll } from './findings';
import { findJava, noJavaMessage } from './java';
import { Report, parseReport, statusView } from './reportModel';
import { BUNDLED_RUNTIME, SERVER_JAR, serverExecutable } from './server';
import { SECTION, javaHomeSetting } from './settings';
import { StatusItem } from './status';

/** The request of the server that answers with the report JSON (docs/report-schema.md). */
export const REPORT_REQUEST = 'goEnvDoctor/report';

/** The last report and findings; `report` is a sentence when the server could not give one. */
export interface Latest {
  readonly report: Report | string;
  readonly findings: readonly LiveFinding[];
}

export class Session implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private updateTimer: NodeJS.Timeout | undefined;
  private updating: Promise<void> | undefined;
  private updateAgain = false;
  private readonly updated = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly ourUris = new Set<string>();
  /** Why there is no server (no Java, a failed start), for the status item and the commands. */
  problem: string | undefined;
  latest: Latest | undefined;
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly context: vscode.ExtensionContext, private readonly output: vscode.LogOutputChannel,
      private readonly status: StatusItem) {
    this.disposables.push(this.updated, vscode.languages.onDidChangeDiagnostics(e => {
      const client = this.client;
      if (client && e.uris.some(u => this.ourUris.has(u.toString()) || (client.diagnostics?.get(u)?.length ?? 0) > 0)) {
        client.diagnostics?.forEach(u => this.ourUris.add(u.toString()));
        this.scheduleUpdate();
      }
    }));
  }

  /** Finds Java and starts the server; on failure the status item and a message say what to do. */
  async start(): Promise<void> {
    this.status.starting();
    this.problem = undefined;
    const extensionPath = this.context.extensionPath;
    const runtime = path.join(extensionPath, BUNDLED_RUNTIME);
    const search = await findJava({
      setting: javaHomeSetting(vscode.workspace.getConfiguration(SECTION)),
      bundledHome: fs.existsSync(path.join(runtime, 'bin', 'java')) ? runtime : undefined,
      env: process.env,
    });
    search.tried.forEach(line => this.output.info(`Java: ${line}`));
    if (!search.found) {
      this.fail('go-env-doctor: no Java', noJavaMessage(search), true);
      return;
    }
    if (!fs.existsSync(path.join(extensionPath, SERVER_JAR))) {
      this.fail('go-env-doctor: no server', `The server jar ${path.join(extensionPath, SERVER_JAR)} is missing: ` +
        'this package was built without it. Build the extension with `mvn -B package` and install the new .vsix.', false);
      return;
    }
    const client = createClient(serverExecutable(search.found, extensionPath, process.env), this.output, {
      onProgressEnd: () => this.scheduleUpdate(),
    });
    this.client = client;
    this.disposables.push(client.onDidChangeState(e => {
      if (e.newState === State.Stopped && this.client === client) {
        this.status.failed('go-env-doctor: stopped', 'The go-env-doctor server stopped. See the output (go-env-doctor: Show Output).');
      } else if (e.newState === State.Running) {
        this.scheduleUpdate();
      }
    }));
    try {
      await client.start();
    } catch (e) {
      this.fail('go-env-doctor: server failed', `The go-env-doctor server did not start: ${e instanceof Error ? e.message : String(e)}. ` +
        'See the output (go-env-doctor: Show Output).', false);
      return;
    }
    this.output.info(`server started with ${search.found.executable} (Java ${search.found.version}, ${search.found.source})`);
    this.scheduleUpdate();
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client) {
      try {
        await client.stop(3000);
      } catch (e) {
        this.output.warn(`stopping the server: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    this.latest = undefined;
    await this.start();
  }

  /** The running client, or undefined after telling the user why there is none. */
  running(): LanguageClient | undefined {
    if (this.client?.isRunning()) {
      return this.client;
    }
    void vscode.window.showWarningMessage(this.problem ?? 'The go-env-doctor server is not running yet.', 'Show Output')
      .then(choice => choice && this.output.show());
    return undefined;
  }

  /** Settings or trust changed: the server pulls the settings again. */
  async settingsChanged(): Promise<void> {
    if (this.client?.isRunning()) {
      await notifySettingsChanged(this.client);
    }
  }

  /** Re-runs every probe (shells and go env where allowed) and waits for the new findings. */
  async refresh(): Promise<void> {
    const client = this.running();
    if (client) {
      await client.sendRequest('workspace/executeCommand', { command: 'goEnvDoctor.refresh', arguments: [] });
      await this.update();
    }
  }

  /** Applies fix `index` of a finding shown in the report. */
  async fix(findingId: string, index: number): Promise<void> {
    const client = this.running();
    const live = this.latest?.findings.find(f => f.finding.id === findingId);
    const action = live?.actions[index];
    if (!client || !action) {
      return;
    }
    if (!(await applyAction(client, action))) {
      void vscode.window.showWarningMessage(`go-env-doctor: VS Code did not apply "${action.title}" (the file changed since?). Try again.`);
    }
  }

  /** Applies every preferred fix the server can combine; returns how many. */
  async fixAll(): Promise<number> {
    const client = this.running();
    return client ? fixAll(client) : 0;
  }

  /** Asks the server for a new report and the findings with their fixes, then tells the views. */
  update(): Promise<void> {
    if (this.updating) {
      // One at a time; any number of changes during an update ask for one more, which the same promise awaits.
      this.updateAgain = true;
      return this.updating;
    }
    const client = this.client;
    if (!client?.isRunning()) {
      return Promise.resolve();
    }
    this.updating = (async () => {
      try {
        const json = await client.sendRequest(REPORT_REQUEST);
        const findings = await collectFindings(client, json);
        const report = parseReport(json);
        this.latest = { report, findings };
        if (typeof report === 'string') {
          this.status.failed('go-env-doctor', report);
        } else {
          this.status.report(statusView(report, findings.map(f => f.finding)));
        }
        this.updated.fire();
      } catch (e) {
        if (client.isRunning()) {
          this.output.warn(`updating the report: ${e instanceof Error ? e.message : String(e)}`);
        }
      } finally {
        this.updating = undefined;
      }
      if (this.updateAgain) {
        this.updateAgain = false;
        await this.update();
      }
    })();
    return this.updating;
  }

  private scheduleUpdate(): void {
    if (this.updateTimer) {
      clearTimeout(this.updateTimer);
    }
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      void this.update();
    }, 250);
  }

  private fail(text: string, message: string, offerSettings: boolean): void {
    this.problem = message;
    this.output.error(message);
    this.status.failed(text, message);
    this.updated.fire();
    const actions = offerSettings ? ['Open Settings', 'Show Output'] : ['Show Output'];
    void vscode.window.showErrorMessage(message, ...actions).then(choice => {
      if (choice === 'Open Settings') {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'goEnvDoctor.java.home');
      } else if (choice === 'Show Output') {
        this.output.show();
      }
    });
  }

  dispose(): void {
    if (this.updateTimer) {
      clearTimeout(this.updateTimer);
    }
    this.disposables.forEach(d => d.dispose());
  }
}
