import type { ChangeEvent } from '../../shared/contract';
import type { Settings } from '../../shared/domain/settings';
import type { Db } from '../store/database';

/** What every service gets: the database, the data directory, a clock, and a way to commit changes. */
export type ServiceContext = {
  db: Db;
  dataDir: string;
  now: () => Date;
  settings: () => Settings;
  /**
   * Runs `work` in one transaction and, once it has committed, announces `changes` to every window.
   * The change and its event rows are written inside `work`, so both land or neither does.
   */
  write: <T>(work: () => T, changes: (result: T) => ChangeEvent[]) => T;
};
