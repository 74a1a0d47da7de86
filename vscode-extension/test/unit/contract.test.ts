// The extension's side of the server contract, against the real server jar: the command line server.ts builds,
// the settings settings.ts sends in Restricted Mode, the report request and the code actions the report view uses.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  CodeAction, CodeActionRequest, ConfigurationRequest, createProtocolConnection, Diagnostic,
  DidChangeWatchedFilesNotification, ExitNotification, FileChangeType, InitializedNotification, InitializeRequest,
  ProtocolConnection, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { findJava } from '../../src/java';
import { findingsWithoutFile, parseReport, Report, statusView } from '../../src/reportModel';
import { SERVER_JAR, serverExecutable } from '../../src/server';
import { serverSettings } from '../../src/settings';
import { ClassicMachine, classicMachine } from '../classicMachine';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const JAR = path.join(REPO, 'server', 'target', 'go-env-doctor.jar');

function skipLoudly(what: string): string {
  process.stderr.write(`\n*** SKIPPED: ${what}. ***\n\n`);
  return what;
}

const machine = classicMachine('ged-contract-');
const skip = !fs.existsSync(JAR) ? skipLoudly(`${JAR} is missing: build the server first (mvn -B package)`)
  : machine === undefined ? skipLoudly('apt Go 1.19 is not installed: run .ci/install-test-deps') : false;

describe('the real server, driven as the extension drives it, in Restricted Mode', { skip }, () => {
  const m = machine as ClassicMachine;
  let connection: ProtocolConnection;
  let child: ReturnType<typeof spawn>;
  const diagnostics = new Map<string, Diagnostic[]>();
  let stderr = '';

  before(async () => {
    // The extension's layout: <extension>/server/go-env-doctor.jar.
    const extension = path.join(m.dir, 'extension');
    fs.mkdirSync(path.dirname(path.join(extension, SERVER_JAR)), { recursive: true });
    fs.symlinkSync(JAR, path.join(extension, SERVER_JAR));
    const java = await findJava({ env: process.env });
    assert.ok(java.found, java.tried.join('; '));
    const exe = serverExecutable(java.found, extension, m.editorEnv);
    child = spawn(exe.command, exe.args ?? [], { cwd: exe.options?.cwd, env: exe.options?.env, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stderr!.on('data', d => { stderr += d; });
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const settings = serverSettings({ get: () => undefined }, false);
    connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => settings));
    connection.onNotification(PublishDiagnosticsNotification.type, p => { diagnostics.set(p.uri, p.diagnostics); });
    connection.listen();
    const uri = `file://${m.workspace}`;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'hello' }],
      capabilities: { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
      initializationOptions: { trusted: false, settings },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    try {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise(resolve => { child.once('exit', resolve); setTimeout(() => { child.kill(); resolve(undefined); }, 3000); });
      }
      fs.rmSync(m.dir, { recursive: true, force: true });
    }
  });

  it('warns on ~/.bashrc that VS Code finds no go, without running anything', async () => {
    const bashrc = `file://${m.bashrc}`;
    const deadline = Date.now() + 20000;
    while (!(diagnostics.get(bashrc) ?? []).some(d => d.code === 'go-missing-in-editor') && Date.now() < deadline) {
      await new Promise(r => setTimeout(r, 100));
    }
    const d = (diagnostics.get(bashrc) ?? []).find(x => x.code === 'go-missing-in-editor');
    assert.ok(d, `diagnostics: ${JSON.stringify([...diagnostics.entries()])}\n${stderr}`);
    assert.equal(d.range.start.line, m.exportLine);
    assert.equal(d.source, 'go-env-doctor');

    const report = parseReport(await connection.sendRequest('goEnvDoctor/report'));
    assert.notEqual(typeof report, 'string', String(report));
    const r = report as Report;
    assert.equal(r.machine.execAllowed, false);
    assert.deepEqual(r.layers.map(l => `${l.id}:${l.source}`), ['editor:PROCESS', 'login:STATIC', 'terminal:STATIC', 'vscode-go:COMPUTED', 'gopls:COMPUTED']);
    assert.equal(statusView(r).text, '$(warning) Go: none \u00b7 zero-exec');

    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: bashrc }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const goroot = actions.find(a => a.title.startsWith('Set go.goroot to /usr/lib/go-1.19'));
    assert.ok(goroot, actions.map(a => a.title).join('\n'));
    assert.equal(goroot.isPreferred, true);
    assert.deepEqual(goroot.edit?.documentChanges?.map(c => ('textDocument' in c ? c.textDocument.uri : c.kind)), [`file://${m.settingsFile}`]);
  });

  it('gives the report view the findings that have no file once the folder has no go.mod', async () => {
    // Go 1.19 is past its support: that finding sits on go.mod's go line, and on the folder once go.mod is gone,
    // where no diagnostic can show it; the report request still carries it, and the view takes it from there.
    const goMod = path.join(m.workspace, 'go.mod');
    fs.rmSync(goMod);
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: `file://${goMod}`, type: FileChangeType.Deleted }] });
    const isDirectory = (f: string) => fs.existsSync(f) && fs.statSync(f).isDirectory();
    const deadline = Date.now() + 20000;
    let json: unknown;
    do {
      await new Promise(r => setTimeout(r, 100));
      json = await connection.sendRequest('goEnvDoctor/report');
    } while (!findingsWithoutFile(json, isDirectory).some(f => f.slug === 'go-unsupported') && Date.now() < deadline);
    const unsupported = findingsWithoutFile(json, isDirectory).find(f => f.slug === 'go-unsupported');
    assert.ok(unsupported, JSON.stringify((json as { findings?: unknown }).findings));
    assert.equal(unsupported.location.file, m.workspace);
    assert.match(unsupported.message, /go1\.19/);
    assert.ok(![...diagnostics.keys()].includes(`file://${m.workspace}`), 'no diagnostic can be published on a folder');
  });
});
