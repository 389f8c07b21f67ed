import {
  mailSettingsSchema,
  type HeldMail,
  type MailAccount,
  type MailSettings,
  type OutboxItem,
  type OutboxMessage,
} from '../../shared/domain/mail';
import type { Db } from '../store/database';
import { sql } from '../store/statements';

export type AccountFields = Omit<
  MailAccount,
  'id' | 'hasPassword' | 'lastPollAt' | 'lastError' | 'createdAt' | 'updatedAt'
>;

type AccountRow = {
  id: number;
  content: string;
  has_password: number;
  last_poll_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
};
const rowToAccount = (row: AccountRow): MailAccount => ({
  ...(JSON.parse(row.content) as AccountFields),
  id: row.id,
  hasPassword: row.has_password === 1,
  lastPollAt: row.last_poll_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const listAccounts = (db: Db): MailAccount[] =>
  (sql(db, 'SELECT * FROM mail_accounts ORDER BY id').all() as AccountRow[]).map(rowToAccount);

export function findAccount(db: Db, id: number): MailAccount | undefined {
  const row = sql(db, 'SELECT * FROM mail_accounts WHERE id = ?').get(id) as AccountRow | undefined;
  return row ? rowToAccount(row) : undefined;
}

export function saveAccount(db: Db, id: number | undefined, fields: AccountFields, hasPassword: boolean, at: string) {
  if (id === undefined)
    return (
      sql(
        db,
        `INSERT INTO mail_accounts (content, has_password, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id`,
      ).get(JSON.stringify(fields), hasPassword ? 1 : 0, at, at) as { id: number }
    ).id;
  sql(db, 'UPDATE mail_accounts SET content = ?, has_password = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(fields),
    hasPassword ? 1 : 0,
    at,
    id,
  );
  return id;
}

export const removeAccount = (db: Db, id: number) => sql(db, 'DELETE FROM mail_accounts WHERE id = ?').run(id);

export const setPolled = (db: Db, id: number, at: string, error: string | null) =>
  sql(db, 'UPDATE mail_accounts SET last_poll_at = ?, last_error = ? WHERE id = ?').run(at, error, id);

export function readCursor(db: Db, accountId: number, folder: string) {
  const row = sql(db, 'SELECT uid_validity, last_uid FROM mail_cursors WHERE account_id = ? AND folder = ?').get(
    accountId,
    folder,
  ) as { uid_validity: number; last_uid: number } | undefined;
  return row ? { uidValidity: row.uid_validity, lastUid: row.last_uid } : null;
}

/** Moves a folder's position forward (never back within one UIDVALIDITY); a new UIDVALIDITY starts over. */
export function advanceCursor(db: Db, accountId: number, folder: string, uidValidity: number, uid: number) {
  sql(
    db,
    `INSERT INTO mail_cursors (account_id, folder, uid_validity, last_uid) VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, folder) DO UPDATE SET
       last_uid = CASE WHEN uid_validity = excluded.uid_validity THEN max(last_uid, excluded.last_uid)
                       ELSE excluded.last_uid END,
       uid_validity = excluded.uid_validity`,
  ).run(accountId, folder, uidValidity, uid);
}

export function ticketOfMessage(db: Db, messageId: string): number | undefined {
  const row = sql(
    db,
    'SELECT ticket_id FROM mail_messages WHERE message_id = ? AND ticket_id IS NOT NULL ORDER BY id DESC LIMIT 1',
  ).get(messageId) as { ticket_id: number } | undefined;
  return row?.ticket_id;
}

export const seenIncoming = (db: Db, messageId: string): boolean =>
  sql(db, "SELECT 1 FROM mail_messages WHERE direction = 'in' AND message_id = ?").get(messageId) !== undefined;

export function recordMessage(
  db: Db,
  m: { messageId: string; direction: 'in' | 'out'; ticketId: number | null; sender: string; outcome: string },
  at: string,
) {
  sql(
    db,
    `INSERT INTO mail_messages (message_id, direction, ticket_id, sender, outcome, at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (direction, message_id) DO NOTHING`,
  ).run(m.messageId, m.direction, m.ticketId, m.sender, m.outcome, at);
}

export const recentFromSender = (db: Db, sender: string, since: string): number =>
  (
    sql(db, "SELECT count(*) AS n FROM mail_messages WHERE direction = 'in' AND sender = ? AND at >= ?").get(
      sender,
      since,
    ) as { n: number }
  ).n;

export function lastAcknowledgement(db: Db, address: string): string | null {
  const row = sql(
    db,
    "SELECT max(created_at) AS at FROM mail_outbox WHERE kind = 'acknowledgement' AND to_address = ?",
  ).get(address) as { at: string | null };
  return row.at;
}

type OutboxRow = {
  id: number;
  ticket_id: number | null;
  account_id: number;
  kind: OutboxItem['kind'];
  to_address: string;
  subject: string;
  body: string;
  message_id: string;
  in_reply_to: string;
  refs: string;
  attachments: string;
  state: OutboxItem['state'];
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
};
const rowToOutbox = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  ticketId: row.ticket_id,
  accountId: row.account_id,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  messageId: row.message_id,
  state: row.state,
  attempts: row.attempts,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

export type NewOutbox = {
  ticketId: number | null;
  accountId: number;
  kind: OutboxItem['kind'];
  to: string;
  subject: string;
  body: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
  attachments: OutboxMessage['attachments'];
};

export function insertOutbox(db: Db, m: NewOutbox, at: string): OutboxItem {
  const row = sql(
    db,
    `INSERT INTO mail_outbox (ticket_id, account_id, kind, to_address, subject, body, message_id, in_reply_to, refs,
       attachments, state, next_attempt_at, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?) RETURNING *`,
  ).get(
    m.ticketId,
    m.accountId,
    m.kind,
    m.to,
    m.subject,
    m.body,
    m.messageId,
    m.inReplyTo,
    JSON.stringify(m.references),
    JSON.stringify(m.attachments),
    at,
    at,
  ) as OutboxRow;
  return rowToOutbox(row);
}

export function findOutbox(db: Db, id: number): OutboxItem | undefined {
  const row = sql(db, 'SELECT * FROM mail_outbox WHERE id = ?').get(id) as OutboxRow | undefined;
  return row ? rowToOutbox(row) : undefined;
}

export function listOutbox(db: Db, ticketId: number | undefined, limit: number): OutboxItem[] {
  const rows =
    ticketId === undefined
      ? sql(db, 'SELECT * FROM mail_outbox ORDER BY id DESC LIMIT ?').all(limit)
      : sql(db, 'SELECT * FROM mail_outbox WHERE ticket_id = ? ORDER BY id DESC LIMIT ?').all(ticketId, limit);
  return (rows as OutboxRow[]).map(rowToOutbox);
}

/**
 * The mails due now, marked as being sent. One left "sending" by a process that died is due again once its
 * retry time has passed (the claim sets it), so a crash between sending and marking sends it again, with the same
 * Message-ID: never lost, at worst twice, and the receiving client shows it once.
 */
export function claimDue(db: Db, now: string, retryAt: string, limit: number, from: (accountId: number) => string) {
  const rows = sql(
    db,
    `SELECT * FROM mail_outbox WHERE state IN ('queued', 'sending', 'failed') AND next_attempt_at <= ?
     ORDER BY next_attempt_at, id LIMIT ?`,
  ).all(now, limit) as OutboxRow[];
  const claim = sql(db, "UPDATE mail_outbox SET state = 'sending', next_attempt_at = ? WHERE id = ?");
  return rows.map((row): OutboxMessage => {
    claim.run(retryAt, row.id);
    return {
      ...rowToOutbox(row),
      state: 'sending',
      nextAttemptAt: retryAt,
      from: from(row.account_id),
      body: row.body,
      inReplyTo: row.in_reply_to,
      references: JSON.parse(row.refs) as string[],
      automatic: row.kind === 'acknowledgement',
      attachments: JSON.parse(row.attachments) as OutboxMessage['attachments'],
    };
  });
}

export function markOutbox(db: Db, id: number, result: { sentAt: string } | { error: string; nextAt: string | null }) {
  if ('sentAt' in result)
    sql(
      db,
      "UPDATE mail_outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL, next_attempt_at = NULL WHERE id = ?",
    ).run(result.sentAt, id);
  else
    sql(
      db,
      "UPDATE mail_outbox SET state = 'failed', attempts = attempts + 1, last_error = ?, next_attempt_at = ? WHERE id = ?",
    ).run(result.error, result.nextAt, id);
}

export const retryOutbox = (db: Db, id: number, at: string) =>
  sql(db, "UPDATE mail_outbox SET state = 'queued', next_attempt_at = ? WHERE id = ? AND state <> 'sent'").run(at, id);

type HeldRow = {
  id: number;
  account_id: number | null;
  from_address: string;
  subject: string;
  reason: string;
  mail: string;
  source: string;
  received_at: string;
};
const rowToHeld = (row: HeldRow): HeldMail => ({
  id: row.id,
  accountId: row.account_id,
  fromAddress: row.from_address,
  subject: row.subject,
  reason: row.reason,
  receivedAt: row.received_at,
});

export function insertHeld(db: Db, held: Omit<HeldMail, 'id'> & { mail: unknown; source: unknown }): number {
  return (
    sql(
      db,
      `INSERT INTO mail_held (account_id, from_address, subject, reason, mail, source, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).get(
      held.accountId,
      held.fromAddress,
      held.subject,
      held.reason,
      JSON.stringify(held.mail),
      JSON.stringify(held.source),
      held.receivedAt,
    ) as { id: number }
  ).id;
}

export const listHeld = (db: Db): HeldMail[] =>
  (sql(db, 'SELECT * FROM mail_held ORDER BY id DESC LIMIT 500').all() as HeldRow[]).map(rowToHeld);

export function findHeld(db: Db, id: number) {
  const row = sql(db, 'SELECT * FROM mail_held WHERE id = ?').get(id) as HeldRow | undefined;
  return row
    ? { held: rowToHeld(row), mail: JSON.parse(row.mail) as unknown, source: JSON.parse(row.source) as unknown }
    : undefined;
}

export const deleteHeld = (db: Db, id: number) => sql(db, 'DELETE FROM mail_held WHERE id = ?').run(id);

export function readMailSettings(db: Db): MailSettings {
  const row = sql(db, 'SELECT content FROM mail_settings WHERE id = 1').get() as { content: string } | undefined;
  const parsed = mailSettingsSchema.safeParse(row ? JSON.parse(row.content) : {});
  return parsed.success ? parsed.data : mailSettingsSchema.parse({});
}

export const writeMailSettings = (db: Db, settings: MailSettings) =>
  sql(
    db,
    'INSERT INTO mail_settings (id, content) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET content = excluded.content',
  ).run(JSON.stringify(settings));

export function ticketByNumber(db: Db, number: string): number | undefined {
  const row = sql(db, 'SELECT id FROM tickets WHERE number = ?').get(number) as { id: number } | undefined;
  return row?.id;
}

/** The ticket a provider's reference (their ticket number, from their tag) was recorded on. */
export function ticketOfProviderReference(db: Db, providerId: string, reference: string): number | undefined {
  const row = sql(
    db,
    'SELECT ticket_id FROM escalations WHERE provider_id = ? AND reference = ? ORDER BY id DESC LIMIT 1',
  ).get(providerId, reference) as { ticket_id: number } | undefined;
  return row?.ticket_id;
}

/** The Message-IDs of a ticket's mails (the last 20), oldest first: a reply's References. */
export const threadOfTicket = (db: Db, ticketId: number): string[] =>
  (
    sql(db, 'SELECT message_id FROM mail_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT 20').all(ticketId) as {
      message_id: string;
    }[]
  )
    .map((row) => row.message_id)
    .reverse();

/** Forgets that a mail was held (it is taken in now, which records it anew). */
export const forgetHeldMessage = (db: Db, messageId: string) =>
  sql(db, "DELETE FROM mail_messages WHERE direction = 'in' AND outcome = 'held' AND message_id = ?").run(messageId);
