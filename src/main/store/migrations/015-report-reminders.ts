import type { Migration } from './types';

/** The monthly report is reminded once per month: which months were, and when. */
export const migration015: Migration = {
  version: 15,
  name: 'Monthly report reminders',
  up: `CREATE TABLE report_reminders (month TEXT PRIMARY KEY, at TEXT NOT NULL) STRICT, WITHOUT ROWID;`,
};
