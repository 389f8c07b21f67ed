import type { Migration } from './types';

/**
 * E-mail in and out: the IT mailboxes (no passwords: those live in the OS keychain), each folder's position
 * (UIDVALIDITY and last UID, written in the transaction that takes the mail), every mail seen or sent by
 * Message-ID (threading, duplicates, the sender limit), the durable outbox, mails held for review, and the
 * tickets taken in without first-contact answers ("needs triage").
 */
export const migration020: Migration = {
  version: 20,
  name: 'Mail',
  up: `
ALTER TABLE tickets ADD COLUMN needs_triage INTEGER NOT NULL DEFAULT 0 CHECK (needs_triage IN (0, 1));
CREATE INDEX tickets_needs_triage ON tickets (created_at, id) WHERE needs_triage = 1;
CREATE TABLE mail_accounts (
  id INTEGER PRIMARY KEY,
  content TEXT NOT NULL,
  has_password INTEGER NOT NULL DEFAULT 0,
  last_poll_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE mail_cursors (
  account_id INTEGER NOT NULL REFERENCES mail_accounts(id) ON DELETE CASCADE,
  folder TEXT NOT NULL,
  uid_validity INTEGER NOT NULL,
  last_uid INTEGER NOT NULL,
  PRIMARY KEY (account_id, folder)
) STRICT, WITHOUT ROWID;
CREATE TABLE mail_messages (
  id INTEGER PRIMARY KEY,
  message_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
  sender TEXT NOT NULL,
  outcome TEXT NOT NULL,
  at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX mail_messages_unique ON mail_messages (direction, message_id);
CREATE INDEX mail_messages_sender ON mail_messages (sender, at) WHERE direction = 'in';
CREATE TABLE mail_outbox (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
  account_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('reply', 'acknowledgement', 'packet')),
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  message_id TEXT NOT NULL UNIQUE,
  in_reply_to TEXT NOT NULL DEFAULT '',
  refs TEXT NOT NULL DEFAULT '[]',
  attachments TEXT NOT NULL DEFAULT '[]',
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
) STRICT;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE state IN ('queued', 'sending', 'failed');
CREATE INDEX mail_outbox_ticket ON mail_outbox (ticket_id);
CREATE INDEX mail_outbox_acks ON mail_outbox (to_address, created_at) WHERE kind = 'acknowledgement';
CREATE TABLE mail_held (
  id INTEGER PRIMARY KEY,
  account_id INTEGER,
  from_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  reason TEXT NOT NULL,
  mail TEXT NOT NULL,
  source TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE TABLE mail_settings (id INTEGER PRIMARY KEY CHECK (id = 1), content TEXT NOT NULL) STRICT;
`,
};
