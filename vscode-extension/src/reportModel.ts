// The report JSON of the server (docs/report-schema.md, version 1) as the extension reads it, and the layer
// table built from it. No VS Code API here: the HTML and Markdown renderers and the status item share it.

export interface TextRange {
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface Location {
  readonly file: string;
  readonly range: TextRange;
}

/** The line that set a value. */
export interface Provenance {
  readonly location: Location;
  readonly text: string;
}

export interface PathEntry {
  readonly dir: string;
  readonly origin: Provenance | null;
  readonly state: string;
}

/** The go a layer runs. */
export interface GoResolution {
  readonly command: string;
  readonly chain?: readonly string[];
  readonly realPath: string;
  readonly why: string;
  readonly version: string;
  readonly goroot: string | null;
  readonly selectedBy: Provenance | null;
}

export interface Layer {
  readonly id: string;
  readonly source: string;
  readonly sourceDescription: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly path: readonly PathEntry[];
  readonly origins: Readonly<Record<string, Provenance>>;
  readonly go: GoResolution | null;
  readonly notes: readonly string[];
}

export interface Machine {
  readonly home: string | null;
  readonly user: string | null;
  readonly shell: string | null;
  readonly workspaceFolders: readonly string[];
  readonly execAllowed: boolean;
  readonly workspaceTrusted: boolean;
}

export interface Report {
  readonly schemaVersion: number;
  readonly toolVersion: string;
  readonly takenAt: string;
  readonly machine: Machine;
  readonly layers: readonly Layer[];
  readonly problems: readonly string[];
}

export type Severity = 'error' | 'warning' | 'info';

/** A finding as the editor shows it (from the server's diagnostics), with the titles of its fixes. */
export interface Finding {
  readonly id: string;
  readonly severity: Severity;
  readonly slug: string;
  readonly code: string | null;
  readonly message: string;
  readonly location: Location;
  readonly fixes: readonly FixChoice[];
}

export interface FixChoice {
  readonly title: string;
  readonly preferred: boolean;
}

/** The layer columns, in the order the server reports them. */
export const LAYER_IDS = ['editor', 'login', 'terminal', 'vscode-go', 'gopls'] as const;

/** Limits that keep a hostile or broken report from making a huge page. */
const MAX_LAYERS = 16;
const MAX_PATH_ENTRIES = 512;
const MAX_VARIABLES = 128;
const MAX_TEXT = 4096;

/**
 * Reads the server's report JSON. Returns the report, or a sentence saying why it cannot be shown; unknown
 * fields are ignored, missing ones become empty values, so a newer server never breaks the view.
 */
export function parseReport(json: unknown): Report | string {
  if (!isObject(json)) {
    return 'the server sent no report';
  }
  const schemaVersion = typeof json.schemaVersion === 'number' ? json.schemaVersion : NaN;
  if (schemaVersion !== 1) {
    return `the server sent a report of schema version ${String(json.schemaVersion)}; this extension reads version 1`;
  }
  if (!Array.isArray(json.layers)) {
    return 'the server sent a report without layers';
  }
  const m = isObject(json.machine) ? json.machine : {};
  return {
    schemaVersion,
    toolVersion: str(json.toolVersion) ?? 'unknown',
    takenAt: str(json.takenAt) ?? '',
    machine: {
      home: str(m.home) ?? null,
      user: str(m.user) ?? null,
      shell: str(m.shell) ?? null,
      workspaceFolders: strings(m.workspaceFolders),
      execAllowed: m.execAllowed === true,
      workspaceTrusted: m.workspaceTrusted === true,
    },
    layers: json.layers.slice(0, MAX_LAYERS).filter(isObject).map(parseLayer),
    problems: strings(json.problems),
  };
}

function parseLayer(l: Record<string, unknown>): Layer {
  const environment: Record<string, string> = {};
  if (isObject(l.environment)) {
    for (const [k, v] of Object.entries(l.environment).slice(0, MAX_VARIABLES)) {
      if (typeof v === 'string') {
        environment[k] = clip(v);
      }
    }
  }
  const origins: Record<string, Provenance> = {};
  if (isObject(l.origins)) {
    for (const [k, v] of Object.entries(l.origins).slice(0, MAX_VARIABLES)) {
      const p = provenance(v);
      if (p) {
        origins[k] = p;
      }
    }
  }
  const go = isObject(l.go) ? l.go : undefined;
  return {
    id: str(l.id) ?? '?',
    source: str(l.source) ?? 'UNAVAILABLE',
    sourceDescription: str(l.sourceDescription) ?? '',
    environment,
    path: (Array.isArray(l.path) ? l.path : []).slice(0, MAX_PATH_ENTRIES).filter(isObject).map(e => ({
      dir: clip(str(e.dir) ?? ''),
      origin: provenance(e.origin) ?? null,
      state: str(e.state) ?? 'OK',
    })),
    origins,
    go: go === undefined ? null : {
      command: clip(str(go.command) ?? ''),
      chain: strings(go.chain),
      realPath: clip(str(go.realPath) ?? str(go.command) ?? ''),
      why: clip(str(go.why) ?? ''),
      version: clip(str(go.version) ?? ''),
      goroot: str(go.goroot) ?? null,
      selectedBy: provenance(go.selectedBy) ?? null,
    },
    notes: strings(l.notes),
  };
}

function provenance(v: unknown): Provenance | undefined {
  if (!isObject(v) || !isObject(v.location) || !isObject(v.location.range)) {
    return undefined;
  }
  const file = str(v.location.file);
  const r = v.location.range;
  if (file === undefined || !file.startsWith('/')) {
    return undefined;
  }
  return {
    location: {
      file,
      range: { startLine: int(r.startLine), startColumn: int(r.startColumn), endLine: int(r.endLine), endColumn: int(r.endColumn) },
    },
    text: clip(str(v.text) ?? ''),
  };
}

/** One value in a table cell: the text shown, where it came from, and its PATH entry state. */
export interface CellItem {
  readonly text: string;
  readonly origin?: Provenance;
  readonly state?: string;
  /** A PATH entry the reference layer does not have. */
  readonly extra?: boolean;
}

export interface Cell {
  readonly items: readonly CellItem[];
  /** What is compared between layers. */
  readonly key: string;
  /** True when this layer's value differs from the reference layer's. */
  readonly differs: boolean;
  /** True when the layer could not be learned at all. */
  readonly unknown: boolean;
}

export interface Row {
  readonly label: string;
  readonly cells: readonly Cell[];
  /** True when the known layers do not all agree. */
  readonly differs: boolean;
}

export interface LayerColumn {
  readonly id: string;
  readonly source: string;
  readonly sourceDescription: string;
}

export interface LayerTable {
  readonly columns: readonly LayerColumn[];
  /** The layer the others are compared with: the terminal (what the user trusts), else the first known one. */
  readonly reference: string;
  readonly rows: readonly Row[];
}

/**
 * The table of the report: columns are the layers, rows the resolved go (path, version, its GOROOT, how it was
 * found) then PATH and every Go variable any layer has. A row differs when the known layers disagree; a cell
 * differs when it is not what the reference layer has.
 */
export function layerTable(report: Report): LayerTable {
  const layers = orderedLayers(report.layers);
  const known = layers.filter(l => l.source !== 'UNAVAILABLE');
  const reference = known.find(l => l.id === 'terminal')?.id ?? known[0]?.id ?? '';
  const rows: Row[] = [];
  const row = (label: string, compare: boolean, cellOf: (l: Layer) => { items: CellItem[]; key: string }) => {
    const raw = layers.map(l => ({ layer: l, ...cellOf(l) }));
    const refKey = raw.find(c => c.layer.id === reference)?.key;
    const keys = new Set(raw.filter(c => c.layer.source !== 'UNAVAILABLE').map(c => c.key));
    rows.push({
      label,
      differs: compare && keys.size > 1,
      cells: raw.map(c => ({
        items: c.layer.source === 'UNAVAILABLE' ? [{ text: 'unknown' }] : c.items,
        key: c.key,
        unknown: c.layer.source === 'UNAVAILABLE',
        differs: compare && keys.size > 1 && c.layer.source !== 'UNAVAILABLE' && c.key !== refKey,
      })),
    });
  };
  row('go', true, l => {
    if (!l.go) {
      return { items: [{ text: 'none found' }], key: '' };
    }
    const shown = l.go.realPath && l.go.realPath !== l.go.command ? `${l.go.command} \u2192 ${l.go.realPath}` : l.go.command;
    return { items: [{ text: shown, origin: l.go.selectedBy ?? undefined }], key: l.go.realPath };
  });
  row('go version', true, l => ({ items: [{ text: l.go?.version || '\u2014' }], key: l.go?.version ?? '' }));
  row('its GOROOT', true, l => ({ items: [{ text: l.go?.goroot ?? '\u2014' }], key: l.go?.goroot ?? '' }));
  row('found through', false, l => ({ items: [{ text: l.go?.why || '\u2014' }], key: l.go?.why ?? '' }));
  const referencePath = new Set(layers.find(l => l.id === reference)?.path.map(e => e.dir) ?? []);
  row('PATH', true, l => ({
    items: l.path.length === 0 ? [{ text: '\u2014' }] : l.path.map(e => ({
      text: e.dir || '(empty: current directory)',
      origin: e.origin ?? undefined,
      state: e.state,
      extra: l.id !== reference && !referencePath.has(e.dir),
    })),
    key: l.path.map(e => e.dir).join('\u0000'),
  }));
  const names = new Set<string>();
  layers.forEach(l => Object.keys(l.environment).filter(k => k !== 'PATH').forEach(k => names.add(k)));
  for (const name of [...names].sort()) {
    row(name, true, l => {
      const value = l.environment[name];
      return { items: [{ text: value ?? '\u2014', origin: l.origins[name] }], key: value ?? '\u0000unset' };
    });
  }
  return {
    columns: layers.map(l => ({ id: l.id, source: l.source, sourceDescription: l.sourceDescription })),
    reference,
    rows,
  };
}

function orderedLayers(layers: readonly Layer[]): Layer[] {
  const rank = (id: string) => {
    const i = (LAYER_IDS as readonly string[]).indexOf(id);
    return i < 0 ? LAYER_IDS.length : i;
  };
  return [...layers].sort((a, b) => rank(a.id) - rank(b.id));
}

/** What the status item shows. */
export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  readonly warning: boolean;
  readonly zeroExec: boolean;
}

/**
 * The status item for a report: the Go the VS Code Go extension will use (`vscode-go` layer), a warning look
 * when the layers run different Go binaries or some find none, and "zero-exec" when nothing was allowed to run.
 */
export function statusView(report: Report, findings: readonly Finding[] = []): StatusView {
  const vscodeGo = report.layers.find(l => l.id === 'vscode-go');
  const known = report.layers.filter(l => l.source !== 'UNAVAILABLE');
  const goKeys = new Set(known.map(l => (l.go ? `${l.go.realPath}\u0000${l.go.version}` : '')));
  const disagree = goKeys.size > 1;
  const problems = findings.filter(f => f.severity !== 'info').length;
  const warning = disagree || vscodeGo?.go == null;
  const zeroExec = !report.machine.execAllowed;
  const version = vscodeGo?.go?.version ? vscodeGo.go.version.replace(/^go/, 'Go ') : vscodeGo?.go ? 'Go (version unknown)' : 'Go: none';
  const text = `${warning ? '$(warning) ' : ''}${version}${zeroExec ? ' \u00b7 zero-exec' : ''}`;
  const lines: string[] = [];
  lines.push(vscodeGo?.go
    ? `The Go extension will run ${vscodeGo.go.command}${vscodeGo.go.realPath !== vscodeGo.go.command ? ` \u2192 ${vscodeGo.go.realPath}` : ''} (${vscodeGo.go.version || 'version unknown'}).`
    : 'The Go extension finds no go.');
  if (disagree) {
    lines.push('The layers disagree:');
    for (const l of orderedLayers(known)) {
      lines.push(`  ${l.id}: ${l.go ? `${l.go.realPath} (${l.go.version || '?'})` : 'no go'}`);
    }
  }
  if (problems > 0) {
    lines.push(`${problems} ${problems === 1 ? 'problem' : 'problems'} found.`);
  }
  if (zeroExec) {
    lines.push(report.machine.workspaceTrusted
      ? 'zero-exec: nothing was run (goEnvDoctor.exec.enabled is off); everything was read from files.'
      : 'zero-exec: Restricted Mode, so nothing was run (no shell, no go env); everything was read from files.');
  }
  lines.push('Click for the report.');
  return { text, tooltip: lines.join('\n'), warning, zeroExec };
}

/** A path for display: the home directory shortened to `~`. */
export function shortPath(p: string, home: string | null): string {
  if (home && home !== '/' && (p === home || p.startsWith(home.endsWith('/') ? home : `${home}/`))) {
    return `~${p.slice(home.replace(/\/$/, '').length)}`;
  }
  return p;
}

/** What paths are shown relative to: the home directory and the workspace folders. */
export interface PathContext {
  readonly home: string | null;
  readonly workspaceFolders: readonly string[];
}

/**
 * `~/.bashrc:114` or `hello/go.mod:3` for a location (1-based line, as editors show it): files of a workspace
 * folder are named from the folder, others with the home directory as `~`.
 */
export function locationLabel(loc: Location, ctx: PathContext): string {
  const folder = ctx.workspaceFolders.find(f => f !== '/' && loc.file.startsWith(`${f.replace(/\/$/, '')}/`));
  const shown = folder ? `${folder.replace(/\/$/, '').split('/').pop()}${loc.file.slice(folder.replace(/\/$/, '').length)}` : shortPath(loc.file, ctx.home);
  return `${shown}:${loc.range.startLine + 1}`;
}

/** At most this many findings are read from a report: a hostile or broken one cannot make a huge page. */
const MAX_FINDINGS = 500;

/**
 * The findings of a report (its `findings` field) that {@code hasNoFile} says have no file to show a diagnostic on,
 * such as an environment-wide finding in a workspace folder without go.mod: the editor's Problems view never
 * gets those, so the report view and the status item take them from the report. Their fixes come later, from
 * the server's code actions; malformed entries are skipped.
 */
export function findingsWithoutFile(json: unknown, hasNoFile: (file: string) => boolean): Finding[] {
  if (!isObject(json) || !Array.isArray(json.findings)) {
    return [];
  }
  const out: Finding[] = [];
  for (const [i, f] of json.findings.slice(0, MAX_FINDINGS).entries()) {
    const where = isObject(f) ? provenance({ location: f.location }) : undefined;
    const severity = isObject(f) ? str(f.severity) : undefined;
    if (!isObject(f) || where === undefined || !hasNoFile(where.location.file)
        || (severity !== 'error' && severity !== 'warning' && severity !== 'info')) {
      continue;
    }
    out.push({
      id: `report-${i}`,
      severity,
      slug: clip(str(f.slug) ?? ''),
      code: str(f.code) ?? null,
      message: clip(str(f.message) ?? ''),
      location: where.location,
      fixes: [],
    });
  }
  return out;
}

/** Every file a report or its findings point at: the only files the report view may open. */
export function linkedFiles(report: Report, findings: readonly Finding[]): Set<string> {
  const files = new Set<string>();
  for (const l of report.layers) {
    l.path.forEach(e => e.origin && files.add(e.origin.location.file));
    Object.values(l.origins).forEach(p => files.add(p.location.file));
    if (l.go?.selectedBy) {
      files.add(l.go.selectedBy.location.file);
    }
  }
  findings.forEach(f => files.add(f.location.file));
  return files;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').slice(0, 256).map(clip) : [];
}

function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.trunc(v)) : 0;
}

function clip(s: string): string {
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}\u2026` : s;
}
