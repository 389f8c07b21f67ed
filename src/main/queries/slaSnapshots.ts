import type { StoredClock } from '../../shared/domain/slaSnapshot';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type Warned = { first: number; resolution: number };

export type SlaSnapshot = {
  ticketId: number;
  first: StoredClock;
  resolution: StoredClock;
  /** The earliest deadline of a counting clock: the order of "what next". */
  nextDueAt: number | null;
  /** When the watch must look at this ticket again (the next unraised 75 % or breach moment). */
  nextAlertAt: number | null;
  warned: Warned;
  computedAt: number;
};

export type SnapshotRow = {
  ticket_id: number;
  first_state: StoredClock['state'];
  first_due_at: number | null;
  first_risk_at: number | null;
  first_target_ms: number;
  first_remaining_ms: number;
  resolution_state: StoredClock['state'];
  resolution_due_at: number | null;
  resolution_risk_at: number | null;
  resolution_target_ms: number;
  resolution_remaining_ms: number;
  next_due_at: number | null;
  next_alert_at: number | null;
  warned_first: number;
  warned_resolution: number;
  computed_at: number;
};

/** The stored-clock columns, for queries that join them to tickets. */
export const snapshotColumns = `s.ticket_id, s.first_state, s.first_due_at, s.first_risk_at, s.first_target_ms,
  s.first_remaining_ms, s.resolution_state, s.resolution_due_at, s.resolution_risk_at, s.resolution_target_ms,
  s.resolution_remaining_ms, s.next_due_at, s.next_alert_at, s.warned_first, s.warned_resolution, s.computed_at`;

export const rowToSnapshot = (row: SnapshotRow): SlaSnapshot => ({
  ticketId: row.ticket_id,
  first: {
    state: row.first_state,
    dueAt: row.first_due_at,
    atRiskAt: row.first_risk_at,
    targetMs: row.first_target_ms,
    remainingMs: row.first_remaining_ms,
  },
  resolution: {
    state: row.resolution_state,
    dueAt: row.resolution_due_at,
    atRiskAt: row.resolution_risk_at,
    targetMs: row.resolution_target_ms,
    remainingMs: row.resolution_remaining_ms,
  },
  nextDueAt: row.next_due_at,
  nextAlertAt: row.next_alert_at,
  warned: { first: row.warned_first, resolution: row.warned_resolution },
  computedAt: row.computed_at,
});

export function readSnapshot(db: Db, ticketId: number): SlaSnapshot | null {
  const row = sql(db, 'SELECT s.* FROM ticket_sla s WHERE ticket_id = ?').get(ticketId) as SnapshotRow | undefined;
  return row ? rowToSnapshot(row) : null;
}

export function writeSnapshot(db: Db, s: SlaSnapshot): void {
  sql(
    db,
    `INSERT OR REPLACE INTO ticket_sla (ticket_id, first_state, first_due_at, first_risk_at, first_target_ms,
       first_remaining_ms, resolution_state, resolution_due_at, resolution_risk_at, resolution_target_ms,
       resolution_remaining_ms, next_due_at, next_alert_at, warned_first, warned_resolution, computed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.ticketId,
    s.first.state,
    s.first.dueAt,
    s.first.atRiskAt,
    Math.round(s.first.targetMs),
    Math.round(s.first.remainingMs),
    s.resolution.state,
    s.resolution.dueAt,
    s.resolution.atRiskAt,
    Math.round(s.resolution.targetMs),
    Math.round(s.resolution.remainingMs),
    s.nextDueAt,
    s.nextAlertAt,
    s.warned.first,
    s.warned.resolution,
    s.computedAt,
  );
}

/** Tickets whose next warning moment has come. */
export function ticketsToWarn(db: Db, now: number, limit: number): number[] {
  const rows = sql(
    db,
    'SELECT ticket_id FROM ticket_sla WHERE next_alert_at IS NOT NULL AND next_alert_at <= ? ORDER BY next_alert_at LIMIT ?',
  ).all(now, limit) as { ticket_id: number }[];
  return rows.map((row) => row.ticket_id);
}

/**
 * Tickets without stored clocks (written before clocks were stored) that the board shows: open ones and those
 * resolved since `resolvedSince`; oldest first.
 */
export function ticketsWithoutSnapshot(db: Db, resolvedSince: string, limit: number): number[] {
  const missing = 'NOT EXISTS (SELECT 1 FROM ticket_sla s WHERE s.ticket_id = t.id)';
  const rows = sql(
    db,
    `SELECT id FROM (
       SELECT id FROM tickets t WHERE is_open = 1 AND ${missing}
       UNION ALL
       SELECT id FROM tickets t WHERE is_open = 0 AND resolved_at >= ? AND ${missing}
     ) ORDER BY id LIMIT ?`,
  ).all(resolvedSince, limit) as { id: number }[];
  return rows.map((row) => row.id);
}

export function openTicketIds(db: Db): number[] {
  return (sql(db, 'SELECT id FROM tickets WHERE is_open = 1').all() as { id: number }[]).map((row) => row.id);
}
