import { createHash, randomBytes } from 'node:crypto';
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
  /** 1: hashed over actor and data (before migration 011); 2: over their salted MAC. */
  chain?: number;
  salt?: Uint8Array | null;
  data_mac?: string | null;
};

export type NewEvent = {
  ticketId: number | null;
  at: string;
  actor: string;
  kind: string;
  data: Record<string, unknown>;
};

const SEP = '\u001f';

/** The hash of the first chain: covers every stored column, so editing, reordering or deleting a row breaks it. */
export function eventHash(row: Omit<EventRow, 'hash'>): string {
  return createHash('sha256')
    .update([row.prev_hash, row.id, row.ticket_id ?? '', row.at, row.actor, row.kind, row.data].join(SEP))
    .digest('hex');
}

/**
 * The chain since migration 011: actor and data enter through SHA-256(salt + actor + data), so the chain never hashes
 * personal data in the clear. An erasure rewrites actor and data and destroys the salt; the MAC stays and still
 * links the chain, but reveals nothing (see migration 011).
 */
export const eventMac = (salt: Uint8Array, actor: string, data: string): string =>
  createHash('sha256').update(salt).update(`${actor}${SEP}${data}`).digest('hex');

/** Salts drawn in blocks: one call for the random source per 256 events instead of one per event. */
const saltPool = { block: Buffer.alloc(0), used: 0 };
function nextSalt(): Buffer {
  if (saltPool.used >= saltPool.block.length) {
    saltPool.block = randomBytes(16 * 256);
    saltPool.used = 0;
  }
  saltPool.used += 16;
  return Buffer.from(saltPool.block.subarray(saltPool.used - 16, saltPool.used));
}
export const eventHashV2 = (row: Pick<EventRow, 'prev_hash' | 'id' | 'ticket_id' | 'at' | 'kind'>, dataMac: string) =>
  createHash('sha256')
    .update(['v2', row.prev_hash, row.id, row.ticket_id ?? '', row.at, row.kind, dataMac].join(SEP))
    .digest('hex');
/** What a redacted event holds now, as its redaction records it. */
export const redactedDigest = (actor: string, data: string): string =>
  createHash('sha256').update(`${actor}${SEP}${data}`).digest('hex');
/** What an erasure's event commits to: every redaction it made, in order. */
export function redactionSetDigest(redactions: readonly { event_id: number; digest: string }[]): string {
  const hash = createHash('sha256');
  for (const r of redactions) hash.update(`${r.event_id}${SEP}${r.digest}\n`);
  return hash.digest('hex');
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
  const salt = nextSalt();
  const dataMac = eventMac(salt, row.actor, row.data);
  const hash = eventHashV2(row, dataMac);
  sql(
    db,
    `INSERT INTO events (id, ticket_id, at, actor, kind, data, prev_hash, hash, chain, salt, data_mac)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?)`,
  ).run(row.id, row.ticket_id, row.at, row.actor, row.kind, row.data, row.prev_hash, hash, salt, dataMac);
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
  // A database from before migration 011 (an old backup being checked) has only the first chain.
  const columns = new Set((db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).map((c) => c.name));
  const second = columns.has('chain');
  const select = second
    ? `SELECT e.*, r.digest AS redacted, r.erasure_id FROM events e
         LEFT JOIN event_redactions r ON r.event_id = e.id
          AND r.erasure_id = (SELECT max(erasure_id) FROM event_redactions WHERE event_id = e.id)
        WHERE e.id > ? AND e.id <= ? ORDER BY e.id LIMIT ?`
    : 'SELECT * FROM events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?';
  const redactionsOf = second
    ? db.prepare('SELECT event_id, digest FROM event_redactions WHERE erasure_id = ? ORDER BY event_id')
    : null;
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let lastId = 0;
  const until = head?.event_id ?? Number.MAX_SAFE_INTEGER;
  const broken = (
    eventId: number,
    reason: 'hash_mismatch' | 'previous_mismatch' | 'head_mismatch',
  ): AuditVerifyResult => ({
    ok: false,
    checked,
    firstBroken: { eventId, reason },
  });
  for (;;) {
    const rows = sql(db, select).all(lastId, until, CHAIN_BATCH) as (EventRow & {
      redacted?: string | null;
      erasure_id?: number | null;
    })[];
    for (const row of rows) {
      checked += 1;
      if (row.prev_hash !== expectedPrev) return broken(row.id, 'previous_mismatch');
      if ((row.chain ?? 1) === 1) {
        if (eventHash(row) !== row.hash) return broken(row.id, 'hash_mismatch');
      } else {
        const dataMac = row.data_mac ?? '';
        if (eventHashV2(row, dataMac) !== row.hash) return broken(row.id, 'hash_mismatch');
        if (row.redacted) {
          // Rewritten by an erasure that came later: what it holds now is what the erasure recorded.
          if (row.salt || (row.erasure_id ?? 0) <= row.id || redactedDigest(row.actor, row.data) !== row.redacted)
            return broken(row.id, 'hash_mismatch');
        } else if (!row.salt || eventMac(row.salt, row.actor, row.data) !== dataMac) {
          return broken(row.id, 'hash_mismatch');
        }
        if (row.kind === 'privacy.erased' && redactionsOf) {
          const committed = (JSON.parse(row.data) as { redactionsDigest?: string }).redactionsDigest;
          const made = redactionsOf.all(row.id) as { event_id: number; digest: string }[];
          if (committed !== redactionSetDigest(made)) return broken(row.id, 'hash_mismatch');
        }
      }
      expectedPrev = row.hash;
      lastId = row.id;
    }
    if (rows.length < CHAIN_BATCH) break;
    yield;
  }
  const headMatches = head ? head.event_id === lastId && head.hash === expectedPrev : checked === 0;
  if (!headMatches) return broken(head?.event_id ?? lastId, 'head_mismatch');
  // A redaction must belong to an erasure in the chain, which committed to it (checked above).
  if (second) {
    const orphan = db
      .prepare(
        `SELECT r.event_id FROM event_redactions r LEFT JOIN events e ON e.id = r.erasure_id
          WHERE e.kind IS NOT 'privacy.erased' ORDER BY r.event_id LIMIT 1`,
      )
      .get() as { event_id: number } | undefined;
    if (orphan) return broken(orphan.event_id, 'hash_mismatch');
  }
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
