import type { Migration } from './types';

export const migration001: Migration = {
  version: 1,
  name: 'initial schema: tickets, notes, attachments, hash-chained events, settings, search index',
  up: `
    CREATE TABLE tickets (
      id INTEGER PRIMARY KEY,
      number TEXT NOT NULL UNIQUE,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      title TEXT NOT NULL,
      description TEXT NOT NULL,
      channel TEXT NOT NULL,
      requester_name TEXT NOT NULL,
      requester_department TEXT NOT NULL,
      requester_phone TEXT NOT NULL,
      requester_email TEXT NOT NULL,
      first_contact TEXT NOT NULL,
      impact TEXT NOT NULL,
      urgency TEXT NOT NULL,
      priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 4),
      triage TEXT NOT NULL,
      status TEXT NOT NULL,
      is_open INTEGER GENERATED ALWAYS AS (status NOT IN ('resolved', 'closed')) VIRTUAL,
      tier TEXT NOT NULL,
      category TEXT,
      assignee TEXT,
      resolution TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      resolved_at TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      UNIQUE (year, seq)
    ) STRICT;
    CREATE INDEX tickets_priority ON tickets (priority, id);
    CREATE INDEX tickets_open_priority ON tickets (is_open, priority, id);
    CREATE INDEX tickets_status_priority ON tickets (status, priority, id);
    CREATE INDEX tickets_updated ON tickets (updated_at, id);
    CREATE INDEX tickets_category ON tickets (category, priority, id);

    CREATE TABLE ticket_counters (year INTEGER PRIMARY KEY, last INTEGER NOT NULL) STRICT;

    CREATE TABLE notes (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      kind TEXT NOT NULL CHECK (kind IN ('note', 'reply')),
      body TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX notes_ticket ON notes (ticket_id, id);

    CREATE TABLE attachments (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      author TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX attachments_ticket ON attachments (ticket_id, id);

    CREATE TABLE events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      ticket_id INTEGER REFERENCES tickets (id),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      kind TEXT NOT NULL,
      data TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;
    CREATE INDEX events_ticket ON events (ticket_id, id);
    CREATE TABLE audit_head (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      event_id INTEGER NOT NULL,
      hash TEXT NOT NULL
    ) STRICT;

    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    CREATE VIRTUAL TABLE tickets_fts USING fts5 (
      number, title, body,
      tokenize = 'unicode61 remove_diacritics 2',
      prefix = '2 3'
    );
  `,
};
