import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodOutput } from '../../../src/shared/contract';
import type { Priority } from '../../../src/shared/domain/enums';
import { handClock, outlookTicket, testStore } from '../../support/store';
import { databaseFile } from '../../../src/main/store/database';
import { reportFactsDefinition } from '../../../src/main/store/migrations/016-report-facts';

/**
 * The figures fixture: 100 tickets whose figures are worked out by hand below. Every ticket comes in at 09:00 Berlin
 * on a working day (08:00–17:00 is the default calendar), its reply r minutes and its resolution s minutes later the
 * same day, so business times are those minutes. November is the period, October the one before, September lies
 * outside both; two tickets sit at 00:30 Berlin on the first of a month, across the end of summer time.
 */
type Case = { day: string; reply?: number; resolve?: number; nextDayAt?: string; tier?: 'second' | 'msp' };
const P1: Case[] = [
  { day: '2026-11-02', reply: 10, resolve: 60 },
  { day: '2026-11-03', reply: 20, resolve: 120 },
  { day: '2026-11-04', reply: 30, resolve: 180 },
  { day: '2026-11-05', reply: 40, resolve: 239 },
  { day: '2026-11-06', reply: 50, resolve: 250 },
  { day: '2026-11-09', reply: 70, resolve: 300 },
  { day: '2026-11-10', reply: 90, resolve: 360 },
  { day: '2026-11-11', reply: 100, resolve: 400 },
  { day: '2026-11-12', reply: 200 },
  { day: '2026-11-13', reply: 300 },
];
const P2: Case[] = [
  { day: '2026-11-16', reply: 15, resolve: 100 },
  { day: '2026-11-17', reply: 30, resolve: 200 },
  { day: '2026-11-18', reply: 60, resolve: 300 },
  { day: '2026-11-18', reply: 90, resolve: 460, tier: 'second' },
  { day: '2026-11-20', reply: 110 },
  // Resolved the next working day at 10:00: 8 h of the first day and 2 h of the second, 600 minutes.
  { day: '2026-11-19', reply: 130, nextDayAt: '2026-11-20T10:00', tier: 'msp' },
  { day: '2026-11-24', reply: 150 },
  { day: '2026-11-25', reply: 400 },
];
const P3: Case[] = [
  { day: '2026-11-26', reply: 60, resolve: 240 },
  { day: '2026-11-26', reply: 120, resolve: 400 },
  { day: '2026-11-27', reply: 240 },
  { day: '2026-11-30', reply: 300 },
  { day: '2026-11-30', reply: 420 },
  { day: '2026-11-30', reply: 470 },
];

const berlin = (day: string, minutesAfterNine = 0) =>
  DateTime.fromISO(`${day}T09:00`, { zone: 'Europe/Berlin' }).plus({ minutes: minutesAfterNine }).toUTC().toISO() ?? '';
const clock = handClock('2026-09-01T08:00:00Z');
/** The CSV of a table (the export answers text for CSV, base64 for a workbook). */
const csvText = (file: MethodOutput<'reports.export'>) => ('text' in file ? file.text : '');
let t: ReturnType<typeof testStore>;

async function ticket(at: string, priority: Priority, extra: Partial<MethodInput<'tickets.create'>> = {}) {
  clock.set(at);
  return t.call('tickets.create', {
    ...outlookTicket,
    triageOverride: { priority, reason: 'Fixture' },
    ...extra,
  });
}
async function reply(id: number, at: string) {
  clock.set(at);
  await t.call('tickets.addNote', { id, kind: 'reply', body: 'Wir sind dran.' });
}
async function resolve(id: number, at: string) {
  clock.set(at);
  const current = await t.call('tickets.get', { id });
  return t.call('tickets.transition', {
    id,
    to: 'resolved',
    expectedVersion: current.ticket.version,
    resolution: 'Erledigt',
    checklistOverride: 'Fixture',
  });
}
async function setTier(id: number, tier: 'second' | 'msp') {
  const current = await t.call('tickets.get', { id });
  await t.call('tickets.update', { id, expectedVersion: current.ticket.version, patch: { tier } });
}

const dims = {
  P1: { category: 'network', channel: 'phone', department: 'Vertrieb' },
  P2: { category: 'email', channel: 'email', department: 'Buchhaltung' },
  P3: { category: 'software', channel: 'walkIn', department: 'Vertrieb' },
  P4: { category: null, channel: 'portal', department: '' },
} as const;
const withDims = (p: Priority): Partial<MethodInput<'tickets.create'>> => ({
  category: dims[p].category,
  channel: dims[p].channel,
  requester: { ...outlookTicket.requester, department: dims[p].department },
});

let reopenedId = 0;
beforeAll(async () => {
  t = testStore(clock.now);
  // September: 50 tickets resolved within the hour, outside both periods.
  for (let i = 0; i < 50; i += 1) {
    const day =
      DateTime.fromISO('2026-09-01')
        .plus({ days: i % 20 })
        .toISODate() ?? '';
    const made = await ticket(berlin(day), 'P3');
    await resolve(made.id, berlin(day, 60));
  }
  // October: 20 tickets on working days, 18 resolved an hour later; the first two stay open.
  const octoberDays = [
    '05',
    '06',
    '07',
    '08',
    '09',
    '12',
    '13',
    '14',
    '15',
    '16',
    '19',
    '20',
    '21',
    '22',
    '23',
    '26',
    '27',
    '28',
    '29',
    '30',
  ];
  for (const [i, d] of octoberDays.entries()) {
    const made = await ticket(berlin(`2026-10-${d}`), 'P3');
    if (i >= 2) await resolve(made.id, berlin(`2026-10-${d}`, 60));
  }
  // 00:30 Berlin on 1 October (summer time, 30 Sep 22:30 UTC) and on 1 November (winter time, 31 Oct 23:30 UTC).
  const octFirst = await ticket('2026-09-30T22:30:00.000Z', 'P3');
  await resolve(octFirst.id, '2026-09-30T22:40:00.000Z');
  const novFirst = await ticket('2026-10-31T23:30:00.000Z', 'P4', withDims('P4'));
  await resolve(novFirst.id, '2026-10-31T23:40:00.000Z');
  // November.
  for (const [priority, cases] of [
    ['P1', P1],
    ['P2', P2],
    ['P3', P3],
  ] as const) {
    for (const c of cases) {
      const made = await ticket(berlin(c.day), priority, withDims(priority));
      if (c.reply !== undefined) await reply(made.id, berlin(c.day, c.reply));
      if (c.resolve !== undefined) await resolve(made.id, berlin(c.day, c.resolve));
      if (c.nextDayAt)
        await resolve(made.id, DateTime.fromISO(c.nextDayAt, { zone: 'Europe/Berlin' }).toUTC().toISO() ?? '');
      if (c.tier) await setTier(made.id, c.tier);
    }
  }
  // Four P4 tickets on Saturday 28 November, not answered yet.
  for (let i = 0; i < 4; i += 1) await ticket(berlin('2026-11-28', 60), 'P4', withDims('P4'));
  // The first P3 of 26 November was reopened twice: it counts once.
  const listed = await t.call('tickets.list', {
    filter: { priority: ['P3'], category: ['software'] },
    sort: { by: 'created', dir: 'asc' },
  });
  reopenedId = listed.items[0]?.id ?? 0;
  for (const minutes of [250, 270]) {
    clock.set(berlin('2026-11-26', minutes));
    const current = await t.call('tickets.get', { id: reopenedId });
    await t.call('tickets.transition', { id: reopenedId, to: 'inProgress', expectedVersion: current.ticket.version });
    await resolve(reopenedId, berlin('2026-11-26', minutes + 10));
  }
  clock.set('2026-12-01T08:00:00Z');
}, 120_000);
afterAll(() => t.close());

const november = { from: '2026-11-01', to: '2026-11-30' };
let report: MethodOutput<'reports.dashboard'>;
describe('the dashboard on the figures fixture', () => {
  beforeAll(async () => {
    report = await t.call('reports.dashboard', { period: november });
  });

  it('counts what came in, was resolved and stayed open, with October before it', () => {
    // In: 10 P1 + 8 P2 + 6 P3 + 4 P4 + the one at 00:30 on 1 November. Resolved: 8 + 5 + 2 + that one.
    // Open at the end: 2 + 3 + 4 + 4 and the two from October.
    expect(report.current).toMatchObject({ opened: 29, resolved: 16, openAtEnd: 15 });
    expect(report.previous).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    // 20 October tickets and the one at 00:30 on 1 October; 18 + 1 resolved.
    expect(report.before).toMatchObject({ opened: 21, resolved: 19 });
  });

  it('splits by priority, category, channel and department', () => {
    const of = (list: { key: string; count: number }[]) => Object.fromEntries(list.map((r) => [r.key, r.count]));
    expect(of(report.current.byPriority)).toEqual({ P1: 10, P2: 8, P3: 6, P4: 5 });
    expect(of(report.current.byCategory)).toEqual({ network: 10, email: 8, software: 6, none: 5 });
    expect(of(report.current.byChannel)).toEqual({ phone: 10, email: 8, walkIn: 6, portal: 5 });
    expect(of(report.current.byDepartment)).toEqual({ Vertrieb: 16, Buchhaltung: 8 });
  });

  it('gives first-response and resolution times in business time, median and 90th percentile', () => {
    const min = 60_000;
    const p1 = report.current.times.find((r) => r.priority === 'P1');
    // Replies 10 20 30 40 50 70 90 100 200 300: the 5th and 9th of ten.
    expect(p1?.firstResponse).toEqual({ median: 50 * min, p90: 200 * min, count: 10 });
    // Resolutions 60 120 180 239 250 300 360 400: the 4th and 8th of eight.
    expect(p1?.resolution).toEqual({ median: 239 * min, p90: 400 * min, count: 8 });
    const p2 = report.current.times.find((r) => r.priority === 'P2');
    expect(p2?.firstResponse).toEqual({ median: 90 * min, p90: 400 * min, count: 8 });
    // 100 200 300 460 and 600 across the night: the 3rd and 5th of five.
    expect(p2?.resolution).toEqual({ median: 300 * min, p90: 600 * min, count: 5 });
  });

  it('gives SLA compliance per priority and clock, and the breached tickets are one click away', async () => {
    const p1 = report.current.sla.find((r) => r.priority === 'P1');
    // First response 1 h: five within it; resolution 4 h: 60 120 180 239 met, 250 300 360 400 breached.
    expect(p1).toMatchObject({ first: { met: 5, breached: 5 }, resolution: { met: 4, breached: 4 } });
    const p2 = report.current.sla.find((r) => r.priority === 'P2');
    // First response 2 h: 15 30 60 90 110 met; 130 150 400 breached. Resolution 8 h: only the 600 breached.
    expect(p2).toMatchObject({ first: { met: 5, breached: 3 }, resolution: { met: 4, breached: 1 } });
    const drill = {
      period: november,
      drilldown: { figure: 'sla', key: 'P1', clock: 'resolution', outcome: 'breached' },
    } as const;
    const { ticketIds, count } = await t.call('reports.drilldown', drill);
    expect(count).toBe(4);
    const list = await t.call('tickets.list', { filter: { report: drill }, limit: 50 });
    expect(list.total).toBe(4);
    expect(list.items.map((i) => i.id).sort((a, b) => a - b)).toEqual([...ticketIds].sort((a, b) => a - b));
    expect(list.items.every((i) => i.priority === 'P1')).toBe(true);
  });

  it('ages the backlog at the period end, counts a ticket reopened twice once, and the levels', () => {
    expect(report.current.backlog).toEqual([
      { bucket: 'd0_1', count: 3 },
      { bucket: 'd1_3', count: 4 },
      { bucket: 'd3_7', count: 3 },
      { bucket: 'w1_4', count: 3 },
      { bucket: 'over4w', count: 2 },
    ]);
    expect(report.current.reopen).toEqual({ resolved: 16, reopened: 1 });
    expect(report.current.tiers).toEqual([
      { tier: 'first', count: 14 },
      { tier: 'second', count: 1 },
      { tier: 'msp', count: 1 },
    ]);
  });

  it('gives the trend per Berlin day, the ticket at 00:30 on 1 November on that day; per week for a quarter', async () => {
    const { unit, points } = report.current.series;
    expect(unit).toBe('day');
    expect(points).toHaveLength(30);
    expect(points[0]).toEqual({ from: '2026-11-01', opened: 1, resolved: 1 });
    expect(points.find((p) => p.from === '2026-11-18')).toEqual({ from: '2026-11-18', opened: 2, resolved: 2 });
    expect(points.find((p) => p.from === '2026-11-28')?.opened).toBe(4);
    expect(points.reduce((n, p) => n + p.opened, 0)).toBe(report.current.opened);
    expect(points.reduce((n, p) => n + p.resolved, 0)).toBe(report.current.resolved);
    const quarter = await t.call('reports.dashboard', {
      period: { from: '2026-09-01', to: '2026-11-30' },
      compare: false,
    });
    expect(quarter.current.series.unit).toBe('week');
    expect(quarter.current.series.points.slice(0, 2).map((p) => p.from)).toEqual(['2026-09-01', '2026-09-07']);
    expect(quarter.current.series.points.reduce((n, p) => n + p.opened, 0)).toBe(quarter.current.opened);
  });

  it('refuses a reversed period, one longer than five years and one in the future, naming the field', async () => {
    const reversed = await t.dispatch('reports.dashboard', { period: { from: '2026-11-30', to: '2026-11-01' } }, 'de');
    expect(reversed.ok ? '' : reversed.error.message).toContain('endet vor seinem Beginn');
    const long = await t.dispatch('reports.dashboard', { period: { from: '2020-01-01', to: '2026-11-30' } }, 'en');
    expect(long.ok ? '' : long.error.message).toContain('at most 5 years');
    const future = await t.dispatch('reports.dashboard', { period: { from: '2027-01-01', to: '2027-01-31' } }, 'de');
    expect(future).toMatchObject({ ok: false, status: 400 });
    expect(future.ok ? '' : future.error.message).toContain('Zukunft');
  });
});

describe('the facts the reports read', () => {
  it('are, after every write of the fixture, exactly what their definition gives from tickets, clocks and events', () => {
    const db = new DatabaseSync(databaseFile(t.dir), { readOnly: true });
    try {
      const kept = 'SELECT * FROM report_facts';
      const differ = (a: string, b: string) => db.prepare(`SELECT count(*) AS n FROM (${a} EXCEPT ${b})`).get();
      expect(differ(kept, reportFactsDefinition)).toEqual({ n: 0 });
      expect(differ(reportFactsDefinition, kept)).toEqual({ n: 0 });
      // Not vacuous: the fixture's resolved, reopened and clocked tickets are in it.
      const counts = db
        .prepare('SELECT count(*) AS n, sum(reopened) AS reopened, count(first_state) AS clocked FROM report_facts')
        .get() as { n: number; reopened: number; clocked: number };
      expect(counts.n).toBeGreaterThanOrEqual(100);
      expect(counts.reopened).toBe(1);
      expect(counts.clocked).toBe(counts.n);
    } finally {
      db.close();
    }
  });
});

describe('CSV for Excel', () => {
  it('writes German CSV (BOM, semicolons, dd.mm.yyyy, decimal comma) that a CSV parser reads back', async () => {
    const csv = csvText(await t.call('reports.export', { period: november, table: 'times', language: 'de' }));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    expect(parsed.data[0]).toEqual(['Zeitraum', '01.11.2026 – 30.11.2026']);
    const p1 = parsed.data.find((row) => row[0] === 'P1');
    // 50 minutes: 0,83 hours; 200 minutes: 3,33.
    expect(p1?.slice(1, 4)).toEqual(['0,83', '3,33', '10']);
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    await ticket(berlin('2026-11-30', 30), 'P3', {
      requester: { ...outlookTicket.requester, department: '=HYPERLINK("http://evil")' },
    });
    clock.set('2026-12-01T08:00:00Z');
    const csv = csvText(await t.call('reports.export', { period: november, table: 'dimensions', language: 'de' }));
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: true });
    const cell = parsed.data.find((row) => row[1]?.includes('HYPERLINK'))?.[1];
    expect(cell?.startsWith("'=")).toBe(true);
  });
});

describe('Excel workbooks', () => {
  const sheetOf = async (table: MethodInput<'reports.export'>['table'], language: 'de' | 'en' = 'de') => {
    const file = await t.call('reports.export', { period: november, table, format: 'xlsx', language });
    expect(file.fileName).toBe(`leitstand-${table}-2026-11-01-2026-11-30.xlsx`);
    return readSheet('contentBase64' in file ? Buffer.from(file.contentBase64, 'base64') : Buffer.alloc(0));
  };

  it('holds the period as real dates and the times as real numbers, read back by a reader', async () => {
    const rows = await sheetOf('times');
    expect(rows[0]?.slice(0, 3)).toEqual([
      'Zeitraum',
      new Date('2026-11-01T00:00:00Z'),
      new Date('2026-11-30T00:00:00Z'),
    ]);
    const p1 = rows.find((row) => row[0] === 'P1');
    // 50 minutes and 200 minutes as hours; ten first responses.
    expect(p1?.[1]).toBeCloseTo(50 / 60, 10);
    expect(p1?.[2]).toBeCloseTo(200 / 60, 10);
    expect(p1?.[3]).toBe(10);
    const english = await sheetOf('summary', 'en');
    expect(english.find((row) => row[0] === 'Opened')?.[1]).toBe(30);
  });

  it('keeps a cell that starts like a formula as text', async () => {
    const rows = await sheetOf('dimensions');
    const cell = rows.find((row) => String(row[1]).includes('HYPERLINK'))?.[1];
    expect(cell).toBe('\'=HYPERLINK("http://evil")');
  });

  it('refuses an unknown table or format, naming the field', async () => {
    const table = await t.dispatch('reports.export', { period: november, table: 'salaries', language: 'de' }, 'de');
    expect(table).toMatchObject({ ok: false, status: 400 });
    expect(table.ok ? '' : table.error.message).toContain('Tabelle');
    const format = await t.dispatch(
      'reports.export',
      { period: november, table: 'sla', format: 'pdf', language: 'de' },
      'en',
    );
    expect(format).toMatchObject({ ok: false, status: 400 });
  });
});

describe('the monthly report', () => {
  it('is one self-contained page: figures with trends, SLA, the top incidents, risks, the remarks escaped', async () => {
    const page = await t.call('reports.monthly', {
      month: '2026-11',
      language: 'de',
      remarks: 'Ruhiger Monat.\n\n<script>alert(1)</script> VPN-Umstellung geplant.',
    });
    expect(page.fileName).toBe('leitstand-monatsbericht-2026-11.html');
    const text = 'text' in page ? page.text : '';
    expect(text).toContain('IT-Monatsbericht November 2026');
    // 29 in (one more from the formula test above) against 21 in October: up.
    expect(text).toMatch(/Eingegangen<\/span><span class="value">30<\/span><span class="trend">↑ Vormonat 21/);
    expect(text).toMatch(/<th>P1<\/th><td>50 %<\/td><td>50 %<\/td>/);
    // The three most important incidents are the first P1 tickets of the month.
    expect(text.match(/<li><strong>2026-\d{4} · P1 ·/g)).toHaveLength(3);
    expect(text).toContain('&lt;script&gt;');
    expect(text).not.toMatch(/<script/i);
    expect(text).toContain('2 Tickets seit über 4 Wochen offen');
    const english = await t.call('reports.monthly', { month: '2026-11', language: 'en' });
    expect('text' in english ? english.text : '').toContain('IT monthly report November 2026');
    const future = await t.dispatch('reports.monthly', { month: '2027-02', language: 'de' }, 'de');
    expect(future).toMatchObject({ ok: false, status: 400 });
  });
});

describe('the monthly report as PDF', () => {
  it('is one A4 page whose text pdftotext reads back: figures with trends, SLA, incidents, remarks', async () => {
    const file = await t.call('reports.monthly', {
      month: '2026-11',
      language: 'de',
      format: 'pdf',
      remarks: 'Ruhiger Monat. Łukasz übernimmt die VPN-Umstellung.',
    });
    expect(file).toMatchObject({ fileName: 'leitstand-monatsbericht-2026-11.pdf', mimeType: 'application/pdf' });
    const dir = mkdtempSync(join(tmpdir(), 'leitstand-pdf-'));
    try {
      const pdf = join(dir, 'report.pdf');
      writeFileSync(pdf, Buffer.from('contentBase64' in file ? file.contentBase64 : '', 'base64'));
      expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n[\s\S]*A4/);
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      expect(text).toContain('IT-Monatsbericht November 2026');
      expect(text).toMatch(/Eingegangen[\s\S]*30[\s\S]*↑ Vormonat 21/);
      expect(text).toMatch(/P1\s+50 %\s+50 %/);
      expect(text.match(/2026-\d{4} · P1 ·/g)).toHaveLength(3);
      expect(text).toContain('2 Tickets seit über 4 Wochen offen');
      expect(text).toContain('Łukasz übernimmt die VPN-Umstellung.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const english = await t.call('reports.monthly', { month: '2026-11', language: 'en', format: 'pdf' });
    expect(english.fileName).toBe('leitstand-monthly-report-2026-11.pdf');
  });
});

describe('a clock still running', () => {
  it('counts as breached once its deadline passed within the period, though nothing changed on the ticket', async () => {
    const made = await ticket('2026-12-01T08:00:00.000Z', 'P1');
    const december = { from: '2026-12-01', to: '2026-12-01' };
    clock.set('2026-12-01T08:30:00.000Z');
    const early = await t.call('reports.dashboard', { period: december, compare: false });
    expect(early.current.sla.find((r) => r.priority === 'P1')?.first).toEqual({ met: 0, breached: 0 });
    clock.set('2026-12-01T10:30:00.000Z');
    const late = await t.call('reports.dashboard', { period: december, compare: false });
    expect(late.current.sla.find((r) => r.priority === 'P1')?.first).toEqual({ met: 0, breached: 1 });
    const drill = await t.call('reports.drilldown', {
      period: december,
      drilldown: { figure: 'sla', key: 'P1', clock: 'first', outcome: 'breached' },
    });
    expect(drill.ticketIds).toEqual([made.id]);
  });
});
