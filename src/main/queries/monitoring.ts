import type { Check, Maintenance, Sample } from '../../shared/domain/monitoring';
import { hourOf, type Tracked } from '../../shared/domain/monitoringRules';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type StoredCheck = { check: Check; secret: string | null };
type CheckRow = { id: number; content: string; secret: string | null };
const parsedCheck = (row: CheckRow): StoredCheck => ({
  check: { ...(JSON.parse(row.content) as Check), id: row.id },
  secret: row.secret,
});

export function findCheck(db: Db, id: number): StoredCheck | undefined {
  const row = sql(db, 'SELECT id, content, secret FROM monitoring_checks WHERE id = ?').get(id) as CheckRow | undefined;
  return row ? parsedCheck(row) : undefined;
}

export function allChecks(db: Db, systemId?: number): StoredCheck[] {
  const rows = (
    systemId === undefined
      ? sql(db, 'SELECT id, content, secret FROM monitoring_checks ORDER BY id').all()
      : sql(db, 'SELECT id, content, secret FROM monitoring_checks WHERE system_id = ? ORDER BY id').all(systemId)
  ) as CheckRow[];
  return rows.map(parsedCheck);
}

export function checkBySecret(db: Db, secret: string): StoredCheck | undefined {
  const row = sql(db, 'SELECT id, content, secret FROM monitoring_checks WHERE secret = ?').get(secret) as
    CheckRow | undefined;
  return row ? parsedCheck(row) : undefined;
}

export function insertCheck(db: Db, check: Check, secret: string | null, at: string): number {
  const { id: _new, ...content } = check;
  return (
    sql(
      db,
      `INSERT INTO monitoring_checks (system_id, content, secret, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
       RETURNING id`,
    ).get(check.systemId, JSON.stringify(content), secret, at, at) as { id: number }
  ).id;
}

export function updateCheck(db: Db, check: Check, secret: string | null, at: string): void {
  const { id, ...content } = check;
  sql(db, 'UPDATE monitoring_checks SET system_id = ?, content = ?, secret = ?, updated_at = ? WHERE id = ?').run(
    check.systemId,
    JSON.stringify(content),
    secret,
    at,
    id,
  );
}

export const deleteCheck = (db: Db, id: number): void => {
  sql(db, 'DELETE FROM monitoring_checks WHERE id = ?').run(id);
};

export type StateRow = {
  check_id: number;
  tracked: string;
  last_at: string | null;
  last_outcome: Sample['outcome'] | null;
  last_message: string;
  last_latency: number | null;
  last_beat_at: string | null;
  cert_expires_at: string | null;
  ticket_id: number | null;
  ticket_event_id: number | null;
  cert_ticket_id: number | null;
};
export type StoredState = Omit<StateRow, 'tracked'> & { tracked: Tracked };

export function stateOf(db: Db, checkId: number): StoredState | undefined {
  const row = sql(db, 'SELECT * FROM monitoring_state WHERE check_id = ?').get(checkId) as StateRow | undefined;
  return row ? { ...row, tracked: JSON.parse(row.tracked) as Tracked } : undefined;
}

export function allStates(db: Db): Map<number, StoredState> {
  const rows = sql(db, 'SELECT * FROM monitoring_state').all() as StateRow[];
  return new Map(rows.map((row) => [row.check_id, { ...row, tracked: JSON.parse(row.tracked) as Tracked }]));
}

export function saveState(db: Db, state: StoredState): void {
  sql(
    db,
    `INSERT INTO monitoring_state (check_id, tracked, last_at, last_outcome, last_message, last_latency, last_beat_at,
       cert_expires_at, ticket_id, ticket_event_id, cert_ticket_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (check_id) DO UPDATE SET tracked = excluded.tracked, last_at = excluded.last_at,
       last_outcome = excluded.last_outcome, last_message = excluded.last_message,
       last_latency = excluded.last_latency, last_beat_at = excluded.last_beat_at,
       cert_expires_at = excluded.cert_expires_at, ticket_id = excluded.ticket_id,
       ticket_event_id = excluded.ticket_event_id, cert_ticket_id = excluded.cert_ticket_id`,
  ).run(
    state.check_id,
    JSON.stringify(state.tracked),
    state.last_at,
    state.last_outcome,
    state.last_message,
    state.last_latency,
    state.last_beat_at,
    state.cert_expires_at,
    state.ticket_id,
    state.ticket_event_id,
    state.cert_ticket_id,
  );
}

/** One run: kept raw, and added to its hour's aggregate in the same statement pair. */
export function insertSample(db: Db, checkId: number, sample: Sample): void {
  sql(db, 'INSERT INTO monitoring_samples (check_id, at, outcome, latency_ms, message) VALUES (?, ?, ?, ?, ?)').run(
    checkId,
    sample.at,
    sample.outcome,
    sample.latencyMs,
    sample.message,
  );
  const good = sample.outcome === 'failed' ? 0 : 1;
  const latency = sample.outcome === 'failed' ? null : sample.latencyMs;
  sql(
    db,
    `INSERT INTO monitoring_hours (check_id, hour, runs, good, latency_sum, latency_runs, latency_max)
     VALUES (?, ?, 1, ?, ?, ?, ?)
     ON CONFLICT (check_id, hour) DO UPDATE SET runs = runs + 1, good = good + excluded.good,
       latency_sum = latency_sum + excluded.latency_sum, latency_runs = latency_runs + excluded.latency_runs,
       latency_max = max(coalesce(latency_max, 0), coalesce(excluded.latency_max, 0))`,
  ).run(checkId, hourOf(sample.at), good, latency ?? 0, latency === null ? 0 : 1, latency);
}

export type SampleRow = { at: string; outcome: Sample['outcome']; latency_ms: number | null; message: string };
export function samplesBetween(db: Db, checkId: number, from: string, to: string, limit = 20_000): SampleRow[] {
  return sql(
    db,
    `SELECT at, outcome, latency_ms, message FROM monitoring_samples WHERE check_id = ? AND at >= ? AND at < ?
     ORDER BY at LIMIT ?`,
  ).all(checkId, from, to, limit) as SampleRow[];
}

export function lastSamples(db: Db, checkId: number, count: number): SampleRow[] {
  return (
    sql(
      db,
      `SELECT at, outcome, latency_ms, message FROM monitoring_samples WHERE check_id = ? ORDER BY at DESC LIMIT ?`,
    ).all(checkId, count) as SampleRow[]
  ).reverse();
}

export type HourRow = {
  hour: string;
  runs: number;
  good: number;
  latency_sum: number;
  latency_runs: number;
  latency_max: number | null;
};
export function hoursBetween(db: Db, checkId: number, from: string, to: string): HourRow[] {
  return sql(
    db,
    `SELECT hour, runs, good, latency_sum, latency_runs, latency_max FROM monitoring_hours
     WHERE check_id = ? AND hour >= ? AND hour < ? ORDER BY hour`,
  ).all(checkId, from, to) as HourRow[];
}

export type UptimeRow = { runs: number; good: number };
/** Runs and good runs of every check since `from`, from the hourly aggregates (uptime). */
export function uptimeSince(db: Db, from: string): Map<number, UptimeRow> {
  const rows = sql(
    db,
    'SELECT check_id, sum(runs) AS runs, sum(good) AS good FROM monitoring_hours WHERE hour >= ? GROUP BY check_id',
  ).all(from) as { check_id: number; runs: number; good: number }[];
  return new Map(rows.map((row) => [row.check_id, { runs: row.runs, good: row.good }]));
}

export function pruneSamples(db: Db, before: string): number {
  return Number(sql(db, 'DELETE FROM monitoring_samples WHERE at < ?').run(before).changes);
}
export function pruneHours(db: Db, before: string): number {
  return Number(sql(db, 'DELETE FROM monitoring_hours WHERE hour < ?').run(before).changes);
}

type MaintenanceRow = { id: number; content: string };
export function allMaintenance(db: Db): Maintenance[] {
  return (sql(db, 'SELECT id, content FROM monitoring_maintenance ORDER BY id').all() as MaintenanceRow[]).map(
    (row) => ({ ...(JSON.parse(row.content) as Maintenance), id: row.id }),
  );
}
export function saveMaintenance(db: Db, m: Maintenance, at: string): number {
  const { id, ...content } = m;
  if (id === 0)
    return (
      sql(db, 'INSERT INTO monitoring_maintenance (system_id, content, updated_at) VALUES (?, ?, ?) RETURNING id').get(
        m.systemId,
        JSON.stringify(content),
        at,
      ) as { id: number }
    ).id;
  const changed = sql(
    db,
    'UPDATE monitoring_maintenance SET system_id = ?, content = ?, updated_at = ? WHERE id = ?',
  ).run(m.systemId, JSON.stringify(content), at, id).changes;
  return Number(changed) ? id : 0;
}
export const deleteMaintenance = (db: Db, id: number): number =>
  Number(sql(db, 'DELETE FROM monitoring_maintenance WHERE id = ?').run(id).changes);

/** The newest event of a ticket (whether someone touched it after the monitoring wrote). */
export function lastEventOf(db: Db, ticketId: number): number {
  const row = sql(db, 'SELECT max(id) AS id FROM events WHERE ticket_id = ?').get(ticketId) as { id: number | null };
  return row.id ?? 0;
}

/** Runs and good runs per system of the directory within [from, to), over all its checks (hourly aggregates). */
export function uptimeBySystem(db: Db, from: string, to: string): Map<number, UptimeRow> {
  const rows = sql(
    db,
    `SELECT c.system_id, sum(h.runs) AS runs, sum(h.good) AS good FROM monitoring_hours h
     JOIN monitoring_checks c ON c.id = h.check_id WHERE h.hour >= ? AND h.hour < ? GROUP BY c.system_id`,
  ).all(hourOf(from), to) as { system_id: number; runs: number; good: number }[];
  return new Map(rows.map((row) => [row.system_id, { runs: row.runs, good: row.good }]));
}

/** Per check, the outages (state changes to down) within [from, to) and whether it was flapping meanwhile. */
export function stateChangesBetween(
  db: Db,
  from: string,
  to: string,
): Map<number, { downs: number; flapped: boolean }> {
  const rows = sql(
    db,
    `SELECT json_extract(data, '$.checkId') AS check_id, sum(json_extract(data, '$.to') = 'down') AS downs,
       max(coalesce(json_extract(data, '$.flapping'), 0)) AS flapped
     FROM events WHERE kind = 'monitoring.state' AND at >= ? AND at < ? GROUP BY 1`,
  ).all(from, to) as { check_id: number | null; downs: number; flapped: number }[];
  return new Map(
    rows.flatMap((row) =>
      row.check_id === null ? [] : [[row.check_id, { downs: row.downs, flapped: !!row.flapped }]],
    ),
  );
}
