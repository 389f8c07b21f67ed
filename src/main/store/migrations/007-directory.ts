import type { Migration } from './types';

/**
 * The company directory: people, departments and systems, and which tickets name which person and systems.
 * Records are removed softly (removed = 1): tickets keep the names they were filed with, and the history stays
 * readable. `search` holds the folded words a record is found by (name, e-mail, phone, …; umlauts both ways).
 */
export const migration007: Migration = {
  version: 7,
  name: 'Company directory',
  up: `
    CREATE TABLE directory_people (
      id INTEGER PRIMARY KEY,
      email_key TEXT,
      data TEXT NOT NULL,
      search TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX directory_people_email ON directory_people (email_key)
      WHERE email_key IS NOT NULL AND removed = 0;

    CREATE TABLE directory_departments (
      id INTEGER PRIMARY KEY,
      name_key TEXT NOT NULL,
      data TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX directory_departments_name ON directory_departments (name_key) WHERE removed = 0;

    CREATE TABLE directory_systems (
      id INTEGER PRIMARY KEY,
      name_key TEXT NOT NULL,
      data TEXT NOT NULL,
      search TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX directory_systems_name ON directory_systems (name_key) WHERE removed = 0;

    -- The person of the directory a ticket's requester was picked as (0: typed in).
    ALTER TABLE tickets ADD COLUMN requester_person_id INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE ticket_links (
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      kind TEXT NOT NULL CHECK (kind IN ('person', 'system')),
      ref_id INTEGER NOT NULL,
      PRIMARY KEY (ticket_id, kind, ref_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX ticket_links_ref ON ticket_links (kind, ref_id, ticket_id);
  `,
};
