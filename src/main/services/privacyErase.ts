import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ErasureRecord } from '../../shared/contract/privacy';
import { keptAtMostUntil } from '../../shared/domain/backups';
import { pseudonymiseText, pseudonymiseValue } from '../../shared/domain/privacy';
import { appendEvent, redactedDigest, redactionSetDigest } from '../queries/audit';
import { readBackupConfig } from '../queries/backups';
import { indexTicketText } from '../queries/ticketSearch';
import type { Db } from '../store/database';
import { sql } from '../store/statements';
import { blobPath } from './ticketAttachments';

/** One person to pseudonymise: what identifies them, what replaces it, and where. */
export type ErasureGroup = {
  identifiers: string[];
  pseudonym: string;
  /** `requester`: the ticket's requester fields are theirs (cleared), and its attachments and packets go. */
  tickets: { id: number; requester: boolean }[];
  eventIds: number[];
  personId: number | null;
};

export type ErasurePlan = {
  groups: ErasureGroup[];
  basis: string;
  scope: ErasureRecord['scope'];
  keepAttachments: boolean;
  at: string;
  actor: string;
};

type Counts = ErasureRecord['counts'];

const rewriteJson = (json: string, words: readonly string[], pseudonym: string) =>
  JSON.stringify(pseudonymiseValue(JSON.parse(json), words, pseudonym));

function rewriteJsonOrText(value: string, words: readonly string[], pseudonym: string): string {
  try {
    return rewriteJson(value, words, pseudonym);
  } catch {
    return pseudonymiseText(value, words, pseudonym);
  }
}

/** Column names come from the table itself (PRAGMA-free: from the row's own keys), quoted as identifiers. */
const quoteColumn = (name: string) => `"${name.replace(/"/g, '""')}"`;

function eraseGroup(db: Db, group: ErasureGroup, plan: ErasurePlan, counts: Counts): void {
  const { identifiers: words, pseudonym } = group;
  const text = (value: string) => pseudonymiseText(value, words, pseudonym);
  for (const { id, requester } of group.tickets) {
    const row = sql(db, 'SELECT * FROM tickets WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    if (!row) continue;
    counts.tickets += 1;
    // Every text of the ticket (title, description, first contact, triage reasons, resolution, …), JSON kept valid.
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string' || !value) continue;
      const rewritten = /^[[{]/.test(value) ? rewriteJsonOrText(value, words, pseudonym) : text(value);
      if (rewritten !== value) sql(db, `UPDATE tickets SET ${quoteColumn(column)} = ? WHERE id = ?`).run(rewritten, id);
    }
    if (requester)
      sql(
        db,
        `UPDATE tickets SET requester_name = ?, requester_email = '', requester_phone = '', requester_person_id = 0,
           requester_erased = 1 WHERE id = ?`,
      ).run(pseudonym, id);
    for (const note of sql(db, 'SELECT id, body FROM notes WHERE ticket_id = ?').all(id) as {
      id: number;
      body: string;
    }[]) {
      const body = text(note.body);
      if (body !== note.body) {
        sql(db, 'UPDATE notes SET body = ? WHERE id = ?').run(body, note.id);
        counts.notes += 1;
      }
    }
    for (const a of sql(db, 'SELECT id, file_name FROM attachments WHERE ticket_id = ? AND erased_at IS NULL').all(
      id,
    ) as {
      id: number;
      file_name: string;
    }[]) {
      if (requester && !plan.keepAttachments) {
        sql(db, "UPDATE attachments SET file_name = 'gelöscht', erased_at = ? WHERE id = ?").run(plan.at, a.id);
        counts.attachments += 1;
      } else if (text(a.file_name) !== a.file_name) {
        sql(db, 'UPDATE attachments SET file_name = ? WHERE id = ?').run(text(a.file_name), a.id);
      }
    }
    for (const run of sql(db, 'SELECT id, variables FROM checklist_runs WHERE ticket_id = ?').all(id) as {
      id: number;
      variables: string;
    }[]) {
      sql(db, 'UPDATE checklist_runs SET variables = ? WHERE id = ?').run(
        rewriteJson(run.variables, words, pseudonym),
        run.id,
      );
      for (const step of sql(db, "SELECT step_id, note FROM checklist_steps WHERE run_id = ? AND note != ''").all(
        run.id,
      ) as {
        step_id: string;
        note: string;
      }[])
        sql(db, 'UPDATE checklist_steps SET note = ? WHERE run_id = ? AND step_id = ?').run(
          text(step.note),
          run.id,
          step.step_id,
        );
    }
    for (const e of sql(db, 'SELECT id, included, redactions FROM escalations WHERE ticket_id = ?').all(id) as {
      id: number;
      included: string;
      redactions: string;
    }[]) {
      sql(
        db,
        'UPDATE escalations SET included = ?, redactions = ?, files_erased_at = coalesce(files_erased_at, ?) WHERE id = ?',
      ).run(
        rewriteJson(e.included, words, pseudonym),
        rewriteJson(e.redactions, words, pseudonym),
        requester ? plan.at : null,
        e.id,
      );
      counts.escalations += 1;
    }
  }
  if (group.personId !== null) {
    const person = sql(db, 'SELECT data FROM directory_people WHERE id = ?').get(group.personId) as
      { data: string } | undefined;
    if (person) {
      const data = JSON.parse(person.data) as Record<string, unknown>;
      const cleared = {
        ...data,
        name: pseudonym,
        email: '',
        phone: '',
        location: '',
        role: '',
        notes: '',
        active: false,
        vip: false,
      };
      sql(
        db,
        "UPDATE directory_people SET data = ?, search = '', email_key = NULL, removed = 1, updated_at = ? WHERE id = ?",
      ).run(JSON.stringify(cleared), plan.at, group.personId);
      sql(db, "DELETE FROM ticket_links WHERE kind = 'person' AND ref_id = ?").run(group.personId);
      counts.people += 1;
    }
  }
  for (const table of ['directory_systems', 'directory_departments'] as const)
    for (const row of sql(db, `SELECT id, data FROM ${table}`).all() as { id: number; data: string }[]) {
      const data = rewriteJson(row.data, words, pseudonym);
      if (data !== row.data) sql(db, `UPDATE ${table} SET data = ? WHERE id = ?`).run(data, row.id);
    }
  // The log: actor and data rewritten, the salt destroyed, what it holds now recorded (committed to below).
  for (const id of group.eventIds) {
    const row = sql(db, 'SELECT actor, data FROM events WHERE id = ?').get(id) as { actor: string; data: string };
    const actor = text(row.actor);
    const data = rewriteJson(row.data, words, pseudonym);
    sql(db, 'UPDATE events SET actor = ?, data = ?, salt = NULL WHERE id = ?').run(actor, data, id);
    sql(db, 'INSERT OR REPLACE INTO event_redactions (event_id, erasure_id, digest) VALUES (?, -1, ?)').run(
      id,
      redactedDigest(actor, data),
    );
    counts.events += 1;
  }
  eraseMail(db, group, text);
  for (const { id } of group.tickets) indexTicketText(db, id);
}

/**
 * The person in the mail tables: their address as a sender of mails seen, the outbox's mails to them (address,
 * subject, text), and mails of theirs held for review (deleted: a held mail is all theirs and no ticket yet).
 */
function eraseMail(db: Db, group: ErasureGroup, text: (value: string) => string): void {
  const requesterOf = new Set(group.tickets.filter((t) => t.requester).map((t) => t.id));
  for (const row of sql(db, 'SELECT id, sender FROM mail_messages').all() as { id: number; sender: string }[]) {
    const sender = text(row.sender);
    if (sender !== row.sender) sql(db, 'UPDATE mail_messages SET sender = ? WHERE id = ?').run(sender, row.id);
  }
  for (const row of sql(db, 'SELECT id, ticket_id, to_address, subject, body FROM mail_outbox').all() as {
    id: number;
    ticket_id: number | null;
    to_address: string;
    subject: string;
    body: string;
  }[]) {
    const toRequester = row.ticket_id !== null && requesterOf.has(row.ticket_id);
    const next = [toRequester ? group.pseudonym : text(row.to_address), text(row.subject), text(row.body)];
    if (next[0] !== row.to_address || next[1] !== row.subject || next[2] !== row.body)
      sql(db, 'UPDATE mail_outbox SET to_address = ?, subject = ?, body = ? WHERE id = ?').run(...next, row.id);
  }
  for (const row of sql(db, 'SELECT id, from_address, mail FROM mail_held').all() as {
    id: number;
    from_address: string;
    mail: string;
  }[])
    if (text(row.from_address) !== row.from_address || text(row.mail) !== row.mail)
      sql(db, 'DELETE FROM mail_held WHERE id = ?').run(row.id);
}

/**
 * Pseudonymises every group in one transaction (call inside `ctx.write`) and logs the erasure itself: who, when,
 * on what basis, how much, and the commitment to every event it rewrote — none of the erased data.
 */
export function applyErasure(db: Db, plan: ErasurePlan): ErasureRecord {
  const counts: Counts = { tickets: 0, notes: 0, events: 0, attachments: 0, escalations: 0, people: 0 };
  for (const group of plan.groups) eraseGroup(db, group, plan, counts);
  // Old index segments still hold the words until merged; merged, the freed pages are zeroed (secure_delete).
  sql(db, "INSERT INTO tickets_fts (tickets_fts) VALUES ('optimize')").run();
  sql(db, "INSERT INTO tickets_open_fts (tickets_open_fts) VALUES ('optimize')").run();
  const made = sql(
    db,
    'SELECT event_id, digest FROM event_redactions WHERE erasure_id = -1 ORDER BY event_id',
  ).all() as {
    event_id: number;
    digest: string;
  }[];
  const config = readBackupConfig(db);
  const backupsUntil = config.enabled ? keptAtMostUntil(plan.at, config.keep).toISOString() : null;
  const pseudonym = plan.groups.length === 1 ? (plan.groups[0]?.pseudonym ?? '') : `${plan.groups.length}`;
  const eventId = appendEvent(db, {
    ticketId: null,
    at: plan.at,
    actor: plan.actor,
    kind: 'privacy.erased',
    data: {
      scope: plan.scope,
      pseudonym,
      basis: plan.basis,
      counts,
      backupsUntil,
      redactionsDigest: redactionSetDigest(made),
    },
  });
  sql(db, 'UPDATE event_redactions SET erasure_id = ? WHERE erasure_id = -1').run(eventId);
  const id = Number(
    sql(
      db,
      `INSERT INTO privacy_erasures (event_id, at, actor, pseudonym, basis, scope, counts, backups_until)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).get(eventId, plan.at, plan.actor, pseudonym, plan.basis, plan.scope, JSON.stringify(counts), backupsUntil)?.id,
  );
  return {
    id,
    eventId,
    at: plan.at,
    actor: plan.actor,
    pseudonym,
    basis: plan.basis,
    scope: plan.scope,
    counts,
    backupsUntil,
  };
}

/** Deletes the files of erased rows (after the commit; again at every erasure and retention run). */
export function sweepErasedFiles(db: Db, dataDir: string): void {
  const blobs = sql(
    db,
    `SELECT DISTINCT a.sha256 FROM attachments a WHERE a.erased_at IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM attachments b WHERE b.sha256 = a.sha256 AND b.erased_at IS NULL)`,
  ).all() as { sha256: string }[];
  for (const { sha256 } of blobs) rmSync(blobPath(dataDir, sha256), { force: true });
  const packets = sql(db, 'SELECT packet_file, eml_file FROM escalations WHERE files_erased_at IS NOT NULL').all() as {
    packet_file: string;
    eml_file: string;
  }[];
  for (const p of packets)
    for (const file of [p.packet_file, p.eml_file])
      if (file && existsSync(join(dataDir, file))) rmSync(join(dataDir, file), { force: true });
}

/**
 * Leaves nothing of the erased data in the file: the WAL folded in and emptied, the database rebuilt without free
 * pages (VACUUM), the WAL emptied again. Returns whether the WAL could be emptied (a reader may hold it briefly).
 */
export function compactAfterErasure(db: Db): boolean {
  const fold = () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number };
      if (result.busy === 0) return true;
    }
    return false;
  };
  fold();
  db.exec('VACUUM');
  return fold();
}
