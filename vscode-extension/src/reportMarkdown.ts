// "Copy as Markdown": the layers, where their values come from, and the findings, for a bug report. Paths under
// the home directory are shown as ~; only PATH and the Go variables appear (the server reports nothing else).
import { Finding, Layer, Provenance, Report, layerTable, locationLabel, shortPath } from './reportModel';
import { sourceLabel } from './reportHtml';

/** Returns the report as GitHub-flavoured Markdown. */
export function reportMarkdown(report: Report, findings: readonly Finding[]): string {
  const home = report.machine.home;
  const p = (s: string) => shortPath(s, home);
  const table = layerTable(report);
  const layers = table.columns.map(c => report.layers.find(l => l.id === c.id)).filter((l): l is Layer => l !== undefined);
  const out: string[] = [];
  const m = report.machine;
  out.push('## go-env-doctor report', '');
  out.push(`go-env-doctor ${report.toolVersion}, ${report.takenAt}. Login shell ${m.shell ?? '?'}; ` +
    (m.execAllowed ? 'the shell and go env ran.' : 'zero-exec: nothing ran, everything was read from files.') +
    (m.workspaceTrusted ? '' : ' Workspace not trusted.'), '');

  out.push('### Which go runs where', '');
  out.push('| layer | go | version | GOROOT | found through | learned |', '|---|---|---|---|---|---|');
  for (const l of layers) {
    const go = l.go;
    const shown = go ? (go.realPath !== go.command ? `${p(go.command)} → ${p(go.realPath)}` : p(go.command)) : 'none found';
    out.push(row([l.id, shown, go?.version ?? '', go?.goroot ? p(go.goroot) : '', go?.why ?? '', sourceLabel(l.source)]));
  }
  out.push('');

  const variables = table.rows.filter(r => r.differs && !['go', 'go version', 'its GOROOT', 'found through', 'PATH'].includes(r.label));
  if (variables.length > 0) {
    out.push('### Go variables that differ', '');
    out.push(row(['variable', ...table.columns.map(c => c.id)]), row(['---', ...table.columns.map(() => '---')]));
    for (const r of variables) {
      out.push(row([r.label, ...r.cells.map(c => (c.unknown ? 'unknown' : c.items.map(i => p(i.text)).join(' ')))]));
    }
    out.push('');
  }

  const entries: string[] = [];
  layers.forEach(l => l.path.forEach(e => entries.includes(e.dir) || entries.push(e.dir)));
  const differing = entries.filter(dir => new Set(layers.filter(l => l.source !== 'UNAVAILABLE')
    .map(l => l.path.findIndex(e => e.dir === dir))).size > 1);
  if (differing.length > 0) {
    out.push('### PATH entries that differ (position in each layer)', '');
    out.push(row(['PATH entry', ...layers.map(l => l.id)]), row(['---', ...layers.map(() => '---')]));
    for (const dir of differing) {
      out.push(row([p(dir) || '(empty)', ...layers.map(l => {
        const i = l.path.findIndex(e => e.dir === dir);
        return l.source === 'UNAVAILABLE' ? 'unknown' : i < 0 ? '-' : String(i + 1);
      })]));
    }
    out.push('');
  }

  const origins = new Map<string, { p: Provenance; what: string; layers: string[] }>();
  for (const l of layers) {
    const add = (prov: Provenance, what: string) => {
      const key = `${prov.location.file}:${prov.location.range.startLine}:${what}`;
      const entry = origins.get(key) ?? { p: prov, what, layers: [] };
      entry.layers.includes(l.id) || entry.layers.push(l.id);
      origins.set(key, entry);
    };
    l.path.forEach(e => e.origin && add(e.origin, 'PATH'));
    Object.entries(l.origins).forEach(([k, prov]) => add(prov, k));
  }
  if (origins.size > 0) {
    out.push('### Where values come from', '');
    for (const o of origins.values()) {
      out.push(`- \`${locationLabel(o.p.location, m)}\` ${o.what}: \`${inlineCode(o.p.text)}\` (${o.layers.join(', ')})`);
    }
    out.push('');
  }

  out.push(`### Findings (${findings.length})`, '');
  if (findings.length === 0) {
    out.push('None.');
  }
  for (const f of findings) {
    out.push(`- **${f.severity}** \`${f.slug}\`${f.code ? ` (${f.code})` : ''} at \`${locationLabel(f.location, m)}\`: ` +
      oneLine(shortenHome(f.message, home)));
    f.fixes.forEach(x => out.push(`  - fix${x.preferred ? ' (preferred)' : ''}: ${oneLine(shortenHome(x.title, home))}`));
  }
  out.push('');
  return out.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell: no line breaks, pipes escaped. */
function cell(s: string): string {
  return oneLine(s).replace(/\|/g, '\\|');
}

function oneLine(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').trim();
}

function inlineCode(s: string): string {
  return oneLine(s).replace(/`/g, "'");
}

function shortenHome(text: string, home: string | null): string {
  return !home || home === '/' ? text : text.split(`${home.replace(/\/$/, '')}/`).join('~/');
}
