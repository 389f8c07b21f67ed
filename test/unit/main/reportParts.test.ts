import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../src/shared/contract';
import { periodBounds } from '../../../src/shared/domain/report';
import { databaseFile } from '../../../src/main/store/database';
import { combine, partCache, readPart, stretches } from '../../../src/main/services/reportParts';
import { handClock, outlookTicket, testStore } from '../../support/store';

const iso = (ms: number) => new Date(ms).toISOString();

describe('the stretches of a period', () => {
  it('are its whole Berlin months, across summer time, and the days at its edges', () => {
    const year = periodBounds({ from: '2025-11-01', to: '2026-10-31' });
    const months = stretches(year.start, year.end);
    expect(months.map((s) => s.month)).toEqual([
      '2025-11',
      '2025-12',
      ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`),
    ]);
    // October starts at midnight of summer time, November at midnight of winter time.
    expect(iso(months[11]?.from ?? 0)).toBe('2026-09-30T22:00:00.000Z');
    expect(iso(months[11]?.to ?? 0)).toBe('2026-10-31T23:00:00.000Z');
    const custom = periodBounds({ from: '2026-10-15', to: '2026-12-10' });
    expect(stretches(custom.start, custom.end).map((s) => [s.month, iso(s.from), iso(s.to)])).toEqual([
      [null, '2026-10-14T22:00:00.000Z', '2026-10-31T23:00:00.000Z'],
      ['2026-11', '2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z'],
      [null, '2026-11-30T23:00:00.000Z', '2026-12-10T23:00:00.000Z'],
    ]);
    const day = periodBounds({ from: '2026-11-30', to: '2026-11-30' });
    expect(stretches(day.start, day.end).map((s) => s.month)).toEqual([null]);
  });
});

describe('the kept months', () => {
  const clock = handClock('2026-09-07T07:00:00Z');
  let t: ReturnType<typeof testStore>;
  let db: DatabaseSync;
  const quarter = periodBounds({ from: '2026-09-01', to: '2026-11-30' });
  const range = { from: iso(quarter.start), to: iso(quarter.end) };
  let cache: ReturnType<typeof partCache>;
  const ids: number[] = [];
  let serverId = 0;

  const make = async (at: string, extra: Partial<MethodInput<'tickets.create'>> = {}) => {
    clock.set(at);
    const made = await t.call('tickets.create', { ...outlookTicket, ...extra });
    ids.push(made.id);
    return made.id;
  };
  const transition = async (id: number, at: string, to: 'resolved' | 'inProgress', override = false) => {
    clock.set(at);
    const current = await t.call('tickets.get', { id });
    await t.call('tickets.transition', {
      id,
      to,
      expectedVersion: current.ticket.version,
      ...(to === 'resolved' ? { resolution: 'Erledigt' } : {}),
      ...(override ? { checklistOverride: 'Vor Ort geprüft' } : {}),
    });
  };
  /** The quarter as the kept months give it, and as read afresh from the facts. */
  const kept = (until: number) => combine(cache.parts(quarter.start, quarter.end), range, until);
  const fresh = (until: number) =>
    combine(
      stretches(quarter.start, quarter.end).map((s) => readPart(db, { from: iso(s.from), to: iso(s.to) })),
      range,
      until,
    );

  beforeAll(async () => {
    t = testStore(clock.now);
    serverId = (await t.call('directory.systems.save', { system: { name: 'FS01' } as never })).id;
    for (const day of ['2026-09-07', '2026-10-06', '2026-11-10']) await make(`${day}T07:00:00Z`);
    await transition(ids[0] ?? 0, '2026-09-07T09:00:00Z', 'resolved');
    db = new DatabaseSync(databaseFile(t.dir), { readOnly: true });
    cache = partCache(db);
    clock.set('2026-12-01T08:00:00Z');
  }, 60_000);
  afterAll(async () => {
    db.close();
    await t.close();
  });

  it('follow every kind of write to a month already counted, and the time passing without one', async () => {
    const end = quarter.end;
    const writes: [string, () => Promise<unknown>][] = [
      ['a ticket that came in in October', () => make('2026-10-20T08:00:00Z', { category: 'network' })],
      ['October resolved in November', () => transition(ids[1] ?? 0, '2026-11-03T10:00:00Z', 'resolved')],
      [
        'reopened and resolved past the gate',
        async () => {
          await transition(ids[0] ?? 0, '2026-11-04T10:00:00Z', 'inProgress');
          await t.call('checklists.runs.start', { ticketId: ids[0] ?? 0, key: 'server-share-down', language: 'de' });
          await transition(ids[0] ?? 0, '2026-11-04T11:00:00Z', 'resolved', true);
        },
      ],
      [
        'a system named',
        async () => {
          const id = ids[2] ?? 0;
          const current = await t.call('tickets.get', { id });
          await t.call('tickets.update', {
            id,
            expectedVersion: current.ticket.version,
            patch: { firstContact: { ...current.ticket.firstContact, systemIds: [serverId] } },
          });
        },
      ],
      [
        'the priority raised',
        async () => {
          const id = ids[3] ?? 0;
          const current = await t.call('tickets.get', { id });
          await t.call('tickets.update', {
            id,
            expectedVersion: current.ticket.version,
            triageOverride: { priority: 'P1', reason: 'Geschäftsführung' },
          });
        },
      ],
    ];
    let before = kept(end);
    expect(before).toEqual(fresh(end));
    for (const [what, write] of writes) {
      await write();
      const after = kept(end);
      // Not vacuous: each write changes what the quarter counts, and the kept months show it.
      expect(after, what).not.toEqual(before);
      expect(after, what).toEqual(fresh(end));
      before = after;
    }
    expect(before.systems.get(serverId)).toBe(1);
    expect(before.reopened).toBe(1);
    expect(before.overridden).toBe(1);
    // A deadline passing changes an outcome with no write at all: the running deadlines are kept, not outcomes.
    const early = kept(Date.parse('2026-10-06T07:05:00Z'));
    expect(early).toEqual(fresh(Date.parse('2026-10-06T07:05:00Z')));
    expect(early.outcomes).not.toEqual(before.outcomes);
  });
});
