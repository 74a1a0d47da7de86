// The server's findings as the editor holds them (its diagnostics), their fixes (the server's code actions),
// and applying those fixes.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import {
  CodeAction as LspCodeAction, CodeActionKind, CodeActionRequest, CodeActionTriggerKind, Diagnostic as LspDiagnostic,
  LanguageClient,
} from 'vscode-languageclient/node';
import { Finding, Severity, findingsWithoutFile } from './reportModel';

/** The source action of the server that applies every preferred fix at once. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.goEnvDoctor`;

/** A finding with what is needed to fix it. */
export interface LiveFinding {
  readonly finding: Finding;
  readonly actions: readonly LspCodeAction[];
}

/**
 * Every finding of the server, most severe first, each with its quick fixes (not "Disable rule"): the published
 * diagnostics, and from the report (`reportJson`) the findings that have no file to be published on.
 */
export async function collectFindings(client: LanguageClient, reportJson: unknown): Promise<LiveFinding[]> {
  const published = await publishedFindings(client);
  const withoutFile = await Promise.all(findingsWithoutFile(reportJson, isDirectory).map(async finding => {
    const actions = await quickFixesAt(client, vscode.Uri.file(finding.location.file), finding, []);
    return { finding: { ...finding, fixes: actions.map(a => ({ title: a.title, preferred: a.isPreferred === true })) }, actions };
  }));
  return sorted([...published, ...withoutFile]);
}

async function publishedFindings(client: LanguageClient): Promise<LiveFinding[]> {
  const collected: Array<{ uri: vscode.Uri; d: vscode.Diagnostic }> = [];
  client.diagnostics?.forEach((uri, diagnostics) => diagnostics.forEach(d => collected.push({ uri, d })));
  const live = await Promise.all(collected.map(async ({ uri, d }, i) => {
    const slug = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
    const data = (d as vscode.Diagnostic & { data?: { fingerprint?: unknown; code?: unknown } }).data;
    const actions = await quickFixes(client, uri, d, slug);
    const finding: Finding = {
      id: typeof data?.fingerprint === 'string' ? `${data.fingerprint}-${i}` : `f${i}`,
      severity: severityOf(d.severity),
      slug,
      code: typeof data?.code === 'string' ? data.code : null,
      message: d.message,
      location: {
        file: uri.fsPath,
        range: { startLine: d.range.start.line, startColumn: d.range.start.character, endLine: d.range.end.line, endColumn: d.range.end.character },
      },
      fixes: actions.map(a => ({ title: a.title, preferred: a.isPreferred === true })),
    };
    return { finding, actions };
  }));
  return live;
}

function sorted(live: LiveFinding[]): LiveFinding[] {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  return live.sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity]
    || a.finding.location.file.localeCompare(b.finding.location.file)
    || a.finding.location.range.startLine - b.finding.location.range.startLine);
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

async function quickFixes(client: LanguageClient, uri: vscode.Uri, d: vscode.Diagnostic, slug: string): Promise<LspCodeAction[]> {
  const range = d.range;
  return quickFixesAt(client, uri, { slug, location: { file: uri.fsPath, range: {
    startLine: range.start.line, startColumn: range.start.character, endLine: range.end.line, endColumn: range.end.character } } },
  [client.code2ProtocolConverter.asDiagnostic(d)]);
}

/** The server's quick fixes for the finding at `where` (not "Disable rule"), asked as an editor asks under the cursor. */
async function quickFixesAt(client: LanguageClient, uri: vscode.Uri, where: Pick<Finding, 'slug' | 'location'>,
    diagnostics: LspDiagnostic[]): Promise<LspCodeAction[]> {
  const r = where.location.range;
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
    range: { start: { line: r.startLine, character: r.startColumn }, end: { line: r.endLine, character: r.endColumn } },
    context: { diagnostics, only: [CodeActionKind.QuickFix], triggerKind: CodeActionTriggerKind.Invoked },
  });
  return (result ?? []).filter((a): a is LspCodeAction => 'edit' in a || 'kind' in a)
    .filter(a => a.title !== `Disable rule ${where.slug} for this workspace`);
}

/**
 * Applies the server's "fix all" action: every preferred fix whose edits do not overlap. Returns how many
 * fixes it applied (0 when there was nothing to fix).
 */
export async function fixAll(client: LanguageClient): Promise<number> {
  let uri: string | undefined;
  client.diagnostics?.forEach(u => { uri ??= client.code2ProtocolConverter.asUri(u); });
  if (uri === undefined) {
    return 0;
  }
  const result = await client.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: [FIX_ALL_KIND], triggerKind: CodeActionTriggerKind.Invoked },
  });
  const action = (result ?? []).find((a): a is LspCodeAction => 'kind' in a && a.kind === FIX_ALL_KIND);
  if (!action) {
    return 0;
  }
  const count = /\((\d+) fix/.exec(action.title);
  return (await applyAction(client, action)) ? Number(count?.[1] ?? 1) : 0;
}

/**
 * Applies one of the server's code actions and saves the files it changed that had no unsaved changes before
 * (as VS Code does after a refactoring), so the server re-reads them. Returns false when VS Code refused the edit.
 */
export async function applyAction(client: LanguageClient, lsp: LspCodeAction): Promise<boolean> {
  const action = await client.protocol2CodeConverter.asCodeAction(lsp);
  if (action.edit) {
    const touched = action.edit.entries().map(([uri]) => uri);
    const dirtyBefore = new Set(vscode.workspace.textDocuments.filter(d => d.isDirty).map(d => d.uri.toString()));
    if (!(await vscode.workspace.applyEdit(action.edit, { isRefactoring: true }))) {
      return false;
    }
    for (const uri of touched) {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      if (doc && doc.isDirty && !dirtyBefore.has(uri.toString())) {
        await doc.save();
      }
    }
  }
  if (action.command) {
    await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }
  return true;
}

function severityOf(s: vscode.DiagnosticSeverity): Severity {
  return s === vscode.DiagnosticSeverity.Error ? 'error' : s === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}
