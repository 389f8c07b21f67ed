import type { Db } from '../store/database';
import { sql } from '../store/statements';

/** What the dashboard reads of a ticket: its dimensions and its stored SLA clocks. */
export type ReportRow = {
  id: number;
  priority: number;
  category: string | null;
  channel: string;
  department: string;
  tier: string;
  created_at: string;
  resolved_at: string | null;
  first_state: string | null;
  first_due_at: number | null;
  first_done: number;
  first_elapsed: number | null;
  resolution_state: string | null;
  resolution_due_at: number | null;
  resolution_done: number;
  resolution_elapsed: number | null;
};
// Read from the facts kept beside each ticket (migration 016): its dimensions and its stored clocks in one row.
const columns = `f.ticket_id AS id, f.priority, f.category, f.channel, f.department, f.tier, f.created_at,
  f.resolved_at, f.first_state, f.first_due_at, (f.first_due_at IS NULL) AS first_done, f.first_ms AS first_elapsed,
  f.resolution_state, f.resolution_due_at, (f.resolution_due_at IS NULL) AS resolution_done,
  f.resolution_ms AS resolution_elapsed`;

/** Tickets that came in within [start, end) (ISO instants), by the index on created_at. */
export const createdIn = (db: Db, start: string, end: string): ReportRow[] =>
  sql(db, `SELECT ${columns} FROM report_facts f WHERE f.created_at >= ? AND f.created_at < ?`).all(
    start,
    end,
  ) as ReportRow[];

/** Tickets resolved within [start, end), by the index on resolved_at. */
export const resolvedIn = (db: Db, start: string, end: string): ReportRow[] =>
  sql(db, `SELECT ${columns} FROM report_facts f WHERE f.resolved_at >= ? AND f.resolved_at < ?`).all(
    start,
    end,
  ) as ReportRow[];

/**
 * Tickets open at an instant: in before it and not yet resolved by then (open now, resolved later, or closed
 * later without a resolution, whose last change is then when it closed).
 */
export function openAt(db: Db, at: string): { id: number; created_at: string }[] {
  // Three reads, each by its own index (as one UNION the planner scans the table); they never share a ticket.
  type Row = { id: number; created_at: string };
  const open = sql(db, 'SELECT id, created_at FROM tickets WHERE is_open = 1 AND created_at < ?').all(at) as Row[];
  const later = sql(db, 'SELECT id, created_at FROM tickets WHERE resolved_at >= ? AND created_at < ?').all(
    at,
    at,
  ) as Row[];
  const closed = sql(
    db,
    'SELECT id, created_at FROM tickets WHERE is_open = 0 AND resolved_at IS NULL AND updated_at >= ? AND created_at < ?',
  ).all(at, at) as Row[];
  return [...open, ...later, ...closed];
}

/** Of these tickets, those reopened at least once (each counted once). */
export function reopenedAmong(db: Db, ids: readonly number[]): Set<number> {
  if (!ids.length) return new Set();
  const rows = sql(
    db,
    // (IN over json_each: the list becomes a lookup table, each ticket's facts read by its key.)
    `SELECT ticket_id AS id FROM report_facts WHERE ticket_id IN (SELECT value FROM json_each(?)) AND reopened = 1`,
  ).all(JSON.stringify(ids)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** The systems of the directory the tickets name, ticket by ticket. */
export function systemsOf(db: Db, ids: readonly number[]): { ticket_id: number; ref_id: number }[] {
  if (!ids.length) return [];
  return sql(
    db,
    `SELECT ticket_id, ref_id FROM ticket_links
     WHERE ticket_id IN (SELECT value FROM json_each(?)) AND kind = 'system'`,
  ).all(JSON.stringify(ids)) as { ticket_id: number; ref_id: number }[];
}

/** Problems by how many of these tickets they hold. */
export function problemsAmong(db: Db, ids: readonly number[], limit: number) {
  if (!ids.length) return [];
  return sql(
    db,
    `SELECT p.id, json_extract(p.content, '$.title') AS title, count(*) AS incidents FROM problem_links l
     JOIN problems p ON p.id = l.problem_id AND p.removed = 0
     WHERE l.ticket_id IN (SELECT value FROM json_each(?))
     GROUP BY p.id ORDER BY incidents DESC, p.id LIMIT ?`,
  ).all(JSON.stringify(ids), limit) as { id: number; title: string; incidents: number }[];
}

const created = 'f.created_at >= :from AND f.created_at < :to';
const createdTickets = 't.created_at >= :from AND t.created_at < :to';
const resolved = 'f.resolved_at >= :from AND f.resolved_at < :to';
const bucketSql = `CASE
  WHEN :until - unixepoch(created_at, 'subsec') * 1000 < 86400000 THEN 'd0_1'
  WHEN :until - unixepoch(created_at, 'subsec') * 1000 < 259200000 THEN 'd1_3'
  WHEN :until - unixepoch(created_at, 'subsec') * 1000 < 604800000 THEN 'd3_7'
  WHEN :until - unixepoch(created_at, 'subsec') * 1000 < 2419200000 THEN 'w1_4'
  ELSE 'over4w' END`;

/** The tickets open at an instant by age, as `openAt` finds them: three reads, each by its own index. */
export function backlogAt(db: Db, until: number, untilIso: string): { bucket: string; n: number }[] {
  const at = { until, at: untilIso };
  return [
    'is_open = 1 AND created_at < :at',
    'resolved_at >= :at AND created_at < :at',
    'is_open = 0 AND resolved_at IS NULL AND updated_at >= :at AND created_at < :at',
  ].flatMap(
    (where) =>
      sql(db, `SELECT ${bucketSql} AS bucket, count(*) AS n FROM tickets WHERE ${where} GROUP BY 1`).all(at) as {
        bucket: string;
        n: number;
      }[],
  );
}

export const problemsInRange = (db: Db, range: { from: string; to: string }, limit: number) =>
  sql(
    db,
    `SELECT p.id, json_extract(p.content, '$.title') AS title, count(*) AS incidents FROM problem_links l
     JOIN problems p ON p.id = l.problem_id AND p.removed = 0
     WHERE l.ticket_id IN (SELECT f.ticket_id FROM report_facts f WHERE ${created})
     GROUP BY p.id ORDER BY incidents DESC, p.id LIMIT :limit`,
  ).all({ ...range, limit }) as { id: number; title: string; incidents: number }[];

/** The month's most important incidents: the most urgent first, then the earliest. */
export const topIncidents = (db: Db, range: { from: string; to: string }, limit: number) =>
  sql(
    db,
    `SELECT t.id, t.number, t.title, t.priority, t.status, t.resolution FROM tickets t
     WHERE ${createdTickets} ORDER BY t.priority, t.created_at LIMIT :limit`,
  ).all({ ...range, limit }) as {
    id: number;
    number: string;
    title: string;
    priority: number;
    status: string;
    resolution: string | null;
  }[];

const resolvedIds = `SELECT f.ticket_id FROM report_facts f WHERE ${resolved}`;
const withRunSql = (ids: string) => `SELECT DISTINCT ticket_id AS id FROM checklist_runs WHERE ticket_id IN (${ids})`;
/** A resolution that passed the checklist gate with required steps open (the reason is in the event). */
const overriddenSql = (ids: string) =>
  `SELECT ticket_id AS id FROM report_facts WHERE ticket_id IN (${ids}) AND override_at >= :from AND override_at < :to`;

/** Checklist use on the tickets resolved within the range: worked along a runbook, and the runs. */
export function checklistUse(db: Db, range: { from: string; to: string }) {
  const count = (query: string) => (sql(db, `SELECT count(*) AS n FROM (${query})`).get(range) as { n: number }).n;
  return {
    withRun: count(withRunSql(resolvedIds)),
    runs: count(`SELECT id FROM checklist_runs WHERE ticket_id IN (${resolvedIds})`),
  };
}

/** Of these (resolved) tickets, those worked along a runbook or resolved past its gate within the range. */
export function checklistTickets(
  db: Db,
  ids: readonly number[],
  which: 'withRun' | 'overridden',
  range: { from: string; to: string },
): number[] {
  if (!ids.length) return [];
  const list = 'SELECT value FROM json_each(:ids)';
  const query = which === 'withRun' ? withRunSql(list) : overriddenSql(list);
  const found = new Set(
    (
      sql(db, query).all(
        which === 'withRun' ? { ids: JSON.stringify(ids) } : { ...range, ids: JSON.stringify(ids) },
      ) as {
        id: number;
      }[]
    ).map((r) => r.id),
  );
  return ids.filter((id) => found.has(id));
}

/** Whether the monthly report of `month` was reminded already; marks it (inside the caller's transaction). */
export const wasReminded = (db: Db, month: string): boolean =>
  sql(db, 'SELECT 1 FROM report_reminders WHERE month = ?').get(month) !== undefined;
export const markReminded = (db: Db, month: string, at: string): void => {
  sql(db, 'INSERT INTO report_reminders (month, at) VALUES (?, ?)').run(month, at);
};

/**
 * Tickets in and out within each [start, next start) of the bounds (ISO instants, the last one the range's end):
 * one count over a range of a covering index per bucket, no sorting and no rows carried out.
 */
export function countsBetween(db: Db, bounds: readonly string[]) {
  const opened = sql(db, 'SELECT count(*) AS n FROM report_facts WHERE created_at >= ? AND created_at < ?');
  const resolvedCount = sql(db, 'SELECT count(*) AS n FROM report_facts WHERE resolved_at >= ? AND resolved_at < ?');
  return bounds.slice(0, -1).map((from, i) => {
    const to = bounds[i + 1] ?? from;
    return {
      opened: (opened.get(from, to) as { n: number }).n,
      resolved: (resolvedCount.get(from, to) as { n: number }).n,
    };
  });
}

/** Runs the statement with its rows as arrays where the runtime's SQLite binding offers it (Node 22.16+). */
function rowsAsArrays<R extends readonly unknown[]>(
  statement: ReturnType<typeof sql>,
  params: Record<string, string>,
  columns: readonly string[],
): R[] {
  if ('setReturnArrays' in statement && typeof statement.setReturnArrays === 'function') {
    statement.setReturnArrays(true);
    return statement.all(params) as unknown as R[];
  }
  return (statement.all(params) as Record<string, unknown>[]).map((row) => columns.map((c) => row[c]) as never);
}

/** What came in within [from, to): dimensions and the first response's clock, read from the covering index. */
export type CreatedFact = readonly [
  priority: number,
  category: string | null,
  channel: string,
  department: string,
  state: string | null,
  dueAt: number | null,
  ms: number | null,
];
const createdColumns = ['priority', 'category', 'channel', 'department', 'first_state', 'first_due_at', 'first_ms'];
export const createdFacts = (db: Db, range: { from: string; to: string }): CreatedFact[] =>
  rowsAsArrays<CreatedFact>(
    sql(db, `SELECT ${createdColumns.join(', ')} FROM report_facts WHERE created_at >= :from AND created_at < :to`),
    range,
    createdColumns,
  );

/** What was resolved within [from, to): level, the resolution clock, reopen and gate override. */
export type ResolvedFact = readonly [
  priority: number,
  tier: string,
  state: string | null,
  dueAt: number | null,
  ms: number | null,
  reopened: number,
  overrideAt: string | null,
];
const resolvedColumns = [
  'priority',
  'tier',
  'resolution_state',
  'resolution_due_at',
  'resolution_ms',
  'reopened',
  'override_at',
];
export const resolvedFacts = (db: Db, range: { from: string; to: string }): ResolvedFact[] =>
  rowsAsArrays<ResolvedFact>(
    sql(db, `SELECT ${resolvedColumns.join(', ')} FROM report_facts WHERE resolved_at >= :from AND resolved_at < :to`),
    range,
    resolvedColumns,
  );

/** How many of the tickets that came in within [from, to) name each system of the directory. */
export const systemCounts = (db: Db, range: { from: string; to: string }) =>
  sql(
    db,
    `SELECT ref_id, count(*) AS n FROM ticket_links
     WHERE kind = 'system' AND ticket_id IN (SELECT f.ticket_id FROM report_facts f WHERE ${created})
     GROUP BY 1`,
  ).all(range) as { ref_id: number; n: number }[];

/** The versions of the Berlin months between two (inclusive, `yyyy-MM`); a month never written has none. */
export const monthVersions = (db: Db, first: string, last: string): Map<string, number> =>
  new Map(
    (
      sql(db, 'SELECT month, version FROM report_versions WHERE month >= ? AND month <= ?').all(first, last) as {
        month: string;
        version: number;
      }[]
    ).map((r) => [r.month, r.version]),
  );
