import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../src/shared/contract';
import { fileServerTicket, handClock, networkProvider, testStore } from '../../support/store';

/** Report figures that need a desk of their own: providers and checklists, and the monthly reminder. */
const november = { from: '2026-11-01', to: '2026-11-30' };
/** The CSV of a table (the export answers text for CSV, base64 for a workbook). */
const csvText = (file: MethodOutput<'reports.export'>) => ('text' in file ? file.text : '');

describe('providers against their contract, and checklist use', () => {
  // NetzWerk Partner: P1 reaction 1 h, resolution 8 h, support hours 08:00–18:00 on working days.
  const monday = handClock('2026-11-23T07:30:00Z');
  let m: ReturnType<typeof testStore>;
  const ids: number[] = [];
  beforeAll(async () => {
    m = testStore(monday.now);
    await m.call('msp.providers.save', { provider: networkProvider });
    // Monday 08:30 Berlin: escalated at once, reference after 30 minutes, resolved at 16:00 (7.5 h): both in time.
    // Tuesday 08:30: the reference comes at 11:00 (2.5 h: late); never resolved (due 16:30: late by month's end).
    for (const [day, referenceAt, resolvedAt] of [
      ['2026-11-23', '2026-11-23T08:00:00Z', '2026-11-23T15:00:00Z'],
      ['2026-11-24', '2026-11-24T10:00:00Z', null],
    ] as const) {
      monday.set(`${day}T07:30:00Z`);
      const made = await m.call('tickets.create', fileServerTicket);
      ids.push(made.id);
      await m.call('checklists.runs.start', { ticketId: made.id, key: 'server-share-down', language: 'de' });
      const built = await m.call('escalations.build', {
        ticketId: made.id,
        providerId: networkProvider.id,
        language: 'de',
        attachmentIds: [],
        question: 'Bitte FS01 prüfen.',
      });
      monday.set(referenceAt);
      await m.call('escalations.recordReference', { escalationId: built.escalation.id, reference: `84${made.id}` });
      if (resolvedAt) {
        monday.set(resolvedAt);
        const current = await m.call('tickets.get', { id: made.id });
        await m.call('tickets.transition', {
          id: made.id,
          to: 'resolved',
          expectedVersion: current.ticket.version,
          resolution: 'USV getauscht',
          checklistOverride: 'Dienstleister hat vor Ort geprüft',
        });
      }
    }
  }, 60_000);
  afterAll(() => m.close());

  it('judges each first escalation by its deadlines as of the period end, the late ones one click away', async () => {
    monday.set('2026-12-01T08:00:00Z');
    const report = await m.call('reports.dashboard', { period: november, compare: false });
    expect(report.current.msp).toEqual([
      {
        providerId: 'netzwerk-partner',
        providerName: 'NetzWerk Partner GmbH',
        escalated: 2,
        reaction: { met: 1, breached: 1, pending: 0 },
        resolution: { met: 1, breached: 1, pending: 0 },
      },
    ]);
    const late = await m.call('reports.drilldown', {
      period: november,
      drilldown: { figure: 'msp', key: 'netzwerk-partner', clock: 'reaction', outcome: 'breached' },
    });
    expect(late.ticketIds).toEqual([ids[1]]);
  });

  it('counts nothing late that was not yet due at the end of a period', async () => {
    // Tuesday 08:45 Berlin: reaction due 09:30, resolution 16:30; neither came yet.
    monday.set('2026-11-24T07:45:00Z');
    const tuesday = { from: '2026-11-24', to: '2026-11-24' };
    const report = await m.call('reports.dashboard', { period: tuesday, compare: false });
    expect(report.current.msp[0]).toMatchObject({
      escalated: 1,
      reaction: { met: 0, breached: 0, pending: 1 },
      resolution: { met: 0, breached: 0, pending: 1 },
    });
  });

  it('counts tickets worked along a runbook and resolutions past its gate', async () => {
    monday.set('2026-12-01T08:00:00Z');
    const report = await m.call('reports.dashboard', { period: november, compare: false });
    expect(report.current.checklists).toEqual({ resolved: 1, withRun: 1, runs: 1, overridden: 1 });
    const overridden = await m.call('reports.drilldown', {
      period: november,
      drilldown: { figure: 'checklists', key: 'overridden' },
    });
    expect(overridden.ticketIds).toEqual([ids[0]]);
    const csv = csvText(await m.call('reports.export', { period: november, table: 'msp', language: 'en' }));
    const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', skipEmptyLines: true }).data;
    expect(rows.find((row) => row[0] === 'NetzWerk Partner GmbH')).toEqual([
      'NetzWerk Partner GmbH',
      '2',
      '1',
      '1',
      '0',
      '1',
      '1',
      '0',
    ]);
  });
});

describe('the monthly reminder', () => {
  it('comes once, on the first working day of the month (not on its holiday or weekend), for the month before', async () => {
    // 1 January 2028 is a Saturday; Monday 3 January is the first working day.
    const clock2 = handClock('2027-12-31T10:00:00Z');
    const r = testStore(clock2.now);
    try {
      const changes: unknown[] = [];
      r.store.onChange((change) => changes.push(change));
      // A new desk on the last day of December: November's report is still due.
      expect(await r.call('reports.remind', {})).toEqual({ due: '2027-11' });
      clock2.set('2028-01-01T10:00:00Z');
      expect(await r.call('reports.remind', {})).toEqual({ due: null });
      clock2.set('2028-01-03T06:00:00Z');
      expect(await r.call('reports.remind', {})).toEqual({ due: '2027-12' });
      expect(changes).toContainEqual({ entity: 'reportDue', ids: [], month: '2027-12' });
      clock2.set('2028-01-03T09:00:00Z');
      expect(await r.call('reports.remind', {})).toEqual({ due: null });
      // A laptop closed on that day: the reminder comes on the next day it looks.
      clock2.set('2028-02-02T09:00:00Z');
      expect(await r.call('reports.remind', {})).toEqual({ due: '2028-01' });
      const events = await r.call('audit.verify', {});
      expect(events.ok).toBe(true);
    } finally {
      await r.close();
    }
  });
});
