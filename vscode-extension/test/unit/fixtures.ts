// Report and check JSON produced by the real server for scenarios of its own tests (scripts/update-fixtures.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Finding, Report, parseReport } from '../../src/reportModel';

export const FIXTURES = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');

export function reportOf(scenario: string): Report {
  const parsed = parseReport(JSON.parse(fs.readFileSync(path.join(FIXTURES, `${scenario}.report.json`), 'utf8')));
  if (typeof parsed === 'string') {
    throw new Error(parsed);
  }
  return parsed;
}

/** The scenario's findings as the editor holds them: what `check --format json` printed, in diagnostic shape. */
export function findingsOf(scenario: string): Finding[] {
  const check = JSON.parse(fs.readFileSync(path.join(FIXTURES, `${scenario}.check.json`), 'utf8'));
  return check.findings.map((f: any, i: number) => ({
    id: `f${i}`,
    severity: f.severity,
    slug: f.slug,
    code: f.code,
    message: f.message,
    location: f.location,
    fixes: f.fixes.map((x: any) => ({ title: x.title, preferred: x.preferred })),
  }));
}
