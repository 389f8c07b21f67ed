import type { BoardFilter } from '../../shared/contract/board';
import type { Status } from '../../shared/domain/enums';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { snapshotColumns, type SnapshotRow } from './slaSnapshots';
import { summaryColumns, type SummaryRow } from './tickets';

export type BoardRow = SummaryRow & { version: number; resolved_at: string | null } & Partial<SnapshotRow>;

export type BoardLane = 'new' | 'inProgress' | 'waiting';
/** The lane numbers of `board_slots` (migration 008). */
export const laneNumber: Record<BoardLane, number> = { new: 0, inProgress: 1, waiting: 2 };

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

type FilterColumns = {
  id: string;
  category: string;
  tier: string;
  status: string;
  assignee: string;
  department: string;
};
const slotColumns: FilterColumns = {
  id: 'b.ticket_id',
  category: 'b.category',
  tier: 'b.tier',
  status: 'b.status',
  assignee: 'b.assignee',
  department: 'b.department',
};
const ticketColumns: FilterColumns = {
  id: 't.id',
  category: 't.category',
  tier: 't.tier',
  status: 't.status',
  assignee: 't.assignee',
  department: 't.requester_department',
};

/** The filter's conditions over a row that has these columns (board_slots or tickets), with their parameters. */
function filterSql(
  filter: BoardFilter,
  coordinator: string,
  column: FilterColumns,
): { where: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.category?.length) {
    where.push(`${column.category} IN (${placeholders(filter.category)})`);
    params.push(...filter.category);
  }
  if (filter.tier?.length) {
    where.push(`${column.tier} IN (${placeholders(filter.tier)})`);
    params.push(...filter.tier);
  }
  if (filter.waitingOn?.length) {
    where.push(`${column.status} IN (${placeholders(filter.waitingOn)})`);
    params.push(...filter.waitingOn.map((on) => waitingStatus[on]));
  }
  if (filter.mine) {
    where.push(`${column.assignee} = ?`);
    params.push(coordinator);
  }
  if (filter.personId !== undefined) {
    where.push(`${column.id} IN (SELECT ticket_id FROM ticket_links WHERE kind = 'person' AND ref_id = ?)`);
    params.push(filter.personId);
  }
  if (filter.systemId !== undefined) {
    where.push(`${column.id} IN (SELECT ticket_id FROM ticket_links WHERE kind = 'system' AND ref_id = ?)`);
    params.push(filter.systemId);
  }
  if (filter.department !== undefined) {
    where.push(`${column.department} = ? COLLATE NOCASE`);
    params.push(filter.department);
  }
  return { where: where.map((clause) => ` AND ${clause}`).join(''), params };
}

/**
 * The first `limit` open tickets of one cell, most urgent first (deadline due first, then number): a walk along
 * `board_slots_cell` that stops after `limit` matching entries.
 */
export function cellTicketIds(
  db: Db,
  cell: { priority: number; lane: BoardLane },
  filter: BoardFilter,
  coordinator: string,
  limit: number,
): number[] {
  const { where, params } = filterSql(filter, coordinator, slotColumns);
  const rows = sql(
    db,
    `SELECT b.ticket_id AS id FROM board_slots b WHERE b.priority = ? AND b.lane = ?${where}
     ORDER BY b.rank, b.ticket_id LIMIT ?`,
  ).all(cell.priority, laneNumber[cell.lane], ...params, limit) as { id: number }[];
  return rows.map((row) => row.id);
}

/** How many open tickets each cell holds, narrowed by the filter. */
export function cellCounts(
  db: Db,
  filter: BoardFilter,
  coordinator: string,
): { priority: number; lane: number; n: number }[] {
  const { where, params } = filterSql(filter, coordinator, slotColumns);
  return sql(
    db,
    // Unfiltered, the cell index is the narrowest; filtered, the filter index covers every column a filter names.
    `SELECT b.priority, b.lane, count(*) AS n FROM board_slots b INDEXED BY ${where ? 'board_slots_filter' : 'board_slots_cell'}
     WHERE 1${where} GROUP BY b.priority, b.lane`,
  ).all(...params) as { priority: number; lane: number; n: number }[];
}

/** How many tickets of each priority were resolved since `since`: a range of `tickets_board`, today's work. */
export function resolvedCounts(
  db: Db,
  filter: BoardFilter,
  since: string,
  coordinator: string,
): { priority: number; n: number }[] {
  const { where, params } = filterSql(filter, coordinator, ticketColumns);
  return sql(
    db,
    `SELECT t.priority, count(*) AS n FROM tickets t WHERE t.is_open = 0 AND t.resolved_at >= ?${where}
     GROUP BY t.priority`,
  ).all(since, ...params) as { priority: number; n: number }[];
}

/** The `limit` tickets of one priority resolved last since `since`: a backward walk of `tickets_resolved_board`. */
export function resolvedTicketIds(
  db: Db,
  priority: number,
  filter: BoardFilter,
  since: string,
  coordinator: string,
  limit: number,
): number[] {
  const { where, params } = filterSql(filter, coordinator, ticketColumns);
  const rows = sql(
    db,
    `SELECT t.id FROM tickets t WHERE t.is_open = 0 AND t.priority = ? AND t.resolved_at >= ?${where}
     ORDER BY t.resolved_at DESC, t.id DESC LIMIT ?`,
  ).all(priority, since, ...params, limit) as { id: number }[];
  return rows.map((row) => row.id);
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

/**
 * Open tickets whose clock counts, by priority, then by the deadline due first: the first `limit` entries of
 * `board_slots_next` that are not paused (CROSS JOIN keeps that walk the outer loop), then their rows.
 */
export function nextUpRows(db: Db, pausing: readonly Status[], limit: number): NextUpRow[] {
  const notPaused = pausing.length ? `WHERE b.status NOT IN (${placeholders(pausing)})` : '';
  return sql(
    db,
    `SELECT ${prefixed(summaryColumns)}, t.version, t.resolved_at, t.impact, t.urgency,
            json_extract(t.triage, '$.override') IS NOT NULL AS overridden, ${snapshotColumns}
     FROM board_slots b CROSS JOIN tickets t ON t.id = b.ticket_id LEFT JOIN ticket_sla s ON s.ticket_id = b.ticket_id
     ${notPaused}
     ORDER BY b.priority, b.rank, b.ticket_id
     LIMIT ?`,
  ).all(...pausing, limit) as NextUpRow[];
}

/** Open tickets taken in without first-contact answers (from mail), oldest first: triage comes before all else. */
export function needsTriageRows(db: Db, limit: number): NextUpRow[] {
  return sql(
    db,
    `SELECT ${prefixed(summaryColumns)}, t.version, t.resolved_at, t.impact, t.urgency,
            json_extract(t.triage, '$.override') IS NOT NULL AS overridden, ${snapshotColumns}
     FROM tickets t LEFT JOIN ticket_sla s ON s.ticket_id = t.id
     WHERE t.needs_triage = 1 AND t.is_open = 1
     ORDER BY t.created_at, t.id
     LIMIT ?`,
  ).all(limit) as NextUpRow[];
}

export function openCounts(db: Db, pausing: readonly Status[]): { total: number; paused: number } {
  const inPausing = pausing.length ? `status IN (${placeholders(pausing)})` : '0';
  return sql(
    db,
    `SELECT count(*) AS total, coalesce(sum(${inPausing}), 0) AS paused FROM board_slots INDEXED BY board_slots_next`,
  ).get(...pausing) as { total: number; paused: number };
}
