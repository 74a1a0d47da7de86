// Finds a Java 17+ to run the server. No VS Code API here: the caller passes the setting, the environment and
// the bundled runtime's directory, so the search is testable on real directories.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The oldest Java the server runs on (its classes are compiled for release 17). */
export const MIN_JAVA = 17;

/** Where a candidate came from, in the order they are tried. */
export type JavaSource = 'goEnvDoctor.java.home' | 'bundled runtime' | 'JAVA_HOME' | 'PATH';

/** A usable Java: the executable, its version and where it was found. */
export interface JavaFound {
  readonly executable: string;
  readonly version: string;
  readonly major: number;
  readonly source: JavaSource;
}

/** The result of a search: the Java to use (if any) and one line per place looked at, for the message and log. */
export interface JavaSearch {
  readonly found?: JavaFound;
  readonly tried: readonly string[];
}

/** What the search reads. `runVersion` runs `<java> -version` and returns what it printed (undefined on failure). */
export interface JavaSearchInputs {
  readonly setting?: string;
  readonly bundledHome?: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly runVersion?: (executable: string) => Promise<string | undefined>;
}

/**
 * Looks for Java in this order: the `goEnvDoctor.java.home` setting (an explicit choice wins), the runtime
 * bundled with the platform package, `JAVA_HOME`, then `java` on PATH. A candidate older than 17 or without
 * an executable `bin/java` is skipped and said so in `tried`.
 */
export async function findJava(inputs: JavaSearchInputs): Promise<JavaSearch> {
  const tried: string[] = [];
  const run = inputs.runVersion ?? runJavaVersion;
  const homes: Array<[JavaSource, string | undefined]> = [
    ['goEnvDoctor.java.home', blankToUndefined(inputs.setting)],
    ['bundled runtime', inputs.bundledHome],
    ['JAVA_HOME', blankToUndefined(inputs.env.JAVA_HOME)],
  ];
  for (const [source, home] of homes) {
    if (home === undefined) {
      if (source !== 'bundled runtime') {
        tried.push(`${source}: not set`);
      }
      continue;
    }
    const found = await inspectHome(source, expandHome(home, inputs.env.HOME), run, tried);
    if (found) {
      return { found, tried };
    }
  }
  const onPath = whichJava(inputs.env.PATH);
  if (onPath === undefined) {
    tried.push('PATH: no java');
    return { tried };
  }
  const found = await inspectExecutable('PATH', onPath, run, tried);
  return found ? { found, tried } : { tried };
}

/** The message shown when no Java fits: what is needed, what was tried, and what to do. */
export function noJavaMessage(search: JavaSearch): string {
  return `go-env-doctor needs Java ${MIN_JAVA} or newer to run its server, and found none ` +
    `(${search.tried.join('; ')}). Install one (for example: sudo apt install openjdk-17-jre-headless), ` +
    'or set goEnvDoctor.java.home to a Java 17+ directory, or install the linux-x64 package that bundles a runtime.';
}

/** `JAVA_VERSION="17.0.15"` in a Java home's `release` file. */
export function parseReleaseFile(text: string): string | undefined {
  const m = /^JAVA_VERSION="([^"\n]{1,40})"/m.exec(text);
  return m ? m[1] : undefined;
}

/** The version in `java -version` output: `openjdk version "17.0.15" 2025-04-15` or `java version "1.8.0_292"`. */
export function parseVersionOutput(text: string): string | undefined {
  const m = /\bversion "([^"\n]{1,40})"/.exec(text);
  return m ? m[1] : undefined;
}

/** The feature release of a version string: "1.8.0_292" is 8, "17.0.15" is 17, "21" is 21; NaN when unreadable. */
export function majorOf(version: string): number {
  const parts = version.split(/[.+\-_]/);
  const first = Number.parseInt(parts[0] ?? '', 10);
  if (first === 1 && parts.length > 1) {
    return Number.parseInt(parts[1] ?? '', 10);
  }
  return first;
}

/** The first executable `java` in a PATH string (empty and relative entries are skipped: no current directory). */
export function whichJava(pathValue: string | undefined): string | undefined {
  for (const dir of (pathValue ?? '').split(path.delimiter)) {
    if (!path.isAbsolute(dir)) {
      continue;
    }
    const candidate = path.join(dir, 'java');
    if (isExecutableFile(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

async function inspectHome(source: JavaSource, home: string, run: (exe: string) => Promise<string | undefined>,
    tried: string[]): Promise<JavaFound | undefined> {
  const exe = path.join(home, 'bin', 'java');
  if (!isExecutableFile(exe)) {
    tried.push(`${source}: ${home} has no executable bin/java`);
    return undefined;
  }
  return inspectExecutable(source, exe, run, tried);
}

async function inspectExecutable(source: JavaSource, exe: string, run: (exe: string) => Promise<string | undefined>,
    tried: string[]): Promise<JavaFound | undefined> {
  // Read the release file of the real home first: no process needed (/usr/bin/java is a chain of links).
  let version: string | undefined;
  const real = safeRealpath(exe);
  if (real !== undefined) {
    version = readRelease(path.dirname(path.dirname(real)));
  }
  if (version === undefined) {
    const output = await run(exe);
    version = output === undefined ? undefined : parseVersionOutput(output);
  }
  const shown = real !== undefined && real !== exe ? `${exe} -> ${real}` : exe;
  if (version === undefined) {
    tried.push(`${source}: ${shown} did not tell its version`);
    return undefined;
  }
  const major = majorOf(version);
  if (!(major >= MIN_JAVA)) {
    tried.push(`${source}: ${shown} is Java ${version}, older than ${MIN_JAVA}`);
    return undefined;
  }
  tried.push(`${source}: ${shown} is Java ${version}`);
  return { executable: exe, version, major, source };
}

function readRelease(home: string): string | undefined {
  try {
    const file = path.join(home, 'release');
    if (fs.statSync(file).size > 64 * 1024) {
      return undefined;
    }
    return parseReleaseFile(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Runs `<java> -version` with a timeout and no shell; the version goes to stderr. */
export function runJavaVersion(exe: string): Promise<string | undefined> {
  return new Promise(resolve => {
    execFile(exe, ['-version'], { timeout: 5000, maxBuffer: 64 * 1024, cwd: path.dirname(exe) }, (error, stdout, stderr) => {
      const text = `${stderr}${stdout}`;
      resolve(error && text.length === 0 ? undefined : text);
    });
  });
}

function isExecutableFile(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

function safeRealpath(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
}

function blankToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function expandHome(p: string, home: string | undefined): string {
  return home !== undefined && (p === '~' || p.startsWith('~/')) ? path.join(home, p.slice(1)) : p;
}
