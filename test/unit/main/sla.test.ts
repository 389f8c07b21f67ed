import { afterEach, describe, expect, it } from 'vitest';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';
import { createEngine } from '../../../src/main/store/engine';
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
      'targets.P1.firstResponse',
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
    ['an unknown state', { ...defaultSlaPolicy, state: 'XX' }, 'state'],
    ['an unknown time zone', { ...defaultSlaPolicy, timeZone: 'Europe/Atlantis' }, 'unbekannte Zeitzone'],
    [
      'a time that is no time',
      { ...defaultSlaPolicy, week: { ...week, '3': [{ start: '25:00', end: '26:00' }] } },
      'week.3.0.start',
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
