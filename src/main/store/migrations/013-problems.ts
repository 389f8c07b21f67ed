import type { Migration } from './types';

/**
 * Problems: recurring causes behind incidents, with their blameless analysis and action items. A ticket belongs
 * to at most one problem (`problem_links.ticket_id` is unique): it has one cause. Dismissed patterns keep the
 * tickets they named, so the same group is not offered again. Removal of a problem is soft: its log stays readable.
 */
export const migration013: Migration = {
  version: 13,
  name: 'Problems',
  up: `
    CREATE TABLE problems (
      id INTEGER PRIMARY KEY,
      state TEXT NOT NULL,
      content TEXT NOT NULL,
      rca TEXT NOT NULL,
      article_id INTEGER,
      fixed_at TEXT,
      version INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE INDEX problems_state ON problems (state) WHERE removed = 0;

    CREATE TABLE problem_links (
      problem_id INTEGER NOT NULL REFERENCES problems (id),
      ticket_id INTEGER NOT NULL UNIQUE REFERENCES tickets (id),
      linked_at TEXT NOT NULL,
      PRIMARY KEY (problem_id, ticket_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE problem_actions (
      id INTEGER PRIMARY KEY,
      problem_id INTEGER NOT NULL REFERENCES problems (id),
      title TEXT NOT NULL,
      owner TEXT NOT NULL,
      due TEXT NOT NULL,
      state TEXT NOT NULL,
      done_at TEXT,
      reminded_at TEXT,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX problem_actions_due ON problem_actions (state, due);
    CREATE INDEX problem_actions_problem ON problem_actions (problem_id, id);

    -- Pattern detection reads the tickets of its window (the last 60 days by default) by when they came in.
    CREATE INDEX tickets_created ON tickets (created_at, id);

    CREATE TABLE pattern_dismissals (
      id INTEGER PRIMARY KEY,
      ticket_ids TEXT NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL
    ) STRICT;
  `,
};
