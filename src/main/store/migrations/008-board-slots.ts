import type { Migration } from './types';

/**
 * The board's own index: one row per open ticket holding what places and orders its card (priority row, lane,
 * the deadline due first), so `board.get` reads the ~50 entries of each cell it shows instead of every open
 * ticket with its stored clocks (at 100,000 tickets with 7,900 open that read alone cost 14 ms per board).
 * Kept by triggers in the transaction of every change to a ticket or its stored clocks: no code path can write
 * a ticket and forget its card, and no board can be read that is older than the last commit.
 * lane: 0 new, 1 in progress, 2 waiting (requester, MSP, vendor). rank: the earliest counting deadline in UTC
 * milliseconds, or 2^53 − 1 when none is stored (those cards come last, as before). Resolved tickets leave the
 * table; "resolved today" is counted from `tickets_board` (is_open, resolved_at, …) and its cards are read
 * per priority from `tickets_resolved_board`, both bounded by the day's work, not by the history.
 */
const laneOf = (row: 'NEW') => `CASE ${row}.status WHEN 'new' THEN 0 WHEN 'inProgress' THEN 1 ELSE 2 END`;
const NO_DEADLINE = '9007199254740991';
const upsertSlot = `INSERT OR REPLACE INTO board_slots
    (ticket_id, priority, lane, rank, status, category, tier, assignee, department)
  SELECT NEW.id, NEW.priority, ${laneOf('NEW')},
    coalesce((SELECT next_due_at FROM ticket_sla WHERE ticket_id = NEW.id), ${NO_DEADLINE}),
    NEW.status, NEW.category, NEW.tier, NEW.assignee, NEW.requester_department
  WHERE NEW.status NOT IN ('resolved', 'closed');`;

export const migration008: Migration = {
  version: 8,
  name: 'board slots: an index of open tickets by priority, lane and deadline, kept by triggers',
  up: `
    CREATE TABLE board_slots (
      ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
      priority INTEGER NOT NULL,
      lane INTEGER NOT NULL CHECK (lane BETWEEN 0 AND 2),
      rank INTEGER NOT NULL,
      status TEXT NOT NULL,
      category TEXT,
      tier TEXT NOT NULL,
      assignee TEXT,
      department TEXT NOT NULL
    ) STRICT;
    CREATE INDEX board_slots_cell ON board_slots (priority, lane, rank, ticket_id);
    CREATE INDEX tickets_resolved_board ON tickets (is_open, priority, resolved_at);

    INSERT INTO board_slots (ticket_id, priority, lane, rank, status, category, tier, assignee, department)
      SELECT t.id, t.priority, CASE t.status WHEN 'new' THEN 0 WHEN 'inProgress' THEN 1 ELSE 2 END,
        coalesce(s.next_due_at, ${NO_DEADLINE}), t.status, t.category, t.tier, t.assignee, t.requester_department
      FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id
      WHERE t.is_open = 1;

    CREATE TRIGGER board_slots_ticket_inserted AFTER INSERT ON tickets BEGIN
      ${upsertSlot}
    END;
    CREATE TRIGGER board_slots_ticket_updated AFTER UPDATE ON tickets BEGIN
      DELETE FROM board_slots WHERE ticket_id = NEW.id AND NEW.status IN ('resolved', 'closed');
      ${upsertSlot}
    END;
    CREATE TRIGGER board_slots_ticket_deleted AFTER DELETE ON tickets BEGIN
      DELETE FROM board_slots WHERE ticket_id = OLD.id;
    END;
    CREATE TRIGGER board_slots_clock_inserted AFTER INSERT ON ticket_sla BEGIN
      UPDATE board_slots SET rank = coalesce(NEW.next_due_at, ${NO_DEADLINE}) WHERE ticket_id = NEW.ticket_id;
    END;
    CREATE TRIGGER board_slots_clock_updated AFTER UPDATE OF next_due_at ON ticket_sla BEGIN
      UPDATE board_slots SET rank = coalesce(NEW.next_due_at, ${NO_DEADLINE}) WHERE ticket_id = NEW.ticket_id;
    END;
  `,
};
