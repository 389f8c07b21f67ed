import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../../src/shared/contract';
import { defaultSlaPolicy } from '../../../src/shared/domain/slaPolicy';
import { createEngine } from '../../../src/main/app/engine';
import { fileServerTicket, handClock, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
afterEach(() => t.close());

/** The P1 file-server ticket of Monday 09:00 Berlin: first response due 10:00, resolution 13:00 (UTC 09:00/12:00). */
async function mondayP1() {
  const clock = handClock();
  t = testStore(clock.now);
  const ticket = await t.call('tickets.create', fileServerTicket);
  expect(ticket.triage.priority).toBe('P1');
  const check = async (iso: string) => {
    clock.set(iso);
    return (await t.call('sla.check', {})).warnings.map((w) => `${w.clock}:${w.level}`);
  };
  const warningEvents = async () =>
    (await t.call('tickets.timeline', { id: ticket.id })).events.filter((e) => e.kind === 'sla.warned');
  return { clock, ticket, check, warningEvents };
}

describe('SLA warnings', () => {
  it('raises 75 % and breach once each, in the timeline, without touching the ticket version', async () => {
    const { ticket, check, warningEvents } = await mondayP1();
    expect(await check('2026-11-23T08:44:00Z')).toEqual([]);
    expect(await check('2026-11-23T08:45:00Z')).toEqual(['firstResponse:atRisk']);
    expect(await check('2026-11-23T08:50:00Z')).toEqual([]);
    expect(await check('2026-11-23T09:00:01Z')).toEqual(['firstResponse:breached']);
    expect(await check('2026-11-23T09:30:00Z')).toEqual([]);
    expect(await check('2026-11-23T11:00:00Z')).toEqual(['resolution:atRisk']);
    expect(await check('2026-11-23T12:00:01Z')).toEqual(['resolution:breached']);
    expect(await check('2026-11-23T15:00:00Z')).toEqual([]);
    const events = await warningEvents();
    expect(events.map((e) => [e.data.clock, e.data.level])).toEqual([
      ['firstResponse', 'atRisk'],
      ['firstResponse', 'breached'],
      ['resolution', 'atRisk'],
      ['resolution', 'breached'],
    ]);
    expect(events[1]!.data).toMatchObject({
      dueAt: '2026-11-23T09:00:00.000Z',
      suggestions: ['raiseTier', 'forwardMsp'],
    });
    expect((await t.call('tickets.get', { id: ticket.id })).ticket.version).toBe(1);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
  });

  it('after a sleep over the night raises only the breach, not a stale 75 % as well', async () => {
    const { check } = await mondayP1();
    expect(await check('2026-11-24T08:00:00Z')).toEqual(['firstResponse:breached', 'resolution:breached']);
  });

  it('does not repeat a warning when the clock is set back and forward again', async () => {
    const { check } = await mondayP1();
    expect(await check('2026-11-23T08:50:00Z')).toEqual(['firstResponse:atRisk']);
    expect(await check('2026-11-23T08:10:00Z')).toEqual([]);
    expect(await check('2026-11-23T08:55:00Z')).toEqual([]);
  });

  it('has nothing to say about a first response that was given in time, nor while waiting on the requester', async () => {
    const { ticket, check } = await mondayP1();
    await t.call('tickets.addNote', { id: ticket.id, kind: 'reply', body: 'Wir sind dran.' });
    await t.call('tickets.transition', { id: ticket.id, to: 'waitingRequester' });
    expect(await check('2026-11-23T09:30:00Z')).toEqual([]);
    expect(await check('2026-11-24T15:00:00Z')).toEqual([]);
  });

  it('does not suggest forwarding a case the service provider already has', async () => {
    const { ticket, check } = await mondayP1();
    await t.call('tickets.transition', { id: ticket.id, to: 'waitingMsp' });
    await check('2026-11-23T12:30:00Z');
    const breach = (await t.call('tickets.timeline', { id: ticket.id })).events.find(
      (e) => e.kind === 'sla.warned' && e.data.clock === 'resolution',
    );
    expect(breach?.data).toMatchObject({ level: 'breached', suggestions: [] });
  });

  it('announces raised warnings to every window as a change', async () => {
    const { check } = await mondayP1();
    const seen: ChangeEvent[] = [];
    t.store.onChange((change) => seen.push(change));
    await check('2026-11-23T08:46:00Z');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const warning = seen.find((change) => change.entity === 'slaWarning');
    expect(warning).toMatchObject({
      ids: [1],
      warnings: [{ number: expect.stringMatching(/^2026-/), level: 'atRisk' }],
    });
  });

  it('stores deadlines with every change and moves them when the policy changes', async () => {
    const { ticket, clock } = await mondayP1();
    const engine = () => createEngine({ dataDir: t.dir, now: clock.now });
    const stored = () => {
      const e = engine();
      const row = e.db
        .prepare('SELECT first_due_at, resolution_due_at, next_due_at FROM ticket_sla WHERE ticket_id = ?')
        .get(ticket.id);
      e.close();
      return row;
    };
    expect(stored()).toEqual({
      first_due_at: Date.parse('2026-11-23T09:00:00Z'),
      resolution_due_at: Date.parse('2026-11-23T12:00:00Z'),
      next_due_at: Date.parse('2026-11-23T09:00:00Z'),
    });
    const targets = { ...defaultSlaPolicy.targets, P1: { firstResponse: { hours: 2 }, resolution: { hours: 6 } } };
    await t.call('sla.policy.update', { policy: { ...defaultSlaPolicy, targets } });
    expect(stored()).toMatchObject({
      first_due_at: Date.parse('2026-11-23T10:00:00Z'),
      resolution_due_at: Date.parse('2026-11-23T14:00:00Z'),
    });
  });

  it('stores clocks of tickets written before clocks were stored, on the next check', async () => {
    const { ticket, clock } = await mondayP1();
    await t.store.close();
    const engine = createEngine({ dataDir: t.dir, now: clock.now });
    engine.db.exec('DELETE FROM ticket_sla');
    const checked = engine.executeSync('sla.check', {});
    expect(checked.value.backfilled).toBe(1);
    expect(engine.db.prepare('SELECT ticket_id FROM ticket_sla').all()).toEqual([{ ticket_id: ticket.id }]);
    expect(engine.executeSync('sla.check', {}).value.backfilled).toBe(0);
    engine.close();
    t = testStore();
  });
});
