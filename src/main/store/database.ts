import { chmodSync, existsSync } from 'node:fs';
import { DIR_MODE, ensureDirDurably, FILE_MODE } from '../files/durableFile';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/errors';
import { latestSchemaVersion, migrations } from './migrations';
import type { Migration } from './migrations/types';
import { assertDurableSettings, assertSqliteVersion, checkProblems } from './integrity';
import { takeCleanMarker } from './cleanShutdown';
import { sql } from './statements';

export type Db = DatabaseSync;

export const databaseFile = (dataDir: string): string => join(dataDir, 'leitstand.sqlite');

export type OpenedDatabase = {
  db: Db;
  /** What `PRAGMA quick_check` found; when not empty the connection is query-only and nothing is migrated. */
  problems: string[];
  /**
   * Whether writes may start: the quick check ran here, or the last session closed this very file cleanly after
   * its full check passed (`cleanStart`). When false, the caller holds writes until the check has run elsewhere.
   */
  quickChecked: boolean;
  /** The clean-shutdown marker matched: the quick check is not needed before writing; the full one still runs. */
  cleanStart: boolean;
};

const unreadable = (error: unknown) =>
  new AppError('store_unavailable', 'store_unreadable', {
    reason: error instanceof Error ? error.message : String(error),
  });

/**
 * Opens (creating if needed) the data directory's database, migrated to the newest schema.
 * A damaged file is opened query-only and left exactly as it is; a newer schema or an unsafe SQLite is refused.
 * The quick check reads every page (over a second at 100,000 tickets), so `deferQuickCheck` leaves it to a
 * background thread, unless a migration is due: nothing is ever written to a file that was not checked — in this
 * start, or (clean-shutdown marker) by the full check of the session that closed this exact file cleanly.
 */
export function openDatabase(
  dataDir: string,
  list: readonly Migration[] = migrations,
  { deferQuickCheck = false }: { deferQuickCheck?: boolean } = {},
): OpenedDatabase {
  ensureDirDurably(dataDir);
  // Only the desk's own user may read its memory (as Signal keeps its folder): also for older installs.
  restrictPermissions(dataDir, DIR_MODE);
  // Taken before the file is opened (opening creates a WAL) and removed either way: it vouches for one start only.
  const cleanStart = existsSync(databaseFile(dataDir)) && takeCleanMarker(databaseFile(dataDir));
  const db = new DatabaseSync(databaseFile(dataDir));
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    assertSqliteVersion(db);
    let version: number;
    try {
      version = schemaVersion(db);
    } catch (error) {
      throw unreadable(error);
    }
    // A migration is a write: never to a file not checked in this start, clean marker or not.
    const checkNow = !deferQuickCheck || version < list.length;
    const trusted = !checkNow && cleanStart;
    let problems: string[] = [];
    if (checkNow) {
      try {
        problems = checkProblems(db, 'quick_check');
      } catch (error) {
        throw unreadable(error);
      }
    }
    if (problems.length > 0) {
      db.exec('PRAGMA query_only = ON');
      return { db, problems, quickChecked: true, cleanStart: false };
    }
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    // Deleted content is zeroed where that costs no extra I/O (FAST); an erasure zeroes everything (ON) and then
    // rebuilds the file (VACUUM), so nothing erased stays in free pages (GDPR Art. 17). ON throughout cost a quarter
    // of the write throughput.
    db.exec('PRAGMA secure_delete = FAST');
    // 64 MB of page cache instead of SQLite's 2 MB: the board's 600 cards and a list page read their rows from
    // memory instead of the OS (at 100,000 tickets that halved reading the board's cards).
    db.exec('PRAGMA cache_size = -65536');
    assertDurableSettings(db);
    migrate(db, list);
    for (const suffix of ['', '-wal', '-shm']) restrictPermissions(`${databaseFile(dataDir)}${suffix}`, FILE_MODE);
    return { db, problems: [], quickChecked: checkNow || trusted, cleanStart: trusted };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Best effort: a file system without POSIX modes (FAT, Windows) keeps its own rules. */
function restrictPermissions(path: string, mode: number): void {
  try {
    if (existsSync(path)) chmodSync(path, mode);
  } catch {
    // Not ours to change (a share mounted with fixed modes): the folder's own protection applies.
  }
}

export const schemaVersion = (db: Db): number =>
  Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);

export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const known = list.length === migrations.length ? latestSchemaVersion : list.length;
  const found = schemaVersion(db);
  if (found > known) {
    throw new AppError('store_unavailable', 'store_too_new', { found, known });
  }
  for (const migration of list) {
    if (migration.version <= found) continue;
    transaction(db, () => {
      db.exec(migration.up);
      migration.run?.(db);
      // PRAGMA takes no parameters; the version is a number from our own list.
      db.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
    });
  }
}

let depth = 0;

/**
 * Runs `work` in one IMMEDIATE transaction: all of it is committed, or none of it. Never async.
 * Inside an open transaction it nests as a savepoint, so a batch (a user action, the seeder, an import) can group
 * many changes into one commit while each change still rolls back on its own. Savepoints are named by depth, so
 * their statements are prepared once (the seeder opens millions).
 */
export function transaction<T>(db: Db, work: () => T): T {
  if (db.isTransaction) {
    const name = `nested_${++depth}`;
    sql(db, `SAVEPOINT ${name}`).run();
    try {
      const result = work();
      sql(db, `RELEASE ${name}`).run();
      return result;
    } catch (error) {
      sql(db, `ROLLBACK TO ${name}`).run();
      sql(db, `RELEASE ${name}`).run();
      throw error;
    } finally {
      depth -= 1;
    }
  }
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
