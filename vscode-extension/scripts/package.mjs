// Builds the two packages into target/:
//   go-env-doctor-<version>.vsix            universal: runs the server with the user's Java 17+
//   go-env-doctor-linux-x64-<version>.vsix  with a jlink runtime made of the modules the server jar needs
// The server jar is copied in from ../server/target (the Maven build makes it first); it is never committed.
// Every program runs with an argument array, never through a shell.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));
const jarSource = path.resolve(here, '..', 'server', 'target', 'go-env-doctor.jar');
const jarTarget = path.join(here, 'server', 'go-env-doctor.jar');
const runtime = path.join(here, 'runtime');
const target = path.join(here, 'target');
const vsce = path.join(here, 'node_modules', '@vscode', 'vsce', 'vsce');
const withRuntime = !process.argv.includes('--universal-only');

function run(command, args, options = {}) {
  const started = Date.now();
  const out = execFileSync(command, args, { cwd: here, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...options });
  return { out, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

if (!fs.existsSync(jarSource)) {
  console.error(`package: ${jarSource} is missing; build the server first (mvn -B package from the repository root).`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(jarTarget), { recursive: true });
fs.copyFileSync(jarSource, jarTarget);
fs.mkdirSync(target, { recursive: true });

const vsceArgs = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license'];
const universal = path.join(target, `${pkg.name}-${pkg.version}.vsix`);
// The universal package never holds the runtime (the ignore file leaves it out).
let r = run(process.execPath, [vsce, ...vsceArgs, '--ignoreFile', '.vscodeignore', '-o', universal]);
console.log(`package: ${path.relative(here, universal)} (${mb(universal)}) in ${r.seconds} s`);

if (withRuntime) {
  const javaHome = process.env.JAVA_HOME;
  const tool = name => (javaHome && fs.existsSync(path.join(javaHome, 'bin', name)) ? path.join(javaHome, 'bin', name) : name);
  let modules;
  try {
    r = run(tool('jdeps'), ['--print-module-deps', '--ignore-missing-deps', '--multi-release', '17', jarTarget]);
    modules = r.out.trim();
  } catch (e) {
    console.error('\n*** package: SKIPPED the linux-x64 package: jdeps did not run (a JDK 17+ with jdeps and jlink is needed). ***\n');
    process.exit(0);
  }
  console.log(`package: the server needs ${modules} (jdeps, ${r.seconds} s)`);
  fs.rmSync(runtime, { recursive: true, force: true });
  r = run(tool('jlink'), ['--add-modules', modules, '--strip-debug', '--no-man-pages', '--no-header-files', '--compress=2',
    '--generate-cds-archive', '--output', runtime]);
  console.log(`package: jlink runtime in ${r.seconds} s`);
  const platform = path.join(target, `${pkg.name}-linux-x64-${pkg.version}.vsix`);
  r = run(process.execPath, [vsce, ...vsceArgs, '--target', 'linux-x64', '--ignoreFile', '.vscodeignore-linux-x64', '-o', platform]);
  console.log(`package: ${path.relative(here, platform)} (${mb(platform)}) in ${r.seconds} s`);
}

function mb(file) {
  return `${(fs.statSync(file).size / 1048576).toFixed(1)} MB`;
}
