// End-to-end test in real VS Code: code-server 1.139 + headless Chromium, the built .vsix installed, on the
// classic machine (test/classicMachine.ts). Run by `npm run e2e` (the Maven build's integration-test phase).
//
//  1. Trusted workspace, linux-x64 package (its own Java; no java on PATH, no JAVA_HOME): the extension
//     activates; the warning "VS Code finds no go" shows on ~/.bashrc and in the Problems view; its quick fix
//     writes go.goroot into .vscode/settings.json, keeping the comment; the warning goes away; the status item
//     names the Go; the report view renders the layer table and its Fix button fixes one more finding.
//  2. Restricted Mode, universal package with JAVA_HOME: the status item says zero-exec.
//
// Screenshots go to target/e2e/; with GED_E2E_UPDATE_IMAGES=1 the README's ones are copied to docs/images.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Frame, Page } from 'playwright-core';
import { classicMachine, ClassicMachine, SETTINGS_COMMENT } from '../test/classicMachine';
import { CodeServer, findTools, launchBrowser, sleep, Tools } from './codeServer';
import { ProcessRegistry } from './processes';

const EXTENSION = path.resolve(__dirname, '..', '..');
const REPO = path.dirname(EXTENSION);
const OUT = path.join(EXTENSION, 'target', 'e2e');
const STATUS_ITEM = '[id="goenvdoctor.go-env-doctor.goEnvDoctor.status"]';
const PROBLEMS_ITEM = '[id="status.problems"]';
const started = Date.now();
const timings: string[] = [];
let stepStart = Date.now();

function step(name: string): void {
  const now = Date.now();
  if (timings.length > 0) {
    timings[timings.length - 1] += ` ${((now - stepStart) / 1000).toFixed(1)} s`;
  }
  timings.push(name);
  stepStart = now;
  console.log(`e2e [${((now - started) / 1000).toFixed(1)} s] ${name}`);
}

async function main(): Promise<number> {
  const { tools, missing } = findTools(REPO);
  if (!tools) {
    const line = `*** SKIPPED: the VS Code end-to-end tests need ${missing.join(', ')}. Run .ci/install-test-deps first. ***`;
    console.error(`\n${'*'.repeat(line.length)}\n${line}\n${'*'.repeat(line.length)}\n`);
    return process.env.GED_E2E_REQUIRED === '1' ? 1 : 0;
  }
  const version = JSON.parse(fs.readFileSync(path.join(EXTENSION, 'package.json'), 'utf8')).version as string;
  const universal = path.join(EXTENSION, 'target', `go-env-doctor-${version}.vsix`);
  const linux = path.join(EXTENSION, 'target', `go-env-doctor-linux-x64-${version}.vsix`);
  assert.ok(fs.existsSync(universal), `${universal} is missing: run npm run package (mvn -B package) first`);
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const processes = new ProcessRegistry();
  const scratch: string[] = [];
  let ok = false;
  try {
    const withRuntime = fs.existsSync(linux);
    if (!withRuntime) {
      console.error(`\n*** ${linux} is missing (no jlink?): the trusted run uses the universal package with JAVA_HOME. ***\n`);
    }
    await trustedRun(tools, withRuntime ? linux : universal, withRuntime, processes, scratch);
    await endProcesses(processes);
    await restrictedRun(tools, universal, processes, scratch);
    await endProcesses(processes);
    await noJavaRun(tools, universal, processes, scratch);
    ok = true;
  } finally {
    await endProcesses(processes);
    if (ok) {
      scratch.forEach(d => fs.rmSync(d, { recursive: true, force: true }));
    } else {
      console.error(`e2e: kept ${scratch.join(', ')} and ${OUT} for a look`);
    }
    step('done');
    console.log(`e2e timings:\n  ${timings.slice(0, -1).join('\n  ')}\n  total ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (process.env.GED_E2E_UPDATE_IMAGES === '1') {
    const images = path.join(REPO, 'docs', 'images');
    fs.mkdirSync(images, { recursive: true });
    for (const name of ['problems.png', 'warning-on-file.png', 'quick-fix.png', 'report.png', 'report-findings.png', 'restricted-mode.png',
      'report-restricted-dark.png']) {
      fs.copyFileSync(path.join(OUT, name), path.join(images, name));
    }
    console.log(`e2e: screenshots copied to ${images}`);
  }
  return 0;
}

async function endProcesses(processes: ProcessRegistry): Promise<void> {
  step(`ending the processes this run started, by PID (recorded: ${processes.pids().join(', ') || 'none'})`);
  const ended = await processes.killAll();
  console.log(`e2e ended ${ended.length} running processes: ${ended.join(', ') || 'none'}`);
}

async function trustedRun(tools: Tools, vsix: string, withRuntime: boolean, processes: ProcessRegistry, scratch: string[]): Promise<void> {
  step(`trusted run: classic machine, ${path.basename(vsix)}`);
  const m = requireMachine('ged-e2e-trusted-');
  scratch.push(m.dir);
  const env = editorEnvironment(m);
  if (!withRuntime) {
    env.JAVA_HOME = javaHome();
  }
  const server = new CodeServer(tools, path.join(m.dir, 'code-server'), env, processes);
  server.writeUserSettings({
    'security.workspace.trust.enabled': false,
    ...QUIET_SETTINGS,
  });
  step('install the .vsix');
  await server.install(vsix);
  step('start code-server');
  await server.start(m.workspace);
  step('open the workspace in Chromium');
  const { context, page } = await launchBrowser(tools, path.join(m.dir, 'chromium'), processes);
  try {
    await openWorkbench(page, server.url(m.workspace));

    step('the extension activates and the status item names what the Go extension runs');
    await waitForStatus(page, /Go: none/, 60000);
    assert.match(server.extensionHostLog(), /_doActivateExtension goenvdoctor\.go-env-doctor/);
    const log = server.extensionLog();
    const javaLine = log.split('\n').find(l => l.includes('server started with'));
    assert.ok(javaLine, log);
    // The server logs to stderr and to window/logMessage: the output channel shows each line once.
    assert.equal(log.split('\n').filter(l => l.includes('go-env-doctor language server for')).length, 1, log);
    if (withRuntime) {
      assert.match(javaLine, /\/runtime\/bin\/java \(Java 17[^,]*, bundled runtime\)/);
    }

    step('the warning shows in the Problems view');
    await waitFor(async () => /Errors: [1-9]/.test((await page.getAttribute(PROBLEMS_ITEM, 'aria-label')) ?? ''), 30000, 'errors in the status bar');
    await page.keyboard.press('Control+Shift+M');
    const problem = page.locator('.markers-panel .monaco-list-row', { hasText: 'find no go' }).first();
    await problem.waitFor({ timeout: 20000 });
    assert.match((await problem.textContent()) ?? '', /The editor, the VS Code Go extension and gopls find no go/);
    await sleep(500);
    await page.screenshot({ path: path.join(OUT, 'problems.png') });

    step('the warning shows on ~/.bashrc');
    await problem.click();
    await page.locator('.tab.active', { hasText: '.bashrc' }).waitFor({ timeout: 15000 });
    const squiggle = page.locator('.monaco-editor .squiggly-error').first();
    await squiggle.waitFor({ timeout: 15000 });
    // The text layer above the squiggle takes the pointer: move the mouse to the squiggle's place instead.
    const box = await squiggle.boundingBox();
    assert.ok(box, 'the squiggle has a place on screen');
    await page.mouse.move(box.x + Math.min(40, box.width / 2), box.y + box.height / 2, { steps: 4 });
    await page.locator('.monaco-editor .monaco-hover', { hasText: 'find no go' }).first().waitFor({ timeout: 10000 });
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'warning-on-file.png') });
    await page.mouse.move(5, 450);
    await page.keyboard.press('Escape');
    // The click on the problem left the focus in the Problems view: put the cursor on the warning in the editor.
    await page.locator('.monaco-editor .view-line', { hasText: 'export PATH="$HOME/sdk/go/bin' }).first().click();

    step('the quick fix writes go.goroot into settings.json');
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Set go.goroot to /usr/lib/go-1.19' }).first();
    await fix.waitFor({ timeout: 15000 });
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'quick-fix.png') });
    await fix.click();
    await waitFor(() => fs.readFileSync(m.settingsFile, 'utf8').includes('"go.goroot": "/usr/lib/go-1.19"'), 15000,
      'go.goroot saved in settings.json');
    const settings = fs.readFileSync(m.settingsFile, 'utf8');
    assert.ok(settings.includes(SETTINGS_COMMENT), `the comment is gone:\n${settings}`);
    assert.ok(settings.includes('"editor.tabSize": 4'), settings);

    step('the warning goes away and the status item names the Go');
    await waitFor(async () => (await page.locator('.markers-panel .monaco-list-row', { hasText: 'find no go' }).count()) === 0,
      30000, 'go-missing-in-editor gone from the Problems view');
    await waitForStatus(page, /Go 1\.19\.8/, 30000);
    const status = await statusText(page);
    assert.doesNotMatch(status, /zero-exec/);

    step('the report view renders the layer table');
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.click(STATUS_ITEM);
    const report = await reportFrame(page);
    const headers = await report.locator('table.layers thead th').allTextContents();
    assert.deepEqual(headers.map(h => h.replace(/(shell ran|files read|inherited|computed|env file|unknown)$/, '')),
      ['', 'editor', 'login', 'terminal', 'vscode-go', 'gopls']);
    const goRow = await report.locator('table.layers tbody tr', { hasText: 'go version' }).first().locator('td').allTextContents();
    assert.equal(goRow[3], 'go1.19.8', `vscode-go column of the go version row: ${goRow.join(' | ')}`);
    assert.ok(await report.locator('table.layers tr.differs').count() > 0, 'a highlighted difference');
    assert.ok(await report.locator('a.loc', { hasText: '~/.bashrc:' }).count() > 0, 'a provenance link to ~/.bashrc');
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'report.png') });
    await report.locator('#findings').evaluate(e => e.scrollIntoView({ block: 'start' }));
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'report-findings.png') });

    step('Copy as Markdown puts the report on the clipboard');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url(m.workspace)).origin });
    await report.locator('button[data-action="copyMarkdown"]').click();
    let markdown = '';
    await waitFor(async () => {
      markdown = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '');
      return markdown.startsWith('## go-env-doctor report');
    }, 15000, 'the Markdown report on the clipboard', async () => markdown.slice(0, 80));
    assert.match(markdown, /^\| vscode-go \| \/usr\/lib\/go-1\.19\/bin\/go \| go1\.19\.8 \|/m);
    assert.match(markdown, /^- \*\*error\*\* `gopls-not-found`/m);
    assert.ok(!markdown.includes(m.home), 'the home directory is shown as ~');

    step('a Fix button of the report view applies the server\'s fix');
    const goplsFix = report.locator('li.finding', { hasText: 'gopls-not-found' }).locator('button.fix.preferred');
    await goplsFix.first().click();
    await waitFor(() => fs.readFileSync(m.settingsFile, 'utf8').includes('"gopls": "/usr/bin/gopls"'), 15000,
      'go.alternateTools.gopls saved in settings.json');
    assert.ok(fs.readFileSync(m.settingsFile, 'utf8').includes(SETTINGS_COMMENT));
    // The page is replaced when the findings change: look the frame up again each time.
    await waitFor(async () => (await (await reportFrame(page)).locator('li.finding', { hasText: 'gopls-not-found' }).count()
      .catch(() => 1)) === 0, 20000, 'gopls-not-found gone from the report');

    step('Fix All moves the export below the guard to ~/.profile');
    const profile = path.join(m.home, '.profile');
    await (await reportFrame(page)).locator('button[data-action="fixAll"]').click();
    await waitFor(() => fs.readFileSync(profile, 'utf8').includes('export PATH="$HOME/sdk/go/bin:$PATH"'), 15000,
      'the export saved in ~/.profile');
    assert.ok(!fs.readFileSync(m.bashrc, 'utf8').includes('export PATH="$HOME/sdk/go/bin:$PATH"'), 'the export left ~/.bashrc');
    await waitFor(async () => (await (await reportFrame(page)).locator('li.finding', { hasText: 'export-after-interactive-guard' })
      .count().catch(() => 1)) === 0, 30000, 'export-after-interactive-guard gone from the report');
  } catch (e) {
    await evidence(page, 'trusted-failure');
    throw e;
  } finally {
    await context.close();
  }
}

async function restrictedRun(tools: Tools, vsix: string, processes: ProcessRegistry, scratch: string[]): Promise<void> {
  step(`Restricted Mode run: universal package, JAVA_HOME=${javaHome()}`);
  const m = requireMachine('ged-e2e-restricted-');
  scratch.push(m.dir);
  const server = new CodeServer(tools, path.join(m.dir, 'code-server'), { ...editorEnvironment(m), JAVA_HOME: javaHome() }, processes);
  server.writeUserSettings({
    'security.workspace.trust.enabled': true,
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.colorTheme': 'Default Dark Modern',
    ...QUIET_SETTINGS,
  });
  step('install the .vsix');
  await server.install(vsix);
  step('start code-server');
  await server.start(m.workspace);
  step('open the workspace in Chromium');
  const { context, page } = await launchBrowser(tools, path.join(m.dir, 'chromium'), processes);
  try {
    await openWorkbench(page, server.url(m.workspace));
    step('the status item says zero-exec');
    await waitForStatus(page, /Go: none · zero-exec/, 60000);
    assert.match(server.extensionLog(), /Restricted Mode: zero-exec/);
    assert.match(server.extensionLog(), /JAVA_HOME: .* is Java 17/);
    await page.hover(STATUS_ITEM);
    await page.locator('.monaco-hover, .workbench-hover', { hasText: 'zero-exec: Restricted Mode' }).first().waitFor({ timeout: 10000 });
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'restricted-mode.png') });
    assert.equal(fs.readFileSync(m.settingsFile, 'utf8').includes('go.goroot'), false);

    step('the report view says what did not run (dark theme)');
    await page.click(STATUS_ITEM);
    const report = await reportFrame(page);
    assert.match((await report.locator('dl.summary.zero-exec').textContent()) ?? '',
      /zero-exec: nothing ran, everything was read from files \(Restricted Mode\)/);
    assert.deepEqual(await report.locator('table.layers thead th .source').allTextContents(),
      ['inherited', 'files read', 'files read', 'computed', 'computed']);
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'report-restricted-dark.png') });

    step('trusting the folder lets the server run the shells: zero-exec goes away');
    await page.mouse.move(700, 400);
    await runCommand(page, 'Workspaces: Manage Workspace Trust');
    await page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust$/ }).first().click();
    await waitForStatus(page, /^(?!.*zero-exec).*Go: none/, 30000);
    assert.match(server.extensionLog(), /workspace trusted: the server may now run your shell and go env/);
  } catch (e) {
    await evidence(page, 'restricted-failure');
    throw e;
  } finally {
    await context.close();
  }
}

async function noJavaRun(tools: Tools, vsix: string, processes: ProcessRegistry, scratch: string[]): Promise<void> {
  step('no Java run: universal package, no java on PATH, no JAVA_HOME');
  const m = requireMachine('ged-e2e-nojava-');
  scratch.push(m.dir);
  const server = new CodeServer(tools, path.join(m.dir, 'code-server'), editorEnvironment(m), processes);
  server.writeUserSettings({ 'security.workspace.trust.enabled': false, ...QUIET_SETTINGS });
  await server.install(vsix);
  await server.start(m.workspace);
  const { context, page } = await launchBrowser(tools, path.join(m.dir, 'chromium'), processes);
  try {
    await openWorkbench(page, server.url(m.workspace));
    step('the status item and a message say what to do');
    await waitForStatus(page, /go-env-doctor: no Java/, 60000);
    const toast = page.locator('.notification-toast', { hasText: 'needs Java 17 or newer' }).first();
    await toast.waitFor({ timeout: 15000 });
    const text = (await toast.textContent()) ?? '';
    assert.match(text, /JAVA_HOME: not set; PATH: no java/);
    assert.match(text, /Open Settings/);
    await sleep(300);
    await page.screenshot({ path: path.join(OUT, 'no-java.png') });
  } catch (e) {
    await evidence(page, 'no-java-failure');
    throw e;
  } finally {
    await context.close();
  }
}

/** Keeps the screen to what the test looks at. */
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'chat.disableAIFeatures': true,
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'window.commandCenter': false,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

/**
 * The environment code-server starts with. VS Code (code-server too) normally replaces its own environment with
 * what `$SHELL -i -l -c` prints, which would read ~/.bashrc; it skips that when started from the `code` CLI
 * (VSCODE_CLI=1). Set here so the extension host keeps the desktop session's PATH without go: the classic case.
 */
function editorEnvironment(m: ClassicMachine): NodeJS.ProcessEnv {
  return { ...m.editorEnv, VSCODE_CLI: '1' };
}

function requireMachine(prefix: string): ClassicMachine {
  const m = classicMachine(prefix);
  assert.ok(m, 'apt Go 1.19 (/usr/lib/go-1.19) and /etc/skel/.bashrc are needed: run .ci/install-test-deps');
  return m;
}

function javaHome(): string {
  const exe = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : '/usr/bin/java';
  return path.dirname(path.dirname(fs.realpathSync(exe)));
}

async function openWorkbench(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.statusbar', { timeout: 30000 });
}

/** Runs a command by its title through the command palette. */
async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10000 });
}

async function statusText(page: Page): Promise<string> {
  return ((await page.locator(STATUS_ITEM).textContent({ timeout: 1000 }).catch(() => '')) ?? '').trim();
}

async function waitForStatus(page: Page, expected: RegExp, timeout: number): Promise<void> {
  await waitFor(async () => expected.test(await statusText(page)), timeout, `status item ${expected}`, async () => `now "${await statusText(page)}"`);
}

/** The frame of the report webview (VS Code nests it in two iframes). */
async function reportFrame(page: Page): Promise<Frame> {
  let found: Frame | undefined;
  await waitFor(async () => {
    for (const f of page.frames()) {
      if (await f.locator('table.layers').count().catch(() => 0) > 0) {
        found = f;
        return true;
      }
    }
    return false;
  }, 30000, 'the report view');
  return found!;
}

async function waitFor(cond: () => boolean | Promise<boolean>, timeout: number, what: string, now?: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await cond())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${now ? ` (${await now()})` : ''}`);
    }
    await sleep(200);
  }
}

async function evidence(page: Page, name: string): Promise<void> {
  try {
    await page.screenshot({ path: path.join(OUT, `${name}.png`) });
    fs.writeFileSync(path.join(OUT, `${name}.html`), await page.content());
    console.error(`e2e: evidence in ${path.join(OUT, name)}.png/.html`);
  } catch (e) {
    console.error(`e2e: no evidence: ${String(e)}`);
  }
}

main().then(code => { process.exitCode = code; }, e => {
  console.error(`e2e FAILED: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  process.exitCode = 1;
});
