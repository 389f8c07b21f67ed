import { afterEach, describe, expect, it } from 'vitest';
import type { BoardCell } from '../../../src/shared/contract/board';
import { fileServerTicket, handClock, outlookTicket, testStore } from '../../support/store';

let t: ReturnType<typeof testStore>;
afterEach(() => t.close());

const cell = (cells: BoardCell[], priority: string, column: string) =>
  cells.find((c) => c.priority === priority && c.column === column)!;
const numbersIn = (cells: BoardCell[], priority: string, column: string) =>
  cell(cells, priority, column).cards.map((card) => card.title);

/** Monday 08:15 in Berlin: the file server is down, Anna's Outlook hangs, a printer jams. */
async function mondayMorning() {
  const clock = handClock('2026-11-23T07:15:00Z');
  t = testStore(clock.now);
  const server = await t.call('tickets.create', fileServerTicket);
  clock.set('2026-11-23T07:20:00Z');
  const outlook = await t.call('tickets.create', outlookTicket);
  clock.set('2026-11-23T07:25:00Z');
  const printer = await t.call('tickets.create', {
    ...outlookTicket,
    title: 'Drucker 2. OG druckt nicht',
    category: 'printing',
    firstContact: { ...outlookTicket.firstContact, impairment: 'workaround', affectedScope: 'team' },
  });
  return { clock, server, outlook, printer };
}

describe('board.get', () => {
  it('puts the server outage in the P1 row and each ticket in its status column, with its clock', async () => {
    const { server, outlook, clock } = await mondayMorning();
    clock.set('2026-11-23T07:30:00Z');
    const { cells } = await t.call('board.get', {});
    expect(cells).toHaveLength(16);
    expect(numbersIn(cells, 'P1', 'new')).toEqual(['Dateiserver nicht erreichbar']);
    const card = cell(cells, 'P1', 'new').cards[0]!;
    // Created 08:15 Berlin (07:15 UTC): the first response is due an hour later.
    expect(card.sla).toMatchObject({ clock: 'firstResponse', level: 'onTrack', dueAt: '2026-11-23T08:15:00.000Z' });
    expect(card).toMatchObject({ requesterName: 'Thomas Krüger', department: 'Buchhaltung', msp: false });
    await t.call('tickets.transition', { id: outlook.id, to: 'inProgress' });
    const after = (await t.call('board.get', {})).cells;
    const outlookPriority = outlook.triage.priority;
    expect(numbersIn(after, outlookPriority, 'inProgress')).toEqual(['Outlook startet nicht']);
    expect(numbersIn(after, outlookPriority, 'new')).not.toContain('Outlook startet nicht');
    await t.call('tickets.transition', { id: server.id, to: 'waitingMsp' });
    const waiting = cell((await t.call('board.get', {})).cells, 'P1', 'waiting').cards[0]!;
    expect(waiting).toMatchObject({ title: 'Dateiserver nicht erreichbar', msp: true });
  });

  it('shows what was resolved today, not yesterday', async () => {
    const { server, outlook, clock } = await mondayMorning();
    await t.call('tickets.transition', { id: outlook.id, to: 'resolved', resolution: 'Profil repariert' });
    clock.set('2026-11-24T08:00:00Z');
    await t.call('tickets.transition', { id: server.id, to: 'resolved', resolution: 'Dienst neu gestartet' });
    const { cells } = await t.call('board.get', {});
    expect(numbersIn(cells, 'P1', 'resolvedToday')).toEqual(['Dateiserver nicht erreichbar']);
    expect(cells.flatMap((c) => c.cards).map((card) => card.title)).not.toContain('Outlook startet nicht');
  });

  it('orders a cell by the deadline due first and keeps the count when it shows only the first cards', async () => {
    const { clock } = await mondayMorning();
    for (const minute of ['30', '40', '50']) {
      clock.set(`2026-11-23T07:${minute}:00Z`);
      await t.call('tickets.create', { ...fileServerTicket, title: `Ausfall ${minute}` });
    }
    const p1 = cell((await t.call('board.get', { perCell: 2 })).cells, 'P1', 'new');
    expect(p1.total).toBe(4);
    expect(p1.cards.map((card) => card.title)).toEqual(['Dateiserver nicht erreichbar', 'Ausfall 30']);
  });

  it('filters by category, tier, waiting-on and mine', async () => {
    const { server, printer } = await mondayMorning();
    await t.call('settings.update', { patch: { coordinatorName: 'Jana Wolf' } });
    await t.call('tickets.update', { id: printer.id, patch: { assignee: 'Jana Wolf', tier: 'second' } });
    await t.call('tickets.transition', { id: server.id, to: 'waitingVendor' });
    const titles = async (filter: object) =>
      (await t.call('board.get', { filter })).cells.flatMap((c) => c.cards).map((card) => card.title);
    expect(await titles({ category: ['printing'] })).toEqual(['Drucker 2. OG druckt nicht']);
    expect(await titles({ tier: ['second'] })).toEqual(['Drucker 2. OG druckt nicht']);
    expect(await titles({ mine: true })).toEqual(['Drucker 2. OG druckt nicht']);
    expect(await titles({ waitingOn: ['vendor'] })).toEqual(['Dateiserver nicht erreichbar']);
    expect(await titles({ waitingOn: ['msp'] })).toEqual([]);
  });
});

describe('tickets.nextUp', () => {
  it('orders by priority, then by the deadline due first, and sets aside what waits on the requester', async () => {
    const { outlook, printer, clock } = await mondayMorning();
    clock.set('2026-11-23T07:35:00Z');
    const later = await t.call('tickets.create', { ...fileServerTicket, title: 'Internet weg' });
    await t.call('tickets.transition', { id: printer.id, to: 'waitingRequester' });
    const { items, total, paused } = await t.call('tickets.nextUp', {});
    expect(items.map((item) => item.title)).toEqual([
      'Dateiserver nicht erreichbar',
      'Internet weg',
      'Outlook startet nicht',
    ]);
    expect([total, paused]).toEqual([4, 1]);
    expect(items[1]).toMatchObject({ id: later.id, priority: 'P1', triage: { impact: 'high', overridden: false } });
    expect(items[2]!.sla).toMatchObject({ clock: 'firstResponse', level: 'onTrack' });
    expect(items.map((item) => item.id)).not.toContain(printer.id);
    expect(outlook.id).toBe(items[2]!.id);
  });

  it('moves a ticket with an answered first response behind one whose first response is still due', async () => {
    const { server, clock } = await mondayMorning();
    const second = await t.call('tickets.create', { ...fileServerTicket, title: 'Internet weg' });
    await t.call('tickets.addNote', { id: server.id, kind: 'reply', body: 'Wir sind dran.' });
    clock.set('2026-11-23T07:50:00Z');
    const { items } = await t.call('tickets.nextUp', { limit: 2 });
    expect(items.map((item) => [item.title, item.sla.clock])).toEqual([
      ['Internet weg', 'firstResponse'],
      ['Dateiserver nicht erreichbar', 'resolution'],
    ]);
    expect(second.triage.priority).toBe('P1');
  });
});
