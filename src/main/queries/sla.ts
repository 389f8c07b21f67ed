import type { Status } from '../../shared/domain/enums';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

const POLICY_KEY = 'sla.policy';

export function readPolicyRow(db: Db): unknown {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(POLICY_KEY) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export function writePolicyRow(db: Db, policy: unknown): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    POLICY_KEY,
    JSON.stringify(policy),
  );
}

/** The status moves of a ticket, in order, read from its event log. */
export function statusChanges(db: Db, ticketId: number): { at: number; to: Status }[] {
  const rows = sql(
    db,
    `SELECT at, json_extract(data, '$.changes.status.after') AS status FROM events
     WHERE ticket_id = ? AND kind IN ('ticket.transitioned', 'ticket.reopened') ORDER BY id`,
  ).all(ticketId) as { at: string; status: Status | null }[];
  return rows.flatMap((row) => (row.status ? [{ at: Date.parse(row.at), to: row.status }] : []));
}

export function firstReplyAt(db: Db, ticketId: number): number | null {
  const row = sql(db, "SELECT min(created_at) AS at FROM notes WHERE ticket_id = ? AND kind = 'reply'").get(
    ticketId,
  ) as {
    at: string | null;
  };
  return row.at ? Date.parse(row.at) : null;
}
