import type { Migration } from './types';

/**
 * Managed-service providers and the escalations sent to them: what left the house (hashes of packet and mail,
 * what was included and redacted), the provider's reference, and when it first reacted (its own clock).
 */
export const migration005: Migration = {
  version: 5,
  name: 'MSP directory and escalations',
  up: `
    CREATE TABLE msp_providers (
      id TEXT PRIMARY KEY,
      data TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE escalations (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      provider_id TEXT NOT NULL REFERENCES msp_providers (id),
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('initial', 'update')),
      packet_sha256 TEXT NOT NULL,
      eml_sha256 TEXT NOT NULL,
      packet_file TEXT NOT NULL,
      eml_file TEXT NOT NULL,
      included TEXT NOT NULL,
      redactions TEXT NOT NULL,
      reference TEXT,
      reacted_at TEXT,
      /** Follow-up reminders raised (0 none, 1 reaction late, 2 resolution late too): once each. */
      reminded INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX escalations_ticket ON escalations (ticket_id, id);
  `,
};
