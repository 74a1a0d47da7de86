// Installs the npm dependencies from package-lock.json (npm ci) when node_modules is missing or older than the
// lock file; otherwise does nothing, so a repeated build does not download or delete anything.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const lock = path.join(here, 'package-lock.json');
const installed = path.join(here, 'node_modules', '.package-lock.json');
const fresh = fs.existsSync(installed) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs;
if (fresh) {
  console.log('deps: node_modules matches package-lock.json');
} else {
  const npm = process.env.npm_execpath;
  if (!npm) {
    console.error('deps: run me with `npm run deps` (npm_execpath is not set)');
    process.exit(2);
  }
  const started = Date.now();
  console.log('deps: npm ci (about 20 s)');
  execFileSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
  console.log(`deps: installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
