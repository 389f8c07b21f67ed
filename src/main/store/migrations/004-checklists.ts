import type { Migration } from './types';

/**
 * Runbook checklists. Shipped templates live in code and get a row only once edited or removed here (so a later
 * version of Leitstand can improve them and "restore" brings back the shipped text). A run copies its template
 * (with version) so later edits never change a running checklist; each step's state is one row.
 */
export const migration004: Migration = {
  version: 4,
  name: 'checklist templates, runs and step states',
  up: `
    CREATE TABLE checklist_templates (
      key TEXT NOT NULL,
      language TEXT NOT NULL,
      version INTEGER NOT NULL,
      origin TEXT NOT NULL CHECK (origin IN ('seeded', 'custom')),
      removed INTEGER NOT NULL DEFAULT 0,
      data TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (key, language)
    ) STRICT;

    CREATE TABLE checklist_runs (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets (id),
      template_key TEXT NOT NULL,
      language TEXT NOT NULL,
      template_version INTEGER NOT NULL,
      template TEXT NOT NULL,
      variables TEXT NOT NULL,
      started_at TEXT NOT NULL,
      started_by TEXT NOT NULL
    ) STRICT;
    CREATE INDEX checklist_runs_ticket ON checklist_runs (ticket_id, id);

    CREATE TABLE checklist_steps (
      run_id INTEGER NOT NULL REFERENCES checklist_runs (id),
      step_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'skipped', 'failed', 'blocked')),
      answer TEXT CHECK (answer IN ('yes', 'no')),
      note TEXT NOT NULL DEFAULT '',
      attachment_id INTEGER REFERENCES attachments (id),
      actor TEXT,
      at TEXT,
      due_date TEXT,
      PRIMARY KEY (run_id, step_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
