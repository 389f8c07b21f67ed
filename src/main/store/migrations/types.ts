import type { DatabaseSync } from 'node:sqlite';

export type Migration = {
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. */
  up: string;
  /** Work SQL alone cannot do (rehashing the event chain), run after `up` in the same transaction. */
  run?: (db: DatabaseSync) => void;
};
