import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardCell, BoardFilter } from '../../../src/shared/contract/board';
import type { Category, Status } from '../../../src/shared/domain/enums';
import { statusTransitions } from '../../../src/shared/domain/status';
import { databaseFile } from '../../../src/main/store/database';
import { fileServerTicket, handClock, outlookTicket, testStore } from '../../support/store';

// The board's own index (board_slots, kept by triggers) against an oracle that reads every ticket and its stored
// clocks and sorts them as the board promises: after any sequence of changes, each cell holds the same cards in
// the same order with the same count, with and without filters.

let t: ReturnType<typeof testStore> | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

type Ticket = { id: number; status: Status };
const categories: Category[] = ['email', 'printing', 'server', 'network'];
const assignees = [null, 'IT-Koordination', 'Max Vertretung'];

const opArb = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    template: fc.boolean(),
    category: fc.constantFrom(...categories),
    impairment: fc.constantFrom('none', 'workaround', 'severe', 'stopped'),
    scope: fc.constantFrom('person', 'team', 'department', 'company'),
    minutes: fc.integer({ min: 1, max: 600 }),
  }),
  fc.record({
    kind: fc.constant('move' as const),
    pick: fc.nat(),
    to: fc.nat(),
    minutes: fc.integer({ min: 1, max: 900 }),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    category: fc.constantFrom(...categories),
    tier: fc.constantFrom('first', 'second', 'msp'),
    assignee: fc.constantFrom(...assignees),
    override: fc.option(fc.constantFrom('P1', 'P2', 'P3', 'P4'), { nil: undefined }),
  }),
);
const filterArb: fc.Arbitrary<BoardFilter> = fc.record(
  {
    category: fc.subarray(categories, { minLength: 1 }),
    tier: fc.subarray(['first', 'second', 'msp'] as const, { minLength: 1 }),
    waitingOn: fc.subarray(['requester', 'msp', 'vendor'] as const, { minLength: 1 }),
    mine: fc.boolean(),
    department: fc.constantFrom('Vertrieb', 'buchhaltung'),
  },
  { requiredKeys: [] },
);

type OracleRow = {
  id: number;
  priority: string;
  status: Status;
  category: string | null;
  tier: string;
  assignee: string | null;
  department: string;
  resolvedAt: string | null;
  due: number | null;
};

const columnOf = (status: Status) =>
  status === 'new' || status === 'inProgress'
    ? status
    : status === 'resolved' || status === 'closed'
      ? 'resolvedToday'
      : 'waiting';
const waitingStatus = { requester: 'waitingRequester', msp: 'waitingMsp', vendor: 'waitingVendor' } as const;

function oracle(rows: OracleRow[], filter: BoardFilter, startOfToday: string, perCell: number) {
  const keep = rows.filter(
    (r) =>
      (!filter.category || filter.category.includes(r.category as Category)) &&
      (!filter.tier || filter.tier.includes(r.tier as never)) &&
      (!filter.waitingOn || filter.waitingOn.some((on) => waitingStatus[on] === r.status)) &&
      (!filter.mine || r.assignee === 'IT-Koordination') &&
      (!filter.department || r.department.toLowerCase() === filter.department.toLowerCase()) &&
      (columnOf(r.status) !== 'resolvedToday' || (r.resolvedAt ?? '') >= startOfToday),
  );
  const cells = new Map<string, OracleRow[]>();
  for (const row of keep) {
    const key = `${row.priority}|${columnOf(row.status)}`;
    cells.set(key, [...(cells.get(key) ?? []), row]);
  }
  const result = new Map<string, { total: number; ids: number[] }>();
  for (const [key, list] of cells) {
    const done = key.endsWith('resolvedToday');
    list.sort((a, b) =>
      done
        ? (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? '') || b.id - a.id
        : (a.due ?? Number.MAX_SAFE_INTEGER) - (b.due ?? Number.MAX_SAFE_INTEGER) || a.id - b.id,
    );
    result.set(key, { total: list.length, ids: list.slice(0, perCell).map((r) => r.id) });
  }
  return result;
}

const shape = (cells: BoardCell[]) =>
  new Map(
    cells
      .filter((c) => c.total > 0)
      .map((c) => [`${c.priority}|${c.column}`, { total: c.total, ids: c.cards.map((card) => card.id) }]),
  );

describe('the board index', () => {
  it('places and orders every card as a full read of tickets and clocks does, after any changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        filterArb,
        fc.integer({ min: 1, max: 4 }),
        async (ops, filter, perCell) => {
          await t?.close();
          const clock = handClock('2026-11-23T07:15:00Z');
          t = testStore(clock.now);
          const store = t;
          let at = Date.parse('2026-11-23T07:15:00Z');
          const tickets: Ticket[] = [];
          for (const op of ops) {
            if (op.kind === 'create') {
              at += op.minutes * 60_000;
              clock.set(new Date(at).toISOString());
              const base = op.template ? fileServerTicket : outlookTicket;
              const created = await store.call('tickets.create', {
                ...base,
                category: op.category,
                firstContact: { ...base.firstContact, impairment: op.impairment, affectedScope: op.scope },
              });
              tickets.push({ id: created.id, status: created.status });
            } else if (tickets.length) {
              const ticket = tickets[op.pick % tickets.length]!;
              if (op.kind === 'move') {
                at += op.minutes * 60_000;
                clock.set(new Date(at).toISOString());
                const options = statusTransitions[ticket.status];
                const to = options[op.to % options.length]!;
                const moved = await store.call('tickets.transition', {
                  id: ticket.id,
                  to,
                  ...(to === 'resolved' ? { resolution: 'erledigt' } : {}),
                });
                ticket.status = moved.status;
              } else {
                await store.call('tickets.update', {
                  id: ticket.id,
                  patch: { category: op.category, tier: op.tier, assignee: op.assignee },
                  ...(op.override ? { triageOverride: { priority: op.override, reason: 'Test' } } : {}),
                });
              }
            }
          }
          // The oracle reads the committed state on its own connection, as the board did before it had an index.
          const db = new DatabaseSync(databaseFile(store.dir), { readOnly: true });
          const rows = (
            db
              .prepare(
                `SELECT t.id, 'P' || t.priority AS priority, t.status, t.category, t.tier, t.assignee,
                 t.requester_department AS department, t.resolved_at AS resolvedAt, s.next_due_at AS due
               FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id`,
              )
              .all() as OracleRow[]
          ).map((row) => ({ ...row }));
          // And the index itself holds exactly the open tickets, each with the lane and deadline it has now.
          const drift = db
            .prepare(
              `SELECT t.id, b.ticket_id AS slot FROM tickets t
                 LEFT JOIN ticket_sla s ON s.ticket_id = t.id
                 LEFT JOIN board_slots b ON b.ticket_id = t.id
               WHERE (t.is_open = 1) != (b.ticket_id IS NOT NULL)
                  OR b.priority != t.priority OR b.status != t.status OR b.tier != t.tier
                  OR b.lane != CASE t.status WHEN 'new' THEN 0 WHEN 'inProgress' THEN 1 ELSE 2 END
                  OR b.rank != coalesce(s.next_due_at, 9007199254740991)
                  OR (b.ticket_id IS NOT NULL AND (b.category IS NOT t.category OR b.assignee IS NOT t.assignee))`,
            )
            .all();
          expect(drift).toEqual([]);
          // The open tickets' search index holds exactly the open tickets (status moves included).
          const openSearch = db
            .prepare(
              `SELECT t.id FROM tickets t WHERE (t.is_open = 1) !=
                 EXISTS (SELECT 1 FROM tickets_open_fts o WHERE o.rowid = t.id)`,
            )
            .all();
          expect(openSearch).toEqual([]);
          db.close();
          const startOfToday = DateTime.fromMillis(at, { zone: 'Europe/Berlin' }).startOf('day').toUTC().toISO()!;
          const expected = oracle(rows, filter, startOfToday, perCell);
          const board = await store.call('board.get', { filter, perCell });
          expect(shape(board.cells)).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
