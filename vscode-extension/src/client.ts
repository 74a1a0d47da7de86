// The language client: which documents the server sees, the settings and trust it gets, and where its log goes.
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification, DocumentSelector, Executable, LanguageClient,
  LanguageClientOptions, RevealOutputChannelOn,
} from 'vscode-languageclient/node';
import * as readline from 'node:readline';
import { SECTION, ServerSettings, serverSettings } from './settings';

/** The client id: VS Code's client reads `goEnvDoctor.trace.server` for it. */
export const CLIENT_ID = 'goEnvDoctor';

/**
 * The files the server analyses when open: VS Code settings, go.mod / go.work, version pins, and the shell
 * startup files. Only `file:` documents, matched by name: no language is registered, so nothing here can clash
 * with the Go extension's `go`, `go.mod` or `go.work` languages.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  '**/.vscode/settings.json', '**/*.code-workspace', '**/go.mod', '**/go.work', '**/.go-version', '**/.tool-versions',
  '**/mise.toml', '**/.mise.toml', '**/.config/mise/config.toml',
  '**/.profile', '**/.bash_profile', '**/.bash_login', '**/.bashrc', '**/.zshenv', '**/.zprofile', '**/.zshrc',
  '**/.zlogin', '**/.config/fish/config.fish', '**/.config/fish/conf.d/*.fish', '/etc/environment', '/etc/profile',
  '/etc/profile.d/*.sh', '/etc/bash.bashrc', '**/.config/environment.d/*.conf', '**/.config/go/env', '**/.pam_environment',
].map(pattern => ({ scheme: 'file', pattern }));

/** What the rest of the extension wants to hear from the client. */
export interface ClientHooks {
  /** A progress of the server ended (the shell probe settled): the report may have changed. */
  onProgressEnd(): void;
}

/** The settings as the server must see them now: VS Code's values, and trust decided by VS Code alone. */
export function currentSettings(): ServerSettings {
  return serverSettings(vscode.workspace.getConfiguration(SECTION), vscode.workspace.isTrusted);
}

/**
 * Builds the client. The server's `goEnvDoctor.trusted` always comes from VS Code (`workspace.isTrusted`), in
 * initializationOptions and in every answer to `workspace/configuration`, so a workspace's settings.json can
 * never claim trust.
 */
export function createClient(server: Executable, output: vscode.LogOutputChannel, hooks: ClientHooks): LanguageClient {
  const options: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    diagnosticCollectionName: 'go-env-doctor',
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, settings: currentSettings() }),
    stdioOptions: {
      stdout: () => undefined,
      // Every server log line also arrives as window/logMessage: keep only what the JVM itself prints.
      stderr: (input, channel) => {
        readline.createInterface({ input, crlfDelay: Infinity, terminal: false })
          .on('line', line => { if (!line.startsWith('[go-env-doctor ')) channel.error(line); });
      },
    },
    middleware: {
      // The server reports "Reading your shell environment" while the shells run: its end means new results.
      handleWorkDoneProgress: (token, params, next) => {
        next(token, params);
        if (params.kind === 'end') {
          hooks.onProgressEnd();
        }
      },
      workspace: {
        configuration: async (params, token, next) => {
          const answer = await next(params, token);
          if (!Array.isArray(answer)) {
            return answer;
          }
          return params.items.map((item, i) => (item.section === SECTION ? currentSettings() : answer[i]));
        },
      },
    },
  };
  return new LanguageClient(CLIENT_ID, 'go-env-doctor', server, options);
}

/** Tells the server its settings changed; it pulls them again (and rebuilds when trust or what may run changed). */
export async function notifySettingsChanged(client: LanguageClient): Promise<void> {
  if (client.isRunning()) {
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }
}
