// Regenerates test/fixtures from the real server: `report --json` and `check --format json` of scenarios that
// ship with the server's tests. Run after the report schema changes: node scripts/update-fixtures.mjs
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repo = path.dirname(here);
const jar = path.join(repo, 'server', 'target', 'go-env-doctor.jar');
const scenarios = ['ubuntu-apt-and-tarball-in-bashrc', 'gvm', 'tarball-healthy'];

for (const name of scenarios) {
  const dir = path.join(repo, 'server', 'src', 'test', 'testdata', name);
  const workspace = fs.readFileSync(path.join(dir, 'workspace'), 'utf8').split('\n')[0].trim();
  const common = ['--root', path.join(dir, 'root'), '--env', path.join(dir, 'env'), '--workspace', workspace];
  const run = args => {
    try {
      return execFileSync('java', ['-jar', jar, ...args, ...common], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    } catch (e) {
      return e.stdout; // check exits 1 when it has findings
    }
  };
  // The scenario's absolute directory differs between clones: keep it relative.
  const portable = text => text.split(dir).join(`server/src/test/testdata/${name}`);
  fs.writeFileSync(path.join(here, 'test', 'fixtures', `${name}.report.json`), portable(run(['report', '--json'])));
  fs.writeFileSync(path.join(here, 'test', 'fixtures', `${name}.check.json`), portable(run(['check', '--format', 'json'])));
  console.log(`fixtures for ${name}`);
}
