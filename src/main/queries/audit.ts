import { createHash } from 'node:crypto';
import type { AuditVerifyResult } from '../../shared/contract/audit';
import type { LoggedEvent } from '../../shared/domain/ticket';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export const GENESIS_HASH = '0'.repeat(64);

type EventRow = {
  id: number;
  ticket_id: number | null;
  at: string;
  actor: string;
  kind: string;
  data: string;
  prev_hash: string;
  hash: string;
};

export type NewEvent = {
  ticketId: number | null;
  at: string;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
};

/** The hash covers every stored column, so editing, reordering or deleting a row breaks the chain. */
export function eventHash(row: Omit<EventRow, 'hash'>): string {
  return createHash('sha256')
    .update([row.prev_hash, row.id, row.ticket_id ?? '', row.at, row.actor, row.kind, row.data].join('\u001f'))
    .digest('hex');
}

/** Appends one event to the chain. Call inside the transaction that makes the change it records. */
export function appendEvent(db: Db, event: NewEvent): number {
  const head = sql(db, 'SELECT event_id, hash FROM audit_head WHERE id = 1').get() as
    { event_id: number; hash: string } | undefined;
  // The id is chosen here, so the hash can be computed before the one INSERT; ids continue the chain.
  const row = {
    id: (head?.event_id ?? 0) + 1,
    ticket_id: event.ticketId,
    at: event.at,
    actor: event.actor,
    kind: event.kind,
    data: JSON.stringify(event.data),
    prev_hash: head?.hash ?? GENESIS_HASH,
  };
  const hash = eventHash(row);
  sql(
    db,
    'INSERT INTO events (id, ticket_id, at, actor, kind, data, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(row.id, row.ticket_id, row.at, row.actor, row.kind, row.data, row.prev_hash, hash);
  sql(
    db,
    `INSERT INTO audit_head (id, event_id, hash) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET event_id = excluded.event_id, hash = excluded.hash`,
  ).run(row.id, hash);
  return row.id;
}

const toEvent = (row: EventRow): LoggedEvent => ({
  id: row.id,
  ticketId: row.ticket_id,
  at: row.at,
  actor: row.actor,
  kind: row.kind,
  data: JSON.parse(row.data) as Record<string, unknown>,
});

/** The newest event of a ticket, or null. */
export function lastTicketEvent(db: Db, ticketId: number): LoggedEvent | null {
  const row = sql(db, 'SELECT * FROM events WHERE ticket_id = ? ORDER BY id DESC LIMIT 1').get(ticketId) as
    EventRow | undefined;
  return row ? toEvent(row) : null;
}

export function eventsForTicket(db: Db, ticketId: number): LoggedEvent[] {
  const rows = sql(db, 'SELECT * FROM events WHERE ticket_id = ? ORDER BY id').all(ticketId) as EventRow[];
  return rows.map(toEvent);
}

const CHAIN_BATCH = 2000;

/**
 * Walks the chain up to the head as it was when the walk began (events only ever append), in batches; yields
 * between batches so an async caller can let other calls run. The result is the generator's return value.
 */
function* walkChain(db: Db): Generator<void, AuditVerifyResult> {
  const head = sql(db, 'SELECT event_id, hash FROM audit_head WHERE id = 1').get() as
    { event_id: number; hash: string } | undefined;
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let lastId = 0;
  const until = head?.event_id ?? Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = sql(db, 'SELECT * FROM events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?').all(
      lastId,
      until,
      CHAIN_BATCH,
    ) as EventRow[];
    for (const row of rows) {
      checked += 1;
      if (row.prev_hash !== expectedPrev)
        return { ok: false, checked, firstBroken: { eventId: row.id, reason: 'previous_mismatch' } };
      if (eventHash(row) !== row.hash)
        return { ok: false, checked, firstBroken: { eventId: row.id, reason: 'hash_mismatch' } };
      expectedPrev = row.hash;
      lastId = row.id;
    }
    if (rows.length < CHAIN_BATCH) break;
    yield;
  }
  const headMatches = head ? head.event_id === lastId && head.hash === expectedPrev : checked === 0;
  if (!headMatches)
    return { ok: false, checked, firstBroken: { eventId: head?.event_id ?? lastId, reason: 'head_mismatch' } };
  return { ok: true, checked, firstBroken: null };
}

/** Walks the whole chain from the start and reports the first link that does not hold. */
export function verifyChain(db: Db): AuditVerifyResult {
  const walk = walkChain(db);
  for (let step = walk.next(); ; step = walk.next()) if (step.done) return step.value;
}

/** The same walk, giving way to other calls between batches (a few milliseconds each). */
export async function verifyChainInSteps(db: Db): Promise<AuditVerifyResult> {
  const walk = walkChain(db);
  for (let step = walk.next(); ; step = walk.next()) {
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Whether a finding of the evidence check is on record already (the same finding is recorded once). */
export function evidenceRecorded(db: Db, finding: string): boolean {
  return (
    sql(db, "SELECT 1 FROM events WHERE kind = 'evidence.broken' AND ticket_id IS NULL AND data = ? LIMIT 1").get(
      JSON.stringify({ finding }),
    ) !== undefined
  );
}
