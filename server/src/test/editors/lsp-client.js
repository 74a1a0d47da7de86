// Drives the go-env-doctor language server over stdio with vscode-languageserver-protocol, the protocol layer
// of VS Code's own client, the way VS Code would: initialize with VS Code's capabilities, open the workspace's
// settings.json, wait for the expected diagnostic, ask for code actions, apply the preferred one (a versioned
// documentChanges edit) to the file, tell the server, wait for the diagnostic to clear, ask for the report,
// shut down. Environment: SERVER_CMD (JSON array), WORKSPACE, SETTINGS (paths), EXPECT_CODE (a rule slug;
// empty: protocol only). Prints one JSON line with what happened; exit code 0 when every step passed.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const path = require('path');
const url = require('url');
const rpc = require('vscode-languageserver-protocol/node');

const command = JSON.parse(process.env.SERVER_CMD);
const workspace = process.env.WORKSPACE;
const settingsPath = process.env.SETTINGS;
const expectCode = process.env.EXPECT_CODE || '';
const settingsUri = url.pathToFileURL(settingsPath).href;
const result = { steps: [] };

function fail(message) {
  result.error = message;
  console.log(JSON.stringify(result));
  process.exit(1);
}
setTimeout(() => fail('timed out after 40 s'), 40000).unref();

const server = cp.spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
const connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

const published = [];
const waiters = [];
connection.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
  published.push(p);
  waiters.slice().forEach((w) => w());
});
connection.onNotification(rpc.LogMessageNotification.type, (m) => process.stderr.write('server: ' + m.message + '\n'));
connection.onRequest(rpc.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
connection.onRequest(rpc.WorkDoneProgressCreateRequest.type, () => null);
connection.onRequest(rpc.RegistrationRequest.type, () => null);
connection.onRequest(rpc.UnregistrationRequest.type, () => null);
connection.listen();

function latest(uri) {
  for (let i = published.length - 1; i >= 0; i--) {
    if (published[i].uri === uri) return published[i];
  }
  return undefined;
}

function until(condition, what) {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = condition();
      if (value) {
        waiters.splice(waiters.indexOf(check), 1);
        clearTimeout(timer);
        resolve(value);
      }
    };
    const timer = setTimeout(() => reject(new Error('no ' + what + ' within 20 s; last: ' + JSON.stringify(latest(settingsUri)))), 20000);
    waiters.push(check);
    check();
  });
}

// Applies text edits to a string, as an editor does: positions are (line, UTF-16 column).
function applyEdits(text, edits) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p) => Math.min(text.length, (lineStarts[Math.min(p.line, lineStarts.length - 1)] || 0) + p.character);
  const sorted = edits.slice().sort((a, b) => offset(b.range.start) - offset(a.range.start));
  for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
  return text;
}

async function main() {
  const init = await connection.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: url.pathToFileURL(workspace).href,
    workspaceFolders: [{ uri: url.pathToFileURL(workspace).href, name: path.basename(workspace) }],
    initializationOptions: { trusted: false },
    capabilities: {
      workspace: {
        configuration: true, applyEdit: true, workspaceFolders: true,
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      },
      window: { workDoneProgress: true },
      textDocument: {
        synchronization: { didSave: true },
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
      },
    },
  });
  result.server = init.serverInfo;
  result.commands = init.capabilities.executeCommandProvider.commands;
  connection.sendNotification(rpc.InitializedNotification.type, {});
  connection.sendNotification(rpc.DidChangeConfigurationNotification.type, { settings: null });
  result.steps.push('initialized');

  if (expectCode) {
    let text = fs.readFileSync(settingsPath, 'utf8');
    connection.sendNotification(rpc.DidOpenTextDocumentNotification.type,
      { textDocument: { uri: settingsUri, languageId: 'jsonc', version: 1, text } });
    const p = await until(() => { const l = latest(settingsUri); return l && l.diagnostics.some((d) => d.code === expectCode) && l; }, 'diagnostic ' + expectCode);
    const d = p.diagnostics.find((x) => x.code === expectCode);
    if (p.version !== 1) fail('diagnostics published for version ' + p.version + ', expected 1');
    if (d.source !== 'go-env-doctor') fail('source ' + d.source);
    const page = url.fileURLToPath(d.codeDescription.href);
    if (!fs.readFileSync(page, 'utf8').startsWith('# ' + expectCode)) fail('rule page ' + page);
    result.diagnostic = { code: d.code, line: d.range.start.line, message: d.message };
    result.steps.push('diagnostic');

    const actions = await connection.sendRequest(rpc.CodeActionRequest.type,
      { textDocument: { uri: settingsUri }, range: d.range, context: { diagnostics: [d] } });
    result.actions = actions.map((a) => a.title);
    const preferred = actions.find((a) => a.isPreferred);
    if (!preferred) fail('no preferred action in ' + JSON.stringify(actions));
    for (const change of preferred.edit.documentChanges) {
      if (change.kind) fail('unexpected resource operation ' + change.kind);
      if (change.textDocument.uri !== settingsUri || change.textDocument.version !== 1) fail('edit for ' + JSON.stringify(change.textDocument));
      text = applyEdits(text, change.edits);
    }
    fs.writeFileSync(settingsPath, text);
    connection.sendNotification(rpc.DidChangeTextDocumentNotification.type,
      { textDocument: { uri: settingsUri, version: 2 }, contentChanges: [{ text }] });
    connection.sendNotification(rpc.DidSaveTextDocumentNotification.type, { textDocument: { uri: settingsUri } });
    await until(() => { const l = latest(settingsUri); return l && l.version === 2 && l.diagnostics.length === 0; }, 'cleared diagnostics');
    result.steps.push('fixed');
  }

  const report = await connection.sendRequest('goEnvDoctor/report');
  const viaCommand = await connection.sendRequest(rpc.ExecuteCommandRequest.type, { command: 'goEnvDoctor.report', arguments: [] });
  if (report.schemaVersion !== 1 || JSON.stringify(report.machine) !== JSON.stringify(viaCommand.machine)) fail('report');
  result.workspaceFolders = report.machine.workspaceFolders;
  result.steps.push('report');

  await connection.sendRequest(rpc.ShutdownRequest.type);
  connection.sendNotification(rpc.ExitNotification.type);
  const code = await new Promise((resolve) => server.on('exit', (c) => resolve(c)));
  result.exitCode = code;
  result.steps.push('exit');
  console.log(JSON.stringify(result));
  process.exit(code === 0 ? 0 : 1);
}

main().catch((e) => fail(String(e && e.stack || e)));
