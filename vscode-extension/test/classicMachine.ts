// The classic case, built for real in a scratch directory: a HOME whose ~/.bashrc (Debian's /etc/skel one, with
// its interactive-only guard) exports a Go PATH below the guard, a ~/.profile that sources it, a workspace with a
// go.mod and a commented .vscode/settings.json, and an editor PATH without go. The Go is apt's Go 1.19, reached
// through a symlinked SDK directory as a tarball install would be.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const APT_GOROOT = '/usr/lib/go-1.19';
export const SETTINGS_COMMENT = '// Settings of this project (this comment must survive every fix)';

export interface ClassicMachine {
  readonly dir: string;
  readonly home: string;
  readonly workspace: string;
  readonly settingsFile: string;
  readonly bashrc: string;
  /** The line of ~/.bashrc (0-based) that exports the Go PATH. */
  readonly exportLine: number;
  /** A PATH for the editor: a few basic programs, no go and no java. */
  readonly editorPath: string;
  /** The editor's environment: only what a desktop session would hand over. */
  readonly editorEnv: Record<string, string>;
}

/** Returns undefined (the caller skips loudly) when this machine lacks apt's Go or /etc/skel/.bashrc. */
export function classicMachine(prefix = 'ged-classic-'): ClassicMachine | undefined {
  if (!fs.existsSync(path.join(APT_GOROOT, 'bin', 'go')) || !fs.existsSync('/etc/skel/.bashrc')) {
    return undefined;
  }
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const home = path.join(dir, 'home');
  const workspace = path.join(dir, 'hello');
  const editorBin = path.join(dir, 'editor-bin');
  fs.mkdirSync(path.join(home, 'sdk'), { recursive: true });
  fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
  fs.mkdirSync(editorBin);
  fs.symlinkSync(APT_GOROOT, path.join(home, 'sdk', 'go'));
  const bashrc = path.join(home, '.bashrc');
  const skel = fs.readFileSync('/etc/skel/.bashrc', 'utf8');
  const text = `${skel.endsWith('\n') ? skel : `${skel}\n`}export PATH="$HOME/sdk/go/bin:$PATH"\n`;
  fs.writeFileSync(bashrc, text);
  fs.copyFileSync('/etc/skel/.profile', path.join(home, '.profile'));
  fs.writeFileSync(path.join(workspace, 'go.mod'), 'module example.com/hello\n\ngo 1.19\n');
  fs.writeFileSync(path.join(workspace, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n');
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  fs.writeFileSync(settingsFile, `{\n  ${SETTINGS_COMMENT}\n  "editor.tabSize": 4\n}\n`);
  // Basic programs only: on Debian 12 /bin is /usr/bin, which holds apt's go, so neither may be on this PATH.
  for (const tool of ['bash', 'sh', 'env', 'cat', 'ls', 'id', 'uname', 'ps', 'sed', 'grep', 'dirname', 'basename', 'readlink']) {
    const target = ['/usr/bin', '/bin'].map(d => path.join(d, tool)).find(p => fs.existsSync(p));
    if (target) {
      fs.symlinkSync(target, path.join(editorBin, tool));
    }
  }
  const editorEnv: Record<string, string> = {
    HOME: home,
    USER: os.userInfo().username,
    LOGNAME: os.userInfo().username,
    SHELL: '/bin/bash',
    PATH: editorBin,
    LANG: 'C.UTF-8',
  };
  return {
    dir, home, workspace, settingsFile, bashrc, exportLine: text.split('\n').length - 2, editorPath: editorBin, editorEnv,
  };
}
