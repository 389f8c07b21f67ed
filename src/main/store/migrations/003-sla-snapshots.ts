import type { Migration } from './types';

/**
 * Each ticket's SLA clocks as of its last change (times in UTC milliseconds), so the board, next-up and the
 * warning watch sort and select by index instead of replaying every ticket's history per request.
 * Derived data: rewritten with the ticket in the same transaction, never counted as a change of the ticket.
 * `tickets_board` covers what places a ticket on the board (open or resolved today, priority, status).
 * `warned_*`: 0 nothing raised yet, 1 the 75 % warning, 2 the breach warning ("once each").
 */
export const migration003: Migration = {
  version: 3,
  name: 'stored SLA clocks per ticket for board, next-up and warnings',
  up: `
    CREATE TABLE ticket_sla (
      ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
      first_state TEXT NOT NULL,
      first_due_at INTEGER,
      first_risk_at INTEGER,
      first_target_ms INTEGER NOT NULL,
      first_remaining_ms INTEGER NOT NULL,
      resolution_state TEXT NOT NULL,
      resolution_due_at INTEGER,
      resolution_risk_at INTEGER,
      resolution_target_ms INTEGER NOT NULL,
      resolution_remaining_ms INTEGER NOT NULL,
      next_due_at INTEGER,
      next_alert_at INTEGER,
      warned_first INTEGER NOT NULL DEFAULT 0,
      warned_resolution INTEGER NOT NULL DEFAULT 0,
      computed_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX ticket_sla_alert ON ticket_sla (next_alert_at) WHERE next_alert_at IS NOT NULL;
    CREATE INDEX tickets_board ON tickets (is_open, resolved_at, priority, status);
  `,
};
