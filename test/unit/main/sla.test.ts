import { afterEach, describe, expect, it } from 'vitest';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';
import { createEngine } from '../../../src/main/app/engine';
import { fileServerTicket, handClock, outlookTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
afterEach(() => t.close());

describe('SLA policy', () => {
  const week = defaultSlaPolicy.week;
  const refused: [string, unknown, string][] = [
    [
      'a negative target',
      {
        ...defaultSlaPolicy,
        targets: { ...defaultSlaPolicy.targets, P1: { firstResponse: { hours: -1 }, resolution: { hours: 4 } } },
      },
      'Ziele › P1 › Erste Antwort › Stunden: muss größer als 0 sein',
    ],
    [
      'overlapping hours',
      {
        ...defaultSlaPolicy,
        week: {
          ...week,
          '1': [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
        },
      },
      'Ende muss nach Beginn liegen',
    ],
    [
      'an end before the start',
      { ...defaultSlaPolicy, week: { ...week, '2': [{ start: '17:00', end: '08:00' }] } },
      'Ende muss nach Beginn liegen',
    ],
    [
      'a week without any hours',
      { ...defaultSlaPolicy, week: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] } },
      'an mindestens einem Wochentag muss geöffnet sein',
    ],
    ['an unknown state', { ...defaultSlaPolicy, state: 'XX' }, 'Bundesland: ist keine der erlaubten Angaben'],
    ['an unknown time zone', { ...defaultSlaPolicy, timeZone: 'Europe/Atlantis' }, 'unbekannte Zeitzone'],
    [
      'a time that is no time',
      { ...defaultSlaPolicy, week: { ...week, '3': [{ start: '25:00', end: '26:00' }] } },
      'Geschäftszeiten › Mittwoch › #1 › Beginn: muss eine Uhrzeit sein (HH:MM',
    ],
    [
      'a closure day twice',
      { ...defaultSlaPolicy, closureDays: ['2026-12-24', '2026-12-24'] },
      'Schließtage doppelt angegeben',
    ],
  ];
  it.each(refused)('refuses %s with a clear German message and changes nothing', async (_, policy, expected) => {
    t = testStore();
    const outcome = await t.dispatch('sla.policy.update', { policy }, 'de');
    expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
    if (!outcome.ok) expect(outcome.error.message).toContain(expected);
    expect(await t.call('sla.policy.get', {})).toEqual(defaultSlaPolicy);
  });

  it('keeps a changed policy across a restart and logs the change', async () => {
    t = testStore();
    const next = { ...defaultSlaPolicy, state: 'NW' as const, closureDays: ['2026-12-24'] };
    await t.call('sla.policy.update', { policy: next });
    await t.store.close();
    const reopened = createEngine({ dataDir: t.dir });
    expect(reopened.executeSync('sla.policy.get', {}).value).toEqual(next);
    reopened.close();
    t = testStore();
  });
});

describe('SLA status of a ticket', () => {
  it('runs both clocks for a P1, stops the first at the first reply and pauses the second while waiting', async () => {
    const clock = handClock();
    t = testStore(clock.now);
    const ticket = await t.call('tickets.create', fileServerTicket);
    clock.set('2026-11-23T08:45:00Z');
    let sla = await t.call('sla.status', { id: ticket.id });
    expect(sla).toMatchObject({ priority: 'P1', level: 'atRisk', pausedBy: null });
    expect(sla.firstResponse).toMatchObject({
      state: 'running',
      dueAt: '2026-11-23T09:00:00.000Z',
      fraction: 0.75,
      remainingMinutes: 15,
    });
    await t.call('tickets.addNote', { id: ticket.id, kind: 'reply', body: 'Wir sind dran, Rückmeldung bis 11 Uhr.' });
    await t.call('tickets.transition', { id: ticket.id, to: 'waitingRequester' });
    clock.set('2026-11-24T08:00:00Z');
    sla = await t.call('sla.status', { id: ticket.id });
    expect(sla.firstResponse.state).toBe('met');
    expect(sla).toMatchObject({ level: 'paused', pausedBy: 'waitingRequester' });
    expect(sla.resolution).toMatchObject({ state: 'paused', dueAt: null, elapsedMinutes: 45, remainingMinutes: 195 });
    await t.call('tickets.transition', { id: ticket.id, to: 'inProgress' });
    sla = await t.call('sla.status', { id: ticket.id });
    expect(sla.resolution).toMatchObject({ state: 'running', dueAt: '2026-11-24T11:15:00.000Z' });
  });

  it('shows a resolved P4 as done', async () => {
    const clock = handClock();
    t = testStore(clock.now);
    const ticket = await t.call('tickets.create', outlookTicket);
    await t.call('tickets.transition', { id: ticket.id, to: 'resolved', resolution: 'Profil neu angelegt' });
    expect((await t.call('sla.status', { id: ticket.id })).level).toBe('done');
  });
});

describe('deadlines fixed by history (the board and sla.status agree)', () => {
  const cardOf = async (id: number) => {
    const board = await t.call('board.get', { filter: {} });
    return board.cells.flatMap((cell) => cell.cards).find((card) => card.id === id)!;
  };

  it('keeps a breached deadline where it was when a status change that does not pause follows', async () => {
    // P1 created Mon 30 Nov 2026 08:00 Berlin, reply and in progress 08:10, waiting on MSP 13:00 (not pausing).
    const clock = handClock('2026-11-30T07:00:00Z');
    t = testStore(clock.now);
    const ticket = await t.call('tickets.create', fileServerTicket);
    clock.set('2026-11-30T07:10:00Z');
    await t.call('tickets.addNote', { id: ticket.id, kind: 'reply', body: 'Wir sind dran.' });
    await t.call('tickets.transition', { id: ticket.id, to: 'inProgress' });
    clock.set('2026-11-30T12:00:00Z');
    await t.call('tickets.transition', { id: ticket.id, to: 'waitingMsp' });
    clock.set('2026-11-30T14:00:00Z');
    const sla = await t.call('sla.status', { id: ticket.id });
    expect(sla.resolution).toMatchObject({
      state: 'breached',
      dueAt: '2026-11-30T11:00:00.000Z',
      remainingMinutes: -180,
    });
    expect(sla.level).toBe('breached');
    expect((await cardOf(ticket.id)).sla).toMatchObject({ level: 'breached', remainingMinutes: -180 });
  });

  it('shows a Friday P1 moved after hours as breached on Saturday, not at risk with 0 minutes', async () => {
    const clock = handClock('2026-11-27T07:00:00Z');
    t = testStore(clock.now);
    const ticket = await t.call('tickets.create', fileServerTicket);
    clock.set('2026-11-27T07:10:00Z');
    await t.call('tickets.addNote', { id: ticket.id, kind: 'reply', body: 'Wir sind dran.' });
    clock.set('2026-11-27T17:00:00Z');
    await t.call('tickets.transition', { id: ticket.id, to: 'inProgress' });
    clock.set('2026-11-28T10:00:00Z');
    const sla = await t.call('sla.status', { id: ticket.id });
    expect(sla.resolution).toMatchObject({
      state: 'breached',
      dueAt: '2026-11-27T11:00:00.000Z',
      remainingMinutes: -300,
    });
    expect((await cardOf(ticket.id)).sla).toMatchObject({ level: 'breached', remainingMinutes: -300 });
  });

  it('calls a deadline of 17:00 breached at 18:00 on the board and in sla.status alike', async () => {
    // P1 created 13:00 Berlin: resolution due 17:00 (4 h), first response due 14:00.
    const clock = handClock('2026-11-23T12:00:00Z');
    t = testStore(clock.now);
    const ticket = await t.call('tickets.create', fileServerTicket);
    clock.set('2026-11-23T17:00:00Z');
    const sla = await t.call('sla.status', { id: ticket.id });
    expect(sla.resolution).toMatchObject({ state: 'breached', dueAt: '2026-11-23T16:00:00.000Z', remainingMinutes: 0 });
    expect(sla.level).toBe('breached');
    expect((await cardOf(ticket.id)).sla.level).toBe('breached');
  });
});

describe('policies the calendar must be able to compute', () => {
  const shortWeek = {
    ...defaultSlaPolicy.week,
    ...Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start: '08:00', end: '12:00' }]])),
  };

  it('refuses a target that the week cannot reach within five years, naming the field, with tickets open', async () => {
    t = testStore();
    await t.call('tickets.create', outlookTicket);
    const policy = {
      ...defaultSlaPolicy,
      week: shortWeek,
      targets: { ...defaultSlaPolicy.targets, P4: { firstResponse: { hours: 8 }, resolution: { hours: 8760 } } },
    };
    const outcome = await t.dispatch('sla.policy.update', { policy }, 'de');
    expect(outcome).toMatchObject({ ok: false, status: 400, error: { code: 'invalid_input' } });
    if (!outcome.ok) {
      expect(outcome.error.message).toContain('höchstens 5200 Std.');
      expect(outcome.error.message).toContain('P4 › Lösung › Stunden');
    }
    expect(await t.call('sla.policy.get', {})).toEqual(defaultSlaPolicy);
  });

  it('computes the longest accepted target and creates tickets under it', async () => {
    t = testStore();
    const policy = {
      ...defaultSlaPolicy,
      week: shortWeek,
      targets: { ...defaultSlaPolicy.targets, P4: { firstResponse: { hours: 8 }, resolution: { hours: 5200 } } },
    };
    await t.call('sla.policy.update', { policy });
    const ticket = await t.call('tickets.create', outlookTicket);
    const sla = await t.call('sla.status', { id: ticket.id });
    expect(sla.resolution.targetMinutes).toBe(5200 * 60);
    expect(Date.parse(sla.resolution.dueAt!)).toBeGreaterThan(Date.parse('2031-06-01T00:00:00Z'));
  });

  it('takes 24:00 as the end of a round-the-clock day and loses no minute', async () => {
    const clock = handClock('2026-11-23T22:00:00Z');
    t = testStore(clock.now);
    const allDay = [{ start: '00:00', end: '24:00' }];
    const week = Object.fromEntries(
      ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, allDay]),
    ) as typeof defaultSlaPolicy.week;
    await t.call('sla.policy.update', { policy: { ...defaultSlaPolicy, week, closureDays: [] } });
    const ticket = await t.call('tickets.create', fileServerTicket);
    const sla = await t.call('sla.status', { id: ticket.id });
    // 23:00 Berlin + 4 h over midnight = 03:00 Berlin.
    expect(sla.resolution.dueAt).toBe('2026-11-24T02:00:00.000Z');
  });

  it('knows the holidays of years far ahead: 25 Dec 2031 is not a business day', async () => {
    const clock = handClock('2031-12-24T15:00:00Z');
    t = testStore(clock.now);
    const ticket = await t.call('tickets.create', fileServerTicket);
    const sla = await t.call('sla.status', { id: ticket.id });
    // 16:00 Berlin on 24 Dec + 4 h: 1 h on the 24th, 25th and 26th closed (Fri 26th), Mon 29th 08:00 + 3 h.
    expect(sla.resolution.dueAt).toBe('2031-12-29T10:00:00.000Z');
  });
});
