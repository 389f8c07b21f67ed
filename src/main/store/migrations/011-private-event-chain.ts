import { createHash, randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { Migration } from './types';

/**
 * The event chain stops hashing personal data in the clear (GDPR Art. 17 and the black box together). Each event
 * gets a random salt; the chain hashes `data_mac` = SHA-256(salt + actor + data) instead of actor and data. Erasing a
 * person rewrites the event's actor and data and destroys the salt: the chain still verifies (the MAC is kept), and
 * the MAC reveals nothing without its salt, even for a guessable name. A redaction is itself committed to by the
 * erasure's own event (`event_redactions`, see queries/audit.ts).
 *
 * The existing chain is converted here, after it is checked link by link as it was hashed until now: rows from a
 * first broken link on keep their old hashes, so the break stays where it was found. The old head is recorded.
 * The hash functions are copied here on purpose: a migration must mean the same thing for ever.
 */
const SEP = '\u001f';
const GENESIS = '0'.repeat(64);

type Row = {
  id: number;
  ticket_id: number | null;
  at: string;
  actor: string;
  kind: string;
  data: string;
  prev_hash: string;
  hash: string;
};

const v1Hash = (row: Row) =>
  createHash('sha256')
    .update([row.prev_hash, row.id, row.ticket_id ?? '', row.at, row.actor, row.kind, row.data].join(SEP))
    .digest('hex');
const mac = (salt: Buffer, actor: string, data: string) =>
  createHash('sha256').update(salt).update(`${actor}${SEP}${data}`).digest('hex');
const v2Hash = (prev: string, row: Row, dataMac: string) =>
  createHash('sha256')
    .update(['v2', prev, row.id, row.ticket_id ?? '', row.at, row.kind, dataMac].join(SEP))
    .digest('hex');

function convertChain(db: DatabaseSync): void {
  const head = db.prepare('SELECT event_id, hash FROM audit_head WHERE id = 1').get() as
    { event_id: number; hash: string } | undefined;
  if (!head) return;
  const update = db.prepare(
    'UPDATE events SET chain = 2, salt = ?, data_mac = ?, prev_hash = ?, hash = ? WHERE id = ?',
  );
  const batch = db.prepare('SELECT * FROM events WHERE id > ? AND id <= ? ORDER BY id LIMIT 2000');
  let expectedV1 = GENESIS;
  let newPrev = GENESIS;
  let lastId = 0;
  let converted = 0;
  let intact = true;
  for (let rows = batch.all(0, head.event_id) as Row[]; rows.length && intact;) {
    const salts = randomBytes(16 * rows.length);
    rows.forEach((row, index) => {
      if (!intact) return;
      if (row.prev_hash !== expectedV1 || v1Hash(row) !== row.hash) {
        intact = false;
        return;
      }
      expectedV1 = row.hash;
      const salt = salts.subarray(index * 16, index * 16 + 16);
      const dataMac = mac(salt, row.actor, row.data);
      const hash = v2Hash(newPrev, row, dataMac);
      update.run(salt, dataMac, newPrev, hash, row.id);
      newPrev = hash;
      lastId = row.id;
      converted += 1;
    });
    rows = batch.all(lastId, head.event_id) as Row[];
  }
  // The head moves only over an intact chain; after a break it stays, and the walk reports the break.
  if (!intact || lastId !== head.event_id) return;
  db.prepare('UPDATE audit_head SET hash = ? WHERE id = 1').run(newPrev);
  const at = new Date().toISOString();
  const row: Row = {
    id: head.event_id + 1,
    ticket_id: null,
    at,
    actor: 'Leitstand',
    kind: 'audit.chainUpgraded',
    data: JSON.stringify({ previousHead: head.hash, converted }),
    prev_hash: newPrev,
    hash: '',
  };
  const salt = randomBytes(16);
  const dataMac = mac(salt, row.actor, row.data);
  const hash = v2Hash(newPrev, row, dataMac);
  db.prepare(
    `INSERT INTO events (id, ticket_id, at, actor, kind, data, prev_hash, hash, chain, salt, data_mac)
     VALUES (?, NULL, ?, ?, ?, ?, ?, ?, 2, ?, ?)`,
  ).run(row.id, at, row.actor, row.kind, row.data, newPrev, hash, salt, dataMac);
  db.prepare('UPDATE audit_head SET event_id = ?, hash = ? WHERE id = 1').run(row.id, hash);
}

export const migration011: Migration = {
  version: 11,
  name: 'Event chain without personal data in the clear; erasure records',
  up: `
    ALTER TABLE events ADD COLUMN chain INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE events ADD COLUMN salt BLOB;
    ALTER TABLE events ADD COLUMN data_mac TEXT;

    -- An event whose actor and data an erasure rewrote: the digest of what it then held, committed to by the
    -- erasure's own event. An event
    -- erased again later gets a second row; the newest one is what it holds now.
    CREATE TABLE event_redactions (
      event_id INTEGER NOT NULL REFERENCES events (id),
      erasure_id INTEGER NOT NULL,
      digest TEXT NOT NULL,
      PRIMARY KEY (event_id, erasure_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX event_redactions_erasure ON event_redactions (erasure_id, event_id);

    -- Each erasure: who, when, on what legal basis, how much — never what was erased.
    CREATE TABLE privacy_erasures (
      id INTEGER PRIMARY KEY,
      event_id INTEGER NOT NULL REFERENCES events (id),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      pseudonym TEXT NOT NULL,
      basis TEXT NOT NULL,
      scope TEXT NOT NULL,
      counts TEXT NOT NULL,
      backups_until TEXT
    ) STRICT;

    -- The requester of this ticket was pseudonymised (erasure or retention): never again by retention.
    ALTER TABLE tickets ADD COLUMN requester_erased INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE attachments ADD COLUMN erased_at TEXT;
    ALTER TABLE escalations ADD COLUMN files_erased_at TEXT;
  `,
  run: convertChain,
};
