import type { Migration } from './types';

/**
 * Monitoring: checks of the directory's systems, their tracked state, raw runs (kept 7 days), hourly aggregates
 * (kept 13 months) and maintenance windows. A check's incident is a ticket; the state row points at it.
 */
export const migration017: Migration = {
  version: 17,
  name: 'Monitoring',
  up: `
CREATE TABLE monitoring_checks (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL REFERENCES directory_systems(id) ON DELETE CASCADE,
  content TEXT NOT NULL,
  secret TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX monitoring_checks_system ON monitoring_checks (system_id);
CREATE TABLE monitoring_state (
  check_id INTEGER PRIMARY KEY REFERENCES monitoring_checks(id) ON DELETE CASCADE,
  tracked TEXT NOT NULL,
  last_at TEXT,
  last_outcome TEXT,
  last_message TEXT NOT NULL DEFAULT '',
  last_latency INTEGER,
  last_beat_at TEXT,
  cert_expires_at TEXT,
  ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL,
  ticket_event_id INTEGER,
  cert_ticket_id INTEGER REFERENCES tickets(id) ON DELETE SET NULL
) STRICT;
CREATE TABLE monitoring_samples (
  check_id INTEGER NOT NULL REFERENCES monitoring_checks(id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  outcome TEXT NOT NULL,
  latency_ms INTEGER,
  message TEXT NOT NULL
) STRICT;
CREATE INDEX monitoring_samples_check_at ON monitoring_samples (check_id, at);
CREATE INDEX monitoring_samples_at ON monitoring_samples (at);
CREATE TABLE monitoring_hours (
  check_id INTEGER NOT NULL REFERENCES monitoring_checks(id) ON DELETE CASCADE,
  hour TEXT NOT NULL,
  runs INTEGER NOT NULL,
  good INTEGER NOT NULL,
  latency_sum INTEGER NOT NULL,
  latency_runs INTEGER NOT NULL,
  latency_max INTEGER,
  PRIMARY KEY (check_id, hour)
) STRICT, WITHOUT ROWID;
CREATE INDEX monitoring_hours_hour ON monitoring_hours (hour);
CREATE TABLE monitoring_maintenance (
  id INTEGER PRIMARY KEY,
  system_id INTEGER NOT NULL DEFAULT 0,
  content TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
