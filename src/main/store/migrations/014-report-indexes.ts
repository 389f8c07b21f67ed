import type { Migration } from './types';

/** Reports count tickets resolved within a period: by an index on when they were resolved. */
export const migration014: Migration = {
  version: 14,
  name: 'Report indexes',
  up: `CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE resolved_at IS NOT NULL;`,
};
