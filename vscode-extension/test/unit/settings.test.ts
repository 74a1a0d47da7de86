import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ConfigReader, javaHomeSetting, serverSettings } from '../../src/settings';

function config(values: Record<string, unknown>): ConfigReader {
  return { get: <T>(key: string) => values[key] as T | undefined };
}

describe('server settings', () => {
  it('passes the user settings and trust through', () => {
    const s = serverSettings(config({ disabledRules: ['go-unsupported', 3], 'shellProbe.timeoutSeconds': 20, logLevel: 'debug' }), true);
    assert.deepEqual(s, {
      disabledRules: ['go-unsupported'],
      shellProbe: { enabled: true, timeoutSeconds: 20 },
      exec: { enabled: true },
      trusted: true,
      logLevel: 'debug',
    });
  });

  it('runs nothing in Restricted Mode, whatever a workspace settings.json says', () => {
    const s = serverSettings(config({ 'exec.enabled': true, 'shellProbe.enabled': true, trusted: true }), false);
    assert.equal(s.trusted, false);
    assert.equal(s.exec.enabled, false);
    assert.equal(s.shellProbe.enabled, false);
  });

  it('turns bad values into defaults', () => {
    const s = serverSettings(config({ disabledRules: 'x', 'shellProbe.timeoutSeconds': 1000, logLevel: 7, 'exec.enabled': 'no' }), true);
    assert.deepEqual(s.disabledRules, []);
    assert.equal(s.shellProbe.timeoutSeconds, 10);
    assert.equal(s.logLevel, 'info');
    assert.equal(s.exec.enabled, true);
  });

  it('reads goEnvDoctor.java.home, blank meaning unset', () => {
    assert.equal(javaHomeSetting(config({ 'java.home': ' /opt/jdk ' })), '/opt/jdk');
    assert.equal(javaHomeSetting(config({ 'java.home': '  ' })), undefined);
    assert.equal(javaHomeSetting(config({})), undefined);
  });
});
