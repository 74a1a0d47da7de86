// The report view's page, as a string: the layer table, the findings with their fix buttons, and the notes.
// No VS Code API and no remote content: styles and script come from the extension, named by the caller.
import { Cell, Finding, LayerTable, PathContext, Provenance, Report, layerTable, locationLabel, shortPath } from './reportModel';

/** What the page needs from the webview: its CSP source, a fresh nonce, and the URIs of the local assets. */
export interface PageAssets {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri: string;
  readonly scriptUri: string;
}

/** The page when there is a report. */
export function reportPage(report: Report, findings: readonly Finding[], assets: PageAssets): string {
  const ctx = report.machine;
  const table = layerTable(report);
  const body = [
    toolbar(findings),
    summary(report, findings),
    `<h2>Which go runs where</h2>`,
    tableHtml(table, ctx),
    `<p class="legend"><span class="swatch differs"></span> differs from the ${esc(table.reference || 'reference')} layer` +
      ` &nbsp; <span class="item extra">/dir</span> PATH entry the ${esc(table.reference || 'reference')} layer lacks` +
      ` &nbsp; <span class="state-badge">MISSING</span> PATH entry that does not exist</p>`,
    `<h2 id="findings">Findings (${findings.length})</h2>`,
    findingsHtml(findings, ctx),
    notesHtml(report, ctx),
  ].join('\n');
  return page(assets, body);
}

/** The page while there is no report yet, or when the server cannot give one. */
export function messagePage(message: string, assets: PageAssets): string {
  return page(assets, `${toolbar([])}\n<p class="message">${esc(message)}</p>`);
}

function page(assets: PageAssets, body: string): string {
  const csp = [
    "default-src 'none'",
    `style-src ${assets.cspSource}`,
    `script-src 'nonce-${assets.nonce}'`,
    `img-src ${assets.cspSource}`,
    `font-src ${assets.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(assets.styleUri)}">
<title>go-env-doctor report</title>
</head>
<body>
${body}
<script nonce="${esc(assets.nonce)}" src="${esc(assets.scriptUri)}"></script>
</body>
</html>
`;
}

function toolbar(findings: readonly Finding[]): string {
  const fixable = findings.filter(f => f.fixes.some(x => x.preferred)).length;
  return `<div class="toolbar">
<button data-action="refresh" title="Read everything again, running your shell and go env where allowed">Refresh</button>
<button data-action="fixAll"${fixable === 0 ? ' disabled' : ''} title="Apply the preferred fix of every finding">Fix All</button>
<button data-action="copyMarkdown" title="Copy the layers and findings as Markdown, for a bug report">Copy as Markdown</button>
</div>`;
}

function summary(report: Report, findings: readonly Finding[]): string {
  const m = report.machine;
  const exec = m.execAllowed
    ? (m.workspaceTrusted ? 'your shell and go env ran (workspace trusted)' : 'your shell and go env ran; nothing from the workspace')
    : 'zero-exec: nothing ran, everything was read from files' + (m.workspaceTrusted ? '' : ' (Restricted Mode)');
  const rows: Array<[string, string]> = [
    ['workspace', m.workspaceFolders.map(f => shortPath(f, m.home)).join(', ') || '\u2014'],
    ['user', `${m.user ?? '?'} (home ${m.home ?? '?'}, login shell ${m.shell ?? '?'})`],
    ['what ran', exec],
    ['taken', `${report.takenAt} by go-env-doctor ${report.toolVersion}`],
  ];
  const counts = (['error', 'warning', 'info'] as const).map(s => [s, findings.filter(f => f.severity === s).length] as const)
    .filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}${n === 1 ? '' : s === 'info' ? '' : 's'}`);
  return `<h1>go-env-doctor</h1>
<dl class="summary${m.execAllowed ? '' : ' zero-exec'}">
${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('\n')}
<dt>findings</dt><dd>${counts.length === 0 ? 'none' : `<a href="#findings">${esc(counts.join(', '))}</a>`}</dd>
</dl>`;
}

function tableHtml(table: LayerTable, ctx: PathContext): string {
  const head = table.columns.map(c =>
    `<th scope="col" title="${esc(c.sourceDescription)}">${esc(c.id)}<span class="source">${esc(sourceLabel(c.source))}</span></th>`).join('');
  const body = table.rows.map(r => {
    const cells = r.cells.map(c => cellHtml(c, ctx)).join('');
    return `<tr class="${r.differs ? 'differs' : 'same'}"><th scope="row">${esc(r.label)}${r.differs ? ' <span class="mark" title="the layers disagree">\u2260</span>' : ''}</th>${cells}</tr>`;
  }).join('\n');
  return `<table class="layers">
<colgroup><col class="label">${table.columns.map(() => '<col>').join('')}</colgroup>
<thead><tr><th scope="col"></th>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>`;
}

function cellHtml(cell: Cell, ctx: PathContext): string {
  const cls = [cell.differs ? 'odd' : '', cell.unknown ? 'unknown' : ''].filter(Boolean).join(' ');
  const items = cell.items.map((i, n) => {
    const state = i.state && i.state !== 'OK' ? ` <span class="state-badge">${esc(i.state)}</span>` : '';
    // Entries set by one line (a PATH=... assignment) show its link once, after the last of them.
    const next = cell.items[n + 1];
    const origin = i.origin && !(next?.origin && sameLine(next.origin, i.origin)) ? ` ${link(i.origin, ctx)}` : '';
    return `<div class="item${i.extra ? ' extra' : ''}">${breakable(shortPath(i.text, ctx.home))}${state}${origin}</div>`;
  }).join('');
  return `<td${cls ? ` class="${cls}"` : ''}>${items}</td>`;
}

function sameLine(a: Provenance, b: Provenance): boolean {
  return a.location.file === b.location.file && a.location.range.startLine === b.location.range.startLine;
}

function link(p: Provenance, ctx: PathContext): string {
  return `<a href="#" class="loc" data-file="${esc(p.location.file)}" data-line="${p.location.range.startLine}" ` +
    `data-character="${p.location.range.startColumn}" title="${esc(p.text)}">${esc(locationLabel(p.location, ctx))}</a>`;
}

function findingsHtml(findings: readonly Finding[], ctx: PathContext): string {
  if (findings.length === 0) {
    return '<p class="none">No findings: every layer agrees, or nothing needs a change.</p>';
  }
  const items = findings.map(f => {
    const fixes = f.fixes.map((x, i) =>
      `<button class="fix${x.preferred ? ' preferred' : ''}" data-action="fix" data-finding="${esc(f.id)}" data-index="${i}">` +
      `Fix: ${esc(x.title)}</button>`).join(' ');
    const p: Provenance = { location: f.location, text: '' };
    return `<li class="finding ${f.severity}">
<div class="head"><span class="severity ${f.severity}">${f.severity}</span> <code>${esc(f.slug)}</code>${f.code ? ` <span class="code">${esc(f.code)}</span>` : ''} ${link(p, ctx)}</div>
<div class="message">${esc(f.message)}</div>
${fixes ? `<div class="fixes">${fixes}</div>` : ''}
</li>`;
  }).join('\n');
  return `<ul class="findings">\n${items}\n</ul>`;
}

function notesHtml(report: Report, ctx: PathContext): string {
  const notes: string[] = [];
  for (const l of report.layers) {
    l.notes.forEach(n => notes.push(`<li><b>${esc(l.id)}</b>: ${esc(shortPathsIn(n, ctx.home))}</li>`));
  }
  report.problems.forEach(p => notes.push(`<li><b>problem</b>: ${esc(shortPathsIn(p, ctx.home))}</li>`));
  return notes.length === 0 ? '' : `<h2>How each layer was learned</h2>\n<ul class="notes">\n${notes.join('\n')}\n</ul>`;
}

/** SHELL: the real shell ran; STATIC: startup files read without running them; and so on. */
export function sourceLabel(source: string): string {
  switch (source) {
    case 'PROCESS': return 'inherited';
    case 'ENV_FILE': return 'env file';
    case 'SHELL': return 'shell ran';
    case 'STATIC': return 'files read';
    case 'COMPUTED': return 'computed';
    case 'UNAVAILABLE': return 'unknown';
    default: return source.toLowerCase();
  }
}

function shortPathsIn(text: string, home: string | null): string {
  if (!home || home === '/') {
    return text;
  }
  return text.split(`${home.replace(/\/$/, '')}/`).join('~/');
}

/** Escaped text that may wrap after each `/` of a path rather than anywhere. */
function breakable(s: string): string {
  return esc(s).replace(/\//g, '/<wbr>');
}

/** Escapes text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"'`]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' }[c] as string));
}
