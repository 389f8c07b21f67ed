import type { MspProvider } from '../../shared/domain/msp';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export function providerRows(db: Db): MspProvider[] {
  return (sql(db, 'SELECT data FROM msp_providers WHERE removed = 0 ORDER BY id').all() as { data: string }[]).map(
    (row) => JSON.parse(row.data) as MspProvider,
  );
}

export function findProvider(db: Db, id: string): MspProvider | undefined {
  const row = sql(db, 'SELECT data FROM msp_providers WHERE id = ? AND removed = 0').get(id) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as MspProvider) : undefined;
}

export function writeProvider(db: Db, provider: MspProvider, removed: boolean, at: string): void {
  sql(db, 'INSERT OR REPLACE INTO msp_providers (id, data, removed, updated_at) VALUES (?, ?, ?, ?)').run(
    provider.id,
    JSON.stringify(provider),
    removed ? 1 : 0,
    at,
  );
}

export type EscalationRow = {
  id: number;
  ticket_id: number;
  provider_id: string;
  at: string;
  kind: 'initial' | 'update';
  packet_sha256: string;
  eml_sha256: string;
  packet_file: string;
  eml_file: string;
  included: string;
  redactions: string;
  reference: string | null;
  reacted_at: string | null;
  reminded: number;
};

export function insertEscalation(
  db: Db,
  row: Omit<EscalationRow, 'id' | 'reference' | 'reacted_at' | 'reminded'> & { reference: string | null },
): number {
  const result = sql(
    db,
    `INSERT INTO escalations (ticket_id, provider_id, at, kind, packet_sha256, eml_sha256, packet_file, eml_file,
       included, redactions, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    row.ticket_id,
    row.provider_id,
    row.at,
    row.kind,
    row.packet_sha256,
    row.eml_sha256,
    row.packet_file,
    row.eml_file,
    row.included,
    row.redactions,
    row.reference,
  );
  return Number(result.lastInsertRowid);
}

export const escalationRows = (db: Db, ticketId: number): EscalationRow[] =>
  sql(db, 'SELECT * FROM escalations WHERE ticket_id = ? ORDER BY id').all(ticketId) as EscalationRow[];

export const findEscalation = (db: Db, id: number): EscalationRow | undefined =>
  sql(db, 'SELECT * FROM escalations WHERE id = ?').get(id) as EscalationRow | undefined;

export function setReference(db: Db, id: number, reference: string, at: string): void {
  sql(db, 'UPDATE escalations SET reference = ?, reacted_at = coalesce(reacted_at, ?) WHERE id = ?').run(
    reference,
    at,
    id,
  );
}

/** First escalations of tickets to a provider within [from, to) (ISO instants), oldest first. */
export const initialEscalationsIn = (db: Db, from: string, to: string): EscalationRow[] =>
  sql(db, "SELECT * FROM escalations WHERE kind = 'initial' AND at >= ? AND at < ? ORDER BY id").all(
    from,
    to,
  ) as EscalationRow[];

/** Escalations of open tickets still waiting for the provider's reaction or resolution reminders. */
export const openEscalations = (db: Db): EscalationRow[] =>
  sql(
    db,
    `SELECT e.* FROM escalations e JOIN tickets t ON t.id = e.ticket_id
     WHERE t.is_open = 1 AND e.reminded < 2 AND e.id = (SELECT max(id) FROM escalations WHERE ticket_id = e.ticket_id)`,
  ).all() as EscalationRow[];

export function setReminded(db: Db, id: number, reminded: number): void {
  sql(db, 'UPDATE escalations SET reminded = ? WHERE id = ?').run(reminded, id);
}

/** The provider reacted (a mail of theirs came in) without naming their reference yet. */
export function setReacted(db: Db, id: number, at: string): void {
  sql(db, 'UPDATE escalations SET reacted_at = coalesce(reacted_at, ?) WHERE id = ?').run(at, id);
}
