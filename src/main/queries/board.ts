import type { BoardFilter } from '../../shared/contract/board';
import type { Status } from '../../shared/domain/enums';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { snapshotColumns, type SnapshotRow } from './slaSnapshots';
import { summaryColumns, type SummaryRow } from './tickets';

export type BoardRow = SummaryRow & { version: number; resolved_at: string | null } & Partial<SnapshotRow>;

/** Just enough to place and order a ticket on the board; the details are read for the cards shown only. */
export type BoardSlot = {
  id: number;
  priority: number;
  status: Status;
  resolved_at: string | null;
  next_due_at: number | null;
};

const waitingStatus: Record<NonNullable<BoardFilter['waitingOn']>[number], Status> = {
  requester: 'waitingRequester',
  msp: 'waitingMsp',
  vendor: 'waitingVendor',
};

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const prefixed = (columns: string) =>
  columns
    .split(',')
    .map((column) => `t.${column.trim()}`)
    .join(', ');

/**
 * Open tickets and those resolved since `resolvedSince`, with their stored clocks, narrowed by the filter.
 * Two indexed selects joined by UNION ALL: one OR across both made SQLite scan every ticket ever filed.
 */
export function boardSlots(db: Db, filter: BoardFilter, resolvedSince: string, coordinator: string): BoardSlot[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.category?.length) {
    where.push(`t.category IN (${placeholders(filter.category)})`);
    params.push(...filter.category);
  }
  if (filter.tier?.length) {
    where.push(`t.tier IN (${placeholders(filter.tier)})`);
    params.push(...filter.tier);
  }
  if (filter.waitingOn?.length) {
    where.push(`t.status IN (${placeholders(filter.waitingOn)})`);
    params.push(...filter.waitingOn.map((on) => waitingStatus[on]));
  }
  if (filter.mine) {
    where.push('t.assignee = ?');
    params.push(coordinator);
  }
  if (filter.personId !== undefined) {
    where.push("t.id IN (SELECT ticket_id FROM ticket_links WHERE kind = 'person' AND ref_id = ?)");
    params.push(filter.personId);
  }
  if (filter.systemId !== undefined) {
    where.push("t.id IN (SELECT ticket_id FROM ticket_links WHERE kind = 'system' AND ref_id = ?)");
    params.push(filter.systemId);
  }
  if (filter.department !== undefined) {
    where.push('t.requester_department = ? COLLATE NOCASE');
    params.push(filter.department);
  }
  const narrowed = where.map((clause) => ` AND ${clause}`).join('');
  const select = `SELECT t.id, t.priority, t.status, t.resolved_at, s.next_due_at
     FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id`;
  return sql(
    db,
    `${select} WHERE t.is_open = 1${narrowed}
     UNION ALL
     ${select} WHERE t.is_open = 0 AND t.resolved_at >= ?${narrowed}`,
  ).all(...params, resolvedSince, ...params) as BoardSlot[];
}

/** The cards' details and stored clocks, for the tickets shown. */
export function boardCards(db: Db, ids: readonly number[]): BoardRow[] {
  return sql(
    db,
    `SELECT ${prefixed(summaryColumns)}, t.version, t.resolved_at, ${snapshotColumns}
     FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id
     WHERE t.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as BoardRow[];
}

export type NextUpRow = BoardRow & { impact: string; urgency: string; overridden: number };

/** Open tickets whose clock counts, by priority, then by the deadline due first. */
export function nextUpRows(db: Db, pausing: readonly Status[], limit: number): NextUpRow[] {
  const notPaused = pausing.length ? `AND t.status NOT IN (${placeholders(pausing)})` : '';
  return sql(
    db,
    `SELECT ${prefixed(summaryColumns)}, t.version, t.resolved_at, t.impact, t.urgency,
            json_extract(t.triage, '$.override') IS NOT NULL AS overridden, ${snapshotColumns}
     FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id
     WHERE t.is_open = 1 ${notPaused}
     ORDER BY t.priority, s.next_due_at IS NULL, s.next_due_at, t.id
     LIMIT ?`,
  ).all(...pausing, limit) as NextUpRow[];
}

export function openCounts(db: Db, pausing: readonly Status[]): { total: number; paused: number } {
  const inPausing = pausing.length ? `status IN (${placeholders(pausing)})` : '0';
  return sql(
    db,
    `SELECT count(*) AS total, coalesce(sum(${inPausing}), 0) AS paused FROM tickets WHERE is_open = 1`,
  ).get(...pausing) as { total: number; paused: number };
}
