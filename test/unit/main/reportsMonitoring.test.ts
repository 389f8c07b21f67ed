import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../src/shared/contract';
import { erp, floorPrinter } from '../../support/directory';
import { monitoringTcpCheck } from '../../support/monitoring';
import { handClock, testStore } from '../../support/store';

/** What the monitoring adds to the reports: uptime of the critical systems, outages, flapping, certificates. */
const november = { from: '2026-11-01', to: '2026-11-30' };
const clock = handClock('2026-11-02T08:00:00Z');
let t: ReturnType<typeof testStore>;
const ids = { erp: 0, tls: 0, printer: 0 };

const run = (checkId: number, at: string, outcome: 'ok' | 'failed', certExpiresAt: string | null = null) => {
  clock.set(at);
  return t.call('monitoring.results.record', {
    checkId,
    sample: { at, outcome, latencyMs: outcome === 'ok' ? 5 : null, message: outcome, certExpiresAt },
  });
};
const minutes = (start: string, n: number) => new Date(Date.parse(start) + n * 60_000).toISOString();
const page = (report: MethodOutput<'reports.monthly'>) => ('text' in report ? report.text : '');

beforeAll(async () => {
  t = testStore(clock.now);
  await t.call('directory.systems.save', { system: erp });
  await t.call('directory.systems.save', { system: floorPrinter });
  ids.erp = (await t.call('monitoring.checks.save', { check: monitoringTcpCheck })).check.id;
  ids.tls = (
    await t.call('monitoring.checks.save', {
      check: { systemId: 1, name: 'ERP-Zertifikat', target: { kind: 'tls', host: '127.0.0.1', port: 443 } },
    })
  ).check.id;
  ids.printer = (
    await t.call('monitoring.checks.save', {
      check: { ...monitoringTcpCheck, systemId: 2, name: 'Druckerport', downAfter: 1, flapLimit: 2 },
    })
  ).check.id;
  // ERP: six good runs and two failed in a row (one outage); with its certificate check's run, 7 of 9 runs good.
  const erpRuns = ['ok', 'ok', 'failed', 'failed', 'ok', 'ok', 'ok', 'ok'] as const;
  for (const [i, outcome] of erpRuns.entries()) await run(ids.erp, minutes('2026-11-02T08:00:00Z', i * 60), outcome);
  // Its certificate ends on 10 December, within 30 days of the report.
  await run(ids.tls, '2026-11-20T08:00:00Z', 'ok', '2026-12-10T12:00:00.000Z');
  // The printer (not critical) goes down and up three times within the hour: flapping.
  for (let i = 0; i < 6; i += 1) await run(ids.printer, minutes('2026-11-10T08:00:00Z', i), i % 2 ? 'ok' : 'failed');
  clock.set('2026-12-01T08:00:00Z');
}, 60_000);
afterAll(() => t.close());

describe('monitoring in the reports', () => {
  it('gives the uptime and outages of the critical systems in the period, the month before without runs', async () => {
    const report = await t.call('reports.dashboard', { period: november });
    expect(report.current.availability).toEqual([
      { systemId: 1, name: 'ERP', uptime: 77.7, outages: 1, flapped: false },
    ]);
    expect(report.before?.availability).toEqual([
      { systemId: 1, name: 'ERP', uptime: null, outages: 0, flapped: false },
    ]);
  });

  it('names the critical systems’ uptime and the risks (certificate ending, a system flapping) in the monthly report', async () => {
    const de = page(await t.call('reports.monthly', { month: '2026-11', language: 'de', format: 'html' }));
    expect(de).toContain('Verfügbarkeit kritischer Systeme');
    expect(de).toMatch(/<th>ERP<\/th><td>77,7 %<\/td><td>1<\/td>/);
    expect(de).toContain('Zertifikat von ERP (ERP-Zertifikat) läuft am 10. Dez. 2026 ab');
    expect(de).toMatch(/Drucker 2\. OG war instabil \(ständig wechselnder Zustand, 3 Ausfälle\)/);
    const en = page(await t.call('reports.monthly', { month: '2026-11', language: 'en', format: 'html' }));
    expect(en).toContain('Certificate of ERP (ERP-Zertifikat) ends on 10 Dec 2026');
    expect(en).toContain('Drucker 2. OG was unstable (state kept changing, 3 outages)');
  });

  it('says a certificate ended, and drops it once renewed; a month without flapping has no such risk', async () => {
    clock.set('2027-02-01T08:00:00Z');
    const ended = page(await t.call('reports.monthly', { month: '2027-01', language: 'en', format: 'html' }));
    expect(ended).toContain('Certificate of ERP (ERP-Zertifikat) ended on 10 Dec 2026');
    expect(ended).not.toContain('unstable');
    await run(ids.tls, '2027-02-01T08:00:00Z', 'ok', '2027-12-10T12:00:00.000Z');
    const renewed = page(await t.call('reports.monthly', { month: '2027-01', language: 'en', format: 'html' }));
    expect(renewed).not.toContain('Certificate of');
  });
});

describe('the availability table', () => {
  it('exports as German CSV with the uptime as a decimal comma', async () => {
    const file = await t.call('reports.export', {
      period: november,
      table: 'availability',
      format: 'csv',
      language: 'de',
    });
    const text = 'text' in file ? file.text : '';
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.slice(-2)).toEqual(['System;Verfügbarkeit (%);Ausfälle;Instabil', 'ERP;77,7;1;nein']);
  });
});
