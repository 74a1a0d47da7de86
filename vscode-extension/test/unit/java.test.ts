import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { findJava, majorOf, noJavaMessage, parseReleaseFile, parseVersionOutput, runJavaVersion, whichJava } from '../../src/java';

/** The real JDK of this machine (the one that builds the server), found through /usr/bin/java or JAVA_HOME. */
function realJdkHome(): string {
  const candidates = [process.env.JAVA_HOME, '/usr/bin/java'].filter((x): x is string => !!x);
  for (const c of candidates) {
    const exe = c.endsWith('java') ? c : path.join(c, 'bin', 'java');
    if (fs.existsSync(exe)) {
      return path.dirname(path.dirname(fs.realpathSync(exe)));
    }
  }
  throw new Error('no JDK on this machine: the server build needs one');
}

describe('Java discovery', () => {
  let tmp: string;
  let jdk: string;
  let oldJava: string;
  let mute: string;
  const runs: string[] = [];
  const countingRun = async (exe: string) => {
    runs.push(exe);
    return runJavaVersion(exe);
  };

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ged-java-'));
    jdk = realJdkHome();
    // A Java 11 home without a release file: only running it tells its version (a real process, a real script).
    oldJava = path.join(tmp, 'jdk-11');
    fs.mkdirSync(path.join(oldJava, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(oldJava, 'bin', 'java'),
      '#!/bin/sh\necho \'openjdk version "11.0.22" 2024-01-16\' >&2\necho \'OpenJDK Runtime Environment (build 11.0.22+7)\' >&2\n', { mode: 0o755 });
    mute = path.join(tmp, 'mute');
    fs.mkdirSync(path.join(mute, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(mute, 'bin', 'java'), '#!/bin/sh\necho hello\n', { mode: 0o755 });
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('uses goEnvDoctor.java.home first, reading its release file without running it', async () => {
    runs.length = 0;
    const s = await findJava({ setting: jdk, env: { JAVA_HOME: oldJava, PATH: '' }, runVersion: countingRun });
    assert.equal(s.found?.source, 'goEnvDoctor.java.home');
    assert.equal(s.found?.executable, path.join(jdk, 'bin', 'java'));
    assert.ok(s.found!.major >= 17, `major ${s.found!.major}`);
    assert.deepEqual(runs, []);
  });

  it('skips a Java older than 17 and says so, then finds java on PATH through its symlinks', async () => {
    const bin = path.join(tmp, 'path-bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.rmSync(path.join(bin, 'java'), { force: true });
    fs.symlinkSync(path.join(jdk, 'bin', 'java'), path.join(bin, 'java'));
    runs.length = 0;
    const s = await findJava({ env: { JAVA_HOME: oldJava, PATH: `relative/dir:${bin}` }, runVersion: countingRun });
    assert.equal(s.found?.source, 'PATH');
    assert.equal(s.found?.executable, path.join(bin, 'java'));
    assert.deepEqual(runs, [path.join(oldJava, 'bin', 'java')], 'only the home without a release file ran');
    assert.ok(s.tried.some(t => t === `JAVA_HOME: ${path.join(oldJava, 'bin', 'java')} is Java 11.0.22, older than 17`), s.tried.join('\n'));
    assert.ok(s.tried.some(t => t.startsWith(`PATH: ${path.join(bin, 'java')} -> `)), s.tried.join('\n'));
  });

  it('prefers the bundled runtime to JAVA_HOME, and falls back to it from a setting that does not fit', async () => {
    const s = await findJava({ bundledHome: jdk, env: { JAVA_HOME: oldJava } });
    assert.equal(s.found?.source, 'bundled runtime');
    const t = await findJava({ setting: oldJava, bundledHome: jdk, env: {} });
    assert.equal(t.found?.source, 'bundled runtime');
    assert.match(t.tried[0], /^goEnvDoctor\.java\.home: .* is Java 11\.0\.22, older than 17$/);
  });

  it('expands ~ in the setting', async () => {
    const s = await findJava({ setting: '~/', env: { HOME: jdk } });
    assert.equal(s.found?.executable, path.join(jdk, 'bin', 'java'));
  });

  it('explains every place it looked when there is no Java', async () => {
    const s = await findJava({ setting: path.join(tmp, 'nowhere'), env: { PATH: path.join(tmp, 'empty') }, runVersion: countingRun });
    assert.equal(s.found, undefined);
    assert.deepEqual(s.tried, [
      `goEnvDoctor.java.home: ${path.join(tmp, 'nowhere')} has no executable bin/java`,
      'JAVA_HOME: not set',
      'PATH: no java',
    ]);
    const message = noJavaMessage(s);
    assert.match(message, /needs Java 17 or newer/);
    assert.match(message, /JAVA_HOME: not set; PATH: no java/);
    assert.match(message, /goEnvDoctor\.java\.home/);
  });

  it('skips a java that does not tell its version', async () => {
    const s = await findJava({ env: { JAVA_HOME: mute } });
    assert.equal(s.found, undefined);
    assert.match(s.tried[1], /^JAVA_HOME: .*mute\/bin\/java did not tell its version$/);
  });

  it('reads versions in all their shapes', () => {
    assert.equal(parseReleaseFile('IMPLEMENTOR="Debian"\nJAVA_VERSION="17.0.15"\nJAVA_RUNTIME_VERSION="17.0.15+6"\n'), '17.0.15');
    assert.equal(parseReleaseFile('JAVA_VERSION=17'), undefined);
    assert.equal(parseVersionOutput('openjdk version "21.0.2" 2024-01-16\n'), '21.0.2');
    assert.equal(parseVersionOutput('java version "1.8.0_292"\n'), '1.8.0_292');
    assert.equal(parseVersionOutput('Picked up JAVA_TOOL_OPTIONS: -Dx=1\nopenjdk version "17" 2021-09-14\n'), '17');
    assert.equal(majorOf('1.8.0_292'), 8);
    assert.equal(majorOf('17.0.15'), 17);
    assert.equal(majorOf('21'), 21);
    assert.equal(majorOf('25-ea'), 25);
    assert.ok(Number.isNaN(majorOf('garbage')));
  });

  it('never takes java from an empty or relative PATH entry (the current directory)', () => {
    const cwd = process.cwd();
    const dir = fs.mkdtempSync(path.join(tmp, 'cwd-'));
    fs.writeFileSync(path.join(dir, 'java'), '#!/bin/sh\n', { mode: 0o755 });
    try {
      process.chdir(dir);
      assert.equal(whichJava(':.:'), undefined);
    } finally {
      process.chdir(cwd);
    }
  });
});
