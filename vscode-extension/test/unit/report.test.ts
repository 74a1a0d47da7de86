import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PageAssets, esc, messagePage, reportPage } from '../../src/reportHtml';
import { reportMarkdown } from '../../src/reportMarkdown';
import { Report, findingsWithoutFile, layerTable, linkedFiles, locationLabel, parseReport, statusView } from '../../src/reportModel';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, findingsOf, reportOf } from './fixtures';

const ASSETS: PageAssets = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Vub25jZQ==',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.css',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/report.js',
};

/** The text of the table cell in row `label`, column `layer`, without tags. */
function cellText(html: string, label: string, layer: string): string {
  const columns = [...html.matchAll(/<th scope="col"[^>]*>([^<]*)<span/g)].map(m => m[1]);
  const row = new RegExp(`<tr class="[a-z]+"><th scope="row">${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^]*?</tr>`).exec(html);
  assert.ok(row, `row ${label}`);
  const cells = [...row[0].matchAll(/<td[^>]*>([^]*?)<\/td>/g)].map(m => m[1].replace(/<[^>]+>/g, ''));
  return cells[columns.indexOf(layer)];
}

describe('layer table', () => {
  it('puts the layers in columns and marks where gvm reaches only the terminal', () => {
    const table = layerTable(reportOf('gvm'));
    assert.deepEqual(table.columns.map(c => c.id), ['editor', 'login', 'terminal', 'vscode-go', 'gopls']);
    assert.equal(table.reference, 'terminal');
    const go = table.rows.find(r => r.label === 'go')!;
    assert.equal(go.differs, true);
    assert.deepEqual(go.cells.map(c => c.differs), [true, true, false, true, true]);
    assert.equal(go.cells[2].items[0].text, '/home/u/.gvm/gos/go1.21.5/bin/go');
    const goroot = table.rows.find(r => r.label === 'GOROOT')!;
    assert.deepEqual(goroot.cells.map(c => c.items[0].text), ['\u2014', '\u2014', '/home/u/.gvm/gos/go1.21.5', '\u2014', '\u2014']);
    assert.ok(goroot.cells[2].items[0].origin, 'GOROOT has the line that set it');
    assert.equal(table.rows.find(r => r.label === 'found through')!.differs, false);
  });

  it('marks the PATH entries the terminal lacks, entry by entry', () => {
    const hostile = JSON.parse(JSON.stringify(reportOf('ubuntu-apt-and-tarball-in-bashrc'))) as any;
    hostile.layers[0].path.push({ dir: '/opt/editor-only/bin', origin: null, state: 'MISSING' });
    const path = layerTable(parseReport(hostile) as Report).rows.find(r => r.label === 'PATH')!;
    assert.deepEqual(path.cells[0].items.filter(i => i.extra).map(i => i.text), ['/opt/editor-only/bin']);
    assert.deepEqual(path.cells[2].items.filter(i => i.extra), []);
    const html = reportPage(parseReport(hostile) as Report, [], ASSETS);
    assert.match(html, /<div class="item extra">\/<wbr>opt\/<wbr>editor-only\/<wbr>bin <span class="state-badge">MISSING<\/span><\/div>/);
  });

  it('links a line that set several PATH entries once, after the last of them', () => {
    const html = reportPage(reportOf('ubuntu-apt-and-tarball-in-bashrc'), [], ASSETS);
    const login = cellText(html, 'PATH', 'login');
    assert.equal(login.match(/\/etc\/environment:1/g)?.length, 1, login);
    assert.match(login, /\/snap\/bin MISSING \/etc\/environment:1$/);
  });

  it('finds no difference in the go row where every layer runs the same go', () => {
    const table = layerTable(reportOf('tarball-healthy'));
    assert.equal(table.rows.find(r => r.label === 'go')!.differs, false);
    assert.equal(table.rows.find(r => r.label === 'go version')!.cells[0].items[0].text, 'go1.22.5');
  });
});

describe('report page', () => {
  const report = reportOf('ubuntu-apt-and-tarball-in-bashrc');
  const findings = findingsOf('ubuntu-apt-and-tarball-in-bashrc');
  const html = reportPage(report, findings, ASSETS);

  it('sets a content security policy that allows only its own style and nonce script, and loads nothing remote', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    assert.equal(csp, "default-src &#39;none&#39;; style-src https://file+.vscode-resource.vscode-cdn.net; " +
      "script-src &#39;nonce-bm9uY2Vub25jZQ==&#39;; img-src https://file+.vscode-resource.vscode-cdn.net; " +
      'font-src https://file+.vscode-resource.vscode-cdn.net');
    assert.equal([...html.matchAll(/<script/g)].length, 1);
    assert.match(html, /<script nonce="bm9uY2Vub25jZQ==" src="https:\/\/file\+\.vscode-resource/);
    const urls = [...html.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map(m => m[0]).filter(u => !u.startsWith('https://file+.vscode-resource'));
    assert.deepEqual(urls, []);
    assert.doesNotMatch(html, /style="/, 'no inline styles (the CSP forbids them)');
  });

  it('renders the layer table with its origins as links to file and line', () => {
    assert.match(html, /<th scope="col" title="[^"]*">editor<span class="source">env file<\/span><\/th>/);
    assert.match(html, /<th scope="col" title="[^"]*">terminal<span class="source">files read<\/span><\/th>/);
    assert.equal(cellText(html, 'go version', 'vscode-go'), 'go1.18.1');
    assert.match(cellText(html, 'GOPATH', 'terminal'), /^~\/go ~\/\.bashrc:117$/);
    assert.match(html, /<a href="#" class="loc" data-file="\/home\/u\/\.bashrc" data-line="116" data-character="0" title="export GOPATH=\$HOME\/go">~\/\.bashrc:117<\/a>/);
    assert.match(html, /<tr class="differs"><th scope="row">GOPATH <span class="mark"/);
    assert.match(html, /<tr class="same"><th scope="row">go<\/th>/);
  });

  it('lists the findings with a button per fix, the preferred one first-class', () => {
    assert.match(html, /<h2 id="findings">Findings \(7\)<\/h2>/);
    assert.match(html, /<dt>findings<\/dt><dd><a href="#findings">2 errors, 4 warnings, 1 info<\/a><\/dd>/);
    assert.match(html, /<button class="fix preferred" data-action="fix" data-finding="f0" data-index="0">Fix: Set go\.goroot to \/usr\/local\/go \(go1\.22\.5\) in the workspace settings<\/button>/);
    assert.match(html, /<button class="fix" data-action="fix" data-finding="f0" data-index="1">Fix: Put \/usr\/local\/go\/bin first/);
    assert.match(html, /<span class="severity error">error<\/span> <code>module-needs-newer-go<\/code> <span class="code">GED201<\/span> <a href="#" class="loc" data-file="\/home\/u\/proj\/go\.mod" data-line="2"/);
    assert.doesNotMatch(html, /data-action="fixAll" disabled/);
  });

  it('escapes everything a machine or a workspace can put in the report', () => {
    const hostile = JSON.parse(JSON.stringify(report)) as any;
    hostile.layers[2].path[0].dir = '/tmp/<img src=x onerror=alert(1)>';
    hostile.layers[2].environment.GOFLAGS = '"><script>alert(2)</script>';
    hostile.layers[2].origins.GOFLAGS = { location: { file: '/home/u/.bashrc" onclick="x', range: { startLine: 1, startColumn: 0, endLine: 1, endColumn: 1 } }, text: "it's `x`" };
    const page = reportPage(parseReport(hostile) as Report, [{ ...findings[0], message: '<b>bold</b> & "quoted"' }], ASSETS);
    assert.doesNotMatch(page, /<img|<script>alert|<b>bold/);
    assert.match(page, /\/<wbr>tmp\/<wbr>&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.match(page, /data-file="\/home\/u\/\.bashrc&quot; onclick=&quot;x"/);
    assert.match(page, /&lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot;/);
    assert.equal(esc(`<>&"'\``), '&lt;&gt;&amp;&quot;&#39;&#96;');
  });

  it('says when nothing ran (zero-exec)', () => {
    assert.match(html, /<dl class="summary zero-exec">/);
    assert.match(html, /zero-exec: nothing ran, everything was read from files \(Restricted Mode\)/);
  });

  it('shows a message page with the same policy while there is no report', () => {
    const page = messagePage('No Java <17>', ASSETS);
    assert.match(page, /<p class="message">No Java &lt;17&gt;<\/p>/);
    assert.match(page, /Content-Security-Policy/);
  });

  it('names files of the workspace from its folder, others from ~', () => {
    const ctx = { home: '/home/u', workspaceFolders: ['/home/u/proj'] };
    const at = (file: string) => ({ file, range: { startLine: 3, startColumn: 0, endLine: 3, endColumn: 1 } });
    assert.equal(locationLabel(at('/home/u/proj/.vscode/settings.json'), ctx), 'proj/.vscode/settings.json:4');
    assert.equal(locationLabel(at('/home/u/.bashrc'), ctx), '~/.bashrc:4');
    assert.equal(locationLabel(at('/home/u/project2/go.mod'), ctx), '~/project2/go.mod:4');
    assert.equal(locationLabel(at('/etc/profile'), ctx), '/etc/profile:4');
  });

  it('lets the page open only files the report points at', () => {
    const files = linkedFiles(report, findings);
    assert.ok(files.has('/home/u/.bashrc'));
    assert.ok(files.has('/home/u/proj/go.mod'));
    assert.ok(!files.has('/etc/shadow'));
  });
});

describe('report Markdown', () => {
  const md = reportMarkdown(reportOf('ubuntu-apt-and-tarball-in-bashrc'), findingsOf('ubuntu-apt-and-tarball-in-bashrc'));

  it('has the go of each layer, what differs, and where values come from, with ~ for the home', () => {
    assert.match(md, /^## go-env-doctor report$/m);
    assert.match(md, /^\| terminal \| \/usr\/bin\/go → \/usr\/lib\/go-1\.18\/bin\/go \| go1\.18\.1 \| \/usr\/lib\/go-1\.18 \| first go on PATH \(entry 4\) \| files read \|$/m);
    assert.match(md, /^\| GOPATH \| — \| — \| ~\/go \| — \| — \|$/m);
    assert.match(md, /^\| \/usr\/local\/go\/bin \| - \| - \| 10 \| - \| - \|$/m);
    assert.match(md, /^- `~\/\.bashrc:116` PATH: `export PATH=\$PATH:\/usr\/local\/go\/bin` \(terminal\)$/m);
    assert.doesNotMatch(md, /\/home\/u\//);
  });

  it('lists the findings and their fixes', () => {
    assert.match(md, /^### Findings \(7\)$/m);
    assert.match(md, /^- \*\*error\*\* `module-needs-newer-go` \(GED201\) at `proj\/go\.mod:3`: go\.mod:3 requires go >= 1\.22\./m);
    assert.match(md, /^ {2}- fix \(preferred\): Set go\.goroot to \/usr\/local\/go \(go1\.22\.5\) in the workspace settings$/m);
  });

  it('keeps a table row on one line whatever a value holds', () => {
    const hostile = JSON.parse(JSON.stringify(reportOf('gvm'))) as any;
    hostile.layers[2].environment.GOFLAGS = 'a|b\nc';
    const text = reportMarkdown(parseReport(hostile) as Report, []);
    assert.match(text, /^\| GOFLAGS \| — \| — \| a\\\|b c \| — \| — \|$/m);
  });
});

describe('status item', () => {
  it('warns when the Go extension finds no go but the terminal has one', () => {
    const v = statusView(reportOf('gvm'), findingsOf('gvm'));
    assert.equal(v.text, '$(warning) Go: none \u00b7 zero-exec');
    assert.equal(v.warning, true);
    assert.match(v.tooltip, /^The Go extension finds no go\.\nThe layers disagree:\n {2}editor: no go\n/);
    assert.match(v.tooltip, /terminal: \/home\/u\/\.gvm\/gos\/go1\.21\.5\/bin\/go \(go1\.21\.5\)/);
    assert.match(v.tooltip, /4 problems found\./);
    assert.match(v.tooltip, /zero-exec: Restricted Mode, so nothing was run/);
  });

  it('shows the version plainly when every layer runs the same go', () => {
    const report = reportOf('tarball-healthy') as any;
    const v = statusView({ ...report, machine: { ...report.machine, execAllowed: true, workspaceTrusted: true } });
    assert.equal(v.text, 'Go 1.22.5');
    assert.equal(v.warning, false);
    assert.match(v.tooltip, /^The Go extension will run \/usr\/local\/go\/bin\/go \(go1\.22\.5\)\./);
  });

  it('refuses a report of another schema version or shape, saying why', () => {
    assert.equal(parseReport({ schemaVersion: 2, layers: [] }), 'the server sent a report of schema version 2; this extension reads version 1');
    assert.equal(parseReport(null), 'the server sent no report');
    assert.equal(parseReport({ schemaVersion: 1 }), 'the server sent a report without layers');
  });
});

describe('findings without a file', () => {
  // The server's report request carries every finding in check's shape; the ones on a directory (a workspace
  // folder without go.mod) are never published as diagnostics, so the view takes them from the report.
  const check = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'ubuntu-apt-and-tarball-in-bashrc.check.json'), 'utf8'));
  const onGoMod = (check.findings as Array<{ location: { file: string } }>).filter(f => f.location.file === '/home/u/proj/go.mod');

  it('takes from the report exactly the findings whose location has no file', () => {
    assert.ok(onGoMod.length > 0);
    const found = findingsWithoutFile({ findings: check.findings }, file => file === '/home/u/proj/go.mod');
    assert.deepEqual(found.map(f => f.slug), onGoMod.map((f: any) => f.slug));
    assert.deepEqual(found[0].location, (onGoMod[0] as any).location);
    assert.deepEqual(found[0].fixes, [], 'fixes come from the server\'s code actions, not from the report');
    assert.deepEqual(findingsWithoutFile({ findings: check.findings }, () => false), []);
  });

  it('skips what is not a finding and reads nothing from a report without findings', () => {
    const junk = [null, 7, 'x', {}, { slug: 'a', severity: 'fatal', location: { file: '/w', range: {} } },
      { slug: 'b', severity: 'error', location: { file: 'relative', range: {} } },
      { slug: 'c', severity: 'warning', message: 'm', location: { file: '/w', range: { startLine: -3 } } }];
    assert.deepEqual(findingsWithoutFile({ findings: junk }, () => true).map(f => [f.slug, f.location.range.startLine]), [['c', 0]]);
    assert.deepEqual(findingsWithoutFile({ layers: [] }, () => true), []);
    assert.deepEqual(findingsWithoutFile('not a report', () => true), []);
  });
});
